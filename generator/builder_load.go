package generator

import (
	"bytes"
	"io/fs"
	"path"
	"strings"
)

// load reads content/: only the changed files when the last build's
// files can be reused, every file otherwise. Files whose bytes did not
// change are not parsed again.
func (run *buildRun) load(l *loader, changed []string) (map[string]memoFile, []string) {
	old := run.memo
	if old != nil && changed != nil && run.onlyModified(changed) {
		l.src = &source{assets: map[string][]byte{}, drafts: map[string]bool{}, dirs: old.dirs}
		files := make(map[string]memoFile, len(old.files))
		for rel, f := range old.files {
			files[rel] = f
		}
		for _, c := range changed {
			if rel, ok := strings.CutPrefix(c, contentDir+"/"); ok {
				files[rel] = run.readFile(l, rel, old)
			}
		}
		for _, rel := range old.order {
			l.add(rel, files[rel].read.clone())
		}
		return files, old.order
	}
	var names []string
	l.src = &source{assets: map[string][]byte{}, drafts: map[string]bool{}}
	info, err := fs.Stat(l.fsys, contentDir)
	if err != nil || !info.IsDir() {
		l.probs.add(joinDisplay(l.name, contentDir), 0, "no content folder: the site root must hold content/ with an _index.md start page")
		return nil, nil
	}
	l.walk(".", []fs.FileInfo{info}, &names)
	read := make([]memoFile, len(names))
	parallel(len(names), func(i int) { read[i] = run.readFile(l, names[i], old) })
	files := make(map[string]memoFile, len(names))
	for i, rel := range names {
		files[rel] = read[i]
		l.add(rel, read[i].read.clone())
	}
	return files, names
}

// onlyModified reports whether every changed path is a file of content/
// that the last build read, or the settings, a strings file or a theme
// file, which every build reads anyway. Any other path (a folder that a
// symbolic link in content/ leads to, say) may hide a change in content/.
func (run *buildRun) onlyModified(changed []string) bool {
	for _, c := range changed {
		rel, ok := strings.CutPrefix(c, contentDir+"/")
		if !ok {
			if c == settingsFile || strings.HasPrefix(c, themeDir+"/") || strings.HasPrefix(c, "i18n/") {
				continue
			}
			return false
		}
		if _, known := run.memo.files[rel]; !known {
			return false
		}
		if info, err := fs.Stat(run.opts.Source, c); err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// readFile reads one file, and parses it again only when its bytes
// differ from the last build's.
func (run *buildRun) readFile(l *loader, rel string, old *buildMemo) memoFile {
	data, err := readFS(l.fsys, path.Join(contentDir, rel))
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

// readFS reads a file; a file that exists is never nil, even when empty.
func readFS(fsys fs.FS, name string) ([]byte, error) {
	data, err := fs.ReadFile(fsys, name)
	if err == nil && data == nil {
		data = []byte{}
	}
	return data, err
}
