package generator

import (
	"html/template"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/wizardsite/wizard/bench/synth"
)

// The build, phase by phase, on the eGov site and on synthetic wizards
// of 1,000 and 10,000 nodes (written once per run by bench/synth):
//
//	go test -run '^$' -bench . -benchmem ./generator
//	go test -run '^$' -bench 'Build/n=10000/' -benchmem -count 5 ./generator
//
// Each phase runs as Generate runs it, on the output of the phases
// before it, which are done with the timer stopped:
//
//	theme     site.yaml, interface strings, icons, templates minified and parsed
//	load      loader.load: content/ read, front matter parsed
//	graph     buildGraph: tree, addresses, choices, prev and next resolved
//	markdown  every body parsed, rendered and minified, links resolved (one goldmark per build)
//	validate  checkReachable: every node reached from the start page
//	pages     every page and the 404 page through the templates (definitions included)
//	minify    the files that are minified whole: the theme's assets and the 404 page
//	          (node pages come out minified: their templates and bodies are)
//	write     Write into a new folder
//	generate  Generate, the whole build in memory
//
// The phases are not functions of their own in Generate, so phases
// below repeats its steps: a change to Generate's steps needs the same
// change here. Pages written outside these steps (the overview) are
// measured only in generate. ns/node divides a run by the wizard's nodes.
func BenchmarkBuild(b *testing.B) {
	sites := []struct {
		name string
		dir  func(b *testing.B) string
	}{
		{"egov", func(*testing.B) string { return ".." }},
		{"n=1000", synthetic(1000)},
		{"n=10000", synthetic(10_000)},
	}
	for _, s := range sites {
		b.Run(s.name, func(b *testing.B) {
			p := newPhases(b, s.dir(b))
			b.Run("theme", func(b *testing.B) {
				for b.Loop() {
					p.theme(b)
				}
				p.perNode(b)
			})
			b.Run("load", func(b *testing.B) {
				for b.Loop() {
					p.load()
				}
				p.perNode(b)
			})
			b.Run("graph", func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					l := p.load()
					b.StartTimer()
					buildGraph(l.src, l)
				}
				p.perNode(b)
			})
			b.Run("markdown", func(b *testing.B) {
				l, w := p.graph()
				for b.Loop() {
					p.markdown(l, w)
				}
				p.perNode(b)
			})
			b.Run("validate", func(b *testing.B) {
				l, w := p.graph()
				p.markdown(l, w)
				for b.Loop() {
					w.checkReachable(l)
				}
				p.perNode(b)
			})
			b.Run("pages", func(b *testing.B) {
				l, w := p.graph()
				r := p.markdown(l, w)
				for b.Loop() {
					p.pages(b, r)
				}
				p.perNode(b)
			})
			b.Run("minify", func(b *testing.B) {
				l, w := p.graph()
				files := p.pages(b, p.markdown(l, w))
				for _, n := range w.nodes {
					delete(files, n.URL) // minified already
				}
				for b.Loop() {
					m := newMinifier()
					for name, data := range files {
						if _, err := minifyFile(m, name, data); err != nil {
							b.Fatal(err)
						}
					}
				}
				p.perNode(b)
			})
			b.Run("write", func(b *testing.B) {
				site := p.generate(b)
				out := filepath.Join(b.TempDir(), "public")
				for b.Loop() {
					removeUntimed(b, out)
					if err := writeFiles(out, site.Files); err != nil {
						b.Fatal(err)
					}
				}
				p.perNode(b)
			})
			b.Run("generate", func(b *testing.B) {
				for b.Loop() {
					p.generate(b)
				}
				p.perNode(b)
			})
		})
	}
}

// removeUntimed removes the folder dir with the benchmark's timer stopped.
func removeUntimed(b *testing.B, dir string) {
	b.StopTimer()
	defer b.StartTimer()
	if err := os.RemoveAll(dir); err != nil {
		b.Fatal(err)
	}
}

