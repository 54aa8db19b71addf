package generator

import (
	"errors"
	"io/fs"
	"path"
	"slices"
)

// The quick path for node files that come or go: a new answer in a
// folder that has its node, or an answer deleted that nothing leads to
// but its folder's default choices. Such a node changes its parent's
// choices and the overview (its parent's tree, drawn again), and nothing
// else shows it; anything else (a new folder's _index.md, a node that
// other nodes lead to, an address that is taken) is left to the usual
// build, which also words the error.

// readNew reads a node file that the last build did not have and places
// it, not yet in the graph, below the node of its folder, as buildGraph
// would. keep is false when the walk of content/ leaves the file out or
// it came and went; ok is false when the usual build must read it.
func readNew(l *loader, w *wizard, dirs []string, drafts bool, e *edit) (keep, ok bool) {
	rel, name := e.rel, path.Base(e.rel)
	info, err := fs.Lstat(l.fsys, path.Join(contentDir, rel))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, true
	case err != nil || !info.Mode().IsRegular():
		return false, false
	}
	if name == sectionFile || !slices.Contains(dirs, parentDir(rel)) {
		return false, false // a folder's node gives an address to what the folder holds
	}
	data, err := readContent(l, rel)
	if err != nil {
		return false, false
	}
	parsed := parseNode(rel, data, l.displayPath(rel), l.probs)
	if parsed == nil || l.probs.count() > 0 || (parsed.Draft && !drafts) {
		return false, false
	}
	p := w.byFile[path.Join(parentDir(rel), sectionFile)]
	if p == nil || w.resolve(rel).leadsTo() != "" {
		// No folder's node; or a link to its path found something else
		// (a folder named as the file), which it would now find instead.
		return false, false
	}
	url, badSlug := parsed.address(p)
	if badSlug {
		return false, false
	}
	// Only a sibling can have the same address: each folder's nodes are
	// below their parent's.
	if url == overviewPage || slices.ContainsFunc(p.Children, func(c *Node) bool { return c.URL == url }) {
		return false, false
	}
	for _, out := range w.assets {
		if out == url {
			return false, false
		}
	}
	n := readResult{node: parsed}.clone().node
	n.Parent, n.URL = p, url
	e.node, e.file, e.added = n, memoFile{data: data, read: readResult{node: parsed}}, true
	return true, true
}

// isGone reports whether a file of content/ no longer exists (a
// symbolic link that leads nowhere still does: the usual build says so).
func isGone(fsys fs.FS, rel string) bool {
	_, err := fs.Lstat(fsys, path.Join(contentDir, rel))
	return errors.Is(err, fs.ErrNotExist)
}

// isRegular reports whether a file of content/ is a plain file, not a
// folder nor a symbolic link, which only the walk of content/ checks.
func isRegular(fsys fs.FS, rel string) bool {
	info, err := fs.Lstat(fsys, path.Join(contentDir, rel))
	return err == nil && info.Mode().IsRegular()
}

// insert puts a new node, placed by readNew and its body rendered, into
// the graph: in the walk's order, among its siblings, and in its
// parent's default choices.
func (g *graphEdit) insert(e *edit) {
	w, n := g.r.w, e.node
	p := n.Parent
	nodes, children := w.nodes, p.Children
	g.undos = append(g.undos, func() {
		w.nodes, p.Children = nodes, children
		delete(w.byFile, n.File)
		delete(g.r.bodies, n)
	})
	i, _ := slices.BinarySearchFunc(nodes, n.File, func(m *Node, file string) int { return comparePaths(m.File, file) })
	w.nodes = make([]*Node, 0, len(nodes)+1)
	w.nodes = append(append(append(w.nodes, nodes[:i]...), n), nodes[i:]...)
	w.byFile[n.File] = n
	p.Children = append(slices.Clone(children), n)
	slices.SortStableFunc(p.Children, siblingOrder)
	g.r.bodies[n] = e.body.body
	n.External = e.body.external
	for _, f := range e.body.links {
		n.Links = append(n.Links, w.byFile[f])
	}
	g.edited = append(g.edited, e)
	g.stale = append(g.stale, p, n)
	g.reshaped = true
	// Links that a new node adds reach more, never less: only a node
	// that its parent's choices leave out may not be reached.
	g.linksChanged = g.linksChanged || p.front.Choices != nil || n.front.Prev != nil
}

// remove takes a node whose file is gone out of the graph, and reports
// whether it could: not the start page nor a folder's node, and nothing
// leads to it but its parent's default choices: no choice, prev or next,
// and no link in a body (each node's Links) or in the definitions.
func (g *graphEdit) remove(n *Node) bool {
	w, p := g.r.w, n.Parent
	if p == nil || n.IsSection() || len(n.Children) > 0 {
		return false
	}
	if def := w.definitions; def != nil {
		bc := &bodyContext{dir: def.dir(), resolve: w.resolve, probs: &problems{}, src: def.body}
		g.r.md.render(bc)
		if slices.Contains(bc.links, n) {
			return false
		}
	}
	for _, m := range w.nodes {
		if m == n {
			continue
		}
		chosen := m.front.Choices != nil && slices.ContainsFunc(m.Choices, func(c Link) bool { return c.Node == n })
		if chosen || (m.Prev != nil && m.Prev.Node == n) || (m.Next != nil && m.Next.Node == n) || slices.Contains(m.Links, n) {
			return false
		}
	}
	nodes, children, body := w.nodes, p.Children, g.r.bodies[n]
	g.undos = append(g.undos, func() {
		w.nodes, p.Children = nodes, children
		w.byFile[n.File] = n
		g.r.bodies[n] = body
	})
	w.nodes = slices.DeleteFunc(slices.Clone(nodes), func(m *Node) bool { return m == n })
	p.Children = slices.DeleteFunc(slices.Clone(children), func(m *Node) bool { return m == n })
	delete(w.byFile, n.File)
	delete(g.r.bodies, n)
	g.gone = append(g.gone, n)
	g.stale = append(g.stale, p)
	g.linksChanged, g.reshaped = true, true
	return true
}

// bodiesLead reports whether the new bodies, rendered on the last
// build's graph, lead only to nodes still in it: not to one whose file
// is gone in the same save.
func (g *graphEdit) bodiesLead() bool {
	if len(g.gone) == 0 {
		return true
	}
	for _, e := range g.edited {
		for _, f := range e.body.links {
			if g.r.w.byFile[f] == nil {
				return false
			}
		}
	}
	return true
}

// reshapeMemo records in memo the node files that came, whose pages and
// bodies are in already, and those that went.
func (g *graphEdit) reshapeMemo(memo *buildMemo, adds []*edit) {
	order := slices.Clone(memo.order)
	for _, n := range g.gone {
		order = slices.DeleteFunc(order, func(rel string) bool { return rel == n.File })
		delete(memo.files, n.File)
		delete(memo.bodies, n.File)
		delete(memo.pages, n.URL)
	}
	for _, e := range adds {
		i, _ := slices.BinarySearchFunc(order, e.rel, comparePaths)
		order = slices.Insert(order, i, e.rel)
	}
	memo.order = order
}
