package generator

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
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
)

// source is what was read from content/: the nodes, the definitions and
// the other files to copy.
type source struct {
	nodes       []*Node           // every node file, in path order
	definitions *Node             // content/_definitions.md, nil when absent
	assets      map[string][]byte // other files, by path in content/
	dirs        []string          // every folder read, in path order, "." for content/ itself
	drafts      map[string]bool   // node files left out as drafts
}

// loader reads the content tree of one site.
type loader struct {
	fsys   fs.FS  // the site root
	name   string // the site root as the writer names it, for error messages
	drafts bool   // keep draft nodes
	src    *source
	probs  *problems
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
	case name == sectionFile, name == definitionsFile:
		return false
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "_"), strings.HasPrefix(name, "#"),
		strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bak"):
		return true
	}
	return false
}

// load reads content/ below the site root.
func (l *loader) load() {
	l.src = &source{assets: map[string][]byte{}, drafts: map[string]bool{}}
	info, err := fs.Stat(l.fsys, contentDir)
	if err != nil || !info.IsDir() {
		l.probs.add(joinDisplay(l.name, contentDir), 0, "no content folder: the site root must hold content/ with an _index.md start page")
		return
	}
	l.walk(".", []fs.FileInfo{info})
}

// walk reads one folder of content/. ancestors are the folders above it,
// to find symbolic links that lead back into them.
func (l *loader) walk(dir string, ancestors []fs.FileInfo) {
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
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			info, err := fs.Stat(l.fsys, full)
			if err != nil {
				if errors.Is(err, syscall.ELOOP) {
					l.probs.add(l.displayPath(rel), 0, "symbolic link loop")
				} else {
					l.probs.add(l.displayPath(rel), 0, "broken symbolic link: %v", unwrapPathError(err))
				}
				continue
			}
			if info.IsDir() {
				if loopsBack(info, ancestors) {
					l.probs.add(l.displayPath(rel), 0, "symbolic link loop: it leads back to a folder above it")
					continue
				}
				isDir = true
			}
		}
		if isDir {
			info, err := fs.Stat(l.fsys, full)
			if err != nil {
				l.probs.add(l.displayPath(rel), 0, "cannot read folder: %v", unwrapPathError(err))
				continue
			}
			l.walk(rel, append(ancestors[:len(ancestors):len(ancestors)], info))
			continue
		}
		l.readFile(rel)
	}
}

func loopsBack(info fs.FileInfo, ancestors []fs.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(a, info) {
			return true
		}
	}
	return len(ancestors) > 64
}

// readFile reads one file of content/: a node, the definitions or an asset.
func (l *loader) readFile(rel string) {
	data, err := fs.ReadFile(l.fsys, path.Join(contentDir, rel))
	if err != nil {
		l.probs.add(l.displayPath(rel), 0, "cannot read file: %v", unwrapPathError(err))
		return
	}
	if path.Ext(rel) != ".md" {
		l.src.assets[rel] = data
		return
	}
	display := l.displayPath(rel)
	if i := bytes.IndexByte(data, 0); i >= 0 {
		l.probs.add(display, lineAt(data, i), "binary file: a node file must be UTF-8 text")
		return
	}
	if !utf8.Valid(data) {
		l.probs.add(display, lineAt(data, firstInvalidUTF8(data)), "invalid UTF-8: save the file as UTF-8 text")
		return
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	n := &Node{File: rel}
	yamlSrc, yamlLine, body, ferr := splitFrontMatter(data)
	if ferr != nil {
		ferr.File = display
		l.probs.addErr(ferr)
		return
	}
	fm, ferr := parseFrontMatter(yamlSrc, yamlLine)
	if ferr != nil {
		ferr.File = display
		l.probs.addErr(ferr)
		return
	}
	if strings.TrimSpace(fm.Title) == "" {
		line := fm.lines["title"]
		if line == 0 {
			line = 1
		}
		l.probs.add(display, line, "missing title: every node needs a title in its front matter")
	}
	n.front, n.body = fm, body
	n.Title, n.LinkTitle, n.Description = fm.Title, fm.LinkTitle, fm.Description
	n.Prompt, n.Weight, n.Draft = fm.Prompt, fm.Weight, fm.Draft
	if n.LinkTitle == "" {
		n.LinkTitle = n.Title
	}
	if n.Draft && !l.drafts {
		l.src.drafts[rel] = true
		return
	}
	if rel == definitionsFile {
		l.src.definitions = n
		return
	}
	l.src.nodes = append(l.src.nodes, n)
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
