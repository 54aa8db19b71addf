package sitetest

import (
	"os"
	"path/filepath"
	"testing"
)

// Undeletable makes the file at path one that no process can remove or
// replace, as a file a build must not fail on: immutable (chattr +i) for
// root, whom permissions do not stop; for anyone else, the file's folder
// loses its write permission. It skips the test where neither can be
// done. The file and its folder may be moved meanwhile: they are undone
// through descriptors opened now, by the returned function or when the
// test ends.
func Undeletable(t testing.TB, path string) (undo func()) {
	t.Helper()
	if os.Geteuid() != 0 {
		dir, err := os.Open(filepath.Dir(path))
		if err != nil {
			t.Fatal(err)
		}
		info, err := dir.Stat()
		if err != nil {
			t.Fatal(err)
		}
		if err := dir.Chmod(0o555); err != nil {
			t.Fatal(err)
		}
		return undoOnce(t, func() { dir.Chmod(info.Mode().Perm()); dir.Close() })
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := setImmutable(f, true); err != nil {
		f.Close()
		t.Skipf("this file system cannot make %s immutable (%v); run as another user than root, or with TMPDIR on ext4 or tmpfs", path, err)
	}
	return undoOnce(t, func() { setImmutable(f, false); f.Close() })
}

// undoOnce runs undo when it is called or the test ends, whichever
// comes first, and once.
func undoOnce(t testing.TB, undo func()) func() {
	done := false
	once := func() {
		if !done {
			done = true
			undo()
		}
	}
	t.Cleanup(once)
	return once
}
