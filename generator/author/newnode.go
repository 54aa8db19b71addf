package author

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wizardsite/wizard/generator"
)

// The names of the content format, as the build reads them.
const (
	contentDir      = generator.ContentDir
	sectionFile     = generator.SectionFile
	definitionsFile = generator.DefinitionsFile
)

// NodeKind is what a new node is for; it picks the front matter and the
// body stub that NewNode writes.
type NodeKind string

// The kinds of node that NewNode writes.
const (
	KindMenu   NodeKind = "menu"   // a folder's node that asks a question; its choices are the nodes below it
	KindAnswer NodeKind = "answer" // the end of a path: what to do for one task
	KindInfo   NodeKind = "info"   // a page of explanation, often one of a prev/next sequence
)

// NodeKinds lists the kinds in the order the help text names them.
func NodeKinds() []NodeKind { return []NodeKind{KindMenu, KindAnswer, KindInfo} }

// NewNodeOptions say which node to create.
type NewNodeOptions struct {
	Root     string   // the site root on disk: the folder that holds content/
	RootName string   // the site root as the writer names it, put before paths in messages
	Path     string   // the node in content/: a file such as "a/b.md", or a folder such as "a/b/"
	Kind     NodeKind // empty: a menu for a folder, an answer for a file
	Title    string   // empty: made from the file or folder name
}

// NewNodeResult is what NewNode did.
type NewNodeResult struct {
	Created []string // the files written, parents first, as the writer names them
	Notes   []string // what the writer still has to do, such as listing the node in a parent's choices
}

// NewNode writes a node file with front matter and a Dutch body stub,
// and an _index.md for every folder on the way that has none. It never
// overwrites a file: when the node exists, nothing is written.
func NewNode(o NewNodeOptions) (*NewNodeResult, error) {
	file, err := nodeFileFor(o.Path)
	if err != nil {
		return nil, err
	}
	kind, err := kindFor(o, file)
	if err != nil {
		return nil, err
	}
	fsys := os.DirFS(o.Root)
	display := func(rel string) string { return generator.ContentPath(o.RootName, rel) }
	if info, err := fs.Stat(fsys, contentDir); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("%s: no content folder: is %s the site root?", generator.ContentPath(o.RootName, ""), displayRoot(o.RootName))
	}
	if exists(fsys, file) {
		return nil, fmt.Errorf("%s already exists: choose another name (wizard new never overwrites a file)", display(file))
	}

	todo := filesToWrite(fsys, file)
	for _, f := range todo {
		if twin := twinFile(f); twin != "" && exists(fsys, twin) {
			return nil, fmt.Errorf("%s exists, and %s would have the same address: a page cannot also be a folder; move it to %s",
				display(twin), display(f), display(f))
		}
	}

	res := &NewNodeResult{}
	for i, f := range todo {
		k, title := KindMenu, ""
		if i == len(todo)-1 {
			k, title = kind, o.Title
		}
		if title == "" {
			title = titleFromName(f)
		}
		if err := os.MkdirAll(filepath.Join(o.Root, contentDir, filepath.FromSlash(path.Dir(f))), 0o755); err != nil {
			return res, fmt.Errorf("%s: %w", display(path.Dir(f)), unwrapPathError(err))
		}
		text := nodeStub(k, title, nextWeight(fsys, f), f == sectionFile)
		if err := createExclusive(filepath.Join(o.Root, contentDir, filepath.FromSlash(f)), text); err != nil {
			return res, fmt.Errorf("%s: %w", display(f), unwrapPathError(err))
		}
		res.Created = append(res.Created, display(f))
	}

	// A parent that lists its own choices does not show a new child by
	// itself, and the build refuses a node that nothing leads to.
	if parent := parentFile(file); parent != "" && !slices.Contains(todo, parent) {
		if n, ok := readNode(fsys, parent); ok && generator.ChoiceLines(n) != nil {
			res.Notes = append(res.Notes, fmt.Sprintf("%s:%d: this node lists its own choices: add %s there, or link to it, so that visitors can reach it",
				display(parent), generator.KeyLine(n, "choices"), relFrom(path.Dir(parent), file)))
		}
	}
	return res, nil
}

