package generator

import (
	"path"
	"strings"
)

// What the writers' tools of package author read of a site, beyond
// Generate and the fields of Node: the names of the content format, how
// messages name a file, and what a node file says where.

// Names in the site root and in content/.
const (
	ContentDir      = contentDir      // the folder of the site root that holds the nodes
	SectionFile     = sectionFile     // a folder's own node
	DefinitionsFile = definitionsFile // the definitions popup in content/, not a node
)

// ContentPath is the file rel of content/ as messages name it: the site
// root as the writer names it (Options.SourceName), content/, then rel.
func ContentPath(root, rel string) string {
	return joinDisplay(root, path.Join(contentDir, rel))
}

// Ignored reports whether the build leaves a name in content/ out of the
// site: hidden files, editor backups, and names that start with _ other
// than SectionFile and DefinitionsFile.
func Ignored(name string) bool { return ignored(name) }

// KeyLine, ChoiceLines and Body are functions, not methods of Node:
// templates reach every method of .Node, and a page that showed the
// lines or the text of other nodes would not be rendered again when they
// change (see Templates in the package documentation).

// KeyLine is the line of n's file where its front matter writes key
// (such as "title" or "choices"), 0 when it does not.
func KeyLine(n *Node, key string) int { return n.front.lines.at(key) }

// ChoiceLines are the lines where n's front matter writes each of its
// choices, in order; nil when it lists none, and its choices are its
// children.
func ChoiceLines(n *Node) []int {
	if n.front.Choices == nil {
		return nil
	}
	lines := make([]int, len(n.front.Choices))
	for i, c := range n.front.Choices {
		lines[i] = c.Line
	}
	return lines
}

// Body is n's file with its front matter lines blanked, so that its
// lines are those of the file; nil once a build for the disk rendered
// it. It must not be changed.
func Body(n *Node) []byte { return n.body }

// ParseNode reads the front matter and the body of a node file's bytes,
// without the checks the build makes of the bytes (a byte order mark is
// not skipped) and of the title. The node is in no graph: File, the
// fields of the front matter, KeyLine, ChoiceLines and Body are set. A
// front matter that cannot be read is an *Error whose File is file, or an
// ErrorList of them when it has several problems.
func ParseNode(file string, src []byte) (*Node, error) {
	yamlSrc, yamlLine, body, err := splitFrontMatter(src)
	if err != nil {
		err.File = file
		return nil, err
	}
	fm, errs := parseFrontMatter(yamlSrc, yamlLine)
	for _, e := range errs {
		e.File = file
	}
	switch len(errs) {
	case 0:
	case 1:
		return nil, errs[0]
	default:
		return nil, errs
	}
	return newNode(file, fm, body), nil
}

// WrapLabel breaks a label into lines of at most cols characters, at
// spaces, as the overview map does; a word longer than a line is cut.
func WrapLabel(s string, cols int) []string { return wrapLabel(s, cols) }

// TranslationPath is the path in content/ of the translation of the
// node file rel into the language lang: a/x.md's is a/x.fr.md.
func TranslationPath(rel, lang string) string {
	return strings.TrimSuffix(rel, ".md") + "." + lang + ".md"
}
