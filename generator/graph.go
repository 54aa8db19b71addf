package generator

import (
	"cmp"
	"path"
	"slices"
	"strings"
)

// wizard is the node graph of one site: the tree of folders, and the
// choices, sequences and links between nodes.
type wizard struct {
	root        *Node            // content/_index.md, the start page
	nodes       []*Node          // every node in the build, in path order
	byFile      map[string]*Node // nodes by path in content/
	assets      map[string]string
	definitions *Node           // content/_definitions.md, or nil
	broken      map[string]bool // node files that could not be read or parsed, from the source
	lang        string          // the language of a translated copy (translate.go); "" for the default language's graph
}

// reserved are output paths the generator writes itself.
var reserved = map[string]bool{"404.html": true, "sitemap.xml": true, "robots.txt": true, outputMarker: true}

// buildGraph links the loaded nodes into a tree, gives each page its
// address and resolves the front matter links.
func buildGraph(src *source, l *loader) *wizard {
	w := &wizard{byFile: make(map[string]*Node, len(src.nodes)), assets: map[string]string{}, definitions: src.definitions, broken: src.broken}
	for _, n := range src.nodes {
		w.byFile[n.File] = n
	}
	w.bundles(src, l)
	w.root = w.byFile[sectionFile]
	if w.root == nil {
		if len(src.nodes) > 0 || l.probs.count() == 0 {
			l.probs.add(l.displayPath(sectionFile), 0, "no start page: write content/_index.md")
		}
		return w
	}
	w.root.URL = l.langDir() + "index.html"
	urls := w.placeNodes(src, l)
	w.placeAssets(src, urls, l)
	dir := l.langDir()
	for _, n := range w.nodes {
		slices.SortStableFunc(n.Children, siblingOrder)
		w.linkFrontMatter(n, l)
		n.langDir = dir
	}
	w.root.langDir = dir
	return w
}

// bundles makes the index.md of a folder without an _index.md its node,
// under both names: a Hugo leaf bundle is its folder's page, not a child
// called "index". A folder with both has two nodes of its own: an error.
func (w *wizard) bundles(src *source, l *loader) {
	for _, n := range src.nodes {
		if path.Base(n.File) != bundleFile {
			continue
		}
		section := sectionPath(n.dir())
		if other := w.byFile[section]; other != nil {
			l.probs.add(l.displayPath(n.File), 1, "this folder has its node in content/%s already: a folder has one node file, so merge this one into it", section)
			delete(w.byFile, n.File)
			continue
		}
		w.byFile[section] = n
	}
}

// sectionPath is the path of the _index.md of folder dir.
func sectionPath(dir string) string {
	if dir == "." {
		return sectionFile
	}
	return dir + "/" + sectionFile
}

// placeNodes gives every node below the start page its parent and
// address, and returns the nodes by address.
func (w *wizard) placeNodes(src *source, l *loader) map[string]*Node {
	missing := map[string]bool{}
	urls := make(map[string]*Node, len(src.nodes))
	urls[w.root.URL] = w.root
	// state is whether a node is placed, or dropped (also while it is
	// being placed: a loop cannot happen, folders nest).
	const placed, dropped = 1, 2
	state := make(map[*Node]uint8, len(src.nodes))
	state[w.root] = placed
	// place gives n its parent and address, its parent's first.
	var place func(n *Node) bool
	place = func(n *Node) bool {
		if s := state[n]; s != 0 {
			return s == placed
		}
		state[n] = dropped // until placed
		parentDir := n.dir()
		if n.IsSection() {
			parentDir = path.Dir(parentDir)
		}
		parentFile := sectionFile
		if parentDir != "." {
			parentFile = parentDir + "/" + sectionFile
		}
		p := w.byFile[parentFile]
		if p == nil || !place(p) {
			if p == nil && !missing[parentDir] && !l.drafted(parentFile) {
				missing[parentDir] = true
				l.probs.add(l.displayPath(parentDir), 0, "folder has nodes but no _index.md: every folder of nodes needs its own node")
			}
			return false
		}
		url, badSlug := n.address(p)
		if badSlug {
			l.probs.add(l.displayPath(n.File), n.front.lines.at("slug"), "slug %q: use lower-case letters, digits and hyphens only", n.front.Slug)
		}
		if !w.broken[n.File] { // a stand-in's slug is not known: it takes no address from another
			if other := urls[url]; other != nil {
				l.probs.add(l.displayPath(n.File), 1, "same address %s as content/%s: rename one or set a slug", url, other.File)
				return false
			}
			urls[url] = n
		}
		n.Parent, n.URL = p, url
		p.Children = append(p.Children, n)
		state[n] = placed
		return true
	}
	// Nodes keep the order in which they were read: the tree's order.
	// A node that is not placed leaves byFile only after all are: while
	// they are, a folder whose _index.md was not placed still has one.
	var unplaced []*Node
	for _, n := range src.nodes {
		switch {
		case w.byFile[n.File] != n: // an index.md beside an _index.md: reported
		case !place(n):
			unplaced = append(unplaced, n)
		case !w.broken[n.File]: // a stand-in is for the checks only: no page, no body
			w.nodes = append(w.nodes, n)
		}
	}
	for _, n := range unplaced {
		delete(w.byFile, n.File)
		if path.Base(n.File) == bundleFile && w.byFile[sectionPath(n.dir())] == n {
			delete(w.byFile, sectionPath(n.dir()))
		}
	}
	return urls
}

