package author

import (
	"cmp"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/wizardsite/wizard/generator"
)

// Flow is a wizard drawn for its writers: the nodes and every way from
// one to another, in an order that depends on the content only, so that
// the same content always gives the same drawing.
type Flow struct {
	Nodes    []FlowNode     // every node, in path order
	External []FlowExternal // every external address, in order of first use
	Edges    []FlowEdge     // by source node, then choices, links, next, prev, external links
}

// FlowNode is one node of a Flow.
type FlowNode struct {
	ID    string // n0, n1, … in path order
	Label string // the link title
	File  string // the path in content/ of the file its label comes from: the node's, or its translation
	Start bool   // the start page
}

// FlowExternal is an address outside the site, drawn as a leaf.
type FlowExternal struct {
	ID  string // e0, e1, …
	URL string // the address as written
}

// EdgeKind is how a visitor goes from one node to another.
type EdgeKind string

// The kinds of FlowEdge.
const (
	EdgeChoice   EdgeKind = "choice"   // one of the node's choices
	EdgeLink     EdgeKind = "link"     // a link in the node's text
	EdgeNext     EdgeKind = "next"     // the next page of a sequence
	EdgePrev     EdgeKind = "prev"     // a previous page that does not name this one as its next
	EdgeExternal EdgeKind = "external" // a link in the text that leaves the site
)

// FlowEdge is one way between two nodes, or from a node to an address.
type FlowEdge struct {
	From, To string   // IDs
	Kind     EdgeKind // what the visitor clicks
	Label    string   // the writer's own label when it differs from the target's link title
}

// NewFlow draws the nodes of a built site.
func NewFlow(nodes []*generator.Node) *Flow {
	f := &Flow{}
	ids := map[*generator.Node]string{}
	for i, n := range nodes {
		id := fmt.Sprintf("n%d", i)
		ids[n] = id
		f.Nodes = append(f.Nodes, FlowNode{ID: id, Label: n.LinkTitle, File: cmp.Or(n.Translation, n.File), Start: n.Parent == nil})
	}
	extIDs := map[string]string{}
	for _, n := range nodes {
		from := ids[n]
		seen := map[FlowEdge]bool{}
		add := func(e FlowEdge) {
			if e.To != "" && !seen[e] {
				seen[e] = true
				f.Edges = append(f.Edges, e)
			}
		}
		label := func(l *generator.Link) string {
			if l.Label != l.Node.LinkTitle {
				return l.Label
			}
			return ""
		}
		for i := range n.Choices {
			add(FlowEdge{From: from, To: ids[n.Choices[i].Node], Kind: EdgeChoice, Label: label(&n.Choices[i])})
		}
		for _, t := range n.Links {
			add(FlowEdge{From: from, To: ids[t], Kind: EdgeLink})
		}
		if n.Next != nil {
			add(FlowEdge{From: from, To: ids[n.Next.Node], Kind: EdgeNext, Label: label(n.Next)})
		}
		if p := n.Prev; p != nil && (p.Node.Next == nil || p.Node.Next.Node != n) {
			add(FlowEdge{From: from, To: ids[p.Node], Kind: EdgePrev, Label: label(p)})
		}
		for _, e := range n.External {
			id, ok := extIDs[e.URL]
			if !ok {
				id = fmt.Sprintf("e%d", len(f.External))
				extIDs[e.URL] = id
				f.External = append(f.External, FlowExternal{ID: id, URL: e.URL})
			}
			add(FlowEdge{From: from, To: id, Kind: EdgeExternal})
		}
	}
	return f
}

// shortURL is an address as a leaf shows it: without the scheme, and
// cut after 40 characters.
func shortURL(raw string) string {
	s := raw
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		s = u.Host + u.EscapedPath()
		if s == u.Host+"/" {
			s = u.Host
		}
	} else if err == nil && u.Opaque != "" {
		s = u.Opaque
	}
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return s
}

