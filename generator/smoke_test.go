package generator_test

import (
	"html"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/bench/synth"
	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/theme"
)

// hrefAttr finds the address of every link, stylesheet, icon and script
// in a page; the minifier keeps the quotes.
var hrefAttr = regexp.MustCompile(`\b(?:href|src)="([^"]*)"`)

// TestSmokeSynthetic1000 builds a synthetic wizard of 1,000 nodes (the
// small run of bench/run.sh) and checks the output is complete: every
// node has its page, with its heading, and every address inside the site
// in every page names a file of the output.
func TestSmokeSynthetic1000(t *testing.T) {
	const n = 1000
	dir := t.TempDir()
	if err := synth.Write(dir, n, synth.Wizard); err != nil {
		t.Fatal(err)
	}
	site, err := generator.Generate(generator.Options{Source: os.DirFS(dir), SourceName: dir, Theme: theme.FS()})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Nodes) != n {
		t.Fatalf("%d nodes built, want %d", len(site.Nodes), n)
	}
	for _, nd := range site.Nodes {
		page := site.Files[nd.URL]
		if page == nil {
			t.Errorf("content/%s: no page %s", nd.File, nd.URL)
			continue
		}
		if !strings.Contains(html.UnescapeString(string(page)), ">"+nd.Title+"</h1>") {
			t.Errorf("%s: no heading %q", nd.URL, nd.Title)
		}
	}
	checked := 0
	for name, data := range site.Files {
		if path.Ext(name) != ".html" {
			continue
		}
		dir := path.Dir(name)
		if name == "404.html" {
			// The 404 page is served at any depth; its links are relative
			// to the site root (or to a <base> when a base URL is set).
			dir = "."
		}
		for _, m := range hrefAttr.FindAllStringSubmatch(string(data), -1) {
			ref := html.UnescapeString(m[1])
			if i := strings.IndexAny(ref, "#?"); i >= 0 {
				ref = ref[:i]
			}
			if ref == "" || strings.Contains(ref, ":") {
				continue // a fragment of the page itself, or another site
			}
			checked++
			target := path.Join(dir, ref)
			if _, ok := site.Files[target]; !ok {
				t.Errorf("%s: link %q: %s is not in the output", name, m[1], target)
			}
		}
	}
	// A page links at least to home, its breadcrumbs and the stylesheet.
	if checked < 3*n {
		t.Errorf("only %d internal links checked in %d pages", checked, len(site.Files))
	}
}
