package generator

import "slices"

// The page of a node, written in Go as the built-in theme's templates
// page.html, top.html, head.html and breadcrumbs.html write it, once
// minified and escaped by html/template. It is used when the site's
// theme has no template of its own: then it gives the same bytes as the
// templates (TestBuiltInPageIsTheTemplates), in a fraction of the time,
// for html/template calls every escaper of every value by reflection.
// On a wizard of 10,000 nodes those calls were a quarter of the build.
//
// The title bar and the bottom of the page are still the templates',
// through .Render, which runs them once for all the pages that share
// them. A change to one of the four templates needs the same change
// here; the test fails until it is made.

// builtInPage appends the page of d to b.
func (r *pageRenderer) builtInPage(b []byte, d *pageData) ([]byte, error) {
	titlebar, err := d.Render("titlebar.html")
	if err != nil {
		return nil, err
	}
	bottom, err := d.Render("bottom.html")
	if err != nil {
		return nil, err
	}
	size := 1024 + len(titlebar) + len(bottom) + len(d.Body.Content) + 160*(len(d.Crumbs)+len(d.Choices))
	for _, n := range d.Body.Notes {
		size += len(n) + 64
	}
	for _, a := range d.Body.Actions {
		size += len(a) + 96
	}
	b = slices.Grow(b, size)

	// top.html and head.html
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
	b = append(b, `<div class="page">`...)

	// breadcrumbs.html
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
	b = append(b, `</ol></nav>`...)

	// page.html
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
	b = append(b, bottom...)
	return b, nil
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
