package generator

import (
	"bytes"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// load reads content/: only the files that ch names when the last
// build's files can be reused, every file otherwise. Files whose bytes
// did not change are not parsed again.
func (run *buildRun) load(l *loader, ch changes) (map[string]memoFile, []string) {
	old := run.memo
	if old == nil || ch.walk {
		return run.loadAll(l)
	}
	l.src = &source{assets: map[string][]byte{}, drafts: map[string]bool{}, dirs: old.dirs, links: old.links}
	files := make(map[string]memoFile, len(old.files)+len(ch.added))
	for rel, f := range old.files {
		files[rel] = f
	}
	for _, rel := range ch.removed {
		delete(files, rel)
	}
	for _, rel := range slices.Concat(ch.edited, ch.added) {
		files[rel] = run.readFile(l, rel, old)
	}
	order := old.order
	if len(ch.added) > 0 || len(ch.removed) > 0 {
		order = make([]string, 0, len(old.order)+len(ch.added))
		for _, rel := range old.order {
			if !slices.Contains(ch.removed, rel) {
				order = append(order, rel)
			}
		}
		for _, rel := range ch.added {
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
	old, oneShot := run.memo, !run.keep
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
		if oneShot {
			read[i].data = nil // parsed; a build for the disk compares it with nothing
		}
	})
	if oneShot {
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
