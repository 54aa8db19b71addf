package generator

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// yamlReader reads a YAML mapping key by key from the library's syntax
// tree, rather than decoding it into a struct: a struct decoder stops at
// the first wrong value, and converts what it can (a weight of 1.5 to 1,
// a title of 1.50 to "1.5"), where a writer wants every mistake at once,
// each at its line, and the text as written.
type yamlReader struct {
	what      string // what the YAML is, as messages name it: "front matter", "site.yaml"
	firstLine int    // line of the file on which the YAML starts
	errs      ErrorList
}

// add is a problem at the place of tok.
func (r *yamlReader) add(tok *token.Token, format string, args ...any) {
	r.errs = append(r.errs, &Error{Line: r.line(tok), Col: tok.Position.Column, Err: fmt.Errorf(format, args...)})
}

// report adds r's problems to probs, as problems of file; false when
// there are some.
func (r *yamlReader) report(file string, probs *problems) bool {
	for _, e := range r.errs {
		e.File = file
		probs.addErr(e)
	}
	return len(r.errs) == 0
}

// start is where n starts: for a mapping, its first key, not the colon
// after it that the library takes for its place.
func start(n ast.Node) *token.Token {
	switch m := n.(type) {
	case *ast.MappingNode:
		if !m.IsFlowStyle && len(m.Values) > 0 {
			return m.Values[0].Key.GetToken()
		}
	case *ast.MappingValueNode:
		return m.Key.GetToken()
	}
	return n.GetToken()
}

// line is the line of the file where tok is.
func (r *yamlReader) line(tok *token.Token) int { return r.firstLine + tok.Position.Line - 1 }

// each parses src, the one mapping it must be, and calls read with each
// of its pairs that can be read. Every problem is in r.errs.
func (r *yamlReader) each(src []byte, read func(yamlPair)) {
	// The YAML library panics on some malformed input (found by
	// FuzzGenerate); a writer gets an error at the YAML instead.
	defer func() {
		if p := recover(); p != nil {
			r.errs = append(r.errs, &Error{Line: r.firstLine, Err: fmt.Errorf("%s is not valid YAML (%v)", r.what, p)})
		}
	}()
	for _, p := range r.top(src) {
		read(p)
	}
}

// top parses src and returns the pairs of the one mapping it must be.
func (r *yamlReader) top(src []byte) []yamlPair {
	r.errs = append(r.errs, controlCharacters(src, r.firstLine)...)
	if len(bytes.TrimSpace(src)) == 0 {
		return nil
	}
	// Repeated keys are found below, so that they do not hide the rest.
	file, err := parser.ParseBytes(src, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		r.errs = append(r.errs, yamlError(err, src, r.firstLine))
		return nil
	}
	var body ast.Node
	for i, doc := range file.Docs {
		switch {
		case doc.Body == nil:
		case doc.Body.Type() == ast.DirectiveType:
			r.add(doc.Body.GetToken(), "the YAML directive %s is not used here: remove the line", doc.Body)
		case body != nil:
			r.add(documentStart(file.Docs[i-1], doc), "a second YAML document starts here: %s is one document, remove the line with --- or ...", r.what)
		default:
			body = doc.Body
		}
	}
	if body == nil {
		return nil
	}
	if !isMapping(body) {
		r.add(body.GetToken(), "%s must be a list of key: value lines", r.what)
		return nil
	}
	return r.pairs(body)
}

// documentStart is the token that ends prev or starts doc: the line
// that makes two documents of one.
func documentStart(prev, doc *ast.DocumentNode) *token.Token {
	switch {
	case prev.End != nil:
		return prev.End
	case doc.Start != nil:
		return doc.Start
	}
	return doc.Body.GetToken()
}

func isMapping(n ast.Node) bool {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return true
	}
	return false
}

// yamlPair is one key: value pair of a mapping.
type yamlPair struct {
	key   string       // the key's name
	tok   *token.Token // where the key is written
	value ast.Node
}

