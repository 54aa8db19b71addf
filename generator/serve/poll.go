package serve

import (
	"crypto/sha256"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wizardsite/wizard/generator"
)

// pollEvery is how often the site is walked when it cannot be watched.
const pollEvery = 300 * time.Millisecond

// recent is how young a file's modification time must be for polling to
// hash its bytes too: two saves of the same size within one tick of the
// file system's clock have the same time, and only the bytes tell them
// apart.
const recent = 2 * time.Second

// stamp is what polling compares of one file.
type stamp struct {
	size  int64
	mtime int64
	mode  fs.FileMode
	ino   uint64
	sum   [32]byte // the bytes' hash, for recently modified files only
}

// poll walks the site every pollEvery and signals when anything the
// watcher would have reported differs from the walk before.
func (w *watcher) poll() {
	defer w.wg.Done()
	last := w.scan()
	t := time.NewTicker(pollEvery)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			cur := w.scan()
			if !maps.Equal(last, cur) {
				w.signal()
			}
			last = cur
		}
	}
}

// scan stamps site.yaml and every file below the watched folders.
func (w *watcher) scan() map[string]stamp {
	files := map[string]stamp{}
	now := time.Now()
	add := func(p string, info fs.FileInfo) {
		s := stamp{size: info.Size(), mtime: info.ModTime().UnixNano(), mode: info.Mode(), ino: inode(info)}
		if info.Mode().IsRegular() && now.Sub(info.ModTime()) < recent {
			if data, err := os.ReadFile(p); err == nil {
				s.sum = sha256.Sum256(data)
			}
		}
		files[p] = s
	}
	if info, err := os.Stat(filepath.Join(w.dir, "site.yaml")); err == nil {
		add(filepath.Join(w.dir, "site.yaml"), info)
	}
	for _, d := range watchedDirs {
		filepath.WalkDir(filepath.Join(w.dir, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil // gone or unreadable: its absence is what we record
			}
			if e.IsDir() && strings.HasPrefix(e.Name(), ".") && p != filepath.Join(w.dir, d) {
				return filepath.SkipDir
			}
			if generator.Ignored(e.Name()) {
				return nil
			}
			if info, err := os.Stat(p); err == nil {
				add(p, info)
			}
			return nil
		})
	}
	return files
}
