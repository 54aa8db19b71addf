package generator

import (
	"bytes"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
)

// quick rebuilds after edits that keep the tree: every edited file is a
// node file of the last good build, its front matter changed, if at all,
// only in what pages show of the node (title, linkTitle, description,
// prompt) and not in where the node stands or where it leads, and the
// settings and the theme are as they were. Then the pages that can
// change are known, and it renders those alone, on the last build's
// graph:
//
//   - an edited body: the node's page;
//   - an edited title, link title, description or prompt: also the pages
//     of its parent and children, the pages whose choices, prev or next
//     lead to it, every page below it when its link title changed (their
//     breadcrumbs), and the overview.
//
// Its time grows with those pages, not with the size of the wizard. ok
// is false when the edits are of another kind, or would reorder the
// node among its siblings, or change the start page's title (which every
// page shows); the caller then builds the usual way.
func (b *Builder) quick(changed []string) (site *Site, ok bool, err error) {
	memo, last := b.memo, b.last
	if memo.renderer == nil || last == nil {
		return nil, false, nil
	}
	r := memo.renderer
	var edits []*edit
	for _, c := range changed {
		rel, inContent := strings.CutPrefix(c, contentDir+"/")
		if !inContent || rel == definitionsFile || path.Ext(rel) != ".md" {
			return nil, false, nil
		}
		old, known := memo.files[rel]
		node := r.w.byFile[rel]
		if !known || old.read.node == nil || node == nil {
			return nil, false, nil
		}
		edits = append(edits, &edit{rel: rel, node: node, file: old})
	}
	probs := &problems{}
	if _, _, _, env := environment(b.opts, probs, true); env != memo.env || probs.count() > 0 {
		return nil, false, nil
	}
	l := &loader{fsys: b.opts.Source, name: b.opts.SourceName, drafts: b.opts.Drafts, probs: probs}
	kept := edits[:0]
	for _, e := range edits {
		data, err := readContent(l, e.rel)
		if err != nil {
			return nil, false, nil // gone or unreadable: the usual build says so
		}
		if bytes.Equal(data, e.file.data) {
			continue // saved again as it was
		}
		n := parseNode(e.rel, data, l.displayPath(e.rel), probs)
		if n == nil {
			return nil, true, probs.err()
		}
		if !sameShape(n.front, e.node.front) {
			return nil, false, nil // the tree or where the node leads may change
		}
		e.shown = n.Title != e.node.Title || n.LinkTitle != e.node.LinkTitle ||
			n.Description != e.node.Description || n.Prompt != e.node.Prompt
		if e.shown && e.node == r.w.root {
			return nil, false, nil // every page shows the start page's title
		}
		e.file = memoFile{data: data, read: readResult{node: n}}
		kept = append(kept, e)
	}
	edits = kept

	// Render the new bodies against the last build's graph.
	for _, e := range edits {
		n := e.file.read.node
		bc := &bodyContext{
			file: l.displayPath(e.rel), dir: n.dir(), pageDir: e.node.urlDir(),
			resolve: r.w.resolve, probs: probs, src: n.body,
		}
		e.body = memoBody{key: bodyKey(memo.env, e.node.urlDir(), n.body), body: r.md.render(bc)}
		e.body.resolved, e.body.external = bc.resolved, bc.external
		e.body.src, e.body.dir = n.body, e.node.urlDir()
		e.body.body.sign()
		for _, t := range bc.links {
			e.body.links = append(e.body.links, t.File)
		}
	}
	if err := probs.err(); err != nil {
		return nil, true, err
	}

	g := &graphEdit{r: r, l: l}
	for _, e := range edits {
		g.apply(e)
	}
	if !g.siblingsInOrder() {
		g.undo()
		return nil, false, nil // a new link title moves a node among its siblings
	}
	if g.linksChanged {
		// A body leads elsewhere now: every node must still be reached.
		r.w.checkReachable(l)
		if err := probs.err(); err != nil {
			g.undo()
			return nil, true, err
		}
	}

	// Render the pages that can show what changed.
	files := maps.Clone(last.Files)
	nodes := g.pages()
	pages := make([]memoPage, len(nodes))
	failed := make([]error, len(nodes))
	parallel(len(nodes), func(i int) {
		d := r.page(nodes[i])
		html, err := r.renderPage(d)
		if err != nil {
			failed[i] = err
			return
		}
		pages[i] = memoPage{key: d.signature(memo.env), html: html}
	})
	for _, err := range failed {
		if err != nil {
			g.undo()
			probs.addErr(r.tmpl.error(err, "page.html"))
			return nil, true, probs.err()
		}
	}
	var changedPages []string
	for i, n := range nodes {
		if !sameBytes(files[n.URL], pages[i].html) {
			changedPages = append(changedPages, n.URL)
		}
		files[n.URL] = pages[i].html
	}
	rendered := len(nodes)
	if g.titles {
		// The overview lists every node by its link title: new labels are
		// spliced into the last one when they keep its layout, else it is
		// drawn again.
		overview := map[string][]byte{}
		if next, ok := g.patchOverview(memo.layout); ok {
			// Summing up every node again took longer than the splice: the
			// next usual build draws the overview anew instead.
			memo.overviewKey = [32]byte{}
			memo.overview, memo.layout = map[string][]byte{overviewPage: next.page}, next
			overview[overviewPage] = next.page
			rendered++
		} else {
			before := *memo
			run := &buildRun{opts: b.opts, memo: &before, probs: probs}
			_, n := run.overview(r, memo, overview)
			if err := probs.err(); err != nil {
				memo.overviewKey, memo.overview, memo.layout = before.overviewKey, before.overview, before.layout
				g.undo()
				return nil, true, err
			}
			rendered += n
		}
		for name, data := range overview {
			if !sameBytes(files[name], data) {
				changedPages = append(changedPages, name)
			}
			files[name] = data
		}
	}
	for _, e := range edits {
		memo.files[e.rel] = e.file
		memo.bodies[e.rel] = e.body
	}
	for i, n := range nodes {
		memo.pages[n.URL] = pages[i]
	}
	slices.Sort(changedPages)
	return &Site{Files: files, FileCount: len(files), Pages: last.Pages, Nodes: last.Nodes, Rendered: rendered, Changed: changedPages}, true, nil
}

