package generator

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
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

func (l *linkSpec) UnmarshalYAML(unmarshal func(any) error) error {
	var path string
	if err := unmarshal(&path); err == nil {
		l.Page = path
		return nil
	}
	var m struct {
		Page  string `yaml:"page"`
		Label string `yaml:"label"`
	}
	if err := unmarshal(&m); err != nil {
		return errors.New("a link is a path to a node file, or a mapping with page and label")
	}
	l.Page, l.Label = m.Page, m.Label
	return nil
}

// splitFrontMatter cuts the front matter off src. It returns the YAML,
// the line on which the YAML starts, and the body with the front matter
// lines blanked, so that line numbers in the body stay those of the file.
// A file that does not start with "---" has no front matter.
func splitFrontMatter(src []byte) (yamlSrc []byte, yamlLine int, body []byte, err *Error) {
	fence := func(line []byte) string { return string(bytes.TrimRight(line, " \t\r")) }
	first, _, _ := bytes.Cut(src, []byte("\n"))
	switch fence(first) {
	case "---":
	case "+++":
		return nil, 0, nil, &Error{Line: 1, Err: errors.New("front matter in TOML is not supported: write YAML between two lines of ---")}
	default:
		return nil, 0, src, nil
	}
	start := len(first) + 1 // the YAML starts on line 2
	for offset, lineNo := start, 2; offset < len(src); lineNo++ {
		line, _, _ := bytes.Cut(src[offset:], []byte("\n"))
		if fence(line) == "---" {
			end := offset + len(line)
			body = make([]byte, 0, lineNo-1+len(src)-end)
			body = append(body, bytes.Repeat([]byte("\n"), lineNo-1)...)
			body = append(body, src[end:]...)
			return src[start:offset], 2, body, nil
		}
		offset += len(line) + 1
	}
	return nil, 0, nil, &Error{Line: 1, Err: errors.New("front matter is not closed: no line --- after the opening one")}
}

// parseFrontMatter decodes the YAML of a node file. firstLine is the line
// of the file on which the YAML starts.
func parseFrontMatter(src []byte, firstLine int) (frontMatter, *Error) {
	if fm, ok := simpleFrontMatter(src, firstLine); ok {
		return fm, nil
	}
	return parseYAMLFrontMatter(src, firstLine)
}

// parseYAMLFrontMatter decodes front matter with the YAML library.
func parseYAMLFrontMatter(src []byte, firstLine int) (fm frontMatter, ferr *Error) {
	// The YAML library panics on some malformed input (found by
	// FuzzGenerate); a writer gets an error at the front matter instead.
	defer func() {
		if r := recover(); r != nil {
			fm, ferr = frontMatter{}, &Error{Line: firstLine, Err: fmt.Errorf("front matter is not valid YAML (%v)", r)}
		}
	}()
	var choiceLines []int
	if len(bytes.TrimSpace(src)) == 0 {
		return fm, nil
	}
	file, err := parser.ParseBytes(src, 0)
	if err != nil {
		return fm, yamlError(err, firstLine)
	}
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return fm, nil
	}
	body := file.Docs[0].Body
	var pairs []*ast.MappingValueNode
	switch n := body.(type) {
	case *ast.MappingNode:
		pairs = n.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{n}
	default:
		return fm, &Error{Line: firstLine + body.GetToken().Position.Line - 1,
			Err: errors.New("front matter must be a list of key: value lines")}
	}
	// Each key is decoded on its own: the YAML library's decoding of a
	// whole struct costs a reflection walk per file, a fifth of a large build.
	for _, p := range pairs {
		tok := p.Key.GetToken()
		key := tok.Value
		fm.lines = append(fm.lines, keyLine{key, firstLine + tok.Position.Line - 1})
		if seq, ok := p.Value.(*ast.SequenceNode); ok && key == "choices" {
			for _, item := range seq.Values {
				choiceLines = append(choiceLines, firstLine+item.GetToken().Position.Line-1)
			}
		}
		field, known := fm.field(key)
		if !known {
			if hugoKeys[key] {
				continue
			}
			return fm, &Error{Line: fm.lines.at(key), Col: tok.Position.Column,
				Err: fmt.Errorf("front matter: unknown field %q (see docs/content-format.md for the keys)", key)}
		}
		if err := yaml.NodeToValue(p.Value, field); err != nil {
			e := yamlError(err, firstLine)
			var te *yaml.TypeError
			if errors.As(err, &te) {
				e.Err = fmt.Errorf("%s: a %s cannot be read as %s", key, te.SrcType, te.DstType)
			} else {
				e.Err = fmt.Errorf("%s: %w", key, e.Err)
			}
			return fm, e
		}
	}
	for i := range fm.Choices {
		if i < len(choiceLines) {
			fm.Choices[i].Line = choiceLines[i]
		}
	}
	if fm.Prev != nil {
		fm.Prev.Line = fm.lines.at("prev")
	}
	if fm.Next != nil {
		fm.Next.Line = fm.lines.at("next")
	}
	return fm, nil
}

// field is where the value of key goes, for the YAML library to decode
// into; known is false for a key that the wizard does not have.
func (fm *frontMatter) field(key string) (field any, known bool) {
	switch key {
	case "title", "linkTitle", "description", "prompt", "slug":
		return fm.text(key), true
	case "weight":
		return &fm.Weight, true
	case "draft":
		return &fm.Draft, true
	case "choices":
		return &fm.Choices, true
	case "prev":
		fm.Prev = &linkSpec{}
		return fm.Prev, true
	case "next":
		fm.Next = &linkSpec{}
		return fm.Next, true
	}
	return nil, false
}

// yamlError turns an error of the YAML library into an Error at the
// line of the file that it names.
func yamlError(err error, firstLine int) *Error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		pos := ye.GetToken().Position
		msg := ye.GetMessage()
		var te *yaml.TypeError
		if errors.As(err, &te) && te.StructFieldName != nil {
			field := *te.StructFieldName
			if i := strings.LastIndex(field, "."); i >= 0 {
				field = field[i+1:]
			}
			field = strings.ToLower(field[:1]) + field[1:]
			msg = fmt.Sprintf("%s: a %s cannot be read as %s", field, te.SrcType, te.DstType)
		}
		var ue *yaml.UnknownFieldError
		if errors.As(err, &ue) {
			msg = "front matter: " + msg + " (see docs/content-format.md for the keys)"
		}
		return &Error{Line: firstLine + pos.Line - 1, Col: pos.Column, Err: errors.New(msg)}
	}
	return &Error{Line: firstLine, Err: fmt.Errorf("front matter: %v", err)}
}
