package generator

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/wizardsite/wizard/theme"
)

// TestPlainHugoTreeBuilds checks that a Hugo content tree of folders,
// _index.md files and pages with only title and weight (and the keys Hugo
// writers often add) builds as a wizard, without site.yaml or definitions.
func TestPlainHugoTreeBuilds(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":           {Data: []byte("---\ntitle: Home\n---\n")},
		"content/docs/_index.md":      {Data: []byte("---\ntitle: Docs\nweight: 2\n---\n")},
		"content/docs/install.md":     {Data: []byte("---\ntitle: Install\nweight: 1\ndate: 2024-01-02\ntags: [a, b]\n---\n\nRun it.\n")},
		"content/docs/configure.md":   {Data: []byte("---\ntitle: Configure\nweight: 2\n---\n")},
		"content/blog/_index.md":      {Data: []byte("---\ntitle: Blog\nweight: 1\n---\n")},
		"content/blog/first-post.md":  {Data: []byte("---\ntitle: First post\n---\n")},
		"content/blog/images/pic.png": {Data: []byte("\x89PNG fake")},
	}
	site, err := Generate(Options{Source: fsys, SourceName: "hugo", Theme: theme.FS()})
	if err != nil {
		t.Fatalf("a plain Hugo tree does not build:\n%v", err)
	}
	want := []string{"index.html", "docs/index.html", "docs/install/index.html", "docs/configure/index.html",
		"blog/index.html", "blog/first-post/index.html", "blog/images/pic.png", "404.html"}
	for _, name := range want {
		if _, ok := site.Files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	home := string(site.Files["index.html"])
	// Choices in weight order: Blog (1) before Docs (2).
	if i, j := strings.Index(home, ">Blog<"), strings.Index(home, ">Docs<"); i < 0 || j < 0 || i > j {
		t.Errorf("the start page does not list Blog then Docs as choices")
	}
	if !strings.Contains(home, "<title>Home – Home</title>") {
		t.Errorf("without site.yaml the site is named after its start page")
	}
	if strings.Contains(home, `popovertarget="definitions"`) {
		t.Errorf("a site without definitions has a definitions control")
	}
}
