package generator

import (
	"path"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// checkOutputNames refuses output paths that another output path would
// overwrite where the site is put: a file of content/ at the path of a
// file of the theme (content/favicon.svg over the theme's icon), and two
// paths that differ only in case or in Unicode normalization, which are
// one file on macOS and Windows, and so in any zip opened there. theme
// holds the theme's static files by output path. rs are the renderers
// of the site's languages, the default first, whose graph has the
// files of content/.
func checkOutputNames(rs []*pageRenderer, theme map[string][]byte, l *loader) {
	w := rs[0].w
	source := map[string]string{} // what makes each output path, as messages name it
	for _, r := range rs {
		for _, n := range r.w.nodes {
			source[n.URL] = l.displayPath(n.source())
		}
	}
	for out := range theme {
		source[out] = "the theme's " + path.Base(out)
	}
	// The overview's address is checked by overview(), and these are
	// refused as they are by placeAssets: they are here for their case.
	generated := []string{"404.html", "sitemap.xml", "robots.txt"}
	if len(rs) > 1 {
		generated = append(generated, "index.html") // the page that lets the visitor choose a language
	}
	for _, generated := range generated {
		if _, taken := source[generated]; !taken {
			source[generated] = "the generator's " + generated
		}
	}
	assets := make([]string, 0, len(w.assets))
	for name := range w.assets {
		assets = append(assets, name)
	}
	slices.Sort(assets)
	for _, name := range assets {
		out := w.assets[name]
		if other, taken := source[out]; taken {
			l.probs.add(l.displayPath(name), 0, "this file would replace %s (%s): rename it", out, other)
			delete(w.assets, name)
			continue
		}
		source[out] = l.displayPath(name)
	}
	outs := make([]string, 0, len(source))
	for out := range source {
		outs = append(outs, out)
	}
	slices.Sort(outs)
	folded := map[string]string{}
	for _, out := range outs {
		key := strings.ToLower(norm.NFC.String(out))
		if first, seen := folded[key]; seen {
			at, other := out, first // reported at a file of content/, which the writer can rename
			if strings.HasPrefix(source[at], "the ") {
				at, other = first, out
			}
			l.probs.add(source[at], 0, "output %s and %s (from %s) are one file where case or the form of accented letters does not count (macOS, Windows, a zip opened there): rename one", at, other, source[other])
			continue
		}
		folded[key] = out
	}
}