// kindFor is the kind of node that o asks for: its Kind, or by default
// a menu for a folder's _index.md and an answer for any other file.
func kindFor(o NewNodeOptions, file string) (NodeKind, error) {
	kind := o.Kind
	if kind == "" {
		kind = KindAnswer
		if path.Base(file) == sectionFile {
			kind = KindMenu
		}
	}
	switch kind {
	case KindMenu:
		if path.Base(file) != sectionFile {
			return "", fmt.Errorf("%s: a menu is a folder, so that nodes can go below it: write %s/", o.Path, strings.TrimSuffix(file, ".md"))
		}
	case KindAnswer, KindInfo:
	default:
		return "", fmt.Errorf("--kind %s: choose menu, answer or info", kind)
	}
	return kind, nil
}

// filesToWrite lists the _index.md of each folder from content/ down to
// the node file that has none, and the node file itself last.
func filesToWrite(fsys fs.FS, file string) []string {
	var todo []string
	dir := path.Dir(file)
	if path.Base(file) == sectionFile {
		dir = path.Dir(dir)
	}
	if file != sectionFile {
		for _, d := range folderChain(dir) {
			if idx := path.Join(d, sectionFile); !exists(fsys, idx) {
				todo = append(todo, idx)
			}
		}
	}
	return append(todo, file)
}

// nodeFileFor turns the PATH a writer gives into a node file in content/.
func nodeFileFor(p string) (string, error) {
	orig := p
	p = filepath.ToSlash(strings.TrimSpace(p))
	if p == "" {
		return "", errors.New("no path: name the node, such as ik-ben-een/gebruiker/nieuwe-taak.md or ik-ben-een/nieuw-profiel/")
	}
	if strings.HasPrefix(p, "/") || filepath.IsAbs(orig) || (len(p) > 1 && p[1] == ':') {
		return "", fmt.Errorf("%s: give the path inside content/, such as ik-ben-een/nieuw-profiel/, not an absolute path", orig)
	}
	folder := strings.HasSuffix(p, "/") || path.Ext(p) != ".md"
	p = path.Clean(p)
	p = strings.TrimPrefix(strings.TrimPrefix(p, "./"), contentDir+"/")
	if p == contentDir {
		p = "."
	}
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", fmt.Errorf("%s: leads outside content/", orig)
	}
	file := p
	if folder {
		file = path.Join(p, sectionFile)
	}
	if file == definitionsFile {
		return "", fmt.Errorf("%s: _definitions.md holds the definitions, it is not a node", orig)
	}
	for _, seg := range strings.Split(file, "/") {
		if seg != sectionFile && generator.Ignored(seg) {
			return "", fmt.Errorf("%s: the build skips names that start with . _ or # and backup names such as name~: rename %q", orig, seg)
		}
		if strings.ContainsAny(seg, `\:*?"<>|`) {
			return "", fmt.Errorf("%s: %q: use letters, digits and hyphens in names", orig, seg)
		}
	}
	return file, nil
}

// folderChain lists content/ and every folder down to dir, "." first.
func folderChain(dir string) []string {
	chain := []string{"."}
	if dir == "." {
		return chain
	}
	parts := strings.Split(dir, "/")
	for i := range parts {
		chain = append(chain, strings.Join(parts[:i+1], "/"))
	}
	return chain
}

// twinFile is the other file that would give a node the same address:
// a/b.md for a/b/_index.md and the other way round; "" for the start page.
func twinFile(file string) string {
	if path.Base(file) == sectionFile {
		d := path.Dir(file)
		if d == "." {
			return ""
		}
		return d + ".md"
	}
	return path.Join(strings.TrimSuffix(file, ".md"), sectionFile)
}

// parentFile is the _index.md of the folder above a node; "" for the start page.
func parentFile(file string) string {
	if file == sectionFile {
		return ""
	}
	dir := path.Dir(file)
	if path.Base(file) == sectionFile {
		dir = path.Dir(dir)
	}
	return path.Join(dir, sectionFile)
}

// siblingFiles lists the node files that share a parent with file.
func siblingFiles(fsys fs.FS, file string) []string {
	dir := path.Dir(file)
	if path.Base(file) == sectionFile {
		dir = path.Dir(dir)
	}
	entries, err := fs.ReadDir(fsys, path.Join(contentDir, dir))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if generator.Ignored(name) || name == sectionFile || name == definitionsFile {
			continue
		}
		switch rel := path.Join(dir, name); {
		case e.IsDir():
			out = append(out, path.Join(rel, sectionFile))
		case path.Ext(name) == ".md":
			out = append(out, rel)
		}
	}
	return out
}

