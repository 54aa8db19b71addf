package generator

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/goccy/go-yaml"
)

// frontMatter is the YAML block at the top of a node file, as written.
type frontMatter struct {
	Title       string     `yaml:"title"`       // the page heading
	LinkTitle   string     `yaml:"linkTitle"`   // the label in breadcrumbs and choices
	Weight      int        `yaml:"weight"`      // order among siblings
	Draft       bool       `yaml:"draft"`       // left out unless drafts are built
	Description string     `yaml:"description"` // the meta description
	Prompt      string     `yaml:"prompt"`      // the question above the choices
	Choices     []linkSpec `yaml:"choices"`     // replaces the children as choices
	Prev        *linkSpec  `yaml:"prev"`        // previous page of a sequence
	Next        *linkSpec  `yaml:"next"`        // next page of a sequence
	Slug        string     `yaml:"slug"`        // last part of the page's address
	// lines holds the line in the file of each key, so that later checks
	// can point at them.
	lines keyLines
}

// hugoKeys are front matter keys that Hugo sites often carry and that a
// wizard does not use: they are accepted and ignored, so that a Hugo tree
// builds as it is, while any other unknown key is reported as a typo.
var hugoKeys = map[string]bool{
	"date": true, "lastmod": true, "publishDate": true, "expiryDate": true, "tags": true,
	"categories": true, "keywords": true, "aliases": true, "summary": true, "author": true,
	"authors": true, "type": true, "layout": true, "menu": true, "params": true, "images": true,
	"toc": true,
}

// keyLine is the line in the file of one front matter key.
type keyLine struct {
	key  string
	line int
}

// keyLines are the lines of the keys of one front matter, in order. A
// slice, not a map: a large wizard has one per node.
type keyLines []keyLine

// at is the line of key, or 0 when the front matter does not have it.
func (k keyLines) at(key string) int {
	for _, kl := range k {
		if kl.key == key {
			return kl.line
		}
	}
	return 0
}

// text is the field of a key whose value is text: title, linkTitle,
// description, prompt or slug; nil for any other key.
func (fm *frontMatter) text(key string) *string {
	switch key {
	case "title":
		return &fm.Title
	case "linkTitle":
		return &fm.LinkTitle
	case "description":
		return &fm.Description
	case "prompt":
		return &fm.Prompt
	case "slug":
		return &fm.Slug
	}
	return nil
}

// linkSpec is a link to another node as written in front matter: a path,
// or a mapping with the path and a label.
type linkSpec struct {
	Page  string // path of the target file, relative to the file that links
	Label string // text to show; empty means the target's link title
	Line  int    // line in the file where the link is written
}

// splitFrontMatter cuts the front matter off src. It returns the front
// matter as YAML, the line on which it starts, and the body with the
// front matter lines blanked, so that line numbers in the body stay
// those of the file. Front matter is YAML between lines of ---, or, as
// Hugo and Zola also read it, TOML between lines of +++ or a JSON object
// (frontmatter_formats.go), each turned into YAML line for line. A file
// that starts with none of them has no front matter.
func splitFrontMatter(src []byte) (yamlSrc []byte, yamlLine int, body []byte, err *Error) {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	switch fence(first) {
	case "---", "+++":
	default:
		if bytes.HasPrefix(first, []byte("{")) {
			return splitJSON(src)
		}
		return nil, 0, src, nil
	}
	start := len(first) + 1 // the front matter starts on line 2
	for offset, lineNo := start, 2; offset < len(src); lineNo++ {
		line, _, _ := bytes.Cut(src[offset:], []byte("\n"))
		if fence(line) == fence(first) {
			end := offset + len(line)
			body = blankLines(lineNo, src[end:])
			if fence(first) == "+++" {
				yamlSrc, err = tomlAsYAML(src[start:offset], 2)
				return yamlSrc, 2, body, err
			}
			return src[start:offset], 2, body, nil
		}
		offset += len(line) + 1
	}
	return nil, 0, nil, &Error{Line: 1, Err: fmt.Errorf("front matter is not closed: no line %s after the opening one", fence(first))}
}

// fence is a line as a front matter fence reads it.
func fence(line []byte) string { return string(bytes.TrimRight(line, " \t\r")) }

// blankLines is rest after n-1 empty lines: a body whose front matter
// lines are blanked.
func blankLines(n int, rest []byte) []byte {
	body := make([]byte, 0, n-1+len(rest))
	body = append(body, bytes.Repeat([]byte("\n"), n-1)...)
	return append(body, rest...)
}

// parseFrontMatter decodes the YAML of a node file. firstLine is the line
// of the file on which the YAML starts. errs holds every problem, each
// at its line.
func parseFrontMatter(src []byte, firstLine int) (fm frontMatter, errs ErrorList) {
	if fm, ok := simpleFrontMatter(src, firstLine); ok {
		return fm, nil
	}
	return parseYAMLFrontMatter(src, firstLine)
}

// parseYAMLFrontMatter decodes front matter with the YAML library, key
// by key: a wrong value is reported, and the keys after it still read.
func parseYAMLFrontMatter(src []byte, firstLine int) (fm frontMatter, errs ErrorList) {
	r := &yamlReader{what: "front matter", firstLine: firstLine}
	r.each(src, func(p yamlPair) {
		line := r.line(p.tok)
		fm.lines = append(fm.lines, keyLine{p.key, line})
		switch p.key {
		case "title", "linkTitle", "description", "prompt", "slug":
			*fm.text(p.key), _ = r.text(p.key, p.value)
		case "weight":
			fm.Weight = r.weight(p.value)
		case "draft":
			fm.Draft = r.draft(p.value)
		case "choices":
			fm.Choices = r.choices(p.value)
		case "prev":
			fm.Prev = r.link("prev", p.value, line)
		case "next":
			fm.Next = r.link("next", p.value, line)
		default:
			if !hugoKeys[p.key] {
				r.add(p.tok, "front matter: unknown field %q (see docs/content-format.md for the keys)", p.key)
			}
		}
	})
	if len(r.errs) > 0 {
		return fm, r.errs
	}
	return fm, nil
}

// yamlError turns an error of the YAML library's parser into an Error
// at the line of the file that it names.
func yamlError(err error, src []byte, firstLine int) *Error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		pos := ye.GetToken().Position
		line, col, msg, _ := plainYAML(ye.GetMessage(), pos.Line, pos.Column, src)
		return &Error{Line: firstLine + line - 1, Col: col, Err: errors.New(msg)}
	}
	return &Error{Line: firstLine, Err: fmt.Errorf("not valid YAML: %v", err)}
}
