package generator

import (
	"bufio"
	"bytes"
	"html/template"
	"net/url"
	"path"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown turns node bodies into HTML. One value serves a whole build:
// the goldmark instance is made once, and what differs from page to page
// travels in the parser context.
type markdown struct {
	md      goldmark.Markdown
	min     minifier  // each body is minified once, as it is rendered
	scratch sync.Pool // *htmlScratch, for html
}

// htmlScratch is what rendering one body's HTML writes into before the
// HTML is kept: goldmark's output, through a buffered writer that it
// would otherwise make anew for every body, and the minifier's.
type htmlScratch struct {
	raw, min bytes.Buffer
	w        *bufio.Writer
}

// templateIDs are the element ids that the theme's templates use; a
// heading of a body never takes one of them.
var templateIDs = []string{"main", "definitions", "definitions-title", "choices-title"}

// pageKey holds the *bodyContext of the page being parsed.
var pageKey = parser.NewContextKey()

// bodyContext is what the wizard's Markdown extension needs to know about
// the page it parses, and what it finds there.
type bodyContext struct {
	file     string              // the file being parsed, as printed in errors
	dir      string              // its folder in content/, to resolve relative links
	pageDir  string              // the page's output folder, to write relative hrefs
	resolve  func(string) target // finds what a content path names
	probs    *problems           // where problems go
	src      []byte              // the source, to turn offsets into lines
	links    []*Node             // nodes the body links to
	external []ExternalLink      // links that leave the site
	relative bool                // the HTML holds a href relative to the page
	resolved []resolvedLink      // every relative link and what it led to
	notes    []*ast.Blockquote   // [!NOTE] block quotes, taken out of the body
	actions  []*ast.Blockquote   // [!OPTIONAL] block quotes, taken out of the body
	seen     map[ast.Node]bool   // links already handled
	_        struct{}            // keeps the literal keyed
}

// resolvedLink is a path in content/ that a body links to, and where it
// led when the body was rendered: the HTML depends on nothing else of the
// tree, so a body whose links all lead where they led need not be
// rendered again.
type resolvedLink struct {
	path string // in content/
	to   string // "node:" and the page, "asset:" and the file, or "definitions"
}

// leadsTo is where a target is, as a resolvedLink records it.
func (t target) leadsTo() string {
	switch {
	case t.definitions:
		return "definitions"
	case t.node != nil:
		return "node:" + t.node.URL
	case t.asset != "":
		return "asset:" + t.asset
	}
	return ""
}

// target is what a path in content/ names.
type target struct {
	node        *Node  // a node, or nil
	asset       string // the output path of a copied file, or ""
	definitions bool   // content/_definitions.md
}

// renderedBody is the HTML of a node's body, split as the page shows it.
type renderedBody struct {
	Content template.HTML   // the body without its notes and optional actions
	Notes   []template.HTML // each note, in order
	Actions []template.HTML // each optional action, in order

	key [32]byte // the signature of the HTML above, set when a node's body is rendered; zero when not
}

// sign sets the body's signature, from its HTML.
func (b *renderedBody) sign() {
	s := newSigner([32]byte{})
	s.str(string(b.Content))
	s.int(len(b.Notes))
	for _, x := range b.Notes {
		s.str(string(x))
	}
	s.int(len(b.Actions))
	for _, x := range b.Actions {
		s.str(string(x))
	}
	b.key = s.sum()
}

func newMarkdown(icons map[string]string, t *Strings) *markdown {
	ext := &wizardExtension{icons: icons, t: t, iconNames: map[string]string{
		"external": t.ExternalIcon, "home": t.HomeIcon, "back": t.BackIcon, "definitions": t.DefinitionsTip,
	}}
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.DefinitionList, ext),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	return &markdown{md: md, min: newBodyMinifier()}
}

// render parses and renders one body.
func (m *markdown) render(bc *bodyContext) renderedBody {
	bc.seen = map[ast.Node]bool{}
	pc := parser.NewContext()
	for _, id := range templateIDs {
		pc.IDs().Put([]byte(id))
	}
	pc.Set(pageKey, bc)
	doc := m.md.Parser().Parse(text.NewReader(bc.src), parser.WithContext(pc))
	var out renderedBody
	out.Content = m.html(bc.src, doc)
	for _, q := range bc.notes {
		out.Notes = append(out.Notes, m.html(bc.src, asDocument(q)))
	}
	for _, q := range bc.actions {
		out.Actions = append(out.Actions, m.html(bc.src, asDocument(q)))
	}
	return out
}

