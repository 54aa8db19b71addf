package generator

import (
	"strings"
)

// Node is one step of the wizard: one Markdown file in content/.
type Node struct {
	File        string // path in content/, slash-separated, such as "ik-ben-een/_index.md"
	Title       string // front matter title: the page heading
	LinkTitle   string // front matter linkTitle, or Title: the label in breadcrumbs and choices
	Description string // front matter description
	Prompt      string // front matter prompt: the question above the choices
	Weight      int    // front matter weight: order among siblings
	Draft       bool   // front matter draft
	// Lang is the language of the texts above when it is not that of the
	// node's page: in another language's pages, a node without a
	// translation shows the default language's texts. "" otherwise.
	Lang string
	// Translation is the file of content/ that the texts come from when
	// it is a translation (a/b.fr.md, beside File); "" otherwise.
	Translation string

	URL      string  // output path of the page, relative to the site root, such as "ik-ben-een/index.html"
	Parent   *Node   // the node of the enclosing folder; nil for the start page
	Children []*Node // the nodes in this node's folder, in weight order
	Choices  []Link  // the front matter choices, or the children that do not continue a sequence
	Prev     *Link   // front matter prev
	Next     *Link   // front matter next

	Links    []*Node        // nodes the body links to, in order, found when it is rendered
	External []ExternalLink // links in the body that leave the site, in order

	front frontMatter // the front matter as written, with its lines
	body  []byte      // the file with its front matter lines blanked; nil once rendered in a build for the disk
	// hasBody is whether body holds any text, kept when body is dropped.
	hasBody bool
	// langDir is the folder of the pages of the node's language, such as
	// "fr/"; "" in a site of one language.
	langDir string
}

// ExternalLink is a link in a body that leaves the site.
type ExternalLink struct {
	URL  string // the address as written
	line int    // the line of the file where it stands, for messages (ExternalLine)
}

// ExternalLine is the line of the node's file where the link stands. It is a
// function, not a field or method, so that templates cannot show it: it
// moves with every line written above the link, which the quick path
// of a rebuild does not render other pages for.
func ExternalLine(e ExternalLink) int { return e.line }

// HasBody reports whether the node's body holds any text.
func (n *Node) HasBody() bool { return n.hasBody }

// Link is a way from one node to another, with the text that shows it.
type Link struct {
	Node  *Node  // where it leads
	Label string // what it says: the writer's label, or the target's link title
	lang  string // the language of Label when it is not that of the page (see Node.Lang); "" otherwise
}

// IsSection reports whether the node is a folder's own node (_index.md,
// or index.md in a Hugo leaf bundle).
func (n *Node) IsSection() bool {
	base := n.File[strings.LastIndexByte(n.File, '/')+1:]
	return base == sectionFile || base == bundleFile
}

// dir is the content folder that holds the node's file.
func (n *Node) dir() string { return parentDir(n.File) }

// parentDir is path.Dir of a clean relative path, such as a node's File
// or URL, without path.Dir's cleaning, which a large wizard felt.
func parentDir(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return "."
}

// Ancestors lists the nodes from the start page down to n's parent.
func (n *Node) Ancestors() []*Node {
	var list []*Node
	for p := n.Parent; p != nil; p = p.Parent {
		list = append(list, p)
	}
	for i, j := 0, len(list)-1; i < j; i, j = i+1, j-1 {
		list[i], list[j] = list[j], list[i]
	}
	return list
}

// urlDir is the output folder of the node's page, "" for the site root.
func (n *Node) urlDir() string {
	if i := strings.LastIndexByte(n.URL, '/'); i >= 0 {
		return n.URL[:i]
	}
	return ""
}

// anyDepth starts the folder of a page that a host serves at any
// address, the 404 page: what follows it is the site's root as the page
// must name it ("/", or the base URL), and relURL puts that before every
// target instead of a path relative to the page.
const anyDepth = "\x00"

// relURL returns the relative reference from a page in folder fromDir
// (relative to the site root, "" for the root) to the file target.
// It always names a file, so it works from file:// too. From a folder
// that starts with anyDepth it returns the root it names and the target.
func relURL(fromDir, target string) string {
	if strings.HasPrefix(fromDir, anyDepth) {
		return fromDir[len(anyDepth):] + target
	}
	from, to := fromDir, target
	if from == "." {
		from = ""
	}
	if to == "." {
		to = ""
	}
	// Drop the folders both share; the target's last segment is a file.
	for from != "" {
		slash := strings.IndexByte(to, '/')
		if slash < 0 {
			break
		}
		seg, rest, _ := strings.Cut(from, "/")
		if seg != to[:slash] {
			break
		}
		from, to = rest, to[slash+1:]
	}
	if from == "" {
		return to
	}
	up := strings.Count(from, "/") + 1
	var b strings.Builder
	b.Grow(3*up + len(to))
	for range up {
		b.WriteString("../")
	}
	b.WriteString(to)
	return b.String()
}

// slugify turns a file or folder name into a readable path segment:
// lower case letters, digits and hyphens.
func slugify(name string) string {
	if isSlug(name) {
		return name // most names are slugs already
	}
	return makeSlug(name)
}

// makeSlug is slugify, letter by letter.
func makeSlug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 0x80 {
			if f, ok := foldAccent[r]; ok {
				r = f
			}
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "-"
	}
	return b.String()
}

// isSlug reports whether slugify leaves name as it is: lower-case
// letters, digits and dots, in parts joined by single hyphens.
func isSlug(name string) bool {
	if name == "" || name[0] == '-' || name[len(name)-1] == '-' {
		return false
	}
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '.':
		case c == '-' && name[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// foldAccent maps the accented letters of Dutch and French to plain ones.
var foldAccent = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ä': 'a', 'ç': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'ö': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ÿ': 'y',
}
