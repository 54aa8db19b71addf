package generator

import (
	"html/template"
	"slices"
)

// The built-in theme's page of a node, written in Go: what page.html and
// the templates it calls make once minified and escaped by html/template,
// byte for byte (TestBuiltInThemeIsTheTemplates, FuzzGenerate). It is
// used while the site has no template of its own. html/template calls
// every escaper of every value by reflection: with the templates alone,
// a cold build of 10,000 nodes takes about 1.5 times as long (see the
// package manual, Templates).
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
	b = appendSwitch(b, d)
	b = appendCrumbs(b, d)
	b = append(b, `<main id="main" tabindex="-1"><div class="heading">`...)
	if d.Context != "" {
		b = append(b, `<p class="context"`...)
		b = appendLang(b, d.ContextLang)
		b = append(b, '>')
		b = appendHTML(b, d.Context)
		b = append(b, `</p>`...)
	}
	b = append(b, `<h1`...)
	b = appendLang(b, d.ContentLang)
	b = append(b, '>')
	b = appendHTML(b, d.Node.Title)
	b = append(b, `</h1></div>`...)
	if d.ContentLang != "" {
		b = append(b, `<p class="untranslated">`...)
		b = appendHTML(b, d.T.Untranslated)
		b = append(b, `</p>`...)
	}
	b = appendBodyPart(b, &d.Above)
	if len(d.Choices) > 0 {
		b = append(b, `<nav class="choices" aria-labelledby="choices-title"><h2 id="choices-title"`...)
		prompt := d.Prompt
		if prompt == "" {
			b = append(b, ` class="visually-hidden"`...)
			prompt = d.T.Choices
		} else {
			b = appendLang(b, d.ContentLang)
		}
		b = append(b, '>')
		b = appendHTML(b, prompt)
		b = append(b, `</h2><ul>`...)
		for _, c := range d.Choices {
			b = appendItem(b, &c)
		}
		b = append(b, `</ul></nav>`...)
	}
	b = appendBodyPart(b, &d.Below)
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

// appendBodyPart appends what a page shows of its body on one side of
// its choices: page.html's "body-part".
func appendBodyPart(b []byte, side *bodySide) []byte {
	p := &side.Body
	if p.Content != "" {
		b = append(b, `<div class="content"`...)
		b = appendLang(b, side.Lang)
		b = append(b, '>')
		b = append(b, p.Content...)
		b = append(b, `</div>`...)
	}
	for _, n := range p.Notes {
		b = append(b, `<aside class="note" aria-label="`...)
		b = appendHTML(b, side.T.Note)
		b = append(b, '"')
		b = appendLang(b, side.Lang)
		b = append(b, '>')
		b = append(b, n...)
		b = append(b, `</aside>`...)
	}
	for _, a := range p.Actions {
		b = append(b, `<div class="optional"`...)
		b = appendLang(b, side.Lang)
		b = append(b, '>')
		b = append(b, a...)
		b = append(b, `</div>`...)
	}
	return b
}

// appendLang appends the attribute lang="…" of an element whose text
// is not in the page's language; nothing for lang "".
func appendLang(b []byte, lang string) []byte {
	if lang == "" {
		return b
	}
	b = append(b, ` lang="`...)
	b = appendHTML(b, lang)
	return append(b, '"')
}

// appendItem appends a list item with a link: of the choices and of the
// breadcrumbs.
func appendItem(b []byte, l *navLink) []byte {
	b = append(b, `<li><a href="`...)
	b = appendURL(b, l.Href)
	b = append(b, '"')
	b = appendLang(b, l.Lang)
	b = append(b, '>')
	b = appendHTML(b, l.Label)
	return append(b, `</a></li>`...)
}

// appendSwitch appends the links to the same page in the other
// languages: switch.html.
func appendSwitch(b []byte, d *pageData) []byte {
	if len(d.Switch) == 0 {
		return b
	}
	b = append(b, `<nav class="language-switch" aria-label="`...)
	b = appendHTML(b, d.T.Languages)
	b = append(b, `"><ul>`...)
	for _, l := range d.Switch {
		b = append(b, `<li><a href="`...)
		b = appendURL(b, l.Href)
		b = append(b, `" hreflang="`...)
		b = appendHTML(b, l.Lang)
		b = append(b, `" lang="`...)
		b = appendHTML(b, l.Lang)
		b = append(b, `">`...)
		b = appendHTML(b, l.Label)
		b = append(b, `</a></li>`...)
	}
	return append(b, `</ul></nav>`...)
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
	if l.Lang != "" {
		b = append(b, `<span`...)
		b = appendLang(b, l.Lang)
		b = append(b, '>')
		b = appendHTML(b, l.Label)
		return append(b, `</span></a>`...)
	}
	b = appendHTML(b, l.Label)
	return append(b, `</a>`...)
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
	if d.Canonical != "" {
		b = append(b, `<link rel="canonical" href="`...)
		b = appendURL(b, d.Canonical)
		b = append(b, `">`...)
	}
	for _, a := range d.Alternates {
		b = append(b, `<link rel="alternate" hreflang="`...)
		b = appendHTML(b, a.Lang)
		b = append(b, `" href="`...)
		b = appendURL(b, a.Href)
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
	if len(d.Crumbs) == 0 {
		return b
	}
	b = append(b, `<nav class="breadcrumbs" aria-label="`...)
	b = appendHTML(b, d.T.Breadcrumbs)
	b = append(b, `"><ol>`...)
	for _, c := range d.Crumbs {
		b = appendItem(b, &c)
	}
	return append(b, `</ol></nav>`...)
}
