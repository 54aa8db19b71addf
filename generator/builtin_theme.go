package generator

import (
	"html/template"
	"slices"
)

// The built-in theme's templates, written in Go: what templates/*.html
// make once minified and escaped by html/template, byte for byte
// (TestBuiltInThemeIsTheTemplates, FuzzGenerate). They are used while
// the site has no template of its own; then the templates are not even
// parsed. html/template calls every escaper of every value by
// reflection: on a wizard of 10,000 nodes that was a quarter of the
// build, and on the eGov site a sixth of the process, with parsing and
// escaping the templates on their first run.
//
// A change to a built-in template needs the same change here: the tests
// fail until it is made. Each function below names the templates it
// stands for.

// builtInPage appends the page of a node to b: page.html.
func (r *pageRenderer) builtInPage(b []byte, d *pageData) ([]byte, error) {
	size := 1024 + len(d.Body.Content) + 160*(len(d.Crumbs)+len(d.Choices))
	for _, n := range d.Body.Notes {
		size += len(n) + 64
	}
	for _, a := range d.Body.Actions {
		size += len(a) + 96
	}
	b, bottom, err := appendTop(b, d, size)
	if err != nil {
		return nil, err
	}
	b = appendCrumbs(b, d)
	b = append(b, `<main id="main" tabindex="-1"><div class="heading">`...)
	if d.Context != "" {
		b = append(b, `<p class="context">`...)
		b = appendHTML(b, d.Context)
		b = append(b, `</p>`...)
	}
	b = append(b, `<h1>`...)
	b = appendHTML(b, d.Node.Title)
	b = append(b, `</h1></div>`...)
	if d.Body.Content != "" {
		b = append(b, `<div class="content">`...)
		b = append(b, d.Body.Content...)
		b = append(b, `</div>`...)
	}
	if len(d.Choices) > 0 {
		b = append(b, `<nav class="choices" aria-labelledby="choices-title"><h2 id="choices-title"`...)
		prompt := d.Prompt
		if prompt == "" {
			b = append(b, ` class="visually-hidden"`...)
			prompt = d.T.Choices
		}
		b = append(b, '>')
		b = appendHTML(b, prompt)
		b = append(b, `</h2><ul>`...)
		for _, c := range d.Choices {
			b = append(b, `<li><a href="`...)
			b = appendURL(b, c.Href)
			b = append(b, `">`...)
			b = appendHTML(b, c.Label)
			b = append(b, `</a></li>`...)
		}
		b = append(b, `</ul></nav>`...)
	}
	for _, n := range d.Body.Notes {
		b = append(b, `<aside class="note" aria-label="`...)
		b = appendHTML(b, d.T.Note)
		b = append(b, `">`...)
		b = append(b, n...)
		b = append(b, `</aside>`...)
	}
	for _, a := range d.Body.Actions {
		b = append(b, `<aside class="optional"><h2 class="optional-title">`...)
		b = appendHTML(b, d.T.OptionalAction)
		b = append(b, `</h2>`...)
		b = append(b, a...)
		b = append(b, `</aside>`...)
	}
	if d.Prev != nil || d.Next != nil {
		b = append(b, `<nav class="sequence" aria-label="`...)
		b = appendHTML(b, d.T.Sequence)
		b = append(b, `">`...)
		if d.Prev != nil {
			b = appendSequenceLink(b, d.Prev, "prev", d.T.Previous)
		}
		if d.Prev != nil && d.Next != nil {
			b = append(b, '\n')
		}
		if d.Next != nil {
			b = appendSequenceLink(b, d.Next, "next", d.T.Next)
		}
		b = append(b, `</nav>`...)
	}
	b = append(b, `</main>`...)
	return append(b, bottom...), nil
}

// appendSequenceLink appends the previous or next link of a sequence:
// class and rel are "prev" or "next", dir the word before the label.
func appendSequenceLink(b []byte, l *navLink, rel, dir string) []byte {
	b = append(b, `<a class="`...)
	b = append(b, rel...)
	b = append(b, `" href="`...)
	b = appendURL(b, l.Href)
	b = append(b, `" rel="`...)
	b = append(b, rel...)
	b = append(b, `"><span class="sequence-dir">`...)
	b = appendHTML(b, dir)
	b = append(b, `</span> `...)
	b = appendHTML(b, l.Label)
	return append(b, `</a>`...)
}

