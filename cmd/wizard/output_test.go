package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/internal/sitetest"
)

// TestBuildOverUndeletableOldOutput: when the old output cannot be
// removed whole (a file in it that cannot be deleted), the build has
// still succeeded, for the new site is in public/: exit status 0, and a
// warning that names the folder where the rest of the old one is. The
// next build, once the file can go, removes that folder.
func TestBuildOverUndeletableOldOutput(t *testing.T) {
	dir := writeFiles(t, sitetest.Small())
	public := filepath.Join(dir, "public")
	if code, _, stderr := runCmd("build", "--source", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	undo := sitetest.Undeletable(t, filepath.Join(public, "a", "een", "index.html"))
	sitetest.WriteFile(t, filepath.Join(dir, "content", "a", "een.md"), "---\ntitle: Een\n---\n\nNieuw. Zie ook [twee](twee.md).\n")
	code, stdout, stderr := runCmd("build", "--source", dir)
	if code != 0 || !strings.Contains(stdout, "wrote ") {
		t.Fatalf("exit %d, stdout %q, stderr %q: the new site is in place, so the build succeeded", code, stdout, stderr)
	}
	page, _ := os.ReadFile(filepath.Join(public, "a", "een", "index.html"))
	if !bytes.Contains(page, []byte("Nieuw.")) {
		t.Error("public/ does not hold the new site")
	}
	left := asides(t, dir, "public")
	if len(left) != 1 || !strings.HasPrefix(left[0], ".public.old-") || !strings.Contains(stderr, "warning: ") || !strings.Contains(stderr, left[0]) {
		t.Fatalf("beside public/: %v; stderr %q: want one .public.old-* folder, named in a warning", left, stderr)
	}
	undo()
	if code, _, stderr := runCmd("build", "--source", dir); code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if left := asides(t, dir, "public"); len(left) > 0 {
		t.Errorf("the next build left %v", left)
	}
}

// asides lists the folders and files in dir named .base.new-* or
// .base.old-*.
func asides(t *testing.T, dir, base string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+base+".new-") || strings.HasPrefix(e.Name(), "."+base+".old-") {
			names = append(names, e.Name())
		}
	}
	return names
}
