package generator

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// load reads content/: only the changed files when the last build's
// files can be reused, every file otherwise. Files whose bytes did not
// change are not parsed again.
func (run *buildRun) load(l *loader, changed []string) (map[string]memoFile, []string) {
	old := run.memo
	if old == nil || changed == nil {
		return run.loadAll(l)
	}
	added, removed, ok := run.contentChanges(changed)
	if !ok {
		return run.loadAll(l)
	}
	l.src = &source{assets: map[string][]byte{}, drafts: map[string]bool{}, dirs: old.dirs, links: old.links}
	files := make(map[string]memoFile, len(old.files)+len(added))
	for rel, f := range old.files {
		files[rel] = f
	}
	for _, rel := range removed {
		delete(files, rel)
	}
	for _, c := range changed {
		if rel, ok := strings.CutPrefix(c, contentDir+"/"); ok && !slices.Contains(removed, rel) {
			if _, known := files[rel]; known || slices.Contains(added, rel) {
				files[rel] = run.readFile(l, rel, old)
			}
		}
	}
	order := old.order
	if len(added) > 0 || len(removed) > 0 {
		order = make([]string, 0, len(old.order)+len(added))
		for _, rel := range old.order {
			if !slices.Contains(removed, rel) {
				order = append(order, rel)
			}
		}
		for _, rel := range added {
			// The walk lists each folder's entries by name, a folder's
			// files where its name falls: the order of the path's parts.
			i, _ := slices.BinarySearchFunc(order, rel, comparePaths)
			order = slices.Insert(order, i, rel)
		}
	}
	for _, rel := range order {
		l.add(rel, files[rel].read.clone())
	}
	return files, order
}

// comparePaths orders slash-separated paths part by part, as the walk of
// content/ meets them.
func comparePaths(a, b string) int {
	for {
		ah, at, aMore := strings.Cut(a, "/")
		bh, bt, bMore := strings.Cut(b, "/")
		if c := strings.Compare(ah, bh); c != 0 || !aMore || !bMore {
			if c != 0 {
				return c
			}
			// One is a prefix of the other's folder: the shorter first.
			switch {
			case aMore == bMore:
				return 0
			case !aMore:
				return -1
			default:
				return 1
			}
		}
		a, b = at, bt
	}
}

// loadAll walks content/ and reads every file.
func (run *buildRun) loadAll(l *loader) (map[string]memoFile, []string) {
	old := run.memo
	var names []string
	l.src = &source{assets: map[string][]byte{}, drafts: map[string]bool{}}
	info, err := fs.Stat(l.fsys, contentDir)
	if err != nil || !info.IsDir() {
		l.probs.add(joinDisplay(l.name, contentDir), 0, "no content folder: the site root must hold content/ with an _index.md start page")
		return nil, nil
	}
	l.walk(".", []fs.FileInfo{info}, &names)
	read := make([]memoFile, len(names))
	parallel(len(names), func(i int) {
		read[i] = run.readFile(l, names[i], old)
		if run.oneShot() {
			read[i].data = nil // parsed; a build for the disk compares it with nothing
		}
	})
	if run.oneShot() {
		for i, rel := range names {
			l.add(rel, read[i].read) // no later build shares its nodes
		}
		return nil, names
	}
	files := make(map[string]memoFile, len(names))
	for i, rel := range names {
		files[rel] = read[i]
		l.add(rel, read[i].read.clone())
	}
	return files, names
}

// contentChanges sorts the changed paths: files of content/ that the
// last build read, files it did not that now exist (added) and files it
// read that are gone (removed), besides the settings, strings and theme
// files, which every build reads anyway. ok is false for anything else,
// which may hide a change in content/ that only a walk finds: a folder,
// a symbolic link, a file in a folder the last build did not walk.
func (run *buildRun) contentChanges(changed []string) (added, removed []string, ok bool) {
	if run.memo.links {
		return nil, nil, false // a saved file may be read through a link too
	}
	for _, c := range changed {
		rel, inContent := strings.CutPrefix(c, contentDir+"/")
		if !inContent {
			if environmentFile(c) {
				continue
			}
			return nil, nil, false
		}
		if _, known := run.memo.files[rel]; known {
			// Lstat: a file become a symbolic link needs the walk's checks.
			info, err := fs.Lstat(run.opts.Source, c)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				removed = append(removed, rel)
			case err != nil || !info.Mode().IsRegular():
				return nil, nil, false
			}
			continue
		}
		if !slices.Contains(run.memo.dirs, path.Dir(rel)) || slices.Contains(run.memo.dirs, rel) {
			return nil, nil, false // a new folder, or one moved away with all it held
		}
		if ignored(path.Base(rel)) {
			continue // the walk leaves it out
		}
		info, err := fs.Lstat(run.opts.Source, c)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue // came and went between two builds
		case err != nil || !info.Mode().IsRegular():
			return nil, nil, false
		}
		if !slices.Contains(added, rel) {
			added = append(added, rel)
		}
	}
	return added, removed, true
}

// environmentFile reports whether a path of the site root is a file of
// the settings, the interface strings or the theme, which every build
// reads (see environment).
func environmentFile(name string) bool {
	return name == settingsFile || strings.HasPrefix(name, themeDir+"/") || strings.HasPrefix(name, "i18n/")
}

// readFile reads one file, and parses it again only when its bytes
// differ from the last build's.
func (run *buildRun) readFile(l *loader, rel string, old *buildMemo) memoFile {
	data, err := l.read(rel)
	if err != nil {
		l.probs.add(l.displayPath(rel), 0, "cannot read file: %v", unwrapPathError(err))
		return memoFile{}
	}
	if old != nil {
		if f, ok := old.files[rel]; ok && bytes.Equal(f.data, data) && (f.read.node != nil || f.read.asset != nil) {
			return f
		}
	}
	return memoFile{data: data, read: l.parse(rel, data)}
}

// read reads a file of content/.
func (l *loader) read(rel string) ([]byte, error) {
	if l.disk != "" {
		return readDisk(filepath.Join(l.disk, contentDir, filepath.FromSlash(rel)))
	}
	return readFS(l.fsys, path.Join(contentDir, rel))
}

// readFS reads a file; a file that exists is never nil, even when empty.
func readFS(fsys fs.FS, name string) ([]byte, error) {
	data, err := fs.ReadFile(fsys, name)
	if err == nil && data == nil {
		data = []byte{}
	}
	return data, err
}