// builtIn404 appends the 404 page: 404.html.
func (r *pageRenderer) builtIn404(b []byte, d *pageData) ([]byte, error) {
	b, bottom, err := appendTop(b, d, 1024)
	if err != nil {
		return nil, err
	}
	b = append(b, `<main id="main" tabindex="-1"><div class="heading"><h1>`...)
	b = appendHTML(b, d.T.NotFoundTitle)
	b = append(b, `</h1></div><div class="content"><p>`...)
	b = appendHTML(b, d.T.NotFoundText)
	b = append(b, `</p><p><a href="`...)
	b = appendURL(b, d.Home.Href)
	b = append(b, `">`...)
	b = appendHTML(b, d.T.ToStart)
	b = append(b, `</a></p></div></main>`...)
	return append(b, bottom...), nil
}

// builtInOverview appends the overview page: overview.html.
func (r *pageRenderer) builtInOverview(b []byte, d *overviewData) ([]byte, error) {
	b, bottom, err := appendTop(b, d.pageData, 1024+len(d.Map)+len(d.List))
	if err != nil {
		return nil, err
	}
	b = appendCrumbs(b, d.pageData)
	b = append(b, `<main id="main" tabindex="-1"><div class="heading"><h1>`...)
	b = appendHTML(b, d.T.OverviewTitle)
	b = append(b, `</h1></div><div class="content"><p>`...)
	b = appendHTML(b, d.T.OverviewIntro)
	b = append(b, `</p></div><div class="overview">`...)
	b = append(b, d.Map...)
	b = append(b, `</div><details class="overview-list"><summary>`...)
	b = appendHTML(b, d.T.OverviewAsList)
	b = append(b, `</summary>`...)
	b = append(b, d.List...)
	b = append(b, `</details></main>`...)
	return append(b, bottom...), nil
}

// appendTop appends the top of a page, up to its breadcrumbs: top.html
// and head.html, with the title bar that the chrome renders once. It
// grows b first for the top, the bottom and more bytes, and returns the
// bottom (bottom.html, also rendered once by the chrome) for the caller
// to end the page with.
func appendTop(b []byte, d *pageData, more int) ([]byte, template.HTML, error) {
	titlebar, err := d.Render("titlebar.html")
	if err != nil {
		return nil, "", err
	}
	bottom, err := d.Render("bottom.html")
	if err != nil {
		return nil, "", err
	}
	b = slices.Grow(b, 512+len(titlebar)+len(bottom)+more)
	b = append(b, `<!doctype html><html lang="`...)
	b = appendHTML(b, d.Site.Language)
	b = append(b, `"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>`...)
	b = appendHTML(b, d.Title)
	b = append(b, `</title>`...)
	if d.Node != nil && d.Node.Description != "" {
		b = append(b, `<meta name="description" content="`...)
		b = appendHTML(b, d.Node.Description)
		b = append(b, `">`...)
	}
	if d.Base != "" {
		b = append(b, `<base href="`...)
		b = appendURL(b, d.Base)
		b = append(b, `">`...)
	}
	if d.Canonical != "" {
		b = append(b, `<link rel="canonical" href="`...)
		b = appendURL(b, d.Canonical)
		b = append(b, `">`...)
	}
	b = append(b, `<link rel="stylesheet" href="`...)
	b = appendURL(b, d.Asset("style.css"))
	b = append(b, `"><link rel="icon" href="`...)
	b = appendURL(b, d.Asset("favicon.svg"))
	b = append(b, `" type="image/svg+xml"></head><body><a class="skip-link" href="#main">`...)
	b = appendHTML(b, d.T.SkipToContent)
	b = append(b, `</a>`...)
	b = append(b, titlebar...)
	return append(b, `<div class="page">`...), bottom, nil
}

// appendCrumbs appends the breadcrumbs: breadcrumbs.html.
func appendCrumbs(b []byte, d *pageData) []byte {
	b = append(b, `<nav class="breadcrumbs" aria-label="`...)
	b = appendHTML(b, d.T.Breadcrumbs)
	b = append(b, `"><ol>`...)
	for _, c := range d.Crumbs {
		b = append(b, `<li><a href="`...)
		b = appendURL(b, c.Href)
		if c.Current {
			b = append(b, `" aria-current="page">`...)
		} else {
			b = append(b, `">`...)
		}
		b = appendHTML(b, c.Label)
		b = append(b, `</a></li>`...)
	}
	return append(b, `</ol></nav>`...)
}

// builtInPart renders a template of the chrome: titlebar.html, or
// bottom.html with footer.html and definitions.html. It reports false
// for any other name.
func (c *chromeData) builtInPart(name string) (template.HTML, bool) {
	var b []byte
	switch name {
	case "titlebar.html":
		b = c.appendTitlebar(make([]byte, 0, 2048))
	case "bottom.html":
		b = c.appendBottomPart(make([]byte, 0, 2048+len(c.Definitions.Body)))
	default:
		return "", false
	}
	return template.HTML(b), true
}

