package generator

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

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
	// maxNodeFileSize is the size in bytes of the largest node file
	// (and _definitions.md). Files of other kinds are copied, not
	// parsed, and may be of any size.
	maxNodeFileSize = 1 << 20
	// maxNesting is how deep lists, block quotes and brackets may nest
	// in a body: the Markdown parser spends the square of the depth on
	// a line that opens them.
	maxNesting = 32
	// maxBrackets is how many closing brackets a paragraph may hold: the
	// parser reads the paragraph's lines again for each.
	maxBrackets = 200
	// maxTitle is the length in characters of the longest title and
	// link title: a node's link title is in the breadcrumbs of every
	// node below it.
	maxTitle = 500
	// maxLinks is how many links, automatic links and images a body may
	// hold, and maxAddress the length in bytes of the longest address:
	// a reference link ([text][name]) repeats its definition's address
	// each time it is used.
	maxLinks   = 1000
	maxAddress = 4096
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

// tooLargeError is a node file of more than maxNodeFileSize bytes.
type tooLargeError struct {
	size int64 // as far as it was read, when the size is not known
}

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("node file of %s: a node file may be at most %d MiB (%s); split it into nodes of their own",
		byteSize(e.size), maxNodeFileSize>>20, byteSize(maxNodeFileSize))
}

// byteSize writes a size for a writer: 1075 KiB, 52.8 MiB.
func byteSize(n int64) string {
	if n >= 10<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", (n+1<<10-1)>>10)
}

// readNodeFile reads a node file, and no more than maxNodeFileSize
// bytes of it, so that a huge file is refused before it fills the memory.
// As os.ReadFile, it reads into a buffer of the file's size.
func readNodeFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(512)
	if info, err := f.Stat(); err == nil {
		if info.Size() > maxNodeFileSize {
			return nil, &tooLargeError{size: info.Size()}
		}
		size = info.Size() + 1 // one more byte, to meet the end at once
	}
	data := make([]byte, 0, size)
	r := io.LimitReader(f, maxNodeFileSize+1) // the file may grow while it is read
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
	if len(data) > maxNodeFileSize {
		return nil, &tooLargeError{size: int64(len(data))}
	}
	return data, nil
}

// readProblem reports a file of content/ that could not be read.
func (l *loader) readProblem(rel string, err error) {
	var big *tooLargeError
	if errors.As(err, &big) {
		l.probs.add(l.displayPath(rel), 0, "%v", big)
		return
	}
	l.probs.add(l.displayPath(rel), 0, "cannot read file: %v", unwrapPathError(err))
}

// checkTitles refuses a title or link title longer than maxTitle.
func checkTitles(fm frontMatter, display string, probs *problems) {
	for _, t := range []struct{ key, value string }{{"title", fm.Title}, {"linkTitle", fm.LinkTitle}} {
		if n := utf8.RuneCountInString(t.value); n > maxTitle {
			probs.add(display, fm.lines.at(t.key),
				"%s of %d characters: a title may be at most %d; put the rest in the body", t.key, n, maxTitle)
		}
	}
}

// linkOverLimit counts the links of a body, and refuses one past
// maxLinks or with an address longer than maxAddress. A refused link
// loses its address, so that the page, which will not be written, is
// not rendered large either.
func (bc *bodyContext) linkOverLimit(n ast.Node) bool {
	var dest *[]byte
	switch n := n.(type) {
	case *ast.Link:
		dest = &n.Destination
	case *ast.Image:
		dest = &n.Destination
	case *ast.AutoLink:
		url := n.URL(bc.src) // in the source: it repeats nothing
		dest = &url
	default:
		return false
	}
	bc.counted++
	switch {
	case bc.counted == maxLinks+1:
		bc.problem(n, "more than %d links: a page may hold at most %d links and images; split it into nodes of their own", maxLinks, maxLinks)
	case bc.counted > maxLinks:
	case len(*dest) > maxAddress:
		bc.problem(n, "link address of %d characters: an address may be at most %d; use a shorter one", len(*dest), maxAddress)
	default:
		return false
	}
	*dest = nil
	return true
}
