package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A Hugo leaf bundle, a folder with an index.md and its pictures beside
// it, is its folder's node: its page is the folder's address, a link to
// its index.md reaches it, and its pictures are beside its page.
func TestLeafBundleIsItsFolderNode(t *testing.T) {
	files := smallSite()
	files["content/a/een.md"] = "---\ntitle: Een\nweight: 1\n---\n\nZie [het plan](plan/index.md) en [twee](twee.md).\n"
	files["content/a/plan/index.md"] = "---\ntitle: Het plan\nweight: 3\n---\n\n![Het plan](plan.png) en [terug](../een.md).\n"
	files["content/a/plan/plan.png"] = "PNG"
	dir := writeSite(t, files)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(siteOptions(dir), out); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"a/plan/index.html": `<img src="plan.png" alt="Het plan"> en <a href="../een/index.html">terug</a>`,
		"a/een/index.html":  `<a href="../plan/index.html">het plan</a>`,
		"a/index.html":      `href="plan/index.html"`,
		"a/plan/plan.png":   "PNG",
	} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
		if err != nil {
			t.Error(err)
			continue
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s does not hold %s:\n%s", file, want, data)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "a", "plan", "index", "index.html")); err == nil {
		t.Error("the bundle's index.md also made a page called index")
	}
}
