package generator

import (
	"fmt"
	"testing"

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