func (m *markdown) html(src []byte, n ast.Node) template.HTML {
	s, _ := m.scratch.Get().(*htmlScratch)
	if s == nil {
		s = &htmlScratch{}
		s.w = bufio.NewWriter(&s.raw)
	}
	defer m.scratch.Put(s)
	s.raw.Reset()
	s.min.Reset()
	s.w.Reset(&s.raw) // nothing left buffered by a body that panicked
	// The renderer and the minifier work in memory; they fail only on a
	// bug of ours.
	if err := m.md.Renderer().Render(s.w, src, n); err != nil {
		panic(err)
	}
	if err := s.w.Flush(); err != nil {
		panic(err)
	}
	// The minifier reads a *bytes.Buffer in place; a bytes.Reader it would copy.
	if err := m.min.Minify("text/html", &s.min, &s.raw); err != nil {
		panic(err)
	}
	return template.HTML(s.min.String())
}

// asDocument moves the children of a block quote into a document of their own.
func asDocument(q *ast.Blockquote) *ast.Document {
	doc := ast.NewDocument()
	for c := q.FirstChild(); c != nil; {
		next := c.NextSibling()
		doc.AppendChild(doc, c)
		c = next
	}
	return doc
}

// wizardExtension adds the wizard's own Markdown: links to node files,
// external links, the definitions link, notes, optional actions and icons.
type wizardExtension struct {
	icons     map[string]string // inline SVG by icon name
	iconNames map[string]string // what each icon usable in text means
	t         *Strings
}

func (e *wizardExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(&iconParser{names: e.iconNames}, 900)),
		parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 900)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

var (
	kindIcon        = ast.NewNodeKind("WizardIcon")
	kindExternal    = ast.NewNodeKind("WizardExternalLink")
	kindDefinitions = ast.NewNodeKind("WizardDefinitionsLink")
)

// iconNode is :name: in the text.
type iconNode struct {
	ast.BaseInline
	Name string
}

func (n *iconNode) Kind() ast.NodeKind { return kindIcon }
func (n *iconNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.Name}, nil)
}

// externalLink is a link that leaves the site.
type externalLink struct {
	ast.BaseInline
	Destination string
}

func (n *externalLink) Kind() ast.NodeKind { return kindExternal }
func (n *externalLink) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Destination": n.Destination}, nil)
}

// definitionsLink is a link to _definitions.md: a button that opens the popup.
type definitionsLink struct{ ast.BaseInline }

func (n *definitionsLink) Kind() ast.NodeKind { return kindDefinitions }
func (n *definitionsLink) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, nil, nil)
}

func (e *wizardExtension) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindIcon, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			name := n.(*iconNode).Name
			w.WriteString(`<span class="icon-in-text" role="img" aria-label="`)
			w.Write(util.EscapeHTML([]byte(e.iconNames[name])))
			w.WriteString(`">`)
			w.WriteString(e.icons[name])
			w.WriteString(`</span>`)
		}
		return ast.WalkContinue, nil
	})
	reg.Register(kindExternal, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString(`<a class="external" href="`)
			w.Write(util.EscapeHTML(util.URLEscape([]byte(n.(*externalLink).Destination), true)))
			w.WriteString(`">`)
			w.WriteString(e.icons["external"])
		} else {
			w.WriteString(`<span class="visually-hidden"> `)
			w.Write(util.EscapeHTML([]byte(e.t.External)))
			w.WriteString(`</span></a>`)
		}
		return ast.WalkContinue, nil
	})
	reg.Register(kindDefinitions, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString(`<button type="button" class="link-button" popovertarget="definitions">`)
			w.WriteString(e.icons["definitions"])
		} else {
			w.WriteString(`</button>`)
		}
		return ast.WalkContinue, nil
	})
}

// iconParser reads :name: for the icons that have a name in the text.
type iconParser struct {
	names map[string]string
}

func (p *iconParser) Trigger() []byte { return []byte{':'} }

func (p *iconParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	end := bytes.IndexByte(line[1:], ':')
	if end < 1 {
		return nil
	}
	name := string(line[1 : 1+end])
	if _, ok := p.names[name]; !ok {
		return nil
	}
	block.Advance(end + 2)
	return &iconNode{Name: name}
}

