package generator

// The limits of a site. Each is far beyond what a wizard needs (the
// eGov wizard nests 2 folders deep, its largest node file holds 1.2 KB
// and 5 links, its longest title 129 characters), and each keeps the
// cost of a build in proportion to its input: past them, the cost of
// some shapes grows with the square or the cube of their size.
// docs/content-format.md lists them for the writers.
const (
	// maxFolderDepth is how deep folders may nest below content/. Each
	// page links to every node above it with a relative path of its
	// depth, so the site grows with the cube of the depth: 2,000 folders
	// deep made 4 GB.
	maxFolderDepth = 32
)

// tooDeep reports a folder nested deeper than maxFolderDepth; depth is
// how many folders it is below content/.
func (l *loader) tooDeep(rel string, depth int) bool {
	if depth <= maxFolderDepth {
		return false
	}
	l.probs.add(l.displayPath(rel), 0,
		"folder nested %d deep: folders may nest at most %d deep below content/; move its nodes up into fewer levels",
		depth, maxFolderDepth)
	return true
}
