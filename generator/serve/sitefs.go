package serve

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// siteFS is the site root as the dev server builds it. It is an os.Root,
// which refuses to open anything outside the root, and its ReadDir
// leaves out the symbolic links that lead out of the root, so that the
// build goes on without them instead of failing on them: a link to
// /etc/passwd in content/ is never served.
type siteFS struct {
	root *os.Root
	fsys fs.FS
	real string // the root with its own symbolic links resolved

	mu      sync.Mutex
	skipped map[string]bool // escaping links seen since the last escapes call
}

func newSiteFS(dir string) (*siteFS, error) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(real)
	if err != nil {
		return nil, err
	}
	return &siteFS{root: root, fsys: root.FS(), real: real, skipped: map[string]bool{}}, nil
}

func (s *siteFS) close() { s.root.Close() }

func (s *siteFS) Open(name string) (fs.File, error) { return s.fsys.Open(name) }

func (s *siteFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(s.fsys, name) }

func (s *siteFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(s.fsys, name) }

// Lstat and ReadLink let the build see symbolic links as links: without
// them fs.Lstat follows a link, and a node file turned into a link would
// pass for a plain file, which a Builder reads alone, without the walk
// that notes the links of content/.
func (s *siteFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(s.fsys, name) }

func (s *siteFS) ReadLink(name string) (string, error) { return fs.ReadLink(s.fsys, name) }

// ReadDir lists a folder without the symbolic links that lead out of the
// root. Broken links stay, so that the build reports them.
func (s *siteFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(s.fsys, name)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(entries, func(e fs.DirEntry) bool {
		if e.Type()&fs.ModeSymlink == 0 {
			return false
		}
		rel := path.Join(name, e.Name())
		target, err := filepath.EvalSymlinks(filepath.Join(s.real, filepath.FromSlash(rel)))
		if err != nil {
			return false
		}
		if inside(s.real, target) {
			return false
		}
		s.mu.Lock()
		s.skipped[rel] = true
		s.mu.Unlock()
		return true
	}), nil
}

// escapes returns the escaping links skipped since the last call, as
// paths in the site root, sorted.
func (s *siteFS) escapes() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var names []string
	for name := range s.skipped {
		names = append(names, name)
	}
	clear(s.skipped)
	slices.Sort(names)
	return names
}

// inside reports whether target is root or below it.
func inside(root, target string) bool {
	rel, err := filepath.Rel(root, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
