package generator

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"unicode/utf8"
)

// contentDir is the folder of the site root that holds the nodes.
const contentDir = "content"

// Special file names in content/.
const (
	sectionFile     = "_index.md"
	definitionsFile = "_definitions.md"
	// bundleFile is a folder's node in a Hugo leaf bundle (the page's
	// index.md with its pictures beside it): to us, what _index.md is.
	bundleFile = "index.md"
)

// source is what was read from content/: the nodes, the definitions and
// the other files to copy.
type source struct {
	nodes       []*Node           // every node file, in path order
	definitions *Node             // content/_definitions.md, nil when absent
	assets      map[string][]byte // other files, by path in content/
	dirs        []string          // every folder read, in path order, "." for content/ itself
	drafts      map[string]bool   // node files left out as drafts
	broken      map[string]bool   // node files that could not be read or parsed: in nodes (or definitions) as stand-ins
	links       bool              // content/ holds a symbolic link: a save may change what another path reads
	// translations are the files written for the other languages, by
	// language, then by the node file each is written for (translate.go).
	translations map[string]map[string]*Node
}

// loader reads the content tree of one site.
type loader struct {
	fsys   fs.FS  // the site root
	name   string // the site root as the writer names it, for error messages
	drafts bool   // keep draft nodes
	src    *source
	probs  *problems

	site *Settings // the languages, to tell translations from nodes; nil for a site in Dutch alone
}

// displayPath is the path of a content file as printed in errors.
func (l *loader) displayPath(rel string) string {
	return joinDisplay(l.name, path.Join(contentDir, rel))
}

func joinDisplay(root, rel string) string {
	if root == "" || root == "." {
		return rel
	}
	return strings.TrimSuffix(root, "/") + "/" + rel
}

// ignored reports whether a name in content/ is not part of the site:
// hidden files, editor backups and underscore files other than ours.
func ignored(name string) bool {
	switch {
	case name == sectionFile, name == definitionsFile, specialTranslation(name):
		return false
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "_"), strings.HasPrefix(name, "#"),
		strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bak"):
		return true
	}
	return false
}

// add puts what was read of one file into the source.
func (l *loader) add(rel string, r readResult) {
	if node, lang, ok := languageSuffix(rel); ok {
		l.addTranslation(rel, node, lang, r.node)
		return
	}
	switch {
	case r.asset != nil:
		l.src.assets[rel] = r.asset
	case r.node == nil && path.Ext(rel) == ".md":
		// The file is there, and its own error says what is wrong: a
		// stand-in keeps it from reading as missing to the checks of the
		// tree and the links (no start page, no _index.md, no such node).
		if l.src.broken == nil {
			l.src.broken = map[string]bool{}
		}
		l.src.broken[rel] = true
		l.add(rel, readResult{node: &Node{File: rel}})
	case r.node == nil:
		// Another file that could not be read: still there for the
		// links to it. The build fails, so the empty bytes are never written.
		l.src.assets[rel] = []byte{}
	case r.node.Draft && !l.drafts:
		l.src.drafts[rel] = true
	case rel == definitionsFile:
		l.src.definitions = r.node
	default:
		l.src.nodes = append(l.src.nodes, r.node)
	}
}

// readResult is what one file of content/ holds: a node or an asset.
type readResult struct {
	node  *Node  // a node file, nil when it could not be read
	asset []byte // the bytes of any other file
}

// clone returns a result whose node is new: a build links the nodes it
// is given into its graph, so no two builds may share one.
func (r readResult) clone() readResult {
	if r.node != nil {
		n := &Node{
			File: r.node.File, Title: r.node.Title, LinkTitle: r.node.LinkTitle,
			Description: r.node.Description, Prompt: r.node.Prompt, Weight: r.node.Weight,
			Draft: r.node.Draft, front: r.node.front, body: r.node.body, hasBody: r.node.hasBody,
		}
		r.node = n
	}
	return r
}

// walk reads one folder of content/. ancestors are the folders above it,
// to find symbolic links that lead back into them.
func (l *loader) walk(dir string, ancestors []fs.FileInfo, files *[]string) {
	l.src.dirs = append(l.src.dirs, dir)
	entries, err := fs.ReadDir(l.fsys, path.Join(contentDir, dir))
	if err != nil {
		l.probs.add(l.displayPath(dir), 0, "cannot read folder: %v", unwrapPathError(err))
		return
	}
	for _, e := range entries {
		name := e.Name()
		if ignored(name) {
			continue
		}
		rel := path.Join(dir, name)
		full := path.Join(contentDir, rel)
		isDir, kind := e.IsDir(), e.Type()
		if e.Type()&fs.ModeSymlink != 0 {
			l.src.links = true
			// Checked before it is followed: an os.Root refuses to, and
			// os.DirFS would read the file from elsewhere.
			if to, out := leadsOut(l.fsys, full); out {
				l.probs.add(l.displayPath(rel), 0, "symbolic link leads out of the site root (to %s): copy the file into the site instead", to)
				continue
			}
			info, err := fs.Stat(l.fsys, full)
			if err != nil {
				if errors.Is(err, syscall.ELOOP) {
					l.probs.add(l.displayPath(rel), 0, "symbolic link loop")
				} else {
					l.probs.add(l.displayPath(rel), 0, "broken symbolic link: %v", unwrapPathError(err))
				}
				continue
			}
			kind = info.Mode().Type()
			if info.IsDir() {
				if loopsBack(info, ancestors) {
					l.probs.add(l.displayPath(rel), 0, "symbolic link loop: it leads back to a folder above it")
					continue
				}
				isDir = true
			}
		}
		if isDir {
			if l.tooDeep(rel, len(ancestors)) {
				continue
			}
			info, err := fs.Stat(l.fsys, full)
			if err != nil {
				l.probs.add(l.displayPath(rel), 0, "cannot read folder: %v", unwrapPathError(err))
				continue
			}
			l.walk(rel, append(ancestors[:len(ancestors):len(ancestors)], info), files)
			continue
		}
		if !kind.IsRegular() {
			// A named pipe, a socket or a device: reading one could
			// wait for ever, or find nothing.
			l.probs.add(l.displayPath(rel), 0, "not a regular file but %s: a site holds only files and folders", kindName(kind))
			continue
		}
		*files = append(*files, rel)
	}
}

