package generator

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wizardsite/wizard/theme"
)

var update = flag.Bool("update", false, "rewrite the golden output in testdata/ from the current build")

// TestGolden builds each golden site, testdata/<case>/site, and
// compares every output file with testdata/<case>/want: golden, a site
// in one language with a base URL, and golden-languages, in Dutch and
// French, where some nodes have no translation. Run with -update to
// accept a new output, then read the diff in git before committing it.
func TestGolden(t *testing.T) {
	for _, name := range []string{"golden", "golden-languages"} {
		t.Run(name, func(t *testing.T) { testGolden(t, filepath.Join("testdata", name)) })
	}
}

func testGolden(t *testing.T, dir string) {
	siteDir := filepath.Join(dir, "site")
	wantDir := filepath.Join(dir, "want")
	site, err := Generate(Options{Source: os.DirFS(siteDir), SourceName: siteDir, Theme: theme.FS()})
	if err != nil {
		t.Fatalf("the golden site does not build:\n%v", err)
	}
	if *update {
		os.RemoveAll(wantDir)
		if err := writeFiles(wantDir, site.Files); err != nil {
			t.Fatal(err)
		}
		os.Remove(filepath.Join(wantDir, outputMarker))
		return
	}
	var want []string
	err = filepath.WalkDir(wantDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(wantDir, p)
		want = append(want, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatalf("no golden output (run go test -run TestGolden -update): %v", err)
	}
	var got []string
	for name := range site.Files {
		got = append(got, name)
	}
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("output files differ (-want +got):\n%s", diff)
	}
	for _, name := range got {
		wantData, err := os.ReadFile(filepath.Join(wantDir, filepath.FromSlash(name)))
		if err != nil {
			continue
		}
		if diff := cmp.Diff(tagLines(string(wantData)), tagLines(string(site.Files[name]))); diff != "" {
			t.Errorf("%s differs (-want +got):\n%s", name, diff)
		}
	}
}

// tagLines splits minified markup before each tag, so that a diff shows
// the tags that changed rather than one long line.
func tagLines(s string) []string {
	return strings.Split(strings.ReplaceAll(s, "><", ">\n<"), "\n")
}