// nextWeight is one above the highest weight among the siblings, so
// that the new node comes last among its parent's choices.
func nextWeight(fsys fs.FS, file string) int {
	if file == sectionFile {
		return 0
	}
	high := 0
	for _, s := range siblingFiles(fsys, file) {
		if s == file {
			continue
		}
		if n, ok := readNode(fsys, s); ok && n.Weight > high {
			high = n.Weight
		}
	}
	return high + 1
}

// readNode reads the front matter of a node file; false when the file
// is missing or its front matter cannot be read.
func readNode(fsys fs.FS, file string) (*generator.Node, bool) {
	data, err := fs.ReadFile(fsys, path.Join(contentDir, file))
	if err != nil {
		return nil, false
	}
	n, err := generator.ParseNode(file, data)
	return n, err == nil
}

// unwrapPathError drops the path that a PathError repeats, since the
// messages already start with it.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func exists(fsys fs.FS, file string) bool {
	_, err := fs.Stat(fsys, path.Join(contentDir, file))
	return err == nil
}

func displayRoot(name string) string {
	if name == "" {
		return "."
	}
	return name
}

// relFrom is the relative link from a file in folder dir to file, as a
// writer puts it in front matter.
func relFrom(dir, file string) string {
	if dir == "." {
		return file
	}
	from := strings.Split(dir, "/")
	to := strings.Split(file, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}

// titleFromName makes a title from a file or folder name:
// "nieuwe-taak.md" becomes "Nieuwe taak".
func titleFromName(file string) string {
	name := strings.TrimSuffix(path.Base(file), ".md")
	if name == strings.TrimSuffix(sectionFile, ".md") {
		name = path.Base(path.Dir(file))
	}
	if name == "." {
		return "Welkom"
	}
	name = strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' }), " ")
	r, size := utf8.DecodeRuneInString(name)
	if size == 0 {
		return "Nieuwe pagina"
	}
	return string(unicode.ToUpper(r)) + name[size:]
}

// createExclusive writes a new file, and fails when one is there.
func createExclusive(name, text string) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return errors.New("already exists: wizard new never overwrites a file")
		}
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// nodeStub is the text of a new node file. The comments tell the writer
// what goes where; the build leaves them out of the page.
func nodeStub(kind NodeKind, title string, weight int, start bool) string {
	var b strings.Builder
	q := strconv.Quote(title) // a valid YAML double-quoted string
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", q)
	fmt.Fprintf(&b, "linkTitle: %s\n", q)
	if !start {
		fmt.Fprintf(&b, "weight: %d\n", weight)
	}
	if kind == KindMenu {
		b.WriteString("prompt: \"Wat wil je doen?\"\n")
	}
	b.WriteString("---\n\n")
	switch kind {
	case KindMenu:
		b.WriteString(menuStub)
	case KindAnswer:
		b.WriteString(answerStub)
	case KindInfo:
		b.WriteString(infoStub)
	}
	return b.String()
}

const menuStub = `<!--
Een menu toont de pagina's in zijn map als keuzes, in de volgorde van hun weight.
De vraag boven de keuzes staat in prompt, hierboven.
Een nieuwe keuze maak je met: wizard new <deze map>/<naam>.md
Tekst onder deze opmerking staat boven de keuzes.
-->
`

const answerStub = `Hier lees je hoe je deze taak uitvoert.

<!--
Schrijf in korte zinnen wat de bezoeker moet doen, in de volgorde waarin het gebeurt.
Zet een link op de woorden die de bezoeker aanklikt:
  [Meld je aan](https://…) voor Mijn eGov-profiel.
Een link naar een andere pagina van de wizard wijst naar haar bestand:
  [Ik ben ook Lokale Beheerder](../lokale-beheerder/_index.md)
Een opmerking onderaan de pagina is een blok dat begint met > [!NOTE].
-->
`

const infoStub = `Hier lees je wat je moet weten voor je verder gaat.

<!--
Leg in een paar korte alinea's uit wat de bezoeker moet weten.
Hoort deze pagina bij een reeks, zet dan in de front matter
  next: volgende-pagina.md
en op die volgende pagina
  prev: deze-pagina.md
-->
`