// kindName names a kind of file that is neither a regular file nor a folder.
func kindName(kind fs.FileMode) string {
	switch {
	case kind&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case kind&fs.ModeSocket != 0:
		return "a socket"
	case kind&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// leadsOut reports whether the symbolic link at name (a path in the site
// root fsys) leads out of the site root, following it and every link on
// its way a path part at a time, as os.Root does; to is the target, as
// written, of the link that leads out. A link that is broken or loops
// does not lead out: following it fails, and the walk says why.
func leadsOut(fsys fs.FS, name string) (to string, out bool) {
	type part struct{ name, from string } // from: the target of the link it comes from
	var done []string                     // the folders followed so far, none of them a link
	var todo []part                       // the parts still to follow
	for p := range strings.SplitSeq(name, "/") {
		todo = append(todo, part{name: p})
	}
	for hops := 0; len(todo) > 0; {
		p := todo[0]
		todo = todo[1:]
		switch p.name {
		case ".", "":
			continue
		case "..":
			if len(done) == 0 {
				return p.from, true
			}
			done = done[:len(done)-1]
			continue
		}
		next := path.Join(strings.Join(done, "/"), p.name)
		info, err := fs.Lstat(fsys, next)
		if err != nil {
			return "", false
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			done = append(done, p.name)
			continue
		}
		if hops++; hops > 40 { // as Linux gives up
			return "", false
		}
		target, err := fs.ReadLink(fsys, next)
		if err != nil {
			return "", false
		}
		if path.IsAbs(target) || filepath.IsAbs(target) {
			return target, true
		}
		var parts []part
		for t := range strings.SplitSeq(filepath.ToSlash(target), "/") {
			parts = append(parts, part{t, target})
		}
		todo = append(parts, todo...)
	}
	return "", false
}

func loopsBack(info fs.FileInfo, ancestors []fs.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(a, info) {
			return true
		}
	}
	return len(ancestors) > 64
}

// parse makes a node or an asset of one file's bytes.
func (l *loader) parse(rel string, data []byte) readResult {
	if path.Ext(rel) != ".md" {
		if data == nil {
			data = []byte{}
		}
		return readResult{asset: data}
	}
	return readResult{node: parseNode(rel, data, l.displayPath(rel), l.probs)}
}

// parseNode reads a node file's bytes: its front matter and its body.
func parseNode(rel string, data []byte, display string, probs *problems) *Node {
	data, ok := readText(data, display, "a node file", probs)
	if !ok {
		return nil
	}
	yamlSrc, yamlLine, body, ferr := splitFrontMatter(data)
	if ferr != nil {
		ferr.File = display
		probs.addErr(ferr)
		return nil
	}
	fm, errs := parseFrontMatter(yamlSrc, yamlLine)
	if errs != nil {
		for _, e := range errs {
			e.File = display
			probs.addErr(e)
		}
		return nil
	}
	if strings.TrimSpace(fm.Title) == "" {
		line := fm.lines.at("title")
		if line == 0 {
			line = 1
		}
		probs.add(display, line, "missing title: every node needs a title in its front matter")
	}
	checkTitles(fm, display, probs)
	if line, msg := deepNesting(body); line > 0 {
		probs.add(display, line, "%s", msg)
		body = nil // the parser would spend the square of the depth on it
	}
	return newNode(rel, fm, body)
}

// newNode is the node of a file's front matter and body, in no graph yet.
func newNode(rel string, fm frontMatter, body []byte) *Node {
	n := &Node{File: rel, front: fm, body: body, hasBody: len(bytes.TrimSpace(body)) > 0}
	n.Title, n.LinkTitle, n.Description = fm.Title, fm.LinkTitle, fm.Description
	n.Prompt, n.Weight, n.Draft = fm.Prompt, fm.Weight, fm.Draft
	if n.LinkTitle == "" {
		n.LinkTitle = n.Title
	}
	return n
}

// drafted reports whether a node file was left out as a draft.
func (l *loader) drafted(rel string) bool { return l.src.drafts[rel] }

// lineAt is the 1-based line of byte offset i in data.
func lineAt(data []byte, i int) int {
	return 1 + bytes.Count(data[:i], []byte("\n"))
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// unwrapPathError drops the path that a PathError repeats, since our
// messages already start with it.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
