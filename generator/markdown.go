package generator

import (
	"bufio"
	"bytes"
	"html/template"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
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

// renderedBody is the HTML of a node's body, split as the page shows it.
type renderedBody struct {
	Content template.HTML   // the body without its notes and optional actions
	Notes   []template.HTML // each note, in order
	Actions []template.HTML // each optional action, in order
	After   *renderedBody   // what stands below a <!-- choices --> line (choices_marker.go); nil without one

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
	if b.After != nil {
		b.After.sign()
		s.raw(b.After.key[:])
	}
	b.key = s.sum()
}

func newMarkdown(icons map[string]string, t *Strings) *markdown {
	ext := &wizardExtension{icons: icons, t: t, iconNames: map[string]string{
		"external": t.ExternalIcon, "home": t.HomeIcon, "back": t.BackIcon, "definitions": t.DefinitionsTip,
	}}
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.DefinitionList,
			extension.Footnote, extension.TaskList, ext),
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
	return m.renderParts(bc, doc.(*ast.Document))
}

// renderPart renders a body's text, notes and optional actions.
func (m *markdown) renderPart(src []byte, doc *ast.Document, notes, actions []*ast.Blockquote) renderedBody {
	var out renderedBody
	out.Content = m.html(src, doc)
	for _, q := range notes {
		out.Notes = append(out.Notes, m.html(src, asDocument(q)))
	}
	for _, q := range actions {
		out.Actions = append(out.Actions, m.html(src, asDocument(q)))
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
