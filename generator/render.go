package generator

import (
	"bytes"
	"html/template"
	"path"
	"sync"
)

// navLink is a link as the templates show it.
type navLink struct {
	Href    string // relative to the page, naming a file
	Label   string // the text
	Current bool   // the link leads to the page itself
}

// definitionsData is the content of the definitions popup.
type definitionsData struct {
	Title string        // front matter title of content/_definitions.md
	Body  template.HTML // its body

	key [32]byte // the signature of Title and Body
}

// pageData is what a page template is given.
type pageData struct {
	Site        *Settings       // site.yaml
	T           *Strings        // interface strings of the site's language
	Node        *Node           // the node of the page; nil on the 404 page
	Title       string          // the window title
	Home        navLink         // the start page
	Back        *navLink        // the parent node; nil on the start page
	Crumbs      []navLink       // the start page down to this one, the last one Current
	Context     string          // the title of the parent when it asks the question this page answers
	Prompt      string          // front matter prompt
	Choices     []navLink       // the node's choices
	Prev, Next  *navLink        // a sequence's previous and next pages
	Body        renderedBody    // the rendered Markdown
	Definitions definitionsData // the popup
	Canonical   string          // the page's absolute address when the site has a base URL
	Contact     *navLink        // the footer's contact link, nil without one
	DevScript   string          // the live-reload script of `wizard serve`; empty in a build
	Base        string          // the <base href> of the 404 page, which a host serves at any depth

	dir    string            // the page's output folder
	assets map[string]string // theme assets by name, as output paths
}

// Asset returns the relative href of a theme asset, such as "style.css".
func (p *pageData) Asset(name string) string {
	out, ok := p.assets[name]
	if !ok {
		return name
	}
	return relURL(p.dir, out)
}

// renderer makes the pages of one build.
type pageRenderer struct {
	site        *Settings
	t           *Strings
	tmpl        *template.Template
	assets      map[string]string
	w           *wizard
	bodies      map[*Node]renderedBody
	definitions map[string]definitionsData // by page folder
	md          *markdown
	devScript   string
	buffers     sync.Pool // *bytes.Buffer for renderPage
	loader      *loader
}

func (r *pageRenderer) link(from string, n *Node, label string) navLink {
	return navLink{Href: relURL(from, n.URL), Label: label}
}

// page fills the data of a node's page.
func (r *pageRenderer) page(n *Node) *pageData {
	dir := n.urlDir()
	d := &pageData{
		Site: r.site, T: r.t, Node: n, dir: dir, assets: r.assets,
		Title:     n.Title + " – " + r.site.Title,
		Home:      r.link(dir, r.w.root, r.w.root.LinkTitle),
		Prompt:    n.Prompt,
		Body:      r.bodies[n],
		DevScript: r.devScript,
	}
	if n == r.w.root {
		d.Title = r.site.Title + " – " + n.Title
		d.Home.Current = true
	}
	if n.Parent != nil {
		b := r.link(dir, n.Parent, n.Parent.LinkTitle)
		d.Back = &b
		if n.Parent.Prompt != "" {
			d.Context = n.Parent.Title
		}
	}
	for _, a := range n.Ancestors() {
		d.Crumbs = append(d.Crumbs, r.link(dir, a, a.LinkTitle))
	}
	d.Crumbs = append(d.Crumbs, navLink{Href: relURL(dir, n.URL), Label: n.LinkTitle, Current: true})
	for _, c := range n.Choices {
		d.Choices = append(d.Choices, r.link(dir, c.Node, c.Label))
	}
	if n.Prev != nil {
		l := r.link(dir, n.Prev.Node, n.Prev.Label)
		d.Prev = &l
	}
	if n.Next != nil {
		l := r.link(dir, n.Next.Node, n.Next.Label)
		d.Next = &l
	}
	r.common(d)
	if r.site.BaseURL != "" {
		d.Canonical = r.site.absoluteURL(prettyPath(n.URL))
	}
	return d
}

// common fills what every page has: definitions and contact.
func (r *pageRenderer) common(d *pageData) {
	d.Definitions = r.definitionsFor(d.dir)
	if r.site.Contact.URL != "" {
		d.Contact = &navLink{Href: r.site.Contact.URL, Label: r.site.Contact.Label}
	}
}

// anyFolder keys the definitions in r.definitions when they hold no
// relative link, and so are the same for every page.
const anyFolder = "\x00any"

// definitionsFor renders the definitions for pages in one output folder,
// so that links in them are relative to that folder.
func (r *pageRenderer) definitionsFor(dir string) definitionsData {
	if d, ok := r.definitions[dir]; ok {
		return d
	}
	if d, ok := r.definitions[anyFolder]; ok {
		return d
	}
	var d definitionsData
	key := dir
	if def := r.w.definitions; def != nil {
		d.Title = def.Title
		bc := &bodyContext{
			file: r.loader.displayPath(def.File), dir: def.dir(), pageDir: dir,
			resolve: r.w.resolve, probs: r.loader.probs, src: def.body,
		}
		d.Body = r.md.render(bc).Content
		if !bc.relative {
			key = anyFolder // nothing in it depends on where the page is
		}
	} else {
		key = anyFolder
	}
	s := newSigner([32]byte{})
	s.str(d.Title, string(d.Body))
	d.key = s.sum()
	r.definitions[key] = d
	return d
}

// prettyPath drops index.html from a page path, for canonical addresses.
func prettyPath(p string) string {
	if path.Base(p) == "index.html" {
		p = path.Dir(p)
		if p == "." {
			return ""
		}
		return p + "/"
	}
	return p
}

// execute runs a template into bytes.
func (r *pageRenderer) execute(name string, d *pageData) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.tmpl.ExecuteTemplate(&buf, name, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderPage executes page.html and minifies the result, through buffers
// that pages share: a large build would otherwise keep twice the memory
// of its pages in buffers grown for the unminified HTML.
func (r *pageRenderer) renderPage(m minifier, name string, d *pageData) ([]byte, error) {
	src, _ := r.buffers.Get().(*bytes.Buffer)
	if src == nil {
		src = new(bytes.Buffer)
	}
	defer r.buffers.Put(src)
	src.Reset()
	if err := r.tmpl.ExecuteTemplate(src, "page.html", d); err != nil {
		return nil, err
	}
	return minifyFile(m, name, src.Bytes())
}

// notFound fills the data of 404.html, which a host serves at any depth:
// with a base URL its links are absolute to it, without one relative to
// the site root.
func (r *pageRenderer) notFound() *pageData {
	d := &pageData{
		Site: r.site, T: r.t, assets: r.assets, DevScript: r.devScript,
		Title: r.t.NotFoundTitle + " – " + r.site.Title,
		Home:  navLink{Href: "index.html", Label: r.w.root.LinkTitle},
	}
	if r.site.BaseURL != "" {
		d.Base = r.site.absoluteURL("")
	}
	r.common(d)
	return d
}