// linkTransformer resolves every link of a body, takes notes and optional
// actions out of it, and reports what is wrong.
type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	bc, ok := pc.Get(pageKey).(*bodyContext)
	if !ok {
		return
	}
	for c := doc.FirstChild(); c != nil; {
		next := c.NextSibling()
		if q, ok := c.(*ast.Blockquote); ok {
			switch calloutKind(q, bc.src) {
			case "note":
				doc.RemoveChild(doc, q)
				bc.notes = append(bc.notes, q)
			case "optional":
				doc.RemoveChild(doc, q)
				bc.actions = append(bc.actions, q)
			}
		}
		c = next
	}
	bc.transform(doc)
	for _, q := range bc.notes {
		bc.transform(q)
	}
	for _, q := range bc.actions {
		bc.transform(q)
	}
}

// calloutKind recognises a block quote that starts with [!NOTE] or
// [!OPTIONAL], and removes that marker from it.
func calloutKind(q *ast.Blockquote, src []byte) string {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return ""
	}
	first := p.Lines().At(0)
	line := bytes.TrimLeft(first.Value(src), " \t")
	var kind, marker string
	switch {
	case bytes.HasPrefix(bytes.ToUpper(line), []byte("[!NOTE]")):
		kind, marker = "note", "[!NOTE]"
	case bytes.HasPrefix(bytes.ToUpper(line), []byte("[!OPTIONAL]")):
		kind, marker = "optional", "[!OPTIONAL]"
	default:
		return ""
	}
	end := first.Start + (len(first.Value(src)) - len(line)) + len(marker)
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start >= end {
			if ok {
				t.Segment = t.Segment.TrimLeftSpace(src)
			}
			break
		}
		if t.Segment.Stop <= end {
			p.RemoveChild(p, c)
		} else {
			seg := t.Segment.WithStart(end)
			t.Segment = seg.TrimLeftSpace(src)
			break
		}
		c = next
	}
	if p.FirstChild() == nil {
		q.RemoveChild(q, p)
	}
	return kind
}

// transform handles the links, images and raw HTML below n.
func (bc *bodyContext) transform(n ast.Node) {
	var todo []ast.Node
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c.(type) {
		case *ast.Link, *ast.AutoLink, *ast.Image, *ast.RawHTML, *ast.HTMLBlock:
			todo = append(todo, c)
		}
		return ast.WalkContinue, nil
	})
	for _, c := range todo {
		switch c := c.(type) {
		case *ast.Link:
			bc.link(c)
		case *ast.AutoLink:
			bc.autoLink(c)
		case *ast.Image:
			bc.image(c)
		case *ast.RawHTML:
			if !bytes.HasPrefix(c.Segments.Value(bc.src), []byte("<!--")) {
				bc.problem(c, "raw HTML is not passed through: write Markdown")
			}
		case *ast.HTMLBlock:
			if c.HTMLBlockType != ast.HTMLBlockType2 {
				bc.problem(c, "raw HTML is not passed through: write Markdown")
			}
		}
	}
}

func (bc *bodyContext) problem(n ast.Node, format string, args ...any) {
	bc.probs.add(bc.file, nodeLine(n, bc.src), format, args...)
}

// link resolves [text](dest).
func (bc *bodyContext) link(l *ast.Link) {
	dest := string(l.Destination)
	switch kind, msg := classifyLink(dest); kind {
	case linkBad:
		bc.problem(l, "link %q: %s", dest, msg)
	case linkExternal:
		bc.external = append(bc.external, ExternalLink{URL: dest, Line: nodeLine(l, bc.src)})
		replace(l, &externalLink{Destination: dest})
	case linkRelative:
		t, href, ok := bc.resolveRelative(l, dest)
		if !ok {
			return
		}
		if t.definitions {
			replace(l, &definitionsLink{})
			return
		}
		l.Destination = []byte(href)
	}
}

// autoLink turns <https://…> and bare addresses into external links.
func (bc *bodyContext) autoLink(a *ast.AutoLink) {
	dest := string(a.URL(bc.src))
	if a.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		dest = "mailto:" + dest
	}
	if kind, msg := classifyLink(dest); kind != linkExternal {
		bc.problem(a, "link %q: %s", dest, msg)
		return
	}
	bc.external = append(bc.external, ExternalLink{URL: dest, Line: nodeLine(a, bc.src)})
	ext := &externalLink{Destination: dest}
	ext.AppendChild(ext, ast.NewString(a.Label(bc.src)))
	a.Parent().ReplaceChild(a.Parent(), a, ext)
}

