package generator

import (
	"bytes"
	"maps"
	"slices"
)

// quick is the quick path of a rebuild, taken when a save edited node
// files of the last good build and nothing else, and each keeps its
// place: its slug and draft flag are the same, so every page keeps its
// address. The body, the title, link title, description and prompt, the
// weight, the choices, prev and next may change. Then the pages that
// can show what changed are known without a build: the node's own page,
// its parent's and its children's, the pages whose choices, prev or
// next lead to it, every page below it when its link title changed
// (their breadcrumbs), and the overview when a link title or the order
// of siblings changed. Of those, it renders the pages whose signature
// changed, on the last build's graph, and puts the overview together
// from its pieces.
//
// It is a few steps, after inPlace: read the files, apply them to the
// graph, render, and commit to the memo; a deferred undo takes the edits out of the
// graph when a step gives up. ok is false when the save is of another
// kind, when the start page's title changed (every page shows it), or
// when something is wrong: the ordinary build then says all that is
// wrong, not only what the edited files show.
func (b *Builder) quick(edited []string) (site *Site, ok bool) {
	if b.last == nil {
		return nil, false
	}
	q := &quickRun{memo: b.memo, r: b.memo.renderer, saved: map[*Node]Node{}, bodies: map[*Node]renderedBody{}}
	q.probs = &problems{}
	q.l = &loader{fsys: b.opts.Source, name: b.opts.SourceName, drafts: b.opts.Drafts, probs: q.probs}
	// What the renderer finds wrong (the overview's template, say) is
	// this rebuild's to see.
	defer func(last *problems) { q.r.loader.probs = last }(q.r.loader.probs)
	q.r.loader.probs = q.probs
	defer func() {
		if !ok {
			q.undo()
		}
	}()
	edits, ok := q.read(edited)
	if !ok {
		return nil, false
	}
	if len(edits) == 0 { // saved again as they were
		last := *b.last
		last.Rendered, last.Changed, last.Moved = 0, nil, nil
		return &last, true
	}
	if !q.apply(edits) {
		return nil, false
	}
	nodes, pages, overview, ok := q.render()
	if !ok {
		return nil, false
	}
	return q.commit(b.last, edits, nodes, pages, overview), true
}

// quickRun is one quick rebuild.
type quickRun struct {
	memo  *buildMemo
	r     *pageRenderer // the last good build's: its graph is edited in place
	l     *loader
	probs *problems

	saved  map[*Node]Node         // the nodes changed, as they were: what undo puts back
	bodies map[*Node]renderedBody // the bodies changed, as they were
	pages  map[*Node]bool         // the nodes whose pages may show what changed
	redraw []*Node                // the nodes whose trees in the overview changed
	drawn  bool                   // their frames were drawn anew
}

// edit is one edited node file of a quick rebuild.
type edit struct {
	rel   string
	node  *Node    // the node of the last build's graph
	file  memoFile // the file as it is now
	body  memoBody // its body rendered
	fresh *Node    // what the file holds now, as parsed
}

// read reads the edited files again, and keeps those whose bytes
// changed. ok is false when one cannot take the quick path: it is not a
// node of the graph (a draft left out), it cannot be read or parsed, or
// it would move its page or the start page's title.
func (q *quickRun) read(edited []string) (edits []*edit, ok bool) {
	for _, rel := range edited {
		n := q.r.w.byFile[rel]
		if n == nil {
			return nil, false
		}
		data, err := q.l.read(rel)
		if err != nil {
			return nil, false
		}
		if bytes.Equal(data, q.memo.files[rel].data) {
			continue
		}
		fresh := parseNode(rel, data, q.l.displayPath(rel), q.probs)
		if fresh == nil || q.probs.count() > 0 || fresh.front.Slug != n.front.Slug || fresh.Draft != n.Draft {
			return nil, false
		}
		if n == q.r.w.root && (fresh.Title != n.Title || fresh.LinkTitle != n.LinkTitle || fresh.Description != n.Description || fresh.Prompt != n.Prompt) {
			return nil, false
		}
		edits = append(edits, &edit{rel: rel, node: n, fresh: fresh, file: memoFile{data: data, read: readResult{node: fresh}}})
	}
	return edits, true
}

// save keeps n as it is, once, for undo.
func (q *quickRun) save(n *Node) {
	if _, ok := q.saved[n]; !ok {
		q.saved[n] = *n
	}
}

// undo puts the nodes and bodies of the graph back as they were, and
// drops the frames of the overview that may have been drawn for the
// edits.
func (q *quickRun) undo() {
	for n, was := range q.saved {
		*n = was
	}
	maps.Copy(q.r.bodies, q.bodies)
	for _, n := range q.redraw {
		if q.drawn {
			q.memo.overview.forget(n)
		}
	}
}

