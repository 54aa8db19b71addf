package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// outputMarker is the file that marks a folder as written by a build, so
// that a later build may replace it.
const outputMarker = ".wizard-output"

const markerText = "This folder is written by `wizard build`; a build replaces all of it.\n"

// Write puts files into the folder dir, atomically: they are written to
// a new folder beside it, which takes dir's place only when all of them
// are written. A failed write leaves dir as it was. dir must be absent,
// empty, or an earlier output; any other folder is refused, never emptied.
func Write(dir string, files map[string][]byte) error {
	dir = filepath.Clean(dir)
	existed, err := checkOutputDir(dir)
	if err != nil {
		return err
	}
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		full := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("output %s: %w", dir, err)
		}
		if err := os.WriteFile(full, files[name], 0o644); err != nil {
			return fmt.Errorf("output %s: %w", dir, err)
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, outputMarker), []byte(markerText), 0o644); err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	if err := swapDir(tmp, dir, existed); err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	ok = true
	return nil
}

// checkOutputDir reports whether dir exists, and refuses a folder that
// holds files no build wrote.
func checkOutputDir(dir string) (bool, error) {
	info, err := os.Lstat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("output %s: %w", dir, err)
	}
	if !info.IsDir() {
		return false, fmt.Errorf("output %s: not a folder", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, outputMarker)); err == nil {
		return true, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, fmt.Errorf("output %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return false, fmt.Errorf("output %s: the folder is not empty and was not written by wizard build; refusing to replace it (choose another --out or empty it yourself)", dir)
	}
	return true, nil
}

// swapDir puts the folder tmp in the place of dir.
func swapDir(tmp, dir string, existed bool) error {
	if !existed {
		return os.Rename(tmp, dir)
	}
	if err := exchangeDirs(tmp, dir); err == nil {
		return os.RemoveAll(tmp)
	}
	old, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".old-")
	if err != nil {
		return err
	}
	os.Remove(old)
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	return os.RemoveAll(old)
}
