package generator

import (
	"html"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/bench/synth"
	"github.com/wizardsite/wizard/theme"
)

// Pages are not minified whole: the templates are minified once when
// they are read, and each body once when it is rendered. The built-in
// theme places its trim markers so that the pages come out as the
// minifier would have made them: minifying a page again changes nothing
// but how a few characters are spelled (&#39; or ').
func TestPagesNeedNoMinifying(t *testing.T) {
	synthetic := t.TempDir()
	if err := synth.Write(synthetic, 300, synth.Wizard); err != nil {
		t.Fatal(err)
	}
	for _, site := range []struct{ name, dir string }{{"egov", ".."}, {"synthetic", synthetic}} {
		t.Run(site.name, func(t *testing.T) {
			built, err := Generate(Options{Source: os.DirFS(site.dir), SourceName: site.dir, Theme: theme.FS()})
			if err != nil {
				t.Fatal(err)
			}
			m := newMinifier()
			pages := 0
			for name, data := range built.Files {
				if path.Ext(name) != ".html" {
					continue
				}
				pages++
				again, err := minifyFile(m, name, data)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				// html/template and the minifier spell some characters
				// differently (&#39; and '): compare the text they mean.
				built, min := html.UnescapeString(withoutMap(data)), html.UnescapeString(withoutMap(again))
				if built != min {
					t.Errorf("%s is not minified:\n%s", filepath.FromSlash(name), firstDifference([]byte(built), []byte(min)))
				}
			}
			if pages < 20 {
				t.Fatalf("only %d pages built", pages)
			}
		})
	}
}

// withoutMap drops the overview's maps, narrow and wide: the generator
// writes those SVGs compactly itself, and the minifier would still spell
// a few numbers and paths otherwise (5400 as 54e2).
func withoutMap(page []byte) string {
	s := string(page)
	for _, class := range []string{"overview-map", "overview-wide"} {
		start := strings.Index(s, `<svg class="`+class+`"`)
		if start < 0 {
			continue
		}
		end := strings.Index(s[start:], "</svg>")
		if end < 0 {
			continue
		}
		s = s[:start] + s[start+end+len("</svg>"):]
	}
	return s
}

// firstDifference shows where two texts part, with some context.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-60)
	return "  built:    …" + string(a[lo:min(len(a), i+60)]) + "…\n  minified: …" + string(b[lo:min(len(b), i+60)]) + "…"
}
