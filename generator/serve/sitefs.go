package serve

import (
	"io/fs"
	"os"
	"path/filepath"
)

// siteFS is the site root as the dev server builds it: an os.Root,
// which refuses to open anything outside the root. The build's walk of
// content/ sees the symbolic links through Lstat and ReadLink, and
// refuses those that lead out, as it does for wizard build: a link to
// /etc/passwd in content/ is a problem on screen, never a page.
type siteFS struct {
	root *os.Root
	fsys fs.FS
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
	return &siteFS{root: root, fsys: root.FS()}, nil
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

func (s *siteFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(s.fsys, name) }
