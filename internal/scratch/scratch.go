// Package scratch makes the folders that wizard build and wizard pack
// write aside before their work takes the place of the output, and
// removes the ones that earlier runs left behind.
//
// A run that is killed, or whose machine stops, cannot remove its own
// folder; a later run can, but only when it can prove two things: that
// the folder is one of ours, and that no running process still writes
// it. The proof is the marker file that each folder holds from its first
// moment: its name and first line say the folder is ours, and the
// running process that made it holds a lock on it (flock), which the
// system lets go of when that process ends, however it ends. A folder
// without the marker, or whose marker is still locked, is never touched.
package scratch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Kind says how the folders of one command are recognised.
type Kind struct {
	Marker string // the name of the file each folder holds from its first moment
	Text   string // the first line of that file
}

// Folder is a folder that this process made and still writes: its
// marker is locked until Release.
type Folder struct {
	Path string   // where the folder is: parent/.base.new-<random>
	lock *os.File // the marker, open and locked
}

// Make makes a new folder beside parent/base, named .base.new-<random>,
// with its marker locked. The marker is locked before its first line is
// written, so that no other run ever sees our marker unlocked.
func (k Kind) Make(parent, base string) (*Folder, error) {
	dir, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return nil, err
	}
	f, err := k.mark(dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &Folder{Path: filepath.Clean(dir), lock: f}, nil
}

func (k Kind) mark(dir string) (*os.File, error) {
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, k.Marker), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lock(f, true); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.WriteString(k.Text + "\n"); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// Release lets go of the folder's lock: from then on a later run may
// remove it, if it is still there.
func (f *Folder) Release() {
	if f.lock != nil {
		f.lock.Close()
		f.lock = nil
	}
}

// Remove removes the folder, and then lets go of it. When the folder
// cannot be removed whole, its marker is kept, so that a later run
// removes the rest.
func (f *Folder) Remove(k Kind) error {
	defer f.Release()
	return k.RemoveMarked(f.Path)
}

// Hold locks the marker of dir, an output that this run is about to
// move aside and remove, so that no other run removes it at the same
// time. It waits while another run holds it: only a run that has put
// its own folder in dir's place does, and only while it removes what was
// there before. No marker (an empty output folder) is no lock and no
// error: Release of the result is safe in every case.
func (k Kind) Hold(dir string) (*Folder, error) {
	for {
		f, err := openMarker(filepath.Join(dir, k.Marker))
		if errors.Is(err, fs.ErrNotExist) {
			return &Folder{Path: dir}, nil
		}
		if err != nil {
			return nil, err
		}
		if err := lock(f, true); err != nil {
			f.Close()
			return nil, err
		}
		// The run that held it may have put another folder in dir's
		// place meanwhile: then the lock is on a marker no longer there.
		if sameFile(f, filepath.Join(dir, k.Marker)) {
			return &Folder{Path: dir, lock: f}, nil
		}
		f.Close()
	}
}

// RemoveMarked removes the folder dir: everything but its marker first,
// then the marker, then the folder. A folder that cannot be removed
// whole (a file in it that cannot be deleted) keeps its marker, and so
// stays one that a later run knows to be ours. The error names the file
// that could not be removed by its path inside dir, which keeps its
// meaning when dir is renamed.
func (k Kind) RemoveMarked(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() == k.Marker {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return inside(dir, err)
		}
	}
	if err := os.Remove(filepath.Join(dir, k.Marker)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return inside(dir, err)
	}
	return os.Remove(dir)
}

// inside says which file of dir err is about, and what went wrong.
func inside(dir string, err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	rel, relErr := filepath.Rel(dir, pe.Path)
	if relErr != nil || strings.HasPrefix(rel, "..") {
		return err
	}
	return fmt.Errorf("%s: %w", filepath.ToSlash(rel), pe.Err)
}

// Sweep removes the folders beside parent/base that earlier runs left:
// those named .base.new-* or .base.old-* that are folders (not links),
// hold our marker (a regular file whose first line is ours), and whose
// marker no running process holds. It returns a sentence for each such
// folder that it could not remove.
func (k Kind) Sweep(parent, base string) []string {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil
	}
	var left []string
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !strings.HasPrefix(name, "."+base+".new-") && !strings.HasPrefix(name, "."+base+".old-") {
			continue
		}
		dir := filepath.Join(parent, name)
		f := k.claim(dir)
		if f == nil {
			continue
		}
		if err := f.Remove(k); err != nil {
			left = append(left, fmt.Sprintf("%s, left by an earlier run, could not be removed (%v); the next run tries again, or remove it yourself", dir, err))
		}
	}
	return left
}

// claim returns the folder dir locked, when it is one of ours that no
// running process holds; otherwise nil.
func (k Kind) claim(dir string) *Folder {
	if info, err := os.Lstat(dir); err != nil || !info.IsDir() {
		return nil
	}
	path := filepath.Join(dir, k.Marker)
	f, err := openMarker(path)
	if err != nil {
		return nil
	}
	head := make([]byte, len(k.Text)+1)
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, []byte(k.Text+"\n")) {
		f.Close()
		return nil
	}
	if lock(f, false) != nil || !sameFile(f, path) {
		f.Close()
		return nil
	}
	return &Folder{Path: dir, lock: f}
}

// openMarker opens a marker to lock it: a regular file, not a link, a
// pipe or a device, which opening could block on or set going.
func openMarker(path string) (*os.File, error) {
	if info, err := os.Lstat(path); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	return f, nil
}

// sameFile reports whether the open file f is still the one at path.
func sameFile(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(path)
	return err == nil && os.SameFile(a, b)
}
