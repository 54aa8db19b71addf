package generator

import (
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
)

// quick rebuilds after edits that keep the folders: every edited file is
// a node file of the last good build, its front matter changed, if at
// all, only in what pages show of the node (title, linkTitle,
// description, prompt), in its weight and in where its choices, prev and
// next lead, not in where it stands in the tree; or a new or deleted
// answer, or a new folder's node (incremental_nodes.go); and the settings, strings and theme
// mean what they meant (a save of site.yaml that adds a comment renders
// nothing). Then the pages that can change are known, and it renders
// those alone, on the last build's graph:
//
//   - an edited body: the node's page;
//   - edited choices, prev or next: the node's page, and its parent's
//     when the node starts or stops continuing a sequence (a node with a
//     prev is not among its parent's choices);
//   - an edited title, link title, description or prompt: also the pages
//     of its parent and children, the pages whose choices, prev or next
//     lead to it, every page below it when its link title changed (their
//     breadcrumbs), and the overview;
//   - a weight or link title that moves the node among its siblings:
//     also its parent's page (its choices, in the new order) and the
//     overview, where the parent's tree is drawn again in the new order;
//   - a new or deleted answer: its page, its parent's, and the overview;
//     an answer that becomes a draft goes as a deleted one, one that is
//     no draft now comes as a new one, and a draft that stays one
//     renders nothing;
//   - an answer's new slug: its page at its new address (the old one is
//     deleted), its parent's, the pages whose choices, prev, next or body
//     lead to it (those bodies rendered again), and the overview;
//   - a new folder below a folder of the last build, holding node files
//     alone (newFolders), or a node in a folder that was empty: its node
//     is a new node below its parent folder's, and the others below it;
//   - the definitions saved alone: every page, the new popup put in the
//     place of the old (quickDefinitions).
//
// Its time grows with those pages, not with the size of the wizard. ok
// is false when the edits are of another kind (a folder's slug or draft
// flag moves or hides all the folder holds), or change the start
// page's title (which every page shows), or when something is wrong: the
// caller then builds the usual way, which also says all that is wrong,
// not only what the edited files show.
func (b *Builder) quick(changed []string) (site *Site, ok bool) {
	memo, last := b.memo, b.last
	if memo.renderer == nil || last == nil || memo.links {
		return nil, false
	}
	if onlyDefinitions(changed, memo) {
		return b.quickDefinitions()
	}
	r := memo.renderer
	var edits, adds, drafts []*edit
	var newDirs []string // folders new since the last build
	environmentSaved := false
	for _, c := range changed {
		rel, inContent := strings.CutPrefix(c, contentDir+"/")
		if !inContent {
			if !environmentFile(c) {
				return nil, false
			}
			environmentSaved = true
			continue
		}
		old, known := memo.files[rel]
		if slices.Contains(memo.dirs, rel) {
			return nil, false // a folder, moved or deleted with all it held
		}
		if !known {
			// A folder new since the last build, named by what it holds
			// or by itself.
			if dir := parentDir(rel); !slices.Contains(memo.dirs, dir) && !slices.Contains(newDirs, dir) && walked(dir) && isDir(b.opts.Source, path.Join(contentDir, dir)) {
				newDirs = append(newDirs, dir)
			}
			switch {
			case !walked(rel):
				continue // the walk leaves it out: an editor's backup, say, or what an ignored folder holds
			case isDir(b.opts.Source, c):
				if !slices.Contains(newDirs, rel) {
					newDirs = append(newDirs, rel)
				}
				continue
			}
		}
		if rel == definitionsFile || path.Ext(rel) != ".md" {
			return nil, false
		}
		if !known {
			adds = append(adds, &edit{rel: rel})
			continue
		}
		node := r.w.byFile[rel]
		if old.read.node == nil {
			return nil, false
		}
		if node == nil {
			if !old.read.node.Draft || b.opts.Drafts {
				return nil, false
			}
			drafts = append(drafts, &edit{rel: rel, file: old}) // left out as a draft
			continue
		}
		edits = append(edits, &edit{rel: rel, node: node, file: old})
	}
	// The settings, strings and theme are the last build's: changed names
	// no file of theirs (Rebuild trusts it to name every file that
	// changed), or those it names mean what they meant (saved again as
	// they were, or with a comment more); else the usual build.
	if environmentSaved {
		envProbs := &problems{}
		if _, _, _, env := environment(b.opts, envProbs, true); envProbs.count() > 0 || env != memo.env {
			return nil, false
		}
	}
	probs := &problems{}
	// What the last build's renderer finds wrong (the overview's or the
	// definitions' templates, say) is this rebuild's to see.
	defer func(last *problems) { r.loader.probs = last }(r.loader.probs)
	r.loader.probs = probs
	l := &loader{fsys: b.opts.Source, name: b.opts.SourceName, drafts: b.opts.Drafts, probs: probs}
	var gone []*Node
	var drafted []*edit // node files that are drafts now
	kept := edits[:0]
	for _, e := range edits {
		f, changed, isGone, ok := reread(l, e.rel, e.file.data)
		switch {
		case isGone:
			gone = append(gone, e.node)
			continue
		case !ok:
			return nil, false // the usual build reads it, and says what is wrong
		case !changed:
			continue // saved again as it was
		}
		n := f.read.node
		if !sameShape(n.front, e.node.front) {
			switch {
			case !samePlace(n.front, e.node.front) || (n.Draft != e.node.Draft && b.opts.Drafts):
				return nil, false // the tree or where the node leads may change
			case n.Draft && !b.opts.Drafts:
				// Now a draft: its page goes, as if its file were gone.
				e.file = f
				gone = append(gone, e.node)
				drafted = append(drafted, e)
				continue
			default:
				e.slug = true // another slug: moves(), below
			}
		}
		e.shown = n.Title != e.node.Title || n.LinkTitle != e.node.LinkTitle ||
			n.Description != e.node.Description || n.Prompt != e.node.Prompt
		e.weight = n.Weight != e.node.Weight
		e.links = !sameLinks(n.front, e.node.front)
		if e.shown && e.node == r.w.root {
			return nil, false // every page shows the start page's title
		}
		e.file = f
		kept = append(kept, e)
	}
	edits = kept
	adds, quiet, ok := readDrafts(l, drafts, adds)
	if !ok {
		return nil, false
	}
	dirs, adds, sections, ok := newFolders(l, memo, newDirs, adds)
	if !ok {
		return nil, false
	}
	kept = adds[:0]
	for _, e := range adds {
		keep, ok := readNew(l, r.w, dirs, b.opts.Drafts, e, sections)
		if !ok || slices.ContainsFunc(kept, func(k *edit) bool { return keep && k.node.URL == e.node.URL }) {
			return nil, false // two new nodes at one address: the usual build says which
		}
		if keep {
			kept = append(kept, e)
		}
	}
	adds = kept
	g := &graphEdit{r: r, l: l, drafted: drafted}
	moved, ok := g.moves(edits, adds)
	if !ok {
		g.undo()
		return nil, false
	}
	if (len(adds) > 0 || len(gone) > 0 || len(moved) > 0) && r.site.BaseURL != "" {
		g.undo()
		return nil, false // the sitemap lists every page
	}
	// The bodies that link to a node with a new address, rendered again.
	relinks, ok := g.referrers(memo, moved, edits, gone)
	if !ok {
		g.undo()
		return nil, false
	}
	edits = append(edits, relinks...)

	// Render the new bodies against the last build's graph, with the
	// new addresses.
	for _, e := range slices.Concat(edits, adds) {
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
	if probs.count() > 0 {
		g.undo()
		return nil, false
	}

	for _, e := range adds {
		g.insert(e)
	}
	for _, n := range gone {
		if !g.remove(n) {
			g.undo()
			return nil, false
		}
	}
	for _, e := range edits {
		g.apply(e)
	}
	if !g.bodiesLead() {
		g.undo()
		return nil, false
	}
	g.relinkStale()
	if probs.count() > 0 {
		g.undo()
		return nil, false
	}
	if g.linksChanged {
		// A body leads elsewhere now: every node must still be reached.
		r.w.checkReachable(l)
		if probs.count() > 0 {
			g.undo()
			return nil, false
		}
	}

	if r.pageSeed(memo.env) != memo.pageEnv {
		// A template of one's own may show what changed on any page:
		// the usual build renders every page again.
		g.undo()
		return nil, false
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
		key, shown := d.signature(memo.pageEnv)
		pages[i] = memoPage{key: key, shown: shown, html: html}
	})
	for _, err := range failed {
		if err != nil {
			g.undo()
			return nil, false
		}
	}
	var changedPages []string
	for _, n := range g.gone {
		delete(files, n.URL)
		changedPages = append(changedPages, n.URL)
	}
	movedTo := g.renamed(memo, adds)
	for _, e := range g.edited {
		if e.oldURL != "" {
			delete(files, e.oldURL)
			changedPages = append(changedPages, e.oldURL)
			movedTo[e.oldURL] = e.node.URL
		}
	}
	if len(movedTo) == 0 {
		movedTo = nil
	}
	for i, n := range nodes {
		if !sameBytes(files[n.URL], pages[i].html) {
			changedPages = append(changedPages, n.URL)
		}
		files[n.URL] = pages[i].html
	}
	rendered := len(nodes)
	if g.titles || len(g.moved) > 0 || g.reshaped {
		// The overview lists every node by its link title, in the tree's
		// order: new labels, and the trees of reordered children, are
		// spliced into the last one when they keep its layout, else it is
		// drawn again.
		overview := map[string][]byte{}
		next, ok := g.patchOverview(memo.layout)
		if ok {
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
			if probs.count() > 0 {
				memo.overviewKey, memo.overview, memo.layout = before.overviewKey, before.overview, before.layout
				g.undo()
				return nil, false
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
	for _, e := range g.edited {
		memo.files[e.rel] = e.file
		memo.bodies[e.rel] = e.body
	}
	for i, n := range nodes {
		memo.pages[n.URL] = pages[i]
	}
	for _, e := range quiet {
		memo.files[e.rel] = e.file // still a draft: nothing shows it
	}
	if g.reshaped {
		g.reshapeMemo(memo, adds)
	}
	memo.dirs = dirs
	slices.Sort(changedPages)
	return &Site{
		Files: files, FileCount: len(files), Pages: last.Pages + len(adds) - len(g.gone), Nodes: r.w.nodes,
		Rendered: rendered, Changed: changedPages, Moved: movedTo,
	}, true
}

// walked reports whether the walk of content/ reads what is at rel, a
// path in content/: no name on the way is one it leaves out.
func walked(rel string) bool {
	for name := range strings.SplitSeq(rel, "/") {
		if ignored(name) {
			return false
		}
	}
	return true
}

// isDir reports whether name is a folder, and not a symbolic link.
func isDir(fsys fs.FS, name string) bool {
	info, err := fs.Lstat(fsys, name)
	return err == nil && info.IsDir()
}

// onlyDefinitions reports whether the definitions are the only file
// that changed that the walk would read (an editor's backup it leaves out).
func onlyDefinitions(changed []string, memo *buildMemo) bool {
	seen := false
	for _, c := range changed {
		rel, inContent := strings.CutPrefix(c, contentDir+"/")
		if _, known := memo.files[rel]; inContent && !known && !walked(rel) {
			continue
		}
		if rel != definitionsFile || !inContent {
			return false
		}
		seen = true
	}
	return seen
}

// edit is one edited node file of a quick rebuild.
type edit struct {
	rel    string
	node   *Node    // the node of the last build's graph
	file   memoFile // the file as it is now
	body   memoBody // its body rendered
	shown  bool     // its title, link title, description or prompt changed
	title  bool     // its link title changed
	weight bool     // its weight changed: it may move among its siblings
	links  bool     // its choices, prev or next changed
	added  bool     // its node is new: its file is new, or was a draft
	draft  bool     // its file was read by the last build, as a draft
	slug   bool     // its slug changed
	oldURL string   // the address it had, when its slug moved it
}

// sameShape reports whether two front matters differ at most in what
// pages show of their node (title, link title, description and prompt),
// in its weight among its siblings, in where its choices, prev and next
// lead, and in the lines where keys are written: not in where the node
// stands in the tree.
func sameShape(a, b frontMatter) bool {
	for _, f := range []*frontMatter{&a, &b} {
		f.Title, f.LinkTitle, f.Description, f.Prompt = "", "", "", ""
		f.Weight = 0
		f.lines = nil
		f.Choices, f.Prev, f.Next = nil, nil, nil
	}
	return reflect.DeepEqual(a, b)
}

// sameLinks reports whether two front matters lead to the same nodes by
// the same labels, wherever their keys are written.
func sameLinks(a, b frontMatter) bool {
	same := func(x, y *linkSpec) bool {
		return x.Page == y.Page && x.Label == y.Label
	}
	if (a.Choices == nil) != (b.Choices == nil) || !slices.EqualFunc(a.Choices, b.Choices, func(x, y linkSpec) bool { return same(&x, &y) }) {
		return false
	}
	for _, l := range [][2]*linkSpec{{a.Prev, b.Prev}, {a.Next, b.Next}} {
		if (l[0] == nil) != (l[1] == nil) || (l[0] != nil && !same(l[0], l[1])) {
			return false
		}
	}
	return true
}

// graphEdit puts the edits of a quick rebuild into the last build's
// graph, and can take them out again.
type graphEdit struct {
	r            *pageRenderer
	l            *loader
	undos        []func()
	edited       []*edit
	stale        []*Node // nodes whose choices, prev or next the edits concern
	relinked     []*Node
	titles       bool    // a link title changed: breadcrumbs and the overview show it
	moved        []*Node // parents whose children changed order: their choices and the overview show it
	gone         []*Node // nodes whose files are gone, or are drafts now
	drafted      []*edit // the node files of gone that are drafts now
	reshaped     bool    // nodes came or went: the overview is drawn again
	linksChanged bool    // a body leads to other nodes than before
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
	if e.links {
		// Its own choices, prev and next; and a node that continues a
		// sequence is not among its parent's choices.
		g.linksChanged = true
		g.stale = append(g.stale, n)
		if n.Parent != nil && (saved.front.Prev == nil) != (fresh.front.Prev == nil) {
			g.stale = append(g.stale, n.Parent)
		}
	}
	r.bodies[n] = e.body.body
	if e.weight || e.title {
		g.reorder(n, fresh.Weight)
	}
	if e.shown {
		// The choices, prev and next that lead to n take their labels
		// from its link title.
		for _, m := range r.w.nodes {
			if leadsTo(m, n) {
				g.stale = append(g.stale, m)
			}
		}
	}
}

// relinkStale resolves again, once all edits are in the graph, the
// choices, prev and next of the nodes they concern, each once.
func (g *graphEdit) relinkStale() {
	for _, m := range g.stale {
		if slices.Contains(g.relinked, m) {
			continue
		}
		choices, prev, next := m.Choices, m.Prev, m.Next
		g.undos = append(g.undos, func() { m.Choices, m.Prev, m.Next = choices, prev, next })
		m.Choices, m.Prev, m.Next = nil, nil, nil
		g.r.w.linkFrontMatter(m, g.l)
		g.relinked = append(g.relinked, m)
	}
}

// reorder gives n its weight and sorts its siblings again, by weight and
// link title; when their order changed, its parent's choices and the
// overview follow it.
func (g *graphEdit) reorder(n *Node, weight int) {
	p, saved := n.Parent, n.Weight
	n.Weight = weight
	g.undos = append(g.undos, func() { n.Weight = saved })
	if p == nil || slices.IsSortedFunc(p.Children, siblingOrder) {
		return
	}
	children := slices.Clone(p.Children)
	g.undos = append(g.undos, func() { p.Children = children })
	slices.SortStableFunc(p.Children, siblingOrder)
	g.stale = append(g.stale, p)
	if !slices.Contains(g.moved, p) {
		g.moved = append(g.moved, p)
	}
}

// leadsTo reports whether a choice, prev or next of m leads to n.
func leadsTo(m, n *Node) bool {
	if (m.Prev != nil && m.Prev.Node == n) || (m.Next != nil && m.Next.Node == n) {
		return true
	}
	return slices.ContainsFunc(m.Choices, func(c Link) bool { return c.Node == n })
}

// patchOverview draws again, on the last overview page laid out as lay
// says, the trees of the map that changed: those of nodes with a new
// link title, of parents whose children changed order, came or went,
// each once (not inside another). ok is false when it cannot.
func (g *graphEdit) patchOverview(lay *overviewLayout) (next *overviewLayout, ok bool) {
	if lay == nil {
		return nil, false
	}
	var trees []*Node
	for _, e := range g.edited {
		if e.title {
			trees = append(trees, e.node)
		}
		if e.added || e.oldURL != "" {
			trees = append(trees, e.node.Parent)
		}
	}
	trees = append(trees, g.moved...)
	for _, n := range g.gone {
		trees = append(trees, n.Parent)
	}
	next = lay
	drawn := map[*Node]bool{}
	for _, n := range trees {
		if drawn[n] || slices.ContainsFunc(trees, func(m *Node) bool { return below(n, m) }) {
			continue // drawn with another
		}
		drawn[n] = true
		if next, ok = next.redraw(n); !ok {
			return nil, false
		}
	}
	return next, true
}

// below reports whether n is in the tree of m, below it.
func below(n, m *Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == m {
			return true
		}
	}
	return false
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
