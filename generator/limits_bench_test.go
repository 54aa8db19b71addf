package generator

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/wizardsite/wizard/theme"
)

// BenchmarkFolderDepth builds a chain of nodes nested depth deep: each
// page links to every node above it with a path of its depth, so a page
// grows with the square of the depth and the site with its cube, which
// is why maxFolderDepth holds it.
func BenchmarkFolderDepth(b *testing.B) {
	for _, depth := range []int{8, 16, 32} {
		b.Run(fmt.Sprint(depth), func(b *testing.B) {
			opts := Options{Source: deepSite(depth), SourceName: "site", Theme: theme.FS()}
			var size int
			for b.Loop() {
				site, err := Generate(opts)
				if err != nil {
					b.Fatal(err)
				}
				size = 0
				for _, data := range site.Files {
					size += len(data)
				}
			}
			b.ReportMetric(float64(size), "site-bytes")
		})
	}
}

// BenchmarkLargestBody builds a site with one node file of nearly
// maxNodeFileSize in the shapes that cost the Markdown parser most for
// their size, each as far as the limits let it: what a node file can
// cost at worst (MB/s), next to plain text.
func BenchmarkLargestBody(b *testing.B) {
	shapes := []struct{ name, unit string }{
		{"plain text", "Een regel gewone tekst.\n"},
		{"block quotes 32 deep", strings.Repeat("> ", 32) + "tekst\n"},
		{"lists 32 deep", strings.Repeat("- ", 32) + "punt\n"},
		{"brackets 32 deep", strings.Repeat("[", 32) + "a" + strings.Repeat("]", 32) + "\n\n"},
		{"200 brackets a paragraph", strings.Repeat("[a] b\n", maxBrackets) + "\n"},
		{"icons", ":external: "},
	}
	for _, s := range shapes {
		b.Run(s.name, func(b *testing.B) {
			head := "---\ntitle: Een\nweight: 1\n---\n"
			body := strings.Repeat(s.unit, (maxNodeFileSize-len(head))/len(s.unit))
			fsys := fstest.MapFS{}
			for name, data := range smallSite() {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			fsys["content/a/een.md"] = &fstest.MapFile{Data: []byte(head + body)}
			opts := Options{Source: fsys, SourceName: "site", Theme: theme.FS()}
			b.SetBytes(int64(len(head) + len(body)))
			for b.Loop() {
				if _, err := Generate(opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
