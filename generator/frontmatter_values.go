package generator

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// maxWeight bounds a weight, so that it is the same int on every
// machine; no wizard has a billion siblings.
const maxWeight = 1_000_000_000

// scalar is n when it is one value; for an empty value, a list or a
// mapping it reports how to write key instead (want, such as "write a
// whole number such as 3") and returns false.
func (r *yamlReader) scalar(key string, n ast.Node, want string) (ast.Node, bool) {
	n, ok := r.plain(n)
	switch {
	case !ok:
		return nil, false
	case n.Type() == ast.NullType:
		r.add(n.GetToken(), "%s has no value: %s, or remove the line", key, want)
		return nil, false
	case !isScalar(n):
		r.add(start(n), "%s is %s: %s", key, kindOf(n), want)
		return nil, false
	}
	return n, true
}

// weight reads a weight: a whole number in digits, as YAML 1.2 reads it
// (010 is ten, where the library, after YAML 1.1, reads eight).
func (r *yamlReader) weight(n ast.Node) int {
	const want = "write a whole number such as 3 (a lower weight comes first)"
	n, ok := r.scalar("weight", n, want)
	if !ok {
		return 0
	}
	tok := n.GetToken()
	w, err := strconv.ParseInt(tok.Value, 10, 64)
	switch {
	case err != nil && !errors.Is(err, strconv.ErrRange):
		r.add(tok, "weight: %s is not a whole number: %s", written(n), want)
	case err != nil || w < -maxWeight || w > maxWeight:
		r.add(tok, "weight: %s is too large: write a whole number from %d to %d", tok.Value, -maxWeight, maxWeight)
	case quoted(n):
		r.add(tok, "weight: %s is in quotes, which makes it text: write the number without them", written(n))
	default:
		return int(w)
	}
	return 0
}

// draft reads draft: true or false, in any case YAML 1.2 allows.
func (r *yamlReader) draft(n ast.Node) bool {
	const want = "write draft: true to leave the node out of the build, or draft: false"
	n, ok := r.scalar("draft", n, want)
	if !ok {
		return false
	}
	if b, ok := n.(*ast.BoolNode); ok {
		return b.Value
	}
	if quoted(n) {
		r.add(n.GetToken(), "draft: %s is in quotes, which makes it text: %s", written(n), want)
	} else {
		r.add(n.GetToken(), "draft: %s is not true or false: %s", written(n), want)
	}
	return false
}

// choices reads the list of choices; nil when it cannot be read.
func (r *yamlReader) choices(n ast.Node) []linkSpec {
	const want = "write the choices below it, one a line, as   - ../b.md"
	n, ok := r.plain(n)
	if !ok {
		return nil
	}
	seq, ok := n.(*ast.SequenceNode)
	switch {
	case ok:
	case n.Type() == ast.NullType:
		r.add(n.GetToken(), "choices has no value: %s, or remove the line", want)
		return nil
	case isScalar(n):
		r.add(n.GetToken(), "choices is the single value %s, not a list: %s", written(n), want)
		return nil
	default:
		r.add(start(n), "choices is %s, not a list: %s", kindOf(n), want)
		return nil
	}
	out := make([]linkSpec, 0, len(seq.Values))
	for i, item := range seq.Values {
		if l := r.link(fmt.Sprintf("choice %d", i+1), item, r.line(item.GetToken())); l != nil {
			out = append(out, *l)
		}
	}
	return out
}

// link reads a link to a node: a path, or a mapping with the path and a
// label. line is where the link is written.
func (r *yamlReader) link(key string, n ast.Node, line int) *linkSpec {
	if !isMapping(n) {
		page, ok := r.path(key, n)
		if !ok {
			return nil
		}
		return &linkSpec{Page: page, Line: line}
	}
	l := &linkSpec{Line: line}
	hasPage, good := false, true
	for _, p := range r.pairs(n) {
		var ok bool
		switch p.key {
		case "page":
			hasPage = true
			l.Page, ok = r.path(key+" page", p.value)
		case "label":
			l.Label, ok = r.text(key+" label", p.value)
		default:
			r.add(p.tok, "%s: unknown field %q: a link has only page and label", key, p.key)
		}
		good = good && ok
	}
	if !hasPage {
		r.add(start(n), "%s: the link has no page: add page: with the path of a node file, such as ../b.md", key)
		return nil
	}
	if !good {
		return nil
	}
	return l
}

// path reads the path of a node file: text, never a number or a
// boolean, since no node file is named 3 or true.
func (r *yamlReader) path(key string, n ast.Node) (string, bool) {
	const want = "write the path of a node file, such as ../b.md"
	n, ok := r.scalar(key, n, want)
	if !ok {
		return "", false
	}
	if s, ok := n.(*ast.StringNode); ok {
		return s.Value, true
	}
	r.add(n.GetToken(), "%s: %s is not a path to a node file: %s", key, written(n), want)
	return "", false
}

// written is a scalar as the writer wrote it, quotes and all, for a
// message.
func written(n ast.Node) string {
	tok := n.GetToken()
	switch {
	case n.Type() == ast.LiteralType:
		return "a block of text"
	case quoted(n):
		return strconv.Quote(tok.Value)
	}
	return strings.TrimSpace(tok.Value)
}
