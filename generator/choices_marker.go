package generator

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// A writer places a node's choices in its body with a line of its own:
//
//	<!-- choices -->
//
// What stands above it, notes and optional actions included, is shown
// before the choices, in that order; what stands below it, after them.
// Without it the body's text stands before the choices, and its notes
// and optional actions after them. An HTML comment shows in no preview
// of the Markdown, and the build already lets comments through.

// choicesMarker is the comment's text, without its delimiters and
// spaces; letter case does not matter.
const choicesMarker = "choices"

// isChoicesMarker reports whether n is the marker: an HTML comment of
// one line at the top of the body, which says choices and nothing else.
func isChoicesMarker(n ast.Node, src []byte) bool {
	h, ok := n.(*ast.HTMLBlock)
	if !ok || h.HTMLBlockType != ast.HTMLBlockType2 || h.Lines().Len() != 1 {
		return false
	}
	seg := h.Lines().At(0)
	line := bytes.TrimSpace(seg.Value(src))
	inner, ok := bytes.CutPrefix(line, []byte("<!--"))
	if !ok {
		return false
	}
	inner, ok = bytes.CutSuffix(inner, []byte("-->"))
	return ok && bytes.EqualFold(bytes.TrimSpace(inner), []byte(choicesMarker))
}

// cutAtChoices takes the first choices marker out of doc, with all that
// follows it, and returns that as a document of its own, and where the
// marker starts in src; nil and -1 without a marker. A second marker
// is a problem: the choices stand in one place.
func cutAtChoices(doc *ast.Document, bc *bodyContext) (*ast.Document, int) {
	var marker ast.Node
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if !isChoicesMarker(c, bc.src) {
			continue
		}
		if marker != nil {
			bc.problem(c, "a second <!-- choices --> line: the choices stand in one place; remove one of them")
			continue
		}
		marker = c
	}
	if marker == nil {
		return nil, -1
	}
	at := marker.Pos()
	after := ast.NewDocument()
	for c := marker.NextSibling(); c != nil; {
		next := c.NextSibling()
		if isChoicesMarker(c, bc.src) {
			doc.RemoveChild(doc, c) // reported above
		} else {
			after.AppendChild(after, c)
		}
		c = next
	}
	doc.RemoveChild(doc, marker)
	return after, at
}

// splitQuotes parts the block quotes of a body (its notes or optional
// actions, taken out of it in order) into those that start above the
// offset at and those below it.
func splitQuotes(quotes []*ast.Blockquote, at int) (above, below []*ast.Blockquote) {
	for _, q := range quotes {
		if q.Pos() < at {
			above = append(above, q)
		} else {
			below = append(below, q)
		}
	}
	return above, below
}

// renderParts renders a parsed body: the part above its choices marker,
// and the part below it as After.
func (m *markdown) renderParts(bc *bodyContext, doc *ast.Document) renderedBody {
	after, at := cutAtChoices(doc, bc)
	if after == nil {
		return m.renderPart(bc.src, doc, bc.notes, bc.actions)
	}
	notes, notesAfter := splitQuotes(bc.notes, at)
	actions, actionsAfter := splitQuotes(bc.actions, at)
	out := m.renderPart(bc.src, doc, notes, actions)
	below := m.renderPart(bc.src, after, notesAfter, actionsAfter)
	out.After = &below
	return out
}
