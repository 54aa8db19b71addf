package generator

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

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
	kindAlert       = ast.NewNodeKind("WizardAlert")
)

// alertNode is one of GitHub's alerts other than a note (> [!TIP],
// [!IMPORTANT], [!WARNING], [!CAUTION]): a box with its heading, where
// the writer puts it, so that a warning looks like one.
type alertNode struct {
	ast.BaseBlock
	Alert string // tip, important, warning or caution
}

func (n *alertNode) Kind() ast.NodeKind { return kindAlert }
func (n *alertNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Alert": n.Alert}, nil)
}

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
	reg.Register(kindAlert, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			alert := n.(*alertNode).Alert
			w.WriteString(`<div class="alert alert-` + alert + `" role="note"><p class="alert-title">`)
			w.Write(util.EscapeHTML([]byte(e.alertTitle(alert))))
			w.WriteString(`</p>`)
		} else {
			w.WriteString(`</div>`)
		}
		return ast.WalkContinue, nil
	})
	// A task list's box is named, for a screen reader, by its state.
	reg.Register(east.KindTaskCheckBox, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			name := e.t.TaskToDo
			if n.(*east.TaskCheckBox).IsChecked {
				name = e.t.TaskDone
				w.WriteString(`<input checked disabled type="checkbox" aria-label="`)
			} else {
				w.WriteString(`<input disabled type="checkbox" aria-label="`)
			}
			w.Write(util.EscapeHTML([]byte(name)))
			w.WriteString(`"> `)
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

// alertTitle is the heading of an alert box, in the site's language.
func (e *wizardExtension) alertTitle(alert string) string {
	switch alert {
	case "tip":
		return e.t.Tip
	case "important":
		return e.t.Important
	case "warning":
		return e.t.Warning
	}
	return e.t.Caution
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
			switch kind := calloutKind(q, bc.src); kind {
			case "note":
				doc.RemoveChild(doc, q)
				bc.notes = append(bc.notes, q)
			case "optional":
				doc.RemoveChild(doc, q)
				bc.actions = append(bc.actions, q)
			case "tip", "important", "warning", "caution":
				a := &alertNode{Alert: kind}
				a.SetLines(q.Lines())
				for k := q.FirstChild(); k != nil; {
					after := k.NextSibling()
					a.AppendChild(a, k)
					k = after
				}
				doc.ReplaceChild(doc, q, a)
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

// calloutKinds are the block quotes with a marker, [!NOTE] and the
// others of GitHub's alerts, and [!OPTIONAL].
var calloutKinds = []string{"note", "optional", "tip", "important", "warning", "caution"}

// calloutKind recognises a block quote that starts with one of the
// calloutKinds' markers, and removes that marker from it.
func calloutKind(q *ast.Blockquote, src []byte) string {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return ""
	}
	first := p.Lines().At(0)
	line := bytes.TrimLeft(first.Value(src), " \t")
	var kind, marker string
	for _, k := range calloutKinds {
		if m := "[!" + strings.ToUpper(k) + "]"; bytes.HasPrefix(bytes.ToUpper(line), []byte(m)) {
			kind, marker = k, m
			break
		}
	}
	if kind == "" {
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