// apply puts the edits into the graph: the nodes' fields, their order
// among their siblings, the choices, prev and next of the nodes they
// concern, and their bodies. It notes the pages that may show what
// changed. ok is false when something is wrong.
func (q *quickRun) apply(edits []*edit) (ok bool) {
	w := q.r.w
	q.pages = map[*Node]bool{}
	var relink []*Node
	for _, e := range edits {
		n, f := e.node, e.fresh
		q.save(n)
		label := f.LinkTitle != n.LinkTitle
		shown := label || f.Title != n.Title || f.Description != n.Description || f.Prompt != n.Prompt
		n.Title, n.LinkTitle, n.Description, n.Prompt, n.Weight = f.Title, f.LinkTitle, f.Description, f.Prompt, f.Weight
		n.front, n.body, n.hasBody = f.front, f.body, f.hasBody
		q.pages[n] = true
		relink = append(relink, n)
		if p := n.Parent; p != nil {
			q.pages[p] = true
			relink = append(relink, p) // its choices: their order and labels, and which continue a sequence
			q.reorder(p)
		}
		for _, c := range n.Children {
			q.pages[c] = shown || q.pages[c] // back link and context
		}
		if label {
			q.redraw = append(q.redraw, n)
			q.below(n) // breadcrumbs
			for _, m := range w.nodes {
				if leadsTo(m, n) {
					q.pages[m] = true
					relink = append(relink, m)
				}
			}
		}
	}
	relinked := map[*Node]bool{}
	for _, m := range relink {
		if !relinked[m] {
			relinked[m] = true
			q.save(m)
			m.Choices, m.Prev, m.Next = nil, nil, nil
			w.linkFrontMatter(m, q.l)
		}
	}
	for _, e := range edits {
		n := e.node
		if _, done := q.bodies[n]; !done {
			q.bodies[n] = q.r.bodies[n]
		}
		e.body = renderBody(q.r, n, q.probs, true)
		e.body.key = bodyKey(q.memo.env, n.urlDir(), n.body)
		q.r.useBody(n, e.body)
	}
	if q.probs.count() > 0 {
		return false
	}
	if q.leadElsewhere() {
		// Choices, prev, next or body links lead elsewhere now: every
		// node must still be reached. (A walk of every node, a few ms
		// at 10,000 nodes, which most edits need not pay.)
		w.checkReachable(q.l)
	}
	return q.probs.count() == 0 && q.r.pageSeed(q.memo.env) == q.memo.pageEnv
}

// leadElsewhere reports whether a node changed leads to other nodes now,
// by its choices, prev, next or body links.
func (q *quickRun) leadElsewhere() bool {
	target := func(l *Link) *Node {
		if l == nil {
			return nil
		}
		return l.Node
	}
	for n, was := range q.saved {
		if !slices.Equal(n.Links, was.Links) || target(n.Prev) != target(was.Prev) || target(n.Next) != target(was.Next) || len(n.Choices) != len(was.Choices) {
			return true
		}
		for _, c := range n.Choices { // in any order: reordered siblings lead where they led
			if !slices.ContainsFunc(was.Choices, func(w Link) bool { return w.Node == c.Node }) {
				return true
			}
		}
	}
	return false
}

// reorder sorts the children of p again, by weight and label; when
// their order changed, the overview shows it.
func (q *quickRun) reorder(p *Node) {
	if slices.IsSortedFunc(p.Children, siblingOrder) {
		return
	}
	q.save(p)
	p.Children = slices.Clone(p.Children) // the saved node keeps the old order
	slices.SortStableFunc(p.Children, siblingOrder)
	q.redraw = append(q.redraw, p)
}

// below notes every page below n.
func (q *quickRun) below(n *Node) {
	for _, c := range n.Children {
		q.pages[c] = true
		q.below(c)
	}
}

// leadsTo reports whether a choice, prev or next of m leads to n.
func leadsTo(m, n *Node) bool {
	if (m.Prev != nil && m.Prev.Node == n) || (m.Next != nil && m.Next.Node == n) {
		return true
	}
	return slices.ContainsFunc(m.Choices, func(c Link) bool { return c.Node == n })
}

// render renders the pages noted by apply whose signature changed, and
// the overview when it shows what changed. ok is false when a template
// fails.
func (q *quickRun) render() (nodes []*Node, pages []renderedPage, overview map[string][]byte, ok bool) {
	for _, n := range q.r.w.nodes {
		if q.pages[n] {
			nodes = append(nodes, n)
		}
	}
	pages = renderPagesOf(q.r, nodes, q.memo.pageEnv, q.memo.pages)
	overview = map[string][]byte{}
	if len(q.redraw) > 0 {
		q.drawn = true
		for _, n := range q.redraw {
			q.memo.overview.forget(n)
		}
		q.r.overview(overview, q.memo.overview)
	}
	failed := slices.ContainsFunc(pages, func(p renderedPage) bool { return p.err != nil })
	return nodes, pages, overview, !failed && q.probs.count() == 0
}

// commit puts the edits, the pages and the overview into the memo, and
// returns the new site: the last one's files with those pages.
func (q *quickRun) commit(last *Site, edits []*edit, nodes []*Node, pages []renderedPage, overview map[string][]byte) *Site {
	files := maps.Clone(last.Files)
	site := &Site{Files: files, FileCount: len(files), Pages: last.Pages, Nodes: q.r.w.nodes, Languages: last.Languages}
	put := func(name string, data []byte, rendered bool) {
		if !sameBytes(files[name], data) {
			site.Changed = append(site.Changed, name)
		}
		if rendered {
			site.Rendered++
		}
		files[name] = data
	}
	for i, n := range nodes {
		put(n.URL, pages[i].html, pages[i].fresh)
		q.memo.pages[n.URL] = pages[i].memoPage
	}
	for name, data := range overview {
		put(name, data, !sameBytes(files[name], data))
		q.memo.pages[name] = memoPage{html: data}
	}
	for _, e := range edits {
		q.memo.files[e.rel] = e.file
		q.memo.bodies[e.rel] = e.body
	}
	slices.Sort(site.Changed)
	return site
}
