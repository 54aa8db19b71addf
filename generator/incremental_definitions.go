package generator

import (
	"bytes"
	"crypto/sha256"
	"maps"
	"reflect"
	"slices"
)

// quickDefinitions rebuilds after a save of content/_definitions.md
// alone. Every page shows the definitions in its popup, so every page
// changes; but nothing else on it does, so the new popup is put in the
// place of the old one in each page of the last build, instead of each
// page being rendered again. That needs the built-in theme, whose pages
// all end with the same popup (appendDefinitions, appendPageEnd), and definitions that
// are the same on every page: no relative link in them, which would
// differ from folder to folder. It also needs the definitions to be there
// before and after (the title bar's button shows they are), and their
// front matter to differ at most in the title. The 404 page, minified
// whole, is rendered again. ok is false otherwise, or when something is
// wrong: the usual build then says what.
func (b *Builder) quickDefinitions() (site *Site, ok bool) {
	memo, last, r := b.memo, b.last, b.memo.renderer
	def := r.w.definitions
	if !r.builtIn || def == nil || len(r.definitions) != 1 {
		return nil, false
	}
	old, same := r.definitions[anyFolder]
	if !same || old.Title == "" {
		return nil, false
	}
	probs := &problems{}
	l := &loader{fsys: b.opts.Source, name: b.opts.SourceName, drafts: b.opts.Drafts, probs: probs}
	f, changed, gone, ok := reread(l, definitionsFile, memo.files[definitionsFile].data)
	switch {
	case gone || !ok:
		return nil, false
	case !changed:
		return &Site{Files: last.Files, FileCount: last.FileCount, Pages: last.Pages, Nodes: last.Nodes}, true
	}
	fresh := f.read.node
	if fresh.Title == "" || !sameButTitle(def.front, fresh.front) {
		return nil, false
	}
	next, relative := r.renderDefinitions(fresh, "", probs)
	if relative || probs.count() > 0 {
		return nil, false
	}
	next.sign()

	c := &chromeData{T: r.t, icons: r.icons, DevScript: r.devScript}
	was, now, end := c.appendDefinitions(nil, old), c.appendDefinitions(nil, next), c.appendPageEnd(nil)
	// Every page and the overview, the popup put in; none may lack it.
	var names []string
	for name := range memo.pages {
		names = append(names, name)
	}
	for name := range memo.overview {
		names = append(names, name)
	}
	slices.Sort(names)
	spliced := make([][]byte, len(names))
	parallel(len(names), func(i int) { spliced[i] = replacePopup(last.Files[names[i]], was, now, end) })
	if slices.ContainsFunc(spliced, func(page []byte) bool { return page == nil }) {
		return nil, false
	}

	// The last build's graph and renderer take the new definitions; the
	// chrome they made for the old ones is made anew when needed.
	saved := *def
	def.Title, def.front, def.body, def.hasBody = fresh.Title, fresh.front, fresh.body, fresh.hasBody
	r.definitionsMu.Lock()
	r.definitions = map[string]definitionsData{anyFolder: next}
	r.definitionsMu.Unlock()
	r.chromes.mu.Lock()
	r.chromes.byKey = nil
	r.chromes.mu.Unlock()
	notFound, err := r.render404()
	var minified []byte
	if err == nil {
		minified, err = minifyFile(newMinifier(), "404.html", notFound)
	}
	if err != nil {
		// The built-in 404 page does not fail; should it, the last
		// build's definitions come back and the usual build says why.
		*def = saved
		r.definitionsMu.Lock()
		r.definitions = map[string]definitionsData{anyFolder: old}
		r.definitionsMu.Unlock()
		return nil, false
	}

	files := maps.Clone(last.Files)
	changedFiles := []string{}
	if !bytes.Equal(was, now) {
		changedFiles = names
	}
	for i, name := range names {
		files[name] = spliced[i]
		if p, ok := memo.pages[name]; ok {
			p.key, p.html = withDefinitions(p.shown, next.key), spliced[i]
			memo.pages[name] = p
		} else {
			memo.overview[name] = spliced[i]
		}
	}
	if memo.layout != nil && memo.overview[overviewPage] != nil {
		// The popup comes after the map and the list: their places in
		// the page stay.
		layout := *memo.layout
		layout.page = memo.overview[overviewPage]
		memo.layout = &layout
	}
	memo.overviewKey = [32]byte{}
	if !bytes.Equal(files["404.html"], minified) {
		changedFiles = append(changedFiles, "404.html")
		slices.Sort(changedFiles)
	}
	files["404.html"] = minified
	memo.minified[sha256.Sum256(append([]byte("404.html\x00"), notFound...))] = minified
	memo.files[definitionsFile] = f
	return &Site{
		Files: files, FileCount: len(files), Pages: last.Pages, Nodes: r.w.nodes,
		Rendered: len(names) + 1, Changed: changedFiles,
	}, true
}

// replacePopup returns page with the popup was, which end ends the page
// after, replaced by now; or nil when page does not end so.
func replacePopup(page, was, now, end []byte) []byte {
	at := len(page) - len(end) - len(was)
	if at < 0 || !bytes.HasSuffix(page, end) || !bytes.HasPrefix(page[at:], was) {
		return nil
	}
	return bytes.Join([][]byte{page[:at], now, end}, nil) // Join does not zero what it fills
}

// sameButTitle reports whether two front matters differ at most in the
// title, and in the lines where keys are written.
func sameButTitle(a, b frontMatter) bool {
	a.Title, b.Title = "", ""
	a.lines, b.lines = nil, nil
	return reflect.DeepEqual(a, b)
}