// edit is one edited node file of a quick rebuild.
type edit struct {
	rel   string
	node  *Node    // the node of the last build's graph
	file  memoFile // the file as it is now
	body  memoBody // its body rendered
	shown bool     // its title, link title, description or prompt changed
	title bool     // its link title changed
}

// sameShape reports whether two front matters differ at most in what
// pages show of their node: title, link title, description and prompt,
// and the lines where keys and links are written.
func sameShape(a, b frontMatter) bool {
	for _, f := range []*frontMatter{&a, &b} {
		f.Title, f.LinkTitle, f.Description, f.Prompt = "", "", "", ""
		f.lines = nil
		f.Choices = slices.Clone(f.Choices)
		for i := range f.Choices {
			f.Choices[i].Line = 0
		}
		for _, l := range []**linkSpec{&f.Prev, &f.Next} {
			if *l != nil {
				c := **l
				c.Line = 0
				*l = &c
			}
		}
	}
	return reflect.DeepEqual(a, b)
}

// graphEdit puts the edits of a quick rebuild into the last build's
// graph, and can take them out again.
type graphEdit struct {
	r            *pageRenderer
	l            *loader
	undos        []func()
	edited       []*edit
	relinked     []*Node
	titles       bool // a link title changed: breadcrumbs and the overview show it
	linksChanged bool // a body leads to other nodes than before
}

