package generator

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/wizardsite/wizard/theme"
)

// deepSite is a site whose nodes nest depth folders deep below content/,
// each the choice of the one above it.
func deepSite(depth int) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: Diep\nlanguage: nl\n")},
		"content/_index.md": {Data: []byte("---\ntitle: Start\n---\n")},
	}
	dir := "content"
	for i := 1; i <= depth; i++ {
		dir += "/a"
		fsys[dir+"/_index.md"] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Niveau %d\n---\n", i)}
	}
	return fsys
}

// errorLines are the lines of a build's error.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

// A site nested deeper than maxFolderDepth is refused, by a build and by
// a Builder (wizard serve), at the first folder too deep; one nested
// that deep builds. 2,000 folders deep, the old build took 54 s and
// wrote 4 GB.
func TestFolderDepthLimit(t *testing.T) {
	tooDeep := "site/content" + strings.Repeat("/a", maxFolderDepth+1) +
		": folder nested 33 deep: folders may nest at most 32 deep below content/; move its nodes up into fewer levels"
	for _, depth := range []int{maxFolderDepth + 1, 2000} {
		opts := Options{Source: deepSite(depth), SourceName: "site", Theme: theme.FS()}
		_, err := Generate(opts)
		if lines := errorLines(err); len(lines) != 1 || lines[0] != tooDeep {
			t.Errorf("depth %d: Generate: got %v, want only\n%s", depth, err, tooDeep)
		}
		_, err = NewBuilder(opts).Build()
		if lines := errorLines(err); len(lines) != 1 || lines[0] != tooDeep {
			t.Errorf("depth %d: Builder: got %v, want only\n%s", depth, err, tooDeep)
		}
	}
	opts := Options{Source: deepSite(maxFolderDepth), SourceName: "site", Theme: theme.FS()}
	site, err := Generate(opts)
	if err != nil {
		t.Fatalf("depth %d: %v", maxFolderDepth, err)
	}
	if len(site.Nodes) != maxFolderDepth+1 {
		t.Errorf("%d nodes, want %d", len(site.Nodes), maxFolderDepth+1)
	}
}
