package generator

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"
)

// chromeData is what a page shows around its node: the title bar, the
// footer and the definitions popup, and what they link to. Pages whose
// chrome is the same share one chromeData, so that the templates of the
// chrome run once for all of them (for a start, once per folder depth)
// instead of once per page: on a large wizard they were half the time
// spent in the templates.
//
// A page template sees these fields as its own (pageData embeds the
// chrome). {{.Render "titlebar.html"}} runs a template with the chrome
// as its data and keeps the result; such a template can show only what
// the chrome holds, so it cannot show anything of one page on another.
type chromeData struct {
	Site        *Settings       // site.yaml
	T           *Strings        // interface strings of the site's language
	Home        navLink         // the start page
	Back        *navLink        // the parent node; nil on the start page and the 404 page
	Definitions definitionsData // the popup
	Contact     *navLink        // the footer's contact link, nil without one
	DevScript   string          // the live-reload script of `wizard serve`; empty in a build

	overviewHref    string            // the overview, from these pages
	overviewCurrent bool              // the page is the overview
	assets          map[string]string // theme assets by name, as hrefs from these pages
	tmpl            *themeTemplates

	mu    sync.Mutex
	parts map[string]template.HTML // rendered templates by name
}

// Asset returns the relative href of a theme asset, such as "style.css".
func (c *chromeData) Asset(name string) string {
	if href, ok := c.assets[name]; ok {
		return href
	}
	return name
}

// OverviewHref is the relative link to the overview, for the footer.
func (c *chromeData) OverviewHref() string { return c.overviewHref }

// OverviewCurrent reports whether the page is the overview itself.
func (c *chromeData) OverviewCurrent() bool { return c.overviewCurrent }

// Render runs the named template with the chrome as its data, once for
// all the pages that share the chrome.
func (c *chromeData) Render(name string) (template.HTML, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if html, ok := c.parts[name]; ok {
		return html, nil
	}
	var b strings.Builder
	if err := c.tmpl.execute(&b, name, c); err != nil {
		// Positioned here: the page's template wraps what Render returns.
		e := c.tmpl.error(err, name)
		if strings.Contains(e.Err.Error(), "can't evaluate field") {
			e.Err = fmt.Errorf("%w (a template run by .Render is shared by many pages: it sees .Site, .T, .Home, .Back, .Definitions, .Contact, .DevScript, .Asset and .OverviewHref, not the page's own fields)", e.Err)
		}
		return "", e
	}
	c.keep(name, template.HTML(b.String()))
	return c.parts[name], nil
}

// keep records what a template rendered, for the next pages.
func (c *chromeData) keep(name string, html template.HTML) {
	if c.parts == nil {
		c.parts = map[string]template.HTML{}
	}
	c.parts[name] = html
}

// chromes hands out the chrome of pages, one value for all the pages
// whose chrome is the same. It is safe for concurrent use.
type chromes struct {
	mu     sync.Mutex
	byKey  map[string]*chromeData
	assets []string // the names of the theme's assets, sorted
}

// chromeFor returns the chrome of a page in the output folder dir.
func (r *pageRenderer) chromeFor(dir string, home navLink, back *navLink, overviewCurrent bool) *chromeData {
	return r.chromeOf(dir, home, back, overviewCurrent, true)
}

// chromeOf is chromeFor; without contact, the footer has no contact
// link, for a page whose own text links to the same place.
func (r *pageRenderer) chromeOf(dir string, home navLink, back *navLink, overviewCurrent, contact bool) *chromeData {
	defs := r.definitionsFor(dir)
	overviewHref := relURL(dir, r.dir+overviewPage)
	// The key is everything in the chrome that differs between pages;
	// the chrome itself is made only for a key not met before.
	var key strings.Builder
	key.Write(defs.key[:])
	keyLink(&key, home)
	if back != nil {
		keyLink(&key, *back)
	}
	key.WriteString(overviewHref)
	if overviewCurrent {
		key.WriteString("\x00current")
	}
	if !contact {
		key.WriteString("\x00no contact")
	}
	r.chromes.mu.Lock()
	defer r.chromes.mu.Unlock()
	if r.chromes.assets == nil {
		r.chromes.assets = make([]string, 0, len(r.assets))
		for name := range r.assets {
			r.chromes.assets = append(r.chromes.assets, name)
		}
		slices.Sort(r.chromes.assets)
	}
	hrefs := make([]string, len(r.chromes.assets))
	for i, name := range r.chromes.assets {
		hrefs[i] = relURL(dir, r.assets[name])
		key.WriteString("\x00" + hrefs[i])
	}
	if shared, ok := r.chromes.byKey[key.String()]; ok {
		return shared
	}
	c := &chromeData{
		Site: r.site, T: r.t, Home: home, Back: back, DevScript: r.devScript,
		Definitions:     defs,
		overviewHref:    overviewHref,
		overviewCurrent: overviewCurrent,
		assets:          make(map[string]string, len(hrefs)),
		tmpl:            r.tmpl,
	}
	for i, name := range r.chromes.assets {
		c.assets[name] = hrefs[i]
	}
	if contact && r.site.Contact.URL != "" {
		c.Contact = &navLink{Href: r.site.Contact.URL, Label: r.site.Contact.Label}
	}
	if r.chromes.byKey == nil {
		r.chromes.byKey = map[string]*chromeData{}
	}
	r.chromes.byKey[key.String()] = c
	return c
}

// keyLink adds a link to a chrome's key.
func keyLink(b *strings.Builder, l navLink) {
	b.WriteString("\x00" + l.Href + "\x00" + l.Label)
	if l.Current {
		b.WriteString("\x00current")
	}
}