// pairs are the key: value pairs of the mapping n, each key once: a key
// written twice is an error at its second line, which names the first.
func (r *yamlReader) pairs(n ast.Node) []yamlPair {
	var all []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		all = m.Values
	case *ast.MappingValueNode:
		all = []*ast.MappingValueNode{m}
	}
	seen := make(map[string]int, len(all))
	out := make([]yamlPair, 0, len(all))
	for _, p := range all {
		var k ast.Node = p.Key
		if explicit, ok := k.(*ast.MappingKeyNode); ok { // "? title" is "title"
			k = explicit.Value
		}
		k, ok := r.plain(k)
		if !ok {
			continue
		}
		if k == nil || !isScalar(k) {
			r.add(p.Key.GetToken(), "a key must be a plain word, such as title")
			continue
		}
		tok := k.GetToken()
		if first, twice := seen[tok.Value]; twice {
			r.add(tok, "%s is written twice, on lines %d and %d: keep one of them", tok.Value, first, r.line(tok))
			continue
		}
		seen[tok.Value] = r.line(tok)
		out = append(out, yamlPair{tok.Value, tok, p.Value})
	}
	return out
}

// plain is n itself, or false when it is an anchor, an alias, a merge
// key or has a tag: YAML's ways of writing a value elsewhere or of
// another type, which a writer does not need and which would make a
// value mean something else than it reads.
func (r *yamlReader) plain(n ast.Node) (ast.Node, bool) {
	switch v := n.(type) {
	case *ast.AnchorNode, *ast.AliasNode, *ast.MergeKeyNode:
		r.add(n.GetToken(), "YAML anchors, aliases and merge keys (&name, *name, <<) are not used here: write the value out in full")
		return nil, false
	case *ast.TagNode:
		r.add(n.GetToken(), "the YAML tag %s is not used here: write the value without it", v.Start.Value)
		return nil, false
	}
	return n, true
}

func isScalar(n ast.Node) bool {
	_, ok := n.(ast.ScalarNode)
	return ok
}

// quoted reports whether the scalar n is written in quotes.
func quoted(n ast.Node) bool {
	t := n.GetToken().Type
	return t == token.DoubleQuoteType || t == token.SingleQuoteType
}

// text reads the value of key as text. A number or a boolean is its
// text as written (a title 2024 or 1.50 means those characters); an
// empty value is empty text.
func (r *yamlReader) text(key string, n ast.Node) (string, bool) {
	n, ok := r.plain(n)
	if !ok {
		return "", false
	}
	switch v := n.(type) {
	case *ast.NullNode:
		return "", true
	case *ast.LiteralNode:
		return v.Value.Value, true
	case *ast.StringNode:
		return v.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return v.GetToken().Value, true
	}
	r.add(start(n), "%s is %s: write it as text after the colon, in quotes if it holds a colon or starts with [ or {", key, kindOf(n))
	return "", false
}

// textField reads p into its field of fields, or reports an unknown
// key, with known saying which keys there are.
func (r *yamlReader) textField(p yamlPair, fields map[string]*string, known string) {
	f, ok := fields[p.key]
	if !ok {
		r.add(p.tok, "unknown field %q: %s", p.key, known)
		return
	}
	*f, _ = r.text(p.key, p.value)
}

// kindOf names the kind of a value that is not what a key wants.
func kindOf(n ast.Node) string {
	switch n.(type) {
	case *ast.SequenceNode:
		return "a list"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping of keys and values"
	}
	return "a single value"
}

// controlCharacters are the lines of src that hold a control character
// other than tab and line ends: YAML does not allow them, and being
// invisible, they would reach the page unseen.
func controlCharacters(src []byte, firstLine int) ErrorList {
	var errs ErrorList
	for i, line := range bytes.Split(src, []byte("\n")) {
		at := bytes.IndexFunc(line, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\r' })
		if at < 0 {
			continue
		}
		r, _ := utf8.DecodeRune(line[at:])
		errs = append(errs, &Error{Line: firstLine + i, Col: utf8.RuneCount(line[:at]) + 1,
			Err: fmt.Errorf("invisible control character %U: delete it (retype the text around it if you cannot see it)", r)})
	}
	return errs
}