// address is the output path of n's page below its parent p: its file's
// or folder's name as a slug, or its front matter slug; badSlug is true
// when that slug is not one already.
func (n *Node) address(p *Node) (url string, badSlug bool) {
	name := path.Base(n.File)
	if n.IsSection() {
		name = path.Base(n.dir())
	}
	name = slugify(strings.TrimSuffix(name, ".md"))
	if s := n.front.Slug; s != "" {
		badSlug = strings.ContainsAny(s, `/\`) || slugify(s) != s || strings.Trim(s, ".") == ""
		name = slugify(s)
	}
	url = name + "/index.html"
	if d := p.urlDir(); d != "" {
		url = d + "/" + url
	}
	return url, badSlug
}

// siblingOrder orders the children of a node: by weight, then by link
// title, then by file.
func siblingOrder(a, b *Node) int {
	return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.LinkTitle, b.LinkTitle), cmp.Compare(a.File, b.File))
}

// placeAssets gives the other files of content/ their output paths: in
// the output folder of the node of their folder.
func (w *wizard) placeAssets(src *source, urls map[string]*Node, l *loader) {
	dirURL := make(map[string]string, len(src.dirs)+1)
	dirURL["."] = w.root.urlDir() // the default language's folder holds the files of every language's pages
	for _, d := range src.dirs {
		if d == "." {
			continue
		}
		if n := w.byFile[path.Join(d, sectionFile)]; n != nil {
			dirURL[d] = n.urlDir()
			continue
		}
		dirURL[d] = path.Join(dirURL[path.Dir(d)], slugify(path.Base(d)))
	}
	names := make([]string, 0, len(src.assets))
	for name := range src.assets {
		names = append(names, name)
	}
	slices.Sort(names)
	taken := map[string]string{}
	for _, name := range names {
		out := path.Join(dirURL[path.Dir(name)], path.Base(name))
		if reserved[out] || urls[out] != nil || strings.HasPrefix(out, assetsDir+"/") {
			l.probs.add(l.displayPath(name), 0, "this file would overwrite %s, which the generator writes", out)
			continue
		}
		if other, ok := taken[out]; ok {
			l.probs.add(l.displayPath(name), 0, "same address %s as content/%s", out, other)
			continue
		}
		taken[out] = name
		w.assets[name] = out
	}
}

// resolve finds what a path in content/ names.
func (w *wizard) resolve(p string) target {
	if p == definitionsFile {
		return target{definitions: w.definitions != nil}
	}
	if n := w.byFile[p]; n != nil {
		return target{node: n}
	}
	if n := w.byFile[path.Join(p, sectionFile)]; n != nil {
		return target{node: n}
	}
	if a, ok := w.assets[p]; ok {
		return target{asset: a}
	}
	return target{}
}

// linkFrontMatter resolves choices, prev and next of one node.
func (w *wizard) linkFrontMatter(n *Node, l *loader) {
	link := func(key string, spec *linkSpec) *Link {
		if spec.Page == "" {
			l.probs.add(l.displayPath(n.File), spec.Line, "%s: the link names no page", key)
			return nil
		}
		full := path.Join(n.dir(), spec.Page)
		t := w.resolve(full)
		if t.node == nil {
			l.probs.add(l.displayPath(n.File), spec.Line, "%s: link to %q: no such node (content/%s)", key, spec.Page, full)
			return nil
		}
		label := spec.Label
		if label == "" {
			label = t.node.LinkTitle
		}
		return &Link{Node: t.node, Label: label}
	}
	if n.front.Choices != nil {
		for i := range n.front.Choices {
			if c := link("choices", &n.front.Choices[i]); c != nil {
				n.Choices = append(n.Choices, *c)
			}
		}
	} else {
		for _, c := range n.Children {
			if c.front.Prev == nil {
				n.Choices = append(n.Choices, Link{Node: c, Label: c.LinkTitle})
			}
		}
	}
	if n.front.Prev != nil {
		n.Prev = link("prev", n.front.Prev)
	}
	if n.front.Next != nil {
		n.Next = link("next", n.front.Next)
	}
}

// checkReachable reports every node that no choice, sequence or body
// link leads to from the start page. Once it reaches a node file that
// could not be read, it reports none: that node may lead anywhere, and
// its own error comes first.
func (w *wizard) checkReachable(l *loader) {
	if w.root == nil {
		return
	}
	seen := make(map[*Node]bool, len(w.nodes))
	seen[w.root] = true
	queue := make([]*Node, 1, len(w.nodes)+1) // a stand-in start page is not in w.nodes
	queue[0] = w.root
	visit := func(n *Node) {
		if n != nil && !seen[n] {
			seen[n] = true
			queue = append(queue, n)
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if w.broken[n.File] {
			// What it leads to is not known: it may lead to any node,
			// so none is said to be out of reach.
			return
		}
		for _, c := range n.Choices {
			visit(c.Node)
		}
		if n.Prev != nil {
			visit(n.Prev.Node)
		}
		if n.Next != nil {
			visit(n.Next.Node)
		}
		for _, t := range n.Links {
			visit(t)
		}
	}
	for _, n := range w.nodes {
		switch {
		case seen[n]:
		case w.lang != "":
			l.probs.add(l.displayPath(n.source()), 1, "not reachable from the start page in %s: no choice, prev or next, and no link in the %s texts, leads here", w.lang, w.lang)
		default:
			l.probs.add(l.displayPath(n.File), 1, "not reachable from the start page: no choice, link, prev or next leads here")
		}
	}
}