// synthetic writes a wizard of n nodes once into the benchmark's folder.
func synthetic(n int) func(b *testing.B) string {
	return func(b *testing.B) string {
		dir := filepath.Join(b.TempDir(), strconv.Itoa(n))
		if err := synth.Write(dir, n, synth.Wizard); err != nil {
			b.Fatal(err)
		}
		return dir
	}
}

// phases runs the steps of Generate one by one on one site.
type phases struct {
	opts     Options
	nodes    int // the site's nodes, for ns/node
	settings Settings
	t        *Strings
	th       *themeLayers
	icons    map[string]string
	tmpl     *themeTemplates
}

func newPhases(b *testing.B, dir string) *phases {
	p := &phases{opts: siteOptions(dir)}
	p.opts.SourceName = dir
	p.theme(b)
	site := p.generate(b)
	p.nodes = len(site.Nodes)
	return p
}

// theme is Generate's set-up: settings, strings, icons and templates.
func (p *phases) theme(b *testing.B) {
	probs := &problems{}
	p.settings = loadSettings(p.opts.Source, p.opts.SourceName, probs)
	p.th = &themeLayers{base: p.opts.Theme, site: p.opts.Source, siteName: p.opts.SourceName}
	p.t = loadStrings(p.th, p.opts.Source, p.opts.SourceName, p.settings.Language, false, probs)
	p.icons = p.th.icons(probs)
	p.tmpl = p.th.templates(template.FuncMap{
		"icon": func(name string) template.HTML { return template.HTML(p.icons[name]) },
	}, probs)
	if err := probs.err(); err != nil {
		b.Fatal(err)
	}
}

func (p *phases) load() *loader {
	l := &loader{fsys: p.opts.Source, name: p.opts.SourceName, probs: &problems{}}
	l.load()
	return l
}

func (p *phases) graph() (*loader, *wizard) {
	l := p.load()
	w := buildGraph(l.src, l)
	if w.root != nil && p.settings.Title == "" {
		p.settings.Title = w.root.Title
	}
	return l, w
}

// markdown renders every body, as Generate does, into a new renderer.
func (p *phases) markdown(l *loader, w *wizard) *pageRenderer {
	md := newMarkdown(p.icons, p.t)
	r := &pageRenderer{
		site: &p.settings, t: p.t, tmpl: p.tmpl, w: w, md: md, loader: l,
		bodies: map[*Node]renderedBody{}, definitions: map[string]definitionsData{},
		builtIn: !p.tmpl.modified,
	}
	for _, n := range w.nodes {
		bc := &bodyContext{
			file: l.displayPath(n.File), dir: n.dir(), pageDir: n.urlDir(),
			resolve: w.resolve, probs: l.probs, src: n.body,
		}
		r.bodies[n] = md.render(bc)
		n.Links, n.External = bc.links, bc.external
	}
	return r
}

// pages executes the templates of every page and of the 404 page, with
// the theme's assets as Generate adds them.
func (p *phases) pages(b *testing.B, r *pageRenderer) map[string][]byte {
	files := map[string][]byte{}
	r.definitions = map[string]definitionsData{}
	r.assets = staticAssets(p.th, files, false)
	for _, n := range r.w.nodes {
		html, err := r.renderPage(r.page(n))
		if err != nil {
			b.Fatal(err)
		}
		files[n.URL] = html
	}
	html, err := r.render404()
	if err != nil {
		b.Fatal(err)
	}
	files["404.html"] = html
	return files
}

func (p *phases) generate(b *testing.B) *Site {
	site, err := Generate(p.opts)
	if err != nil {
		b.Fatal(err)
	}
	return site
}

// perNode reports the time of one run divided by the site's nodes.
func (p *phases) perNode(b *testing.B) {
	if b.N > 0 && p.nodes > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(p.nodes), "ns/node")
	}
}

// load reads every file of content/ below the site root, as a build's
// first phase does.
func (l *loader) load() {
	(&buildRun{opts: Options{Source: l.fsys}, probs: l.probs}).load(l)
}
