package scratch

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/internal/sitetest"
)

var testKind = Kind{Marker: ".marker", Text: "written aside by a test"}

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, e.Name())
	}
	return names
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSweepRemovesOnlyOursAndDead: a sweep removes a folder left by a
// run that is gone, and keeps one a running process holds, and every
// folder with a name like ours that does not prove itself ours.
func TestSweepRemovesOnlyOursAndDead(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no file locks here: a sweep removes nothing")
	}
	parent := t.TempDir()
	dead, err := testKind.Make(parent, "out")
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dead.Path, "a/index.html"), "<p>half a build")
	dead.Release() // as the system does when the process ends
	held, err := testKind.Make(parent, "out")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release()
	oldDead := filepath.Join(parent, ".out.old-1")
	write(t, filepath.Join(oldDead, testKind.Marker), testKind.Text+"\nmore lines\n")
	write(t, filepath.Join(oldDead, "index.html"), "<p>old")
	kept := map[string]func(dir string){
		".out.new-nomarker": func(dir string) { write(t, filepath.Join(dir, "index.html"), "mine") },
		".out.new-othertext": func(dir string) {
			write(t, filepath.Join(dir, testKind.Marker), "someone else's\n")
		},
		".out.new-shortmarker": func(dir string) { write(t, filepath.Join(dir, testKind.Marker), "written") },
		".out.new-markerdir":   func(dir string) { write(t, filepath.Join(dir, testKind.Marker, "x"), testKind.Text+"\n") },
		".out.new-markerlink": func(dir string) {
			os.MkdirAll(dir, 0o755)
			if err := os.Symlink(filepath.Join(oldDead, testKind.Marker), filepath.Join(dir, testKind.Marker)); err != nil {
				t.Fatal(err)
			}
		},
		".out.newer-1": func(dir string) { write(t, filepath.Join(dir, testKind.Marker), testKind.Text+"\n") },
		".other.new-1": func(dir string) { write(t, filepath.Join(dir, testKind.Marker), testKind.Text+"\n") },
		"out.new-1":    func(dir string) { write(t, filepath.Join(dir, testKind.Marker), testKind.Text+"\n") },
	}
	for name, makeIt := range kept {
		makeIt(filepath.Join(parent, name))
	}
	// A link with our name to a folder of ours is not followed.
	target := filepath.Join(t.TempDir(), "elsewhere")
	write(t, filepath.Join(target, testKind.Marker), testKind.Text+"\n")
	if err := os.Symlink(target, filepath.Join(parent, ".out.new-link")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(parent, ".out.new-file"), testKind.Text+"\n")

	if left := testKind.Sweep(parent, "out"); len(left) > 0 {
		t.Errorf("sweep could not remove: %v", left)
	}
	got := entries(t, parent)
	want := []string{filepath.Base(held.Path), ".out.new-file", ".out.new-link"}
	for name := range kept {
		want = append(want, name)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("after the sweep:\n%v\nwant\n%v", got, want)
	}
	if _, err := os.Stat(filepath.Join(target, testKind.Marker)); err != nil {
		t.Errorf("the sweep followed a link: %v", err)
	}

	held.Release()
	testKind.Sweep(parent, "out")
	if slices.Contains(entries(t, parent), filepath.Base(held.Path)) {
		t.Error("a folder whose process let go of it was kept")
	}
}

// TestRemoveMarkedKeepsMarker: a folder that cannot be removed whole
// keeps its marker, so that it stays one a later run knows to be ours,
// and a later sweep removes the rest once it can.
func TestRemoveMarkedKeepsMarker(t *testing.T) {
	parent := t.TempDir()
	f, err := testKind.Make(parent, "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	for _, name := range []string{"a", "b", "z"} {
		write(t, filepath.Join(f.Path, name, "index.html"), name)
	}
	undo := sitetest.Undeletable(t, filepath.Join(f.Path, "b", "index.html"))
	if err := testKind.RemoveMarked(f.Path); err == nil {
		t.Fatal("a folder with an undeletable file was removed")
	}
	if data, err := os.ReadFile(filepath.Join(f.Path, testKind.Marker)); err != nil || string(data) != testKind.Text+"\n" {
		t.Fatalf("the marker is gone or changed: %q, %v", data, err)
	}
	f.Release()
	if left := testKind.Sweep(parent, "out"); len(left) != 1 || !strings.Contains(left[0], filepath.Base(f.Path)) {
		t.Errorf("the sweep says %q; want that it could not remove %s", left, f.Path)
	}
	undo()
	if left := testKind.Sweep(parent, "out"); len(left) > 0 {
		t.Errorf("sweep: %v", left)
	}
	if _, err := os.Stat(f.Path); !os.IsNotExist(err) {
		t.Errorf("the folder is still there: %v", err)
	}
}
