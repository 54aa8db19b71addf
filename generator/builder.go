package generator

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"maps"
	"path"
	"path/filepath"
	"slices"
)

// Builder builds one site again and again, as `wizard serve` does after
// each save. It keeps what the last good build made, and makes anew only
// what depends on something that changed: a file is parsed again when its
// bytes changed, a body rendered again when its file or its page's folder
// changed or one of its links leads elsewhere,
// a page rendered again when anything it shows changed.
//
// A Builder is not safe for concurrent use. The Files of the Sites it
// returns never change; their Nodes may be updated by a later build.
type Builder struct {
	opts Options
	last *Site      // the last good build, nil before the first
	memo *buildMemo // what the last good build made, to reuse
	// unbuilt are the files named to Rebuilds that failed since the last
	// good build, which has not seen them: the next Rebuild reads them
	// too. unbuiltAll is set when such a Rebuild read everything.
	unbuilt    []string
	unbuiltAll bool
}

// buildMemo is what one good build leaves for the next.
type buildMemo struct {
	files  map[string]memoFile // content files by path in content/
	order  []string            // their paths in the order of the walk
	bodies map[string]memoBody // rendered bodies by node file
	pages  map[string]memoPage // rendered pages by output path
	dirs   []string            // the folders of content/, to tell a new file from a changed one
	links  bool                // content/ holds symbolic links: the files a save names may not be all it changed
	env    [32]byte            // the signature of settings, theme and options
	// pageEnv is env and, with templates of one's own, the graph
	// (pageSeed): what page and overview signatures start from.
	pageEnv [32]byte

	renderer *pageRenderer // the last good build's renderer: graph, templates, Markdown

	overviewKey [32]byte            // the signature of the tree the overview shows
	overview    map[string][]byte   // the overview's files
	layout      *overviewLayout     // where each node stands on the overview page, or nil
	minified    map[[32]byte][]byte // other minified files by the SHA-256 of their input
}

// memoFile is a content file as read.
type memoFile struct {
	data []byte     // its bytes
	read readResult // what was made of them
}

// memoBody is a rendered body and the tree it was rendered against.
type memoBody struct {
	key      [32]byte       // bodyKey: the body's bytes, its page's folder, the settings and theme
	body     renderedBody   // the HTML
	links    []string       // files of the nodes it links to
	resolved []resolvedLink // every relative link and where it led
	external []ExternalLink // its external links
	src      []byte         // the Markdown it was rendered from
	dir      string         // its page's folder
}

// memoPage is a rendered, minified page and the signature of what it shows.
type memoPage struct {
	key   [32]byte // signature
	shown [32]byte // signature's shown: all but the definitions
	html  []byte
}

// NewBuilder returns a Builder for the site that opts describe.
func NewBuilder(opts Options) *Builder { return &Builder{opts: opts} }

// Last returns the last good build, or nil.
func (b *Builder) Last() *Site { return b.last }

// Build builds the site from what is on disk now. On failure the last
// good site stays the Builder's, and the error lists every problem.
func (b *Builder) Build() (*Site, error) { return b.Rebuild(nil) }

// Rebuild builds the site again when the files named in changed (paths
// in the site root, slash-separated, such as "content/a/b.md") are the
// only ones that changed since the last build: it reads those alone when
// each is a file that the last build read, or a file that came or went in
// a folder it walked. Otherwise, or when changed is nil, it reads every
// file.
func (b *Builder) Rebuild(changed []string) (*Site, error) {
	// A file changed before a failed build is still new to the last good
	// one: without it, a later save of another file would build from its
	// old bytes and hide the error that the writer has not fixed.
	// A file named twice (serve adds the files of its failed builds to
	// what the watcher saw) is read once.
	if b.unbuiltAll {
		changed = nil
	} else if changed != nil {
		var unique []string
		for _, c := range slices.Concat(changed, b.unbuilt) {
			if !slices.Contains(unique, c) {
				unique = append(unique, c)
			}
		}
		changed = unique
	}
	site, err := b.rebuild(changed)
	if err != nil {
		b.unbuilt, b.unbuiltAll = changed, changed == nil
		return nil, err
	}
	b.unbuilt, b.unbuiltAll = nil, false
	return site, nil
}