// image resolves ![alt](src): only files of the site, so that no request
// leaves it.
func (bc *bodyContext) image(img *ast.Image) {
	dest := string(img.Destination)
	switch kind, msg := classifyLink(dest); kind {
	case linkBad:
		bc.problem(img, "image %q: %s", dest, msg)
	case linkExternal:
		bc.problem(img, "image %q: an image from elsewhere makes a request leave the site; put the file in content/", dest)
	case linkRelative:
		t, href, ok := bc.resolveRelative(img, dest)
		if ok && t.asset == "" {
			bc.problem(img, "image %q is not an image file", dest)
			return
		}
		img.Destination = []byte(href)
	}
}

// resolveRelative finds what a relative link names and the href that
// leads there from the page.
func (bc *bodyContext) resolveRelative(n ast.Node, dest string) (target, string, bool) {
	pathPart, fragment, _ := strings.Cut(dest, "#")
	if pathPart == "" {
		return target{}, dest, true // a fragment of this page
	}
	p, err := url.PathUnescape(pathPart)
	if err != nil {
		bc.problem(n, "link %q: not a valid path", dest)
		return target{}, "", false
	}
	full := path.Join(bc.dir, p)
	if full == ".." || strings.HasPrefix(full, "../") {
		bc.problem(n, "link %q leads outside content/", dest)
		return target{}, "", false
	}
	t := bc.resolve(full)
	if to := t.leadsTo(); to != "" {
		bc.resolved = append(bc.resolved, resolvedLink{full, to})
	}
	var href string
	switch {
	case t.definitions:
		return t, "", true
	case t.node != nil:
		bc.links = append(bc.links, t.node)
		href = relURL(bc.pageDir, t.node.URL)
		bc.relative = true
	case t.asset != "":
		href = relURL(bc.pageDir, t.asset)
		bc.relative = true
	default:
		bc.problem(n, "link to %q: no such node or file (content/%s)", dest, full)
		return target{}, "", false
	}
	if fragment != "" {
		href += "#" + fragment
	}
	return t, href, true
}

// replace puts r where n was, with n's children.
func replace(n, r ast.Node) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		r.AppendChild(r, c)
		c = next
	}
	n.Parent().ReplaceChild(n.Parent(), n, r)
}

// nodeLine is the line of the file where n starts.
func nodeLine(n ast.Node, src []byte) int {
	line := 0
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			line = lineAt(src, t.Segment.Start)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if line > 0 {
		return line
	}
	if r, ok := n.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
		return lineAt(src, r.Segments.At(0).Start)
	}
	for c := n; c != nil; c = c.Parent() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return lineAt(src, c.Lines().At(0).Start)
		}
	}
	return 0
}

type linkKind int

const (
	linkBad linkKind = iota
	linkExternal
	linkRelative
)

// classifyLink tells an external link from a link inside the site, and
// refuses what is neither.
func classifyLink(dest string) (linkKind, string) {
	if strings.TrimSpace(dest) == "" {
		return linkBad, "empty link"
	}
	if strings.HasPrefix(dest, "#") {
		return linkRelative, ""
	}
	u, err := url.Parse(dest)
	if err != nil {
		return linkBad, "not a valid address"
	}
	switch strings.ToLower(u.Scheme) {
	case "":
	case "http", "https":
		if u.Host == "" {
			return linkBad, "an http(s) address needs a host"
		}
		return linkExternal, ""
	case "mailto", "tel":
		return linkExternal, ""
	case "javascript", "vbscript", "data":
		return linkBad, u.Scheme + ": links are not allowed"
	default:
		return linkBad, "links with scheme " + u.Scheme + ": are not supported"
	}
	if strings.HasPrefix(dest, "//") {
		return linkBad, "write the scheme: https://…"
	}
	if strings.HasPrefix(dest, "/") {
		return linkBad, "absolute path: link to the file relative to this one, such as ../x/_index.md"
	}
	return linkRelative, ""
}

// isExternal reports whether s is an absolute http(s) address.
func isExternal(s string) bool {
	k, _ := classifyLink(s)
	u, _ := url.Parse(s)
	return k == linkExternal && u != nil && (u.Scheme == "http" || u.Scheme == "https")
}
