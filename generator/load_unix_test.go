//go:build unix

package generator

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe in content/ is refused at its path, also through a
// symbolic link: reading one would wait for a writer, or find nothing.
func TestNamedPipeRefused(t *testing.T) {
	dir, out, before := builtSmallSite(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "a", "pijp.md"), 0o644); err != nil {
		t.Skipf("no named pipe here: %v", err)
	}
	if err := os.Symlink("pijp.md", filepath.Join(dir, "content", "a", "naar-pijp.md")); err != nil {
		t.Fatal(err)
	}
	_, err := Build(siteOptions(dir), out)
	for _, want := range []string{
		"site/content/a/pijp.md: not a regular file but a named pipe: a site holds only files and folders",
		"site/content/a/naar-pijp.md: not a regular file but a named pipe: a site holds only files and folders",
	} {
		if err == nil || !strings.Contains(err.Error()+"\n", want+"\n") {
			t.Errorf("error = %v\nwant a line %q", err, want)
		}
	}
	if !sameSnapshot(before, snapshot(t, out)) {
		t.Error("the failed build changed the previous output")
	}
}