// apply puts one edit into the graph.
func (g *graphEdit) apply(e *edit) {
	n, fresh, r := e.node, e.file.read.node, g.r
	saved := *n
	savedBody := r.bodies[n]
	g.undos = append(g.undos, func() {
		n.Title, n.LinkTitle, n.Description, n.Prompt = saved.Title, saved.LinkTitle, saved.Description, saved.Prompt
		n.front, n.body, n.hasBody, n.Links, n.External = saved.front, saved.body, saved.hasBody, saved.Links, saved.External
		r.bodies[n] = savedBody
	})
	g.edited = append(g.edited, e)
	e.title = fresh.LinkTitle != n.LinkTitle
	g.titles = g.titles || e.title
	n.Title, n.LinkTitle, n.Description, n.Prompt = fresh.Title, fresh.LinkTitle, fresh.Description, fresh.Prompt
	n.front, n.body, n.hasBody, n.External = fresh.front, fresh.body, fresh.hasBody, e.body.external
	var links []*Node
	for _, f := range e.body.links {
		links = append(links, r.w.byFile[f])
	}
	g.linksChanged = g.linksChanged || !slices.Equal(links, n.Links)
	n.Links = links
	r.bodies[n] = e.body.body
	if e.shown {
		g.relink(n)
	}
}

// relink resolves again the choices, prev and next of every node that
// leads to n, so that the labels taken from its link title follow it.
func (g *graphEdit) relink(n *Node) {
	for _, m := range g.r.w.nodes {
		if !leadsTo(m, n) || slices.Contains(g.relinked, m) {
			continue
		}
		choices, prev, next := m.Choices, m.Prev, m.Next
		g.undos = append(g.undos, func() { m.Choices, m.Prev, m.Next = choices, prev, next })
		m.Choices, m.Prev, m.Next = nil, nil, nil
		g.r.w.linkFrontMatter(m, g.l)
		g.relinked = append(g.relinked, m)
	}
}

// leadsTo reports whether a choice, prev or next of m leads to n.
func leadsTo(m, n *Node) bool {
	if (m.Prev != nil && m.Prev.Node == n) || (m.Next != nil && m.Next.Node == n) {
		return true
	}
	return slices.ContainsFunc(m.Choices, func(c Link) bool { return c.Node == n })
}

// siblingsInOrder reports whether the edited nodes still stand where
// their link titles sort them among their siblings.
func (g *graphEdit) siblingsInOrder() bool {
	for _, e := range g.edited {
		if p := e.node.Parent; p != nil && !slices.IsSortedFunc(p.Children, siblingOrder) {
			return false
		}
	}
	return true
}

// patchOverview splices the new link titles into the last overview page,
// laid out as lay says; ok is false when it cannot.
func (g *graphEdit) patchOverview(lay *overviewLayout) (next *overviewLayout, ok bool) {
	if lay == nil {
		return nil, false
	}
	var nodes []*Node
	for _, e := range g.edited {
		if e.title {
			nodes = append(nodes, e.node)
		}
	}
	return lay.patch(nodes)
}

// undo takes the edits out of the graph, last first.
func (g *graphEdit) undo() {
	for i := len(g.undos) - 1; i >= 0; i-- {
		g.undos[i]()
	}
}

// pages lists the nodes whose pages can show what the edits changed, in
// the order of the walk.
func (g *graphEdit) pages() []*Node {
	affected := map[*Node]bool{}
	var below func(n *Node)
	below = func(n *Node) {
		for _, c := range n.Children {
			affected[c] = true
			below(c)
		}
	}
	for _, e := range g.edited {
		n := e.node
		affected[n] = true
		if !e.shown {
			continue
		}
		if n.Parent != nil {
			affected[n.Parent] = true
		}
		if e.title {
			below(n) // breadcrumbs
		} else {
			for _, c := range n.Children {
				affected[c] = true // back link and context
			}
		}
	}
	for _, m := range g.relinked {
		affected[m] = true
	}
	var nodes []*Node
	for _, n := range g.r.w.nodes {
		if affected[n] {
			nodes = append(nodes, n)
		}
	}
	return nodes
}

// readContent reads one file of content/.
func readContent(l *loader, rel string) ([]byte, error) {
	return readFS(l.fsys, path.Join(contentDir, rel))
}
