package generator

import (
	"bytes"
	"html/template"
	"path"
	"strings"
	"sync"
)

// navLink is a link as the templates show it.
type navLink struct {
	Href    string // relative to the page, naming a file
	Label   string // the text
	Current bool   // the link leads to the page itself
	// Lang is the language of Label when it is not the page's (a node
	// shown untranslated); on the links to the other languages, theirs.
	Lang string
}

// definitionsData is the content of the definitions popup.
type definitionsData struct {
	Title string        // front matter title of content/_definitions.md
	Body  template.HTML // its body
	Lang  string        // their language when it is not the page's (untranslated), else ""

	key [32]byte // the signature of Title and Body
}

// pageData is what a page template is given: its chrome (.Site, .T,
// .Home, .Back, .Definitions, .Contact, .DevScript, .Asset, .Render …)
// and what is the page's own.
type pageData struct {
	*chromeData
	// Site and T are the chrome's, again: text/template finds a field of
	// the struct itself at once, and a field of an embedded one only by a
	// search that allocates, which cost every page several times over.
	Site       *Settings
	T          *Strings
	Node       *Node        // the node of the page; nil on the 404 page
	Title      string       // the window title
	Crumbs     []navLink    // the start page down to the parent; none when that is the start page alone, which Home leads to
	Context    string       // the title of the parent when it asks the question this page answers
	Prompt     string       // front matter prompt
	Choices    []navLink    // the node's choices
	Prev, Next *navLink     // a sequence's previous and next pages
	Body       renderedBody // the rendered Markdown
	Above      bodySide     // what the page shows of Body before the choices
	Below      bodySide     // and after them (Body.After, or without it the notes and optional actions)
	Canonical  string       // the page's absolute address when the site has a base URL

	// In a site of several languages:
	ContentLang string    // the language of the node's own texts (title, prompt, body) when not the page's: an untranslated node
	ContextLang string    // the language of Context when not the page's
	Switch      []navLink // the same page in each other language, labelled with the language's name
	Alternates  []navLink // the same page in every language, absolute with a base URL
}

// setChrome gives the page its chrome.
func (d *pageData) setChrome(c *chromeData) {
	d.chromeData, d.Site, d.T = c, c.Site, c.T
}

// renderer makes the pages of one build.
type pageRenderer struct {
	site        *Settings
	t           *Strings
	tmpl        *themeTemplates
	assets      map[string]string
	w           *wizard
	bodies      map[*Node]renderedBody
	definitions map[string]definitionsData // by page folder
	// definitionsMu guards definitions.
	definitionsMu sync.Mutex
	md            *markdown
	devScript     string
	buffers       sync.Pool // *[]byte for usePage
	chromes       chromes   // the chrome of the pages, shared where it is the same
	loader        *loader
	// builtIn is whether the theme's templates are the built-in ones:
	// then builtin_theme.go writes the pages, not the templates.
	builtIn bool

	// In a site of several languages: every language's renderer, the
	// default's first; the folder of this language's pages ("fr/"); and
	// what its bodies' keys in the memo start with ("" for the default).
	// nil and "" in a site of one language.
	langs   []*pageRenderer
	dir     string
	memoKey string
	seed    [32]byte // what the signatures of its pages start from (pageSeed)
}

func (r *pageRenderer) link(from string, n *Node, label string) navLink {
	return navLink{Href: relURL(from, n.URL), Label: label}
}

// linkTo is the link of a node's choice, prev or next.
func (r *pageRenderer) linkTo(from string, l *Link) navLink {
	return navLink{Href: relURL(from, l.Node.URL), Label: l.Label, Lang: l.lang}
}

// page fills the data of a node's page. Each way onward is shown once:
// Home leads to the start page, so a page just below it has no Terug
// and no breadcrumbs, and the breadcrumbs end at the parent, not with
// the page's own heading again.
func (r *pageRenderer) page(n *Node) *pageData {
	dir := n.urlDir()
	d := &pageData{
		Node:        n,
		Prompt:      n.Prompt,
		Body:        r.bodies[n],
		ContentLang: n.Lang,
	}
	above, below := d.Body.sides()
	t := r.t
	if n.Lang != "" {
		t = r.stringsFor(n)
	}
	d.Above, d.Below = bodySide{above, t, n.Lang}, bodySide{below, t, n.Lang}
	home := r.link(dir, r.w.root, r.w.root.LinkTitle)
	if n == r.w.root {
		home.Current = true
	}
	var back *navLink
	if p := n.Parent; p != nil {
		if p.Prompt != "" {
			d.Context, d.ContextLang = p.Title, p.Lang
		}
		if p != r.w.root {
			b := r.link(dir, p, p.LinkTitle)
			back = &b
			for _, a := range n.Ancestors() {
				c := r.link(dir, a, a.LinkTitle)
				c.Lang = a.Lang
				d.Crumbs = append(d.Crumbs, c)
			}
		}
	}
	d.Title = r.windowTitle(n, d.Context)
	d.setChrome(r.chromeOf(dir, home, back, false, !linksTo(n, r.site.Contact.URL)))
	for i := range n.Choices {
		d.Choices = append(d.Choices, r.linkTo(dir, &n.Choices[i]))
	}
	if n.Prev != nil {
		l := r.linkTo(dir, n.Prev)
		d.Prev = &l
	}
	if n.Next != nil {
		l := r.linkTo(dir, n.Next)
		d.Next = &l
	}
	if r.site.BaseURL != "" {
		d.Canonical = r.site.absoluteURL(prettyPath(n.URL))
	}
	r.setLanguages(d, dir, func(o *pageRenderer) string { return o.w.byFile[n.File].URL })
	return d
}