// rebuild is Rebuild, once the files it must read are known.
func (b *Builder) rebuild(changed []string) (*Site, error) {
	if b.memo != nil && changed != nil {
		if site, ok := b.quick(changed); ok {
			b.last = site
			return site, nil
		}
	}
	run := &buildRun{opts: b.opts, memo: b.memo, probs: &problems{}}
	site, memo, err := run.build(changed)
	if err != nil {
		return nil, err
	}
	site.Changed = changedFiles(b.last, site)
	site.Moved = movedPages(b.memo, memo, site)
	b.last, b.memo = site, memo
	return site, nil
}

// movedPages finds, among the pages that site no longer has, those
// whose node file has its page elsewhere now: by the folders of the
// bodies in the last build's memo old and in this build's memo; and
// those whose node file is gone, when a new file holds its bytes
// (renamedPages).
func movedPages(old, memo *buildMemo, site *Site) map[string]string {
	var gone []string
	for _, name := range site.Changed {
		if _, ok := site.Files[name]; !ok && path.Base(name) == "index.html" {
			gone = append(gone, name)
		}
	}
	if old == nil || len(gone) == 0 {
		return nil
	}
	files := make(map[string]string, len(old.bodies)) // node file by page
	for file, b := range old.bodies {
		files[pageIn(b.dir)] = file
	}
	moved := map[string]string{}
	went, came := map[string][]byte{}, map[string][]byte{}
	for _, name := range gone {
		file := files[name]
		b, ok := memo.bodies[file]
		if to := pageIn(b.dir); ok && to != name && site.Files[to] != nil {
			moved[name] = to
		} else if _, still := memo.files[file]; !still && file != "" {
			went[name] = old.files[file].data
		}
	}
	if len(went) > 0 {
		for file, b := range memo.bodies {
			if _, known := old.files[file]; !known {
				came[pageIn(b.dir)] = memo.files[file].data
			}
		}
		maps.Copy(moved, renamedPages(went, came))
	}
	if len(moved) == 0 {
		return nil
	}
	return moved
}

// renamedPages pairs pages that went (by their node files' bytes) with
// pages that came whose node files hold the same bytes: a file renamed,
// or moved to another folder, whose page a browser on the old address
// may follow. Bytes that more than one file held or holds pair nothing.
func renamedPages(went, came map[string][]byte) map[string]string {
	byBytes := func(pages map[string][]byte) map[string][]string {
		m := map[string][]string{}
		for page, data := range pages {
			m[string(data)] = append(m[string(data)], page)
		}
		return m
	}
	from, to := byBytes(went), byBytes(came)
	moved := map[string]string{}
	for data, pages := range from {
		if len(pages) == 1 && len(to[data]) == 1 && pages[0] != to[data][0] {
			moved[pages[0]] = to[data][0]
		}
	}
	return moved
}

// pageIn is the page of a node whose page folder is dir.
func pageIn(dir string) string {
	if dir == "" {
		return "index.html"
	}
	return dir + "/index.html"
}

// buildRun is one build: what it reads, checks and renders.
type buildRun struct {
	opts  Options
	memo  *buildMemo // the last good build's, or nil
	probs *problems
	// emit, when set, takes each page as it is rendered and each other
	// file at the end, instead of the Site's Files: a build for the disk
	// need not hold the whole site in memory.
	emit func(name string, data []byte) error
}

// oneShot reports whether the run is a build for the disk, which keeps
// nothing for a next build: it sums nothing up to tell later what
// changed.
func (run *buildRun) oneShot() bool { return run.emit != nil && run.memo == nil }

