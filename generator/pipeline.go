package generator

import (
	"context"
	"crypto/sha256"
	"fmt"
	"html/template"
	"sync"
)

// buildRun is one build: what it reads, checks and renders, and where
// its files go.
type buildRun struct {
	ctx   context.Context // nil for a build in memory, which is never stopped
	opts  Options
	memo  *buildMemo // the last good build's, or nil
	probs *problems
	// out takes every file of the site: an output folder, or nil for
	// memory (the Site's Files). A build in memory keeps a memo for the
	// next build (a Builder's); a build for the disk keeps nothing, and
	// drops what it is done with.
	out  sink
	keep bool // set from out: keep a memo for a next build
}

// build runs the phases of a build, each in a file of its own:
//
//	settings  settings.go, i18n.go, theme.go: site.yaml, strings, templates
//	load      load.go, builder_load.go, limits.go: every file of content/
//	graph     graph.go: the tree, addresses, choices, prev and next
//	bodies    bodies.go: the Markdown of every node
//	pages     pages.go, render.go, chrome.go, builtin_theme.go: a page per node, the 404 page
//	overview  overview.go: the map of the whole wizard
//	write     names.go, pipeline.go, write.go: no output over another, the
//	          other files minified, and everything to the sink
//
// Without an out, the files stay in the Site's Files.
func (run *buildRun) build() (*Site, *buildMemo, error) {
	probs := run.probs
	mem := &memorySink{files: map[string][]byte{}}
	if run.out == nil {
		run.out, run.keep = mem, true
	}
	settings, langs, th, env := environment(run.opts, probs, run.keep)
	icons := th.icons(probs)
	tmpl := th.templates(template.FuncMap{
		"icon": func(name string) template.HTML { return template.HTML(icons[name]) },
	}, probs)

	l := &loader{fsys: run.opts.Source, name: run.opts.SourceName, drafts: run.opts.Drafts, probs: probs, site: &settings}
	files := run.load(l)
	w := buildGraph(l.src, l)
	if w.root == nil {
		return nil, nil, probs.err()
	}
	if err := run.stopped(); err != nil {
		return nil, nil, err
	}
	memo := run.newMemo(files, l.src, env, len(w.nodes))
	rs := newRenderers(langs, w, l, tmpl, icons, run.opts)
	for _, r := range rs {
		run.renderBodies(r, memo)
	}
	if err := run.stopped(); err != nil {
		return nil, nil, err
	}
	other := map[string][]byte{} // files minified at the end
	assets := staticAssets(th, other, len(rs) > 1)
	for _, r := range rs {
		r.w.checkReachable(l)
		r.assets = assets
	}
	checkOutputNames(rs, other, l)
	for name, o := range w.assets {
		other[o] = l.src.assets[name]
	}
	if err := probs.err(); err != nil || tmpl == nil {
		return nil, nil, err
	}
	memo.renderer = rs[0]
	if run.keep {
		for _, r := range rs {
			r.seed = r.pageSeed(env)
		}
		memo.pageEnv = rs[0].seed
	}
	site := &Site{Nodes: w.nodes, Languages: siteLanguages(rs)}
	site.Rendered, site.Pages = run.renderPages(rs, memo, other)
	if settings.BaseURL != "" {
		other["sitemap.xml"] = sitemap(rs)
		other["robots.txt"] = []byte("User-agent: *\nAllow: /\nSitemap: " + settings.absoluteURL("sitemap.xml") + "\n")
	}
	if err := probs.err(); err != nil {
		return nil, nil, err
	}
	if err := run.writeOther(memo, other); err != nil {
		return nil, nil, err
	}
	site.FileCount = run.out.count()
	if run.out == mem {
		site.Files = mem.files
	}
	return site, memo, nil
}

// stopped is why the build was told to stop, or nil. It is asked between
// phases; the output also refuses every file put after it.
func (run *buildRun) stopped() error {
	if run.ctx == nil {
		return nil
	}
	return context.Cause(run.ctx)
}

// newMemo starts the memo of this build with what was loaded. A build
// that keeps nothing gets a memo without files, bodies and pages.
func (run *buildRun) newMemo(files map[string]memoFile, src *source, env [32]byte, nodes int) *buildMemo {
	memo := &buildMemo{links: src.links, env: env}
	if run.keep {
		memo.files = files
		memo.bodies = make(map[string]memoBody, nodes)
		memo.pages = make(map[string]memoPage, nodes)
	}
	return memo
}

// writeOther minifies the files that were not minified as they were
// rendered (the theme's static files, the content's own files, the 404
// page, the sitemap), reusing the last build's result for the same
// input, and puts them into the sink.
func (run *buildRun) writeOther(memo *buildMemo, other map[string][]byte) error {
	m := newMinifier()
	memo.minified = map[[32]byte][]byte{}
	for name, data := range other {
		key := sha256.Sum256(append([]byte(name+"\x00"), data...))
		min, ok := []byte(nil), false
		if run.memo != nil {
			min, ok = run.memo.minified[key]
		}
		if !ok {
			var err error
			if min, err = minifyFile(m, name, data); err != nil {
				return fmt.Errorf("minify %s: %w", name, err)
			}
		}
		if run.keep {
			memo.minified[key] = min
		}
		if err := run.out.put(name, min); err != nil {
			return err
		}
	}
	return nil
}

// memorySink keeps the files of a build in memory, for a Builder.
type memorySink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memorySink) put(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = data
	return nil
}

func (m *memorySink) count() int { return len(m.files) }
