package generator

import (
	"bytes"
	"slices"
	"strings"
)

// languagesCSS is the theme's stylesheet of what only a site of several
// languages shows (the switch, the notice on an untranslated page, the
// page to choose a language): added to style.css there, so that a site
// of one language keeps its stylesheet as it was.
const languagesCSS = "languages.css"

// withLanguagesCSS is style.css with the theme's languages.css after it.
func withLanguagesCSS(th *themeLayers, style []byte) []byte {
	f, err := th.file("static/" + languagesCSS)
	if err != nil {
		return style
	}
	return slices.Concat(style, []byte("\n"), f.data)
}

// Language is one language of a built site.
type Language struct {
	Code  string  // the language code, such as "nl"
	Nodes []*Node // the nodes as the language's pages show them, in path order
	// Missing are the files of content/ without a translation into the
	// language, whose texts its pages show in the default language:
	// nodes and _definitions.md, in path order. None for the default.
	Missing []string
}

// newRenderers makes the renderer of each language, the default first:
// the default's graph w, and for each other a translated copy of it.
func newRenderers(langs []language, w *wizard, l *loader, tmpl *themeTemplates, icons map[string]string, opts Options) []*pageRenderer {
	rs := make([]*pageRenderer, len(langs))
	def := langs[0].site.Language
	for i, lg := range langs {
		g := w
		if i > 0 {
			g = w.translate(def, lg.site.Language+"/", l.src.translations[lg.site.Language], l)
		}
		site := lg.site
		if site.Title == "" {
			site.Title = g.root.Title
		}
		rs[i] = &pageRenderer{
			site: &site, t: lg.t, tmpl: tmpl, w: g, md: newMarkdown(icons, lg.t), loader: l, devScript: opts.DevScript,
			bodies: make(map[*Node]renderedBody, len(g.nodes)), definitions: map[string]definitionsData{},
			builtIn: tmpl != nil && !tmpl.modified && !opts.templatePages,
		}
	}
	if len(rs) == 1 {
		return rs
	}
	for i, r := range rs {
		r.langs, r.dir = rs, r.site.Language+"/"
		if i > 0 {
			r.memoKey = r.site.Language + "\x00"
		}
	}
	return rs
}

// siteLanguages lists the languages of a build.
func siteLanguages(rs []*pageRenderer) []Language {
	out := make([]Language, len(rs))
	for i, r := range rs {
		out[i] = Language{Code: r.site.Language, Nodes: r.w.nodes}
		if i == 0 {
			continue
		}
		for _, n := range r.w.nodes {
			if n.Lang != "" {
				out[i].Missing = append(out[i].Missing, n.File)
			}
		}
		if d := r.w.definitions; d != nil && d.Lang != "" {
			out[i].Missing = append(out[i].Missing, d.File)
		}
		slices.Sort(out[i].Missing)
	}
	return out
}

// markdownFor is the Markdown renderer of n's body: the default
// language's for a node shown untranslated, so that what its body says
// for screen readers (an external link) is in the body's language.
func (r *pageRenderer) markdownFor(n *Node) *markdown {
	if n.Lang != "" {
		return r.langs[0].md
	}
	return r.md
}

// stringsFor are the interface strings of what a page shows of n's
// body: the default language's for a node shown untranslated.
func (r *pageRenderer) stringsFor(n *Node) *Strings {
	if n.Lang != "" {
		return r.langs[0].t
	}
	return r.t
}

// twins are the same page in every language, as links from the folder
// dir: the page of each renderer whose output path at says. With
// absolute, the links are the pages' absolute addresses.
func (r *pageRenderer) twins(dir string, absolute bool, at func(o *pageRenderer) string) (all []navLink) {
	for _, o := range r.langs {
		href := relURL(dir, at(o))
		if absolute {
			href = r.site.absoluteURL(prettyPath(at(o)))
		}
		all = append(all, navLink{Href: href, Label: o.t.LanguageName, Lang: o.site.Language})
	}
	return all
}

// setLanguages gives a page in the folder dir its links to the same page
// in the other languages (the switch) and its alternates, each
// language's page, which at finds.
func (r *pageRenderer) setLanguages(d *pageData, dir string, at func(o *pageRenderer) string) {
	if r.langs == nil {
		return
	}
	d.Alternates = r.twins(dir, r.site.BaseURL != "", at)
	for i, l := range r.twins(dir, false, at) {
		if r.langs[i] != r {
			d.Switch = append(d.Switch, l)
		}
	}
}

// languagePart is one language of the pages that speak every language:
// the root page that lets the visitor choose, and the 404 page.
type languagePart struct {
	Lang string    // the language code
	Site *Settings // the settings in the language
	T    *Strings  // the interface strings of the language
	Home navLink   // its start page
}

// languageParts are the parts of rs's languages, from the folder dir.
func languageParts(rs []*pageRenderer, dir string) []languagePart {
	parts := make([]languagePart, len(rs))
	for i, o := range rs {
		parts[i] = languagePart{Lang: o.site.Language, Site: o.site, T: o.t, Home: o.link(dir, o.w.root, o.w.root.LinkTitle)}
	}
	return parts
}

// chooserData is what templates/languages.html is given: the root page
// of a site of several languages, which lets the visitor choose one.
type chooserData struct {
	*pageData
	Languages []languagePart // every language, the default first
}

// renderChooser makes the root page of a site of several languages,
// index.html: a link to each language's start page, each in its own
// language.
func (r *pageRenderer) renderChooser() ([]byte, error) {
	d := &chooserData{pageData: &pageData{}, Languages: languageParts(r.langs, "")}
	var heading, titles []string
	for _, p := range d.Languages {
		heading, titles = append(heading, p.T.ChooseLanguage), append(titles, p.Site.Title)
	}
	d.Title = strings.Join(heading, " / ") + " – " + strings.Join(titles, " / ")
	d.setChrome(r.chromeFor("", d.Languages[0].Home, nil, false))
	if r.site.BaseURL != "" {
		d.Canonical = r.site.absoluteURL("")
	}
	var buf bytes.Buffer
	if err := r.tmpl.execute(&buf, "languages.html", d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// notFoundData is what templates/404.html is given: the 404 page, in
// the default language, and in a site of several languages the same
// words in each other language, leading to its start page.
type notFoundData struct {
	*pageData
	Others []languagePart
}

// notFoundTitle is the window title of the 404 page, in every language.
func notFoundTitle(r *pageRenderer, others []languagePart) string {
	title := r.t.NotFoundTitle + " – " + r.site.Title
	for _, o := range others {
		title += " / " + o.T.NotFoundTitle + " – " + o.Site.Title
	}
	return title
}