// Mermaid writes the flow as a Mermaid flowchart. Labels are quoted,
// with the characters that Mermaid reads ("#<>&|`) as entity codes.
func (f *Flow) Mermaid() string {
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	b.WriteString("  %% --> choice, -.-> link in the text, ==> next page, -.- previous page, stadium: external address\n")
	for _, n := range f.Nodes {
		fmt.Fprintf(&b, "  %%%% %s: %s\n", n.ID, mermaidComment(path.Join(contentDir, n.File)))
		fmt.Fprintf(&b, "  %s[\"%s\"]\n", n.ID, mermaidText(n.Label))
	}
	for _, e := range f.External {
		fmt.Fprintf(&b, "  %s([\"%s\"])\n", e.ID, mermaidText(shortURL(e.URL)))
	}
	arrows := map[EdgeKind]string{EdgeChoice: "-->", EdgeLink: "-.->", EdgeNext: "==>", EdgePrev: "-.-", EdgeExternal: "-.->"}
	for _, e := range f.Edges {
		arrow := arrows[e.Kind]
		if e.Label != "" {
			fmt.Fprintf(&b, "  %s %s|\"%s\"| %s\n", e.From, arrow, mermaidText(e.Label), e.To)
		} else {
			fmt.Fprintf(&b, "  %s %s %s\n", e.From, arrow, e.To)
		}
	}
	b.WriteString("  classDef start stroke-width:3px\n")
	b.WriteString("  classDef external stroke-dasharray:4 3\n")
	for _, n := range f.Nodes {
		if n.Start {
			fmt.Fprintf(&b, "  class %s start\n", n.ID)
		}
	}
	if len(f.External) > 0 {
		ids := make([]string, len(f.External))
		for i, e := range f.External {
			ids[i] = e.ID
		}
		fmt.Fprintf(&b, "  class %s external\n", strings.Join(ids, ","))
	}
	return b.String()
}

// mermaidText escapes a label for a quoted Mermaid string. Quotes,
// entity starts and HTML would end or change it; a line break would end
// the statement.
func mermaidText(s string) string {
	return strings.NewReplacer(
		`"`, "#34;", "#", "#35;", "&", "#38;", "<", "#60;", ">", "#62;", "|", "#124;", "`", "#96;",
		"\r\n", " ", "\n", " ", "\r", " ", "\t", " ",
	).Replace(s)
}

// mermaidComment keeps a comment on its line.
func mermaidComment(s string) string {
	return strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
}

// DOT writes the flow as a Graphviz digraph, for `dot -Tsvg`.
func (f *Flow) DOT() string {
	var b strings.Builder
	b.WriteString("digraph wizard {\n")
	b.WriteString("  // solid: choice; dashed: link in the text; bold: next page; dotted: previous page; notes: external addresses\n")
	b.WriteString("  graph [rankdir=LR, fontname=\"sans-serif\"];\n")
	b.WriteString("  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n")
	b.WriteString("  edge [fontname=\"sans-serif\", fontsize=10];\n")
	for _, n := range f.Nodes {
		extra := ""
		if n.Start {
			extra = ", peripheries=2"
		}
		label := strings.Join(generator.WrapLabel(n.Label, 28), "\n")
		fmt.Fprintf(&b, "  %s [label=%s, tooltip=%s%s];\n", n.ID, dotQuote(label), dotQuote(path.Join(contentDir, n.File)), extra)
	}
	for _, e := range f.External {
		fmt.Fprintf(&b, "  %s [label=%s, URL=%s, shape=note, style=dashed];\n", e.ID, dotQuote(shortURL(e.URL)), dotQuote(e.URL))
	}
	for _, e := range f.Edges {
		var attrs []string
		switch e.Kind {
		case EdgeLink:
			attrs = append(attrs, "style=dashed")
		case EdgeNext:
			attrs = append(attrs, "style=bold")
		case EdgePrev:
			attrs = append(attrs, "style=dotted")
		case EdgeExternal:
			attrs = append(attrs, "style=dashed", "arrowhead=empty")
		}
		if e.Label != "" {
			attrs = append(attrs, "label="+dotQuote(e.Label))
		}
		if len(attrs) > 0 {
			fmt.Fprintf(&b, "  %s -> %s [%s];\n", e.From, e.To, strings.Join(attrs, ", "))
		} else {
			fmt.Fprintf(&b, "  %s -> %s;\n", e.From, e.To)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// dotQuote makes a DOT double-quoted string. A backslash starts an
// escape in DOT labels, so it is doubled; Graphviz reads &name; as an
// entity and copies a lone & into its SVG as it is, which is not XML,
// so & is written &amp;.
func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "&", "&amp;", "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s) + `"`
}