// linksTo reports whether the body of n links to the address url: the
// footer then leaves its link to the same place out, so that the page
// does not say it twice.
func linksTo(n *Node, url string) bool {
	for _, e := range n.External {
		if url != "" && e.URL == url {
			return true
		}
	}
	return false
}

// bodySide is what a page shows of its body on one side of its choices,
// with the interface strings: the data of page.html's "body-part".
type bodySide struct {
	Body renderedBody // the text, notes and optional actions of that side
	T    *Strings     // the strings of the body's language
	Lang string       // the body's language when it is not the page's (an untranslated node), else ""
}

// sides parts a body into what a page shows before its choices and
// after them: the writer's parts on either side of a <!-- choices -->
// line, or without one the text before and the notes and optional
// actions after.
func (b renderedBody) sides() (above, below renderedBody) {
	if b.After != nil {
		above = b
		above.After = nil
		return above, *b.After
	}
	return renderedBody{Content: b.Content}, renderedBody{Notes: b.Notes, Actions: b.Actions}
}

// windowTitle is the <title> of a node's page: the site's name after
// the heading, or before it on the start page. A page that answers its
// parent's question (context) says that question first, so that pages
// answering the same thing for other profiles ("… en ik wil een Lokale
// Beheerder aanstellen.") have titles of their own; the ellipsis that
// ends the question and starts the answer is written once.
func (r *pageRenderer) windowTitle(n *Node, context string) string {
	if n == r.w.root {
		return r.site.Title + " – " + n.Title
	}
	title := n.Title
	if context != "" {
		q, ok := strings.CutSuffix(strings.TrimSpace(context), "…")
		if a := strings.TrimSpace(title); ok && strings.HasPrefix(a, "…") {
			title = strings.TrimSpace(q) + " " + a
		} else {
			title = title + " – " + context
		}
	}
	return title + " – " + r.site.Title
}

// anyFolder keys the definitions in r.definitions when they hold no
// relative link, and so are the same for every page.
const anyFolder = "\x00any"

// definitionsFor renders the definitions for pages in one output folder,
// so that links in them are relative to that folder. It is safe for
// concurrent use: pages and the overview render side by side.
func (r *pageRenderer) definitionsFor(dir string) definitionsData {
	r.definitionsMu.Lock()
	defer r.definitionsMu.Unlock()
	if d, ok := r.definitions[dir]; ok {
		return d
	}
	if d, ok := r.definitions[anyFolder]; ok {
		return d
	}
	key, d := anyFolder, definitionsData{}
	if def := r.w.definitions; def != nil {
		bc := &bodyContext{
			file: r.loader.displayPath(def.source()), dir: def.dir(), pageDir: dir,
			resolve: r.w.resolve, probs: r.loader.probs, src: def.body,
		}
		d = definitionsData{Title: def.Title, Body: r.markdownFor(def).render(bc).Content, Lang: def.Lang}
		if bc.relative {
			key = dir // a link in them is relative to the folder
		}
	}
	s := newSigner([32]byte{})
	s.str(d.Title, string(d.Body), d.Lang)
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

// render404 makes the 404 page: 404.html, in every language.
func (r *pageRenderer) render404() ([]byte, error) {
	d := r.notFound()
	var buf bytes.Buffer
	if err := r.tmpl.execute(&buf, "404.html", d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderPage makes the page of d, in bytes of its own.
func (r *pageRenderer) renderPage(d *pageData) ([]byte, error) {
	var page []byte
	err := r.usePage(d, func(b []byte) error {
		page = bytes.Clone(b)
		return nil
	})
	return page, err
}

// usePage makes the page of d in a buffer that pages share, and gives it
// to use, which must not keep it: a build for the disk writes each page
// and needs it no more.
func (r *pageRenderer) usePage(d *pageData, use func([]byte) error) error {
	p, _ := r.buffers.Get().(*[]byte)
	if p == nil {
		p = new([]byte)
	}
	defer r.buffers.Put(p)
	b, err := r.appendPage((*p)[:0], d)
	*p = b
	if err != nil {
		return err
	}
	return use(b)
}

// appendPage appends the page of d to b: page.html executed, or the same
// bytes from builtInPage while the templates are the built-in theme's.
// The templates and the body are minified already, so the page is too.
func (r *pageRenderer) appendPage(b []byte, d *pageData) ([]byte, error) {
	if r.builtIn {
		return r.builtInPage(b, d)
	}
	buf := bytes.NewBuffer(b)
	err := r.tmpl.execute(buf, "page.html", d)
	return buf.Bytes(), err
}

// notFound fills the data of 404.html, which a host serves at any
// address: with a base URL its links are absolute, without one they
// start at the root of the host ("/index.html"), where the site must
// then be. Relative links would lead elsewhere from every folder but
// the root, and a <base> would take the skip link to another page.
func (r *pageRenderer) notFound() *notFoundData {
	root := "/"
	if r.site.BaseURL != "" {
		root = r.site.absoluteURL("")
	}
	dir := anyDepth + root
	d := &notFoundData{pageData: &pageData{}}
	if r.langs != nil {
		d.Others = languageParts(r.langs[1:], dir)
	}
	d.Title = notFoundTitle(r, d.Others)
	d.setChrome(r.chromeFor(dir, r.link(dir, r.w.root, r.w.root.LinkTitle), nil, false))
	return d
}