// appendTitlebar appends titlebar.html.
func (c *chromeData) appendTitlebar(b []byte) []byte {
	b = append(b, `<header class="titlebar"><div class="bar"><div class="brand"><p class="site-title">`...)
	b = appendHTML(b, c.Site.Title)
	if c.Site.Tagline != "" {
		b = append(b, ` <span class="tagline">`...)
		b = appendHTML(b, c.Site.Tagline)
		b = append(b, `</span>`...)
	}
	b = append(b, `</p>`...)
	if c.Site.Subtitle != "" {
		b = append(b, `<p class="site-subtitle">`...)
		b = appendHTML(b, c.Site.Subtitle)
		b = append(b, `</p>`...)
	}
	b = append(b, `</div><div class="tools"><a class="tool" href="`...)
	b = appendURL(b, c.Home.Href)
	b = append(b, '"')
	if c.Home.Current {
		b = append(b, ` aria-current="page"`...)
	}
	b = append(b, '>')
	b = append(b, c.icons["home"]...)
	b = append(b, `<span class="tool-label">`...)
	b = appendHTML(b, c.T.Home)
	b = append(b, `</span></a>`...)
	if c.Back != nil {
		b = append(b, "\n"+`<a class="tool" href="`...)
		b = appendURL(b, c.Back.Href)
		b = append(b, `">`...)
		b = append(b, c.icons["back"]...)
		b = append(b, `<span class="tool-label">`...)
		b = appendHTML(b, c.T.Back)
		b = append(b, `</span></a>`...)
	}
	if c.Definitions.Title != "" {
		b = append(b, "\n"+`<button type="button" class="tool" popovertarget="definitions">`...)
		b = append(b, c.icons["definitions"]...)
		b = append(b, `<span class="tool-label">`...)
		b = appendHTML(b, c.T.Definitions)
		b = append(b, `</span></button>`...)
	}
	return append(b, `</div></div></header>`...)
}

// appendDefinitions appends the definitions popup d: definitions.html.
func (c *chromeData) appendDefinitions(b []byte, d definitionsData) []byte {
	b = append(b, `<div id="definitions" class="definitions" popover role="dialog" aria-labelledby="definitions-title"><div class="definitions-head"><h2 id="definitions-title">`...)
	b = appendHTML(b, d.Title)
	b = append(b, `</h2><button type="button" class="close" popovertarget="definitions" popovertargetaction="hide">`...)
	b = append(b, c.icons["close"]...)
	b = append(b, `<span class="tool-label">`...)
	b = appendHTML(b, c.T.Close)
	b = append(b, `</span></button></div><div class="definitions-body">`...)
	b = append(b, d.Body...)
	return append(b, `</div></div>`...)
}

// appendBottomPart appends bottom.html, footer.html and definitions.html.
func (c *chromeData) appendBottomPart(b []byte) []byte {
	b = append(b, `</div><footer class="footer"><div class="footer-inner">`...)
	if c.Contact != nil {
		b = append(b, `<p>`...)
		b = appendHTML(b, c.T.Contact)
		b = append(b, ` <a class="external" href="`...)
		b = appendURL(b, c.Contact.Href)
		b = append(b, `">`...)
		b = append(b, c.icons["external"]...)
		b = appendHTML(b, c.Contact.Label)
		b = append(b, `<span class="visually-hidden"> `...)
		b = appendHTML(b, c.T.External)
		b = append(b, `</span></a>.</p>`...)
	}
	b = append(b, `<p class="footer-overview"><a href="`...)
	b = appendURL(b, c.overviewHref)
	b = append(b, '"')
	if c.overviewCurrent {
		b = append(b, ` aria-current="page"`...)
	}
	b = append(b, '>')
	b = appendHTML(b, c.T.OverviewTitle)
	b = append(b, `</a></p></div></footer>`...)
	if c.Definitions.Title != "" {
		b = c.appendDefinitions(b, c.Definitions)
	}
	return c.appendPageEnd(b)
}

// appendPageEnd appends what follows the definitions popup, to the end
// of the page: the live-reload script, if any, and the end tags.
func (c *chromeData) appendPageEnd(b []byte) []byte {
	if c.DevScript != "" {
		b = append(b, `<script src="`...)
		b = appendURL(b, c.DevScript)
		b = append(b, `"></script>`...)
	}
	return append(b, `</body></html>`...)
}
