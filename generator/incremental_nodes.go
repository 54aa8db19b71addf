package generator

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// The quick path for node files that come or go: a new answer in a
// folder that has its node, or an answer deleted that nothing leads to
// but its folder's default choices. Such a node changes its parent's
// choices and the overview (its parent's tree, drawn again), and nothing
// else shows it; anything else (a new folder's _index.md, a node that
// other nodes lead to, an address that is taken) is left to the usual
// build, which also words the error.

// readNew reads a node file that the last build did not have (or had
// as a draft: then readDrafts read it already, into e.file) and places
// it, not yet in the graph, below the node of its folder, as buildGraph
// would. keep is false when the walk of content/ leaves the file out or
// it came and went; ok is false when the usual build must read it.
func readNew(l *loader, w *wizard, dirs []string, drafts bool, e *edit, sections map[string]*Node) (keep, ok bool) {
	rel, dir := e.rel, parentDir(e.rel)
	if e.file.read.node == nil { // not read yet: a new file
		f, _, gone, ok := reread(l, rel, nil)
		if gone || !ok {
			return false, ok
		}
		e.file = f
	}
	if !slices.Contains(dirs, dir) {
		return false, false
	}
	parsed := e.file.read.node
	if parsed.Draft && !drafts {
		return false, false
	}
	var p *Node
	if parsed.IsSection() {
		// A folder's node: below its parent folder's, in a folder that
		// newFolders found empty of the last build's files.
		if made, empty := sections[dir]; !empty || made != nil || dir == "." {
			return false, false
		}
		p = w.byFile[path.Join(parentDir(dir), sectionFile)]
	} else if p = w.byFile[path.Join(dir, sectionFile)]; p == nil {
		p = sections[dir] // a folder's node new in this save
	}
	if p == nil || w.resolve(rel).leadsTo() != "" {
		// No folder's node; or a link to its path found something else
		// (a folder named as the file), which it would now find instead.
		return false, false
	}
	url, badSlug := parsed.address(p)
	if badSlug || !w.addressFree(url, p) {
		return false, false
	}
	n := readResult{node: parsed}.clone().node
	n.Parent, n.URL = p, url
	e.node, e.added = n, true
	if n.IsSection() {
		sections[dir] = n
	}
	return true, true
}

