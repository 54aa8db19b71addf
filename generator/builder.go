package generator

import (
	"slices"
)

// Builder builds one site again and again, as `wizard serve` does after
// each save. It keeps what the last good build made (its memo), and
// makes anew only what depends on something that changed: a file is
// parsed again when its bytes changed, a body rendered again when its
// file or its page's folder changed or one of its links leads elsewhere,
// a page rendered again when anything it shows changed.
//
// A save of node files that keep their place takes the quick path
// (quick.go); every other save the ordinary build, with the memo.
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
	bodies map[string]memoBody // rendered bodies by node file; of another language, by its code, "\x00" and the node file
	pages  map[string]memoPage // rendered pages by output path
	links  bool                // content/ holds symbolic links: the files a save names may not be all it changed
	env    [32]byte            // the signature of settings, theme and options
	// pageEnv is env and, with templates of one's own, the graph
	// (pageSeed): what page signatures start from.
	pageEnv [32]byte

	renderer *pageRenderer       // the last good build's renderer: graph, templates, Markdown
	overview overviewFrames      // the frames of the overview, for the quick path
	minified map[[32]byte][]byte // other minified files by the SHA-256 of their input
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
	lang     string         // the language it is shown in when not its page's (Node.Lang)
}

// memoPage is a rendered, minified page and the signature of what it shows.
type memoPage struct {
	key  [32]byte // signature
	html []byte
}

// NewBuilder returns a Builder for the site that opts describe.
func NewBuilder(opts Options) *Builder { return &Builder{opts: opts} }

// Last returns the last good build, or nil.
func (b *Builder) Last() *Site { return b.last }

// Build builds the site from what is on disk now. On failure the last
// good site stays the Builder's, and the error lists every problem.
func (b *Builder) Build() (*Site, error) { return b.Rebuild(nil) }

// Rebuild builds the site again after the files named in changed (paths
// in the site root, slash-separated, such as "content/a/b.md") changed:
// it reads those alone when they are node files edited in place (the
// quick path). Otherwise, or when changed is nil, it reads every file.
//
// The Builder owns the files of a failed build: a file changed before a
// failed build is still new to the last good one, and without it a later
// save of another file would build from its old bytes and hide the error
// that the writer has not fixed. So the next Rebuild reads them too.
func (b *Builder) Rebuild(changed []string) (*Site, error) {
	if b.unbuiltAll {
		changed = nil
	} else if changed != nil {
		var unique []string // a file named twice is read once
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

// rebuild is Rebuild, once the files it must read are known: the quick
// path when it can, else the ordinary build, which reads every file.
func (b *Builder) rebuild(changed []string) (*Site, error) {
	if b.memo != nil && changed != nil {
		if edited, ok := inPlace(b.opts.Source, b.memo, changed); ok {
			if site, ok := b.quick(edited); ok {
				b.last = site
				return site, nil
			}
		}
	}
	run := &buildRun{opts: b.opts, memo: b.memo, probs: &problems{}}
	site, memo, err := run.build()
	if err != nil {
		return nil, err
	}
	site.Changed = changedFiles(b.last, site)
	site.Moved = movedPages(b.memo, memo, site)
	b.last, b.memo = site, memo
	return site, nil
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