func (run *buildRun) build(changed []string) (*Site, *buildMemo, error) {
	opts, probs := run.opts, run.probs
	settings, t, th, env := environment(opts, probs, !run.oneShot())
	icons := th.icons(probs)
	tmpl := th.templates(template.FuncMap{
		"icon": func(name string) template.HTML { return template.HTML(icons[name]) },
	}, probs)

	l := &loader{fsys: opts.Source, name: opts.SourceName, drafts: opts.Drafts, probs: probs}
	if opts.Dir != "" {
		real, err := filepath.EvalSymlinks(opts.Dir)
		if err != nil {
			probs.add(opts.SourceName, 0, "cannot read the site root: %v", err)
			return nil, nil, probs.err()
		}
		l.realDir, l.disk = real, opts.Dir
	}
	files, order := run.load(l, changed)
	w := buildGraph(l.src, l)
	if w.root == nil {
		return nil, nil, probs.err()
	}
	if settings.Title == "" {
		settings.Title = w.root.Title
	}
	if run.emit != nil {
		files = nil // a build for the disk leaves nothing for a next one
	}
	// Maps sized up front for what a build in memory keeps of each node;
	// a build for the disk writes its pages as they come.
	nodes, kept := len(w.nodes), 0
	if run.emit == nil {
		kept = nodes
	}
	memo := &buildMemo{files: files, order: order, bodies: make(map[string]memoBody, kept), pages: make(map[string]memoPage, kept), dirs: l.src.dirs, links: l.src.links}
	memo.env = env

	md := newMarkdown(icons, t)
	r := &pageRenderer{
		site: &settings, t: t, tmpl: tmpl, w: w, md: md, loader: l, devScript: opts.DevScript,
		bodies: make(map[*Node]renderedBody, nodes), definitions: map[string]definitionsData{},
		builtIn: tmpl != nil && !tmpl.modified && !opts.templatePages, icons: icons,
	}
	out := make(map[string][]byte, kept+len(w.assets)+16)
	site := &Site{Files: out, Nodes: w.nodes}
	run.renderBodies(r, memo)
	w.checkReachable(l)
	r.assets = staticAssets(th, out)
	for name, o := range w.assets {
		out[o] = l.src.assets[name]
	}
	if err := probs.err(); err != nil || tmpl == nil {
		return nil, nil, err
	}
	m := newMinifier()
	memo.renderer = r
	if run.emit == nil {
		memo.pageEnv = r.pageSeed(env)
	}
	// The overview needs the graph alone: it is drawn while the pages
	// render, on a core that their last pages leave idle.
	overview := map[string][]byte{}
	var pages, rendered int
	drawn := make(chan struct{})
	go func() {
		defer close(drawn)
		pages, rendered = run.overview(r, memo, overview)
	}()
	site.Rendered = run.renderPages(r, memo, out)
	if html, err := r.render404(); err != nil {
		probs.addErr(tmpl.error(err, "404.html"))
	} else {
		out["404.html"] = html
	}
	<-drawn
	maps.Copy(out, overview)
	site.Pages = len(w.nodes) + 1 + pages
	site.Rendered += 1 + rendered
	if settings.BaseURL != "" {
		out["sitemap.xml"] = sitemap(&settings, w.nodes)
		out["robots.txt"] = []byte("User-agent: *\nAllow: /\nSitemap: " + settings.absoluteURL("sitemap.xml") + "\n")
	}
	if err := probs.err(); err != nil {
		return nil, nil, err
	}
	memo.minified = map[[32]byte][]byte{}
	for name, data := range out {
		if _, done := memo.pages[name]; done || memo.overview[name] != nil {
			continue // minified as they were rendered
		}
		key := sha256.Sum256(append([]byte(name+"\x00"), data...))
		min, ok := []byte(nil), false
		if run.memo != nil {
			min, ok = run.memo.minified[key]
		}
		if !ok {
			var err error
			if min, err = minifyFile(m, name, data); err != nil {
				return nil, nil, fmt.Errorf("minify %s: %w", name, err)
			}
		}
		memo.minified[key] = min
		out[name] = min
	}
	site.FileCount = len(out)
	if run.emit != nil {
		site.FileCount += len(w.nodes)
		for name, data := range out {
			if err := run.emit(name, data); err != nil {
				return nil, nil, err
			}
		}
		site.Files = nil
	}
	return site, memo, nil
}

