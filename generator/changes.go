package generator

import (
	"io/fs"
	"path"
	"strings"
)

// inPlace sorts the paths that a save names (slash-separated, in the
// site root) for the quick path: the node files of the last good build
// that it edited, still plain files. A path in content/ that the walk
// leaves out (an editor's backup, a file in an _underscore folder) is
// dropped. ok is false when the save holds anything else: a new or
// deleted file, a file that is not a node, the definitions, a folder, a
// symbolic link, or a file of the settings, strings or theme. The
// ordinary build, which reads everything, takes those.
func inPlace(fsys fs.FS, memo *buildMemo, changed []string) (edited []string, ok bool) {
	if memo.links {
		return nil, false // a saved file may be read through a link too
	}
	for _, c := range changed {
		rel, inContent := strings.CutPrefix(c, contentDir+"/")
		_, known := memo.files[rel]
		switch {
		case !inContent:
			return nil, false
		case !known && !walked(rel):
			continue
		case !known || rel == definitionsFile || path.Ext(rel) != ".md":
			return nil, false
		}
		// Lstat: a file become a symbolic link needs the walk's checks.
		if info, err := fs.Lstat(fsys, c); err != nil || !info.Mode().IsRegular() {
			return nil, false
		}
		edited = append(edited, rel)
	}
	return edited, true
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
