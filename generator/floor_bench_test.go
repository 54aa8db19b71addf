package generator

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// BenchmarkFloor measures what a build of the 10,000-node synthetic
// wizard cannot go below on this machine, whatever the generator's own
// code does, with the libraries the design names:
//
//	markdown  every body through goldmark alone (the build's extensions,
//	          none of the wizard's) and minify, on all cores
//	files     the build's file work alone, on all cores: each source
//	          read, and for each page its folder made and its bytes written
//
// A build does both, and both keep every core busy, so its wall time is
// at least their sum (before front matter, the graph, the templates, the
// overview and the process itself):
//
//	TMPDIR=/dev/shm go test -run '^$' -bench Floor -benchtime 5x ./generator
func BenchmarkFloor(b *testing.B) {
	dir := synthetic(10_000)(b)
	p := newPhases(b, dir)
	l := p.load()
	var sources []string
	var bodies [][]byte
	for _, n := range l.src.nodes {
		sources = append(sources, filepath.Join(dir, contentDir, filepath.FromSlash(n.File)))
		bodies = append(bodies, n.body)
	}
	b.Run("markdown", func(b *testing.B) {
		md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.DefinitionList))
		min := newBodyMinifier()
		for b.Loop() {
			parallel(len(bodies), func(i int) {
				var raw, out bytes.Buffer
				if err := md.Convert(bodies[i], &raw); err != nil {
					b.Error(err)
				}
				if err := min.Minify("text/html", &out, &raw); err != nil {
					b.Error(err)
				}
			})
		}
		p.perNode(b)
	})
	b.Run("files", func(b *testing.B) {
		site := p.generate(b)
		pages := make([]string, 0, len(site.Files))
		for name := range site.Files {
			pages = append(pages, name)
		}
		var levels [][]string // the folders of the pages by depth, the output itself first
		made := map[string]bool{}
		for _, name := range pages {
			for d := path.Dir(name); !made[d]; d = path.Dir(d) {
				made[d] = true
				depth := 0
				if d != "." {
					depth = strings.Count(d, "/") + 1
				}
				for len(levels) <= depth {
					levels = append(levels, nil)
				}
				levels[depth] = append(levels[depth], d)
			}
		}
		out := filepath.Join(b.TempDir(), "public")
		for b.Loop() {
			removeUntimed(b, out)
			parallel(len(sources), func(i int) {
				if _, err := os.ReadFile(sources[i]); err != nil {
					b.Error(err)
				}
			})
			// Folders a depth at a time, each depth on all cores, then the pages.
			for _, level := range levels {
				parallel(len(level), func(i int) {
					if err := os.Mkdir(filepath.Join(out, filepath.FromSlash(level[i])), 0o755); err != nil {
						b.Error(err)
					}
				})
			}
			parallel(len(pages), func(i int) {
				if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(pages[i])), site.Files[pages[i]], 0o644); err != nil {
					b.Error(err)
				}
			})
		}
		p.perNode(b)
	})
}