// environment reads what every page depends on besides content/: the
// settings, the interface strings and the theme, and with sum, sums them
// up with the options.
func environment(opts Options, probs *problems, sum bool) (Settings, *Strings, *themeLayers, [32]byte) {
	settings := loadSettings(opts.Source, opts.SourceName, probs)
	if opts.BaseURL != "" {
		if err := checkBaseURL(opts.BaseURL); err != nil {
			probs.add("--base-url", 0, "%v", err)
		}
		settings.BaseURL = opts.BaseURL
	}
	th := &themeLayers{base: opts.Theme, site: opts.Source, siteName: opts.SourceName}
	t := loadStrings(th, opts.Source, opts.SourceName, settings.Language, probs)
	var env [32]byte
	if !sum {
		return settings, t, th, env
	}
	h := sha256.New()
	th.sign(h)
	fmt.Fprintf(h, "%+v\x00%+v\x00%v\x00%s\x00", settings, *t, opts.Drafts, opts.DevScript)
	h.Sum(env[:0])
	return settings, t, th, env
}

// overview renders the map of the whole wizard when the tree it shows
// changed, and reuses the last one otherwise. It returns how many pages
// the overview is (none when a node takes its address), and how many of
// them it rendered.
func (run *buildRun) overview(r *pageRenderer, memo *buildMemo, out map[string][]byte) (pages, rendered int) {
	if run.emit == nil {
		memo.overviewKey = overviewKey(r, memo.pageEnv)
	}
	if run.memo != nil && run.memo.overviewKey == memo.overviewKey && run.memo.overview != nil {
		memo.overview, memo.layout = run.memo.overview, run.memo.layout
		for name, data := range memo.overview {
			out[name] = data
		}
		return len(memo.overview), 0
	}
	files := map[string][]byte{}
	// overzicht/index.html: the map of the whole wizard; a Builder's keeps
	// its layout, for quick rebuilds.
	count, layout := r.overview(files, run.emit == nil)
	memo.layout = layout
	memo.overview = map[string][]byte{}
	for name, data := range files {
		memo.overview[name] = data
		out[name] = data
	}
	return count, count
}

// overviewKey sums up what the overview shows: every node's address and
// link title, in the order the overview draws them (the tree's, children
// by weight), the shape of the tree, and the definitions.
func overviewKey(r *pageRenderer, env [32]byte) [32]byte {
	size := 0
	for _, n := range r.w.nodes {
		size += len(n.File) + len(n.URL) + len(n.LinkTitle) + 32
	}
	s := newSignerFor(env, size)
	var sign func(n *Node)
	sign = func(n *Node) {
		s.str(n.File, n.URL, n.LinkTitle)
		s.int(len(n.Children))
		for _, c := range n.Children {
			sign(c)
		}
	}
	sign(r.w.root)
	defs := r.definitionsFor(path.Dir(overviewPage))
	s.str(defs.Title, string(defs.Body))
	return s.sum()
}

// bodyKeyOf is bodyKey of n's body, or the last build's key when the
// body has the same bytes, folder and environment: a file that did not
// change is not read again, and its node shares its bytes with the last
// build, so comparing them costs next to nothing. Hashing every body
// again was a third of a structural rebuild of a large wizard.
func (run *buildRun) bodyKeyOf(n *Node, env [32]byte) [32]byte {
	dir := n.urlDir()
	if run.memo != nil && run.memo.env == env {
		if old, ok := run.memo.bodies[n.File]; ok && old.dir == dir && bytes.Equal(old.src, n.body) {
			return old.key
		}
	}
	return bodyKey(env, dir, n.body)
}

