package generator

import (
	"testing"
	"testing/fstest"

	"github.com/wizardsite/wizard/theme"
)

// FuzzGenerate feeds arbitrary bytes to the build as a start page and a
// second node: whatever the input, the build returns a site or errors,
// and never panics; and a site that builds has the same pages whether
// builtin_theme.go or the templates write them. `go test` runs the seeds; `go test -fuzz
// FuzzGenerate ./generator` searches further.
func FuzzGenerate(f *testing.F) {
	seeds := [][2]string{
		{"---\ntitle: A\n---\n[b](b.md)", "---\ntitle: B\nprev: _index.md\n---\n"},
		{"---\ntitle: A\nchoices:\n  - b.md\n  - page: b.md\n---\n", "---\ntitle: B\n---\n> [!NOTE]\n> x"},
		{"---\n---\n", "+++\n"},
		{"---\ntitle: [\n---", "\xff\xfe"},
		{"---\ntitle: A\n---\n> [!OPTIONAL]\n", "---\ntitle: B\nnext: {page: _index.md}\n---\n:external: <https://x.org> ![i](b.md)"},
		{"---\ntitle: A\nslug: ../..\n---\n[x](../../../etc/passwd)", "---\ntitle: B\nslug: \"\"\n---\n[x](#)"},
	}
	for _, s := range seeds {
		f.Add([]byte(s[0]), []byte(s[1]))
	}
	f.Fuzz(func(t *testing.T, index, other []byte) {
		fsys := fstest.MapFS{
			"content/_index.md":       {Data: index},
			"content/b.md":            {Data: other},
			"content/_definitions.md": {Data: other},
		}
		site, err := Generate(Options{Source: fsys, SourceName: "fuzz", Theme: theme.FS()})
		if err == nil && site == nil {
			t.Fatal("no site and no error")
		}
		if err != nil && len(Errors(err)) == 0 {
			t.Fatalf("an error without a position: %v", err)
		}
		if err != nil {
			return
		}
		// The pages written in Go are the templates' pages.
		want, err := Generate(Options{Source: fsys, SourceName: "fuzz", Theme: theme.FS(), templatePages: true})
		if err != nil {
			t.Fatalf("builds in Go, fails through the templates: %v", err)
		}
		samePages(t, want.Files, site.Files)
	})
}
