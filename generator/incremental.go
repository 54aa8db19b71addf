package generator

import (
	"bytes"
	"maps"
	"path"
	"reflect"
	"strings"
)

// bodiesOnly rebuilds after edits that changed only the bodies of nodes:
// their front matter, the tree, the settings and the theme are as in the
// last good build. Then nothing but those nodes' pages can change, so it
// renders those pages alone on the last build's graph, in time that does
// not grow with the size of the wizard. ok is false when the edits are of
// another kind; the caller then builds the usual way.
func (b *Builder) bodiesOnly(changed []string) (site *Site, ok bool, err error) {
	memo, last := b.memo, b.last
	if memo.renderer == nil || last == nil {
		return nil, false, nil
	}
	r := memo.renderer
	type edit struct {
		rel  string
		node *Node    // the node of the last build's graph
		file memoFile // the file as it is now
		body memoBody // its body rendered
	}
	var edits []edit
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
		edits = append(edits, edit{rel: rel, node: node, file: old})
	}
	probs := &problems{}
	if _, _, _, env := environment(b.opts, probs); env != memo.env || probs.count() > 0 {
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
		if !reflect.DeepEqual(n.front, e.file.read.node.front) {
			return nil, false, nil // the tree, labels or links may change
		}
		e.file = memoFile{data: data, read: readResult{node: n}}
		kept = append(kept, e)
	}
	edits = kept

	// Render the new bodies against the last build's graph.
	for i := range edits {
		e := &edits[i]
		n := e.file.read.node
		bc := &bodyContext{
			file: l.displayPath(e.rel), dir: n.dir(), pageDir: e.node.urlDir(),
			resolve: r.w.resolve, probs: probs, src: n.body,
		}
		e.body = memoBody{key: bodyKey(memo.tree, n.body), body: r.md.render(bc), external: bc.external}
		e.body.body.sign()
		for _, t := range bc.links {
			e.body.links = append(e.body.links, t.File)
		}
	}
	if err := probs.err(); err != nil {
		return nil, true, err
	}

	// Put them in the graph, and check that every node is still reached.
	type saved struct {
		body     []byte
		links    []*Node
		external []ExternalLink
		rendered renderedBody
	}
	undo := make([]saved, len(edits))
	for i, e := range edits {
		undo[i] = saved{e.node.body, e.node.Links, e.node.External, r.bodies[e.node]}
		e.node.body, e.node.External, e.node.Links = e.file.read.node.body, e.body.external, nil
		for _, f := range e.body.links {
			e.node.Links = append(e.node.Links, r.w.byFile[f])
		}
		r.bodies[e.node] = e.body.body
	}
	restore := func() {
		for i, e := range edits {
			e.node.body, e.node.Links, e.node.External = undo[i].body, undo[i].links, undo[i].external
			r.bodies[e.node] = undo[i].rendered
		}
	}
	r.w.checkReachable(l)
	if err := probs.err(); err != nil {
		restore()
		return nil, true, err
	}

	// Render their pages.
	files := maps.Clone(last.Files)
	pages := make(map[string]memoPage, len(edits))
	var changedPages []string
	for _, e := range edits {
		d := r.page(e.node)
		html, err := r.renderPage(d)
		if err != nil {
			restore()
			probs.addErr(r.tmpl.error(err, "page.html"))
			return nil, true, probs.err()
		}
		pages[e.node.URL] = memoPage{key: d.signature(memo.env), html: html}
		if !sameBytes(files[e.node.URL], html) {
			changedPages = append(changedPages, e.node.URL)
		}
		files[e.node.URL] = html
	}
	for _, e := range edits {
		memo.files[e.rel] = e.file
		memo.bodies[e.rel] = e.body
	}
	maps.Copy(memo.pages, pages)
	return &Site{Files: files, FileCount: len(files), Pages: last.Pages, Nodes: last.Nodes, Rendered: len(pages), Changed: changedPages}, true, nil
}

// readContent reads one file of content/.
func readContent(l *loader, rel string) ([]byte, error) {
	return readFS(l.fsys, path.Join(contentDir, rel))
}
