package generator

import (
	"bytes"
	"io/fs"
	"path"
)

// load walks content/ and reads every file; a file whose bytes are the
// last build's is not parsed again.
func (run *buildRun) load(l *loader) map[string]memoFile {
	old, oneShot := run.memo, !run.keep
	var names []string
	l.src = &source{assets: map[string][]byte{}, drafts: map[string]bool{}}
	info, err := fs.Stat(l.fsys, contentDir)
	if err != nil || !info.IsDir() {
		l.probs.add(joinDisplay(l.name, contentDir), 0, "no content folder: the site root must hold content/ with an _index.md start page")
		return nil
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
		return nil
	}
	files := make(map[string]memoFile, len(names))
	for i, rel := range names {
		files[rel] = read[i]
		l.add(rel, read[i].read.clone())
	}
	return files
}

// readFile reads one file, and parses it again only when its bytes
// differ from the last build's.
func (run *buildRun) readFile(l *loader, rel string, old *buildMemo) memoFile {
	data, err := l.read(rel)
	if err != nil {
		l.readProblem(rel, err)
		return memoFile{}
	}
	if old != nil {
		if f, ok := old.files[rel]; ok && bytes.Equal(f.data, data) && (f.read.node != nil || f.read.asset != nil) {
			return f
		}
	}
	return memoFile{data: data, read: l.parse(rel, data)}
}

// read reads a file of content/; a node file only up to its limit.
func (l *loader) read(rel string) ([]byte, error) {
	if path.Ext(rel) == ".md" {
		return readNodeFile(l.fsys, path.Join(contentDir, rel))
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
