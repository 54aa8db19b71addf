package generator

import (
	"errors"
	"io/fs"
	"path"
	"strings"
)

// inPlace sorts the paths that a save names (slash-separated, in the
// site root) for the quick path: the node files of the last good build
// that it edited, still plain files. A path in content/ that the walk
// leaves out (an editor's backup, a file in an _underscore folder), or
// that came and went since the last build, is dropped. ok is false when the save holds anything else: a new or
// deleted file, a file that is not a node, the definitions, a folder, a
// symbolic link, or a file of the settings, strings or theme; and any
// save in a site of several languages. The ordinary build, which reads
// everything, takes those.
func inPlace(fsys fs.FS, memo *buildMemo, changed []string) (edited []string, ok bool) {
	if memo.links {
		return nil, false // a saved file may be read through a link too
	}
	if memo.renderer.langs != nil {
		// Each language's pages show the default language's graph, and
		// translations take their places from it: the ordinary build
		// makes them all again, reusing what did not change.
		return nil, false
	}
	for _, c := range changed {
		rel, inContent := strings.CutPrefix(c, contentDir+"/")
		_, known := memo.files[rel]
		if !inContent {
			return nil, false
		}
		if !known && !walked(rel) {
			continue
		}
		// Lstat: a file become a symbolic link needs the walk's checks.
		info, err := fs.Lstat(fsys, c)
		switch {
		case !known && errors.Is(err, fs.ErrNotExist) && !holdsFiles(memo, rel):
			continue // came and went: an editor's temporary file
		case !known || err != nil || !info.Mode().IsRegular() || rel == definitionsFile || path.Ext(rel) != ".md":
			return nil, false
		}
		edited = append(edited, rel)
	}
	return edited, true
}

// holdsFiles reports whether rel was a folder of files that the last
// build read.
func holdsFiles(memo *buildMemo, rel string) bool {
	for f := range memo.files {
		if strings.HasPrefix(f, rel+"/") {
			return true
		}
	}
	return false
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
