package generator

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/wizardsite/wizard/internal/scratch"
)

// outputMarker is the file that marks a folder as written by a build, so
// that a later build may replace it. After its first line it lists the
// SHA-256 of every file written, so that the next build can keep the
// files whose bytes did not change instead of writing them again.
const outputMarker = ".wizard-output"

const markerText = "This folder is written by `wizard build`; a build replaces all of it."

// outputKind is how a build knows its folders: the output, and the new
// folder beside it that takes the output's place. From its first moment
// the new folder holds the marker, locked while the build runs; a later
// build removes the ones whose build is gone (see package scratch).
var outputKind = scratch.Kind{Marker: outputMarker, Text: markerText}

// sink takes the files of a build as they are made: an output folder
// (output) or memory (memorySink). put is safe for concurrent use, so
// that pages can be put as they are rendered.
type sink interface {
	put(name string, data []byte) error
	count() int // how many files were put
}

// output is an output folder being written: files go into a new folder
// beside it, which takes its place on commit. put is safe for concurrent
// use, so that pages can be written as they are rendered.
type output struct {
	ctx      context.Context   // a build told to stop puts nothing more
	dir      string            // the output folder
	tmp      *scratch.Folder   // the new folder beside it, held while the build runs
	existed  bool              // dir is an earlier output
	old      map[string]string // SHA-256 of the earlier output's files, by path
	exchange func(a, b string) error
	warnings []string // what could not be cleaned up; the output itself is sound

	mu   sync.Mutex
	made map[string]*madeDir // folders of tmp, made or being made
	sums map[string]string   // SHA-256 of the files put, by path
}

// madeDir is one folder of an output's tmp, made once.
type madeDir struct {
	once sync.Once
	err  error
}

// doneDir returns a folder that is made already.
func doneDir() *madeDir {
	d := &madeDir{}
	d.once.Do(func() {})
	return d
}

// startOutput checks dir, removes what earlier builds of it left beside
// it, and makes the new folder beside it.
func startOutput(ctx context.Context, dir string) (*output, error) {
	dir = filepath.Clean(dir)
	existed, err := checkOutputDir(dir)
	if err != nil {
		return nil, err
	}
	o := &output{ctx: ctx, dir: dir, existed: existed, old: map[string]string{}, exchange: exchangeDirs,
		made: map[string]*madeDir{".": doneDir()}, sums: map[string]string{}}
	if existed {
		o.old = readManifest(dir)
	}
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output %s: %w", dir, err)
	}
	o.warnings = outputKind.Sweep(parent, base)
	if o.tmp, err = outputKind.Make(parent, base); err != nil {
		return nil, fmt.Errorf("output %s: %w", dir, err)
	}
	return o, nil
}

// put writes one file, or links the earlier output's file when its
// bytes are the same.
func (o *output) put(name string, data []byte) error {
	if err := context.Cause(o.ctx); err != nil {
		return err
	}
	if err := o.mkdirs(path.Dir(name)); err != nil {
		return fmt.Errorf("output %s: %w", o.dir, err)
	}
	sum := sha256.Sum256(data)
	hexSum := hex.EncodeToString(sum[:])
	o.mu.Lock()
	o.sums[name] = hexSum
	o.mu.Unlock()
	full := filepath.Join(o.tmp.Path, filepath.FromSlash(name))
	if o.old[name] == hexSum && o.sameOnDisk(name, data) && os.Link(filepath.Join(o.dir, filepath.FromSlash(name)), full) == nil {
		return nil
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return fmt.Errorf("output %s: %w", o.dir, err)
	}
	return nil
}

func (o *output) count() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.sums)
}

// sameOnDisk reports whether the earlier output's file name holds data,
// byte for byte: the manifest names what a build wrote, not what the
// file holds now, which anyone may have edited since.
func (o *output) sameOnDisk(name string, data []byte) bool {
	prev := filepath.Join(o.dir, filepath.FromSlash(name))
	info, err := os.Lstat(prev)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(prev)
	return err == nil && bytes.Equal(old, data)
}

// mkdirs makes the folder d of tmp and its parents, each once. The lock
// guards only the bookkeeping: pages are put in parallel, and on a slow
// disk one mkdir at a time was what they waited for.
func (o *output) mkdirs(d string) error {
	o.mu.Lock()
	m := o.made[d]
	if m == nil {
		m = &madeDir{}
		o.made[d] = m
	}
	o.mu.Unlock()
	m.once.Do(func() {
		if m.err = o.mkdirs(path.Dir(d)); m.err != nil {
			return
		}
		if err := os.Mkdir(filepath.Join(o.tmp.Path, filepath.FromSlash(d)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			m.err = err
		}
	})
	return m.err
}

// commit writes the marker with the list of files, and puts the new
// folder in the place of the old one. An error means that the old
// output is as it was. Once the new folder is in its place the build has
// succeeded: what cannot be removed of the old one is a warning.
func (o *output) commit() error {
	names := make([]string, 0, len(o.sums))
	for name := range o.sums {
		names = append(names, name)
	}
	slices.Sort(names)
	manifest := make([]byte, 0, len(markerText)+1+len(names)*(64+2+32))
	manifest = append(manifest, markerText+"\n"...)
	for _, name := range names {
		manifest = append(manifest, o.sums[name]...)
		manifest = append(manifest, ' ')
		manifest = append(manifest, name...)
		manifest = append(manifest, '\n')
	}
	// The marker keeps its lock: the file is written anew, not replaced.
	if err := os.WriteFile(filepath.Join(o.tmp.Path, outputMarker), manifest, 0o644); err != nil {
		o.abort()
		return fmt.Errorf("output %s: %w", o.dir, err)
	}
	old, err := o.swap()
	if err != nil {
		o.abort()
		return fmt.Errorf("output %s: %w", o.dir, err)
	}
	o.tmp.Release()
	o.removeOld(old)
	return nil
}

// abort removes the new folder; the old one stays as it was.
func (o *output) abort() { o.tmp.Remove(outputKind) }

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

// CheckOutsideContent refuses an output path out (a folder, or pack's
// zip archive) inside the content folder of the site root root: every
// build reads content/ whole, so it would read its own output back in,
// more of it each time. Symbolic links on either path are followed as
// far as they exist.
func CheckOutsideContent(root, out string) error {
	content := resolvedPath(filepath.Join(root, contentDir))
	rel, err := filepath.Rel(content, resolvedPath(out))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil
	}
	return fmt.Errorf("output %s: it is inside %s, whose every file a build reads: the next build would read this output back in; choose a place outside %s",
		out, filepath.Join(root, contentDir), contentDir+"/")
}

// resolvedPath is the absolute path p with the symbolic links of its
// longest existing part resolved.
func resolvedPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(dir) == dir {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}
