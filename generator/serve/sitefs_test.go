package serve

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/internal/sitetest"
	"github.com/wizardsite/wizard/theme"
)

// TestSiteFSShowsLinks turns a node file into a symbolic link to
// another while a Builder reads the site through serve's file system,
// then edits the file it leads to: the page read through the link must
// follow, as in a build from scratch.
func TestSiteFSShowsLinks(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, sitetest.Small())
	sfs, err := newSiteFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer sfs.close()
	b := generator.NewBuilder(generator.Options{Source: sfs, SourceName: "site", Theme: theme.FS()})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	een := filepath.Join(dir, "content/a/een.md")
	if err := os.Remove(een); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("twee.md", een); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Rebuild([]string{"content/a/een.md"}); err != nil {
		t.Fatal(err)
	}
	sitetest.WriteFile(t, filepath.Join(dir, "content/a/twee.md"), "---\ntitle: Twee\nweight: 2\n---\n\nNieuwe tekst.\n")
	site, err := b.Rebuild([]string{"content/a/twee.md"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(site.Files["a/een/index.html"], []byte("Nieuwe tekst.")) {
		t.Error("a/een/index.html, read through the link, does not show the edit of the file it leads to")
	}
	fresh, err := generator.Generate(generator.Options{Source: os.DirFS(dir), SourceName: "site", Theme: theme.FS()})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range fresh.Files {
		if !bytes.Equal(site.Files[name], data) {
			t.Errorf("%s differs from a build from scratch", name)
		}
	}
}
