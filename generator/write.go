package generator

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// outputMarker is the file that marks a folder as written by a build, so
// that a later build may replace it. After its first line it lists the
// SHA-256 of every file written, so that the next build can keep the
// files whose bytes did not change instead of writing them again.
const outputMarker = ".wizard-output"

const markerText = "This folder is written by `wizard build`; a build replaces all of it."

// Write puts files into the folder dir, atomically: they are written to
// a new folder beside it, which takes dir's place only when all of them
// are written. A failed write leaves dir as it was. dir must be absent,
// empty, or an earlier output; any other folder is refused, never emptied.
// A file whose bytes are those of the earlier output is linked, not
// written again, so hosts and rsync see only the files that changed.
func Write(dir string, files map[string][]byte) error {
	dir = filepath.Clean(dir)
	existed, err := checkOutputDir(dir)
	if err != nil {
		return err
	}
	old := map[string]string{}
	if existed {
		old = readManifest(dir)
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
	if err := makeDirs(tmp, names); err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	sums := make([]string, len(names))
	errs := make([]error, len(names))
	parallel(len(names), func(i int) {
		name, data := names[i], files[names[i]]
		sum := sha256.Sum256(data)
		sums[i] = hex.EncodeToString(sum[:])
		full := filepath.Join(tmp, filepath.FromSlash(name))
		if old[name] == sums[i] {
			prev := filepath.Join(dir, filepath.FromSlash(name))
			if info, err := os.Lstat(prev); err == nil && info.Mode().IsRegular() && info.Size() == int64(len(data)) {
				if os.Link(prev, full) == nil {
					return
				}
			}
		}
		errs[i] = os.WriteFile(full, data, 0o644)
	})
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	var manifest bytes.Buffer
	manifest.WriteString(markerText + "\n")
	for i, name := range names {
		fmt.Fprintf(&manifest, "%s %s\n", sums[i], name)
	}
	if err := os.WriteFile(filepath.Join(tmp, outputMarker), manifest.Bytes(), 0o644); err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	if err := swapDir(tmp, dir, existed); err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	ok = true
	return nil
}

// makeDirs makes every folder that the files need, parents first, each once.
func makeDirs(root string, names []string) error {
	made := map[string]bool{".": true}
	var dirs []string
	for _, name := range names {
		for d := path.Dir(name); !made[d]; d = path.Dir(d) {
			made[d] = true
			dirs = append(dirs, d)
		}
	}
	slices.SortFunc(dirs, func(a, b string) int { return strings.Count(a, "/") - strings.Count(b, "/") })
	for _, d := range dirs {
		if err := os.Mkdir(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			return err
		}
	}
	return nil
}

// readManifest returns the SHA-256 of each file of an earlier output, by
// path, as its marker lists them.
func readManifest(dir string) map[string]string {
	sums := map[string]string{}
	f, err := os.Open(filepath.Join(dir, outputMarker))
	if err != nil {
		return sums
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, found := strings.Cut(sc.Text(), " ")
		if found && len(sum) == 64 {
			sums[name] = sum
		}
	}
	return sums
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

// swapDir puts the folder tmp in the place of dir, and removes the old one.
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
