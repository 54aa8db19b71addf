package generator

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// changes sorts the paths that a save names, against the last good
// build's memo. Both ways of rebuilding read it: the quick path takes
// only edits of node files, the ordinary build reads the files it names
// instead of walking content/ when walk is false.
type changes struct {
	edited  []string // files of content/ that the last build read, still plain files
	added   []string // plain files new in folders that the last build walked
	removed []string // files of content/ that the last build read and that are gone
	env     bool     // a file of the settings, the strings or the theme, which every build reads
	// walk is set when only a walk of content/ can tell what changed: a
	// folder, a symbolic link, a file in a new folder, a path outside
	// what a build reads, or no paths named at all.
	walk bool
}

// classify sorts the paths changed (slash-separated, in the site root)
// that a save names. A path in content/ that the walk leaves out (an
// editor's backup, a file in an _underscore folder) is dropped.
func classify(fsys fs.FS, memo *buildMemo, changed []string) changes {
	var ch changes
	if memo.links {
		ch.walk = true // a saved file may be read through a link too
		return ch
	}
	for _, c := range changed {
		rel, inContent := strings.CutPrefix(c, contentDir+"/")
		switch {
		case !inContent && environmentFile(c):
			ch.env = true
			continue
		case !inContent || slices.Contains(memo.dirs, rel):
			ch.walk = true // a folder, moved or deleted with all it held
			return ch
		}
		_, known := memo.files[rel]
		// (content/ itself, ".", is one the walk leaves out by its name, but
		// it is always among memo.dirs.)
		if !known && walked(path.Dir(rel)) && !slices.Contains(memo.dirs, path.Dir(rel)) {
			ch.walk = true // in a new folder
			return ch
		}
		if !known && !walked(rel) {
			continue
		}
		// Lstat: a file become a symbolic link needs the walk's checks.
		info, err := fs.Lstat(fsys, c)
		switch {
		case errors.Is(err, fs.ErrNotExist) && known:
			ch.removed = append(ch.removed, rel)
		case errors.Is(err, fs.ErrNotExist):
			// came and went between two builds
		case err != nil || !info.Mode().IsRegular():
			ch.walk = true
			return ch
		case known:
			ch.edited = append(ch.edited, rel)
		case !slices.Contains(ch.added, rel):
			ch.added = append(ch.added, rel)
		}
	}
	return ch
}

// inPlace reports whether the save edited node files of the last build
// and nothing else (or nothing that a build reads), as the quick path
// wants.
func (ch changes) inPlace() bool {
	if ch.walk || ch.env || len(ch.added) > 0 || len(ch.removed) > 0 {
		return false
	}
	for _, rel := range ch.edited {
		if rel == definitionsFile || path.Ext(rel) != ".md" {
			return false
		}
	}
	return true
}

// walked reports whether the walk of content/ reads what is at rel, a
// path in content/: no name on the way is one it leaves out.
func walked(rel string) bool {
	for name := range strings.SplitSeq(rel, "/") {
		if ignored(name) {
			return false
		}
	}
	return true
}

// environmentFile reports whether a path of the site root is a file of
// the settings, the interface strings or the theme, which every build
// reads (see environment).
func environmentFile(name string) bool {
	return name == settingsFile || strings.HasPrefix(name, themeDir+"/") || strings.HasPrefix(name, "i18n/")
}