// newFolders takes the folders of content/ that are new since the last
// build (dirs), each below a folder it read and holding files alone: it
// adds their files to adds, and returns the folders of content/ with
// them, in the walk's order. sections holds, for readNew, the folders
// whose node may come in this save: the new ones, and those that held
// none of the last build's files. ok is false when the usual build must
// walk: a folder in a new folder, a symbolic link, a file that is not a
// node file.
func newFolders(l *loader, memo *buildMemo, dirs []string, adds []*edit) (all []string, withFiles []*edit, sections map[string]*Node, ok bool) {
	all, sections = memo.dirs, map[string]*Node{}
	if len(dirs) > 0 {
		all = slices.Clone(memo.dirs)
	}
	for _, d := range dirs {
		if !slices.Contains(memo.dirs, parentDir(d)) {
			return nil, nil, nil, false // in a folder that is new too
		}
		entries, err := fs.ReadDir(l.fsys, path.Join(contentDir, d))
		if err != nil {
			return nil, nil, nil, false
		}
		for _, entry := range entries {
			rel := path.Join(d, entry.Name())
			switch {
			case ignored(entry.Name()):
			case !entry.Type().IsRegular() || path.Ext(rel) != ".md":
				return nil, nil, nil, false
			case !slices.ContainsFunc(adds, func(e *edit) bool { return e.rel == rel }):
				adds = append(adds, &edit{rel: rel})
			}
		}
		i, _ := slices.BinarySearchFunc(all, d, comparePaths)
		all = slices.Insert(all, i, d)
		sections[d] = nil
	}
	for _, e := range adds {
		d := parentDir(e.rel)
		if _, ok := sections[d]; ok || path.Base(e.rel) != sectionFile || !slices.Contains(memo.dirs, d) {
			continue
		}
		empty := true
		for f := range memo.files {
			empty = empty && !strings.HasPrefix(f, d+"/")
		}
		if empty {
			sections[d] = nil // an empty folder of the last build
		}
	}
	// The folders' nodes first: what else a new folder holds is placed
	// below its node.
	first := func(e *edit) int {
		if path.Base(e.rel) == sectionFile {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(adds, func(a, b *edit) int { return first(a) - first(b) })
	return all, adds, sections, true
}

// reread reads a node file of content/ again, as the walk would read it.
// gone is true when it no longer exists; changed is false when its bytes
// are old's (old nil: any bytes are new). ok is false when the usual
// build must read it: it is not a plain file (a folder, or a symbolic
// link, which the walk checks), cannot be read or does not parse.
func reread(l *loader, rel string, old []byte) (f memoFile, changed, gone, ok bool) {
	info, err := fs.Lstat(l.fsys, path.Join(contentDir, rel))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return memoFile{}, false, true, true
	case err != nil || !info.Mode().IsRegular():
		return memoFile{}, false, false, false
	}
	data, err := l.read(rel)
	if err != nil {
		return memoFile{}, false, false, false
	}
	if old != nil && bytes.Equal(data, old) {
		return memoFile{}, false, false, true
	}
	n := parseNode(rel, data, l.displayPath(rel), l.probs)
	if n == nil || l.probs.count() > 0 {
		return memoFile{}, false, false, false
	}
	return memoFile{data: data, read: readResult{node: n}}, true, false, true
}

// addressFree reports whether no page nor file of the last build has the
// address url, which a node below p would have. Only a sibling can have
// the same address: each folder's nodes are below their parent's.
func (w *wizard) addressFree(url string, p *Node) bool {
	if url == overviewPage || slices.ContainsFunc(p.Children, func(c *Node) bool { return c.URL == url }) {
		return false
	}
	for _, out := range w.assets {
		if out == url {
			return false
		}
	}
	return true
}

// readDrafts reads the node files that the last build left out as
// drafts: one that is no draft now joins adds, as a new node; one that
// still is, and changed, is in quiet, since no page shows it. ok is
// false when the usual build must read one.
func readDrafts(l *loader, drafts, adds []*edit) (_, quiet []*edit, ok bool) {
	for _, e := range drafts {
		f, changed, gone, ok := reread(l, e.rel, e.file.data)
		switch {
		case gone || !ok:
			return nil, nil, false // gone, or for the usual build's walk
		case !changed:
		case f.read.node.Draft:
			quiet = append(quiet, &edit{rel: e.rel, file: f})
		default:
			adds = append(adds, &edit{rel: e.rel, file: f, draft: true})
		}
	}
	return adds, quiet, true
}

// samePlace reports whether two front matters differ at most as
// sameShape allows, in the slug and in the draft flag.
func samePlace(a, b frontMatter) bool {
	a.Slug, a.Draft, b.Slug, b.Draft = "", false, "", false
	return sameShape(a, b)
}

// moves gives the answers whose slug changed their new address, and
// returns those that moved, when each address is free: not taken by a
// page or file of the last build, by a new node, nor by an address
// another answer leaves in this save (whose old page is deleted after
// the new ones are in). A folder's node, whose slug
// moves all its folder holds, is left to the usual build (ok false).
func (g *graphEdit) moves(edits, adds []*edit) (moved []*Node, ok bool) {
	w := g.r.w
	var left []string
	for _, e := range edits {
		if !e.slug {
			continue
		}
		n := e.node
		if n.IsSection() || len(n.Children) > 0 {
			return nil, false
		}
		url, badSlug := e.file.read.node.address(n.Parent)
		if badSlug {
			return nil, false
		}
		if url == n.URL {
			continue // the slug names the file's own address
		}
		newNode := slices.ContainsFunc(adds, func(a *edit) bool { return a.node.URL == url })
		if !w.addressFree(url, n.Parent) || newNode || slices.Contains(left, url) {
			return nil, false
		}
		old := n.URL
		g.undos = append(g.undos, func() { n.URL = old })
		n.URL, e.oldURL = url, old
		left = append(left, old)
		g.stale = append(g.stale, n.Parent) // its choices lead there
		g.reshaped = true
		moved = append(moved, n)
	}
	return moved, true
}

// referrers finds what leads to the answers that moves gave a new
// address (moved): the pages whose choices, prev or next do (stale,
// rendered again), and the bodies that link to one, returned as edits of
// their unchanged files, to be rendered again. ok is false when the
// definitions link to one: every page shows them.
func (g *graphEdit) referrers(memo *buildMemo, moved []*Node, edits []*edit, gone []*Node) (relinks []*edit, ok bool) {
	if len(moved) == 0 {
		return nil, true
	}
	if g.definitionsLinkTo(moved) {
		return nil, false
	}
	w := g.r.w
	for _, m := range w.nodes {
		for _, n := range moved {
			if leadsTo(m, n) {
				g.stale = append(g.stale, m)
			}
		}
		links := slices.ContainsFunc(m.Links, func(n *Node) bool { return slices.Contains(moved, n) })
		if !links || slices.Contains(gone, m) || slices.ContainsFunc(edits, func(e *edit) bool { return e.node == m }) {
			continue // its page goes, or its body is rendered anyway
		}
		relinks = append(relinks, &edit{rel: m.File, node: m, file: memo.files[m.File]})
	}
	return relinks, true
}

// definitionsLinkTo reports whether the definitions, which every page
// shows, link to any of nodes.
func (g *graphEdit) definitionsLinkTo(nodes []*Node) bool {
	w := g.r.w
	if w.definitions == nil {
		return false
	}
	def := w.definitions
	bc := &bodyContext{dir: def.dir(), resolve: w.resolve, probs: &problems{}, src: def.body}
	g.r.md.render(bc)
	return slices.ContainsFunc(bc.links, func(n *Node) bool { return slices.Contains(nodes, n) })
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
	if g.definitionsLinkTo([]*Node{n}) {
		return false
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
	// Only what n led to may no longer be reached.
	leads := len(n.Links) > 0 || len(n.Choices) > 0 || n.Prev != nil || n.Next != nil
	g.linksChanged, g.reshaped = g.linksChanged || leads, true
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

// renamed pairs the pages of node files that are gone with those of new
// ones that hold the same bytes (renamedPages), before memo forgets the
// files that went.
func (g *graphEdit) renamed(memo *buildMemo, adds []*edit) map[string]string {
	went, came := map[string][]byte{}, map[string][]byte{}
	for _, n := range g.gone {
		if !slices.ContainsFunc(g.drafted, func(e *edit) bool { return e.node == n }) {
			went[n.URL] = memo.files[n.File].data
		}
	}
	for _, e := range adds {
		if !e.draft { // a draft that is no draft now was read before
			came[e.node.URL] = e.file.data
		}
	}
	if len(went) == 0 || len(came) == 0 {
		return map[string]string{}
	}
	return renamedPages(went, came)
}

// reshapeMemo records in memo the node files that came, whose pages and
// bodies are in already, and those that went.
func (g *graphEdit) reshapeMemo(memo *buildMemo, adds []*edit) {
	order := slices.Clone(memo.order)
	for _, n := range g.gone {
		delete(memo.bodies, n.File)
		delete(memo.pages, n.URL)
		if i := slices.IndexFunc(g.drafted, func(e *edit) bool { return e.node == n }); i >= 0 {
			memo.files[n.File] = g.drafted[i].file // a draft now: still read
			continue
		}
		order = slices.DeleteFunc(order, func(rel string) bool { return rel == n.File })
		delete(memo.files, n.File)
	}
	for _, e := range adds {
		if e.draft {
			continue // listed already
		}
		i, _ := slices.BinarySearchFunc(order, e.rel, comparePaths)
		order = slices.Insert(order, i, e.rel)
	}
	for _, e := range g.edited {
		if e.oldURL != "" {
			delete(memo.pages, e.oldURL) // the new address is not an old one: moves
		}
	}
	memo.order = order
}