// emitPage renders a node's page and gives it to emit, and reports
// whether it did.
func (run *buildRun) emitPage(r *pageRenderer, n *Node, d *pageData) bool {
	err := r.usePage(d, func(html []byte) error {
		if err := run.emit(n.URL, html); err != nil {
			run.probs.addErr(&Error{File: n.URL, Err: err})
		}
		return nil
	})
	if err != nil {
		run.probs.addErr(r.tmpl.error(err, "page.html"))
		return false
	}
	return true
}

// renderBodies renders the body of every node, reusing the last build's
// HTML for a node whose bytes and tree did not change.
func (run *buildRun) renderBodies(r *pageRenderer, memo *buildMemo) {
	nodes := r.w.nodes
	bodies := make([]memoBody, len(nodes))
	// A build for the disk needs no signatures, and drops each source as
	// soon as its HTML is made.
	oneShot := run.oneShot()
	parallel(len(nodes), func(i int) {
		n := nodes[i]
		var key [32]byte
		if !oneShot {
			key = run.bodyKeyOf(n, memo.env)
		}
		if run.memo != nil {
			if old, ok := run.memo.bodies[n.File]; ok && old.key == key && r.w.stillLeads(old.resolved) {
				bodies[i] = old
				return
			}
		}
		bc := &bodyContext{
			file: r.loader.displayPath(n.File), dir: n.dir(), pageDir: n.urlDir(),
			resolve: r.w.resolve, probs: run.probs, src: n.body,
		}
		body := r.md.render(bc)
		if oneShot {
			n.body = nil // rendered; the HTML is all the pages need
		} else {
			body.sign()
		}
		mb := memoBody{key: key, body: body, resolved: bc.resolved, external: bc.external, src: bc.src, dir: bc.pageDir}
		for _, t := range bc.links {
			mb.links = append(mb.links, t.File)
		}
		bodies[i] = mb
	})
	for i, n := range nodes {
		mb := bodies[i]
		if run.emit == nil {
			memo.bodies[n.File] = mb
		}
		r.bodies[n] = mb.body
		n.External = mb.external
		for _, f := range mb.links {
			n.Links = append(n.Links, r.w.byFile[f])
		}
	}
}

// renderPages renders the page of every node, reusing the
// last build's page when everything it shows is the same. It returns how
// many pages it rendered.
func (run *buildRun) renderPages(r *pageRenderer, memo *buildMemo, out map[string][]byte) int {
	nodes := r.w.nodes
	pages := make([]memoPage, len(nodes))
	fresh := make([]bool, len(nodes))
	parallel(len(nodes), func(i int) {
		n := nodes[i]
		d := r.page(n)
		if run.emit != nil {
			fresh[i] = run.emitPage(r, n, d)
			return
		}
		key, shown := d.signature(memo.pageEnv)
		if run.memo != nil {
			if old, ok := run.memo.pages[n.URL]; ok && old.key == key {
				pages[i] = old
				return
			}
		}
		html, err := r.renderPage(d)
		if err != nil {
			run.probs.addErr(r.tmpl.error(err, "page.html"))
			return
		}
		pages[i], fresh[i] = memoPage{key: key, shown: shown, html: html}, true
	})
	rendered := 0
	for i, n := range nodes {
		if run.emit == nil {
			memo.pages[n.URL] = pages[i]
			out[n.URL] = pages[i].html
		}
		if fresh[i] {
			rendered++
		}
	}
	return rendered
}

// sameBytes is bytes.Equal, quick when both are the same memory, as the
// pages a Builder reused are.
func sameBytes(a, b []byte) bool {
	if len(a) == len(b) && len(a) > 0 && &a[0] == &b[0] {
		return true
	}
	return bytes.Equal(a, b)
}

// changedFiles lists the output paths whose bytes differ between two
// builds, removed ones included, in path order.
func changedFiles(old, cur *Site) []string {
	var changed []string
	for name, data := range cur.Files {
		if old == nil || !sameBytes(old.Files[name], data) {
			changed = append(changed, name)
		}
	}
	if old != nil {
		for name := range old.Files {
			if _, ok := cur.Files[name]; !ok {
				changed = append(changed, name)
			}
		}
	}
	slices.Sort(changed)
	return changed
}
