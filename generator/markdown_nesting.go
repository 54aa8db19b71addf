package generator

import (
	"bytes"
	"fmt"
)

// deepNesting returns the first line of a body on which lists and block
// quotes, or brackets, nest deeper than maxNesting, or a paragraph holds
// more than maxBrackets closing brackets, and what to tell the writer;
// 0 when none does. It reads no more than the starts of the lines, and
// errs on the side of the parser's cost: it counts the brackets of code
// too, and may count a level or a paragraph more than the parser makes.
func deepNesting(body []byte) (line int, msg string) {
	var p paragraphScan
	for n, rest := 1, body; len(rest) > 0; n++ {
		text, next, _ := bytes.Cut(rest, []byte("\n"))
		rest = next
		if msg := p.line(text); msg != "" {
			return n, msg
		}
	}
	return 0, ""
}

// paragraphScan follows the paragraphs of a body, a line at a time.
type paragraphScan struct {
	open   int    // [ not yet closed in this paragraph
	closed int    // ] met in this paragraph
	header []byte // the line before, which a table's delimiter row follows
	table  bool   // the paragraph is a table: its cells are parsed one by one
}

// line takes the next line, and returns what to tell the writer if it
// goes past a limit.
func (p *paragraphScan) line(text []byte) string {
	if len(bytes.TrimSpace(text)) == 0 {
		*p = paragraphScan{}
		return ""
	}
	depth, item, at := lineStart(text)
	if depth > maxNesting {
		return fmt.Sprintf("lists and block quotes nest more than %d deep: flatten them (two columns of indentation before a list item count as a level)", maxNesting)
	}
	rest := text[at:]
	heading := isHeading(rest)
	switch {
	case item || heading || p.table:
		p.closed = 0 // a block of its own, or a row of a table
	case isDelimiterRow(rest) && cells(rest) == cells(p.header):
		p.table, p.closed = true, 0
	}
	p.header = rest
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\\':
			i++
		case '[':
			if p.open++; p.open > maxNesting {
				return fmt.Sprintf("brackets nest more than %d deep: close them, or write \\[ for a bracket that is not a link", maxNesting)
			}
		case ']':
			p.open = max(p.open-1, 0)
			if p.closed++; p.closed > maxBrackets {
				return fmt.Sprintf("more than %d brackets in one paragraph: put a blank line between paragraphs, or write \\] for a bracket that is not a link", maxBrackets)
			}
		}
	}
	if heading {
		p.closed = 0
	}
	return ""
}

// lineStart reads the > and list markers that a line starts with: how
// deep the line may nest lists and block quotes (a level for each
// marker, and one for every two columns of indentation before them, as
// a list item nested in another is indented at least that far), whether
// it starts a list item, and where the rest of the line begins.
func lineStart(line []byte) (depth int, item bool, at int) {
	brk := thematicBreakAt(line)
	markers, indent, run := 0, 0, 0 // run: columns of the white space since the last marker
	i := 0
	for ; i < len(line); i++ {
		w := 0
		switch c := line[i]; {
		case c == ' ':
			run++
			continue
		case c == '\t':
			run += 4
			continue
		case c == '>':
			w = 1
		case i < brk:
			w = listMarker(line[i:])
			item = item || w > 0
		}
		if w == 0 {
			break
		}
		if markers > 0 {
			run-- // the space after a marker is not indentation
		}
		markers, indent, run = markers+1, indent+max(run, 0), 0
		i += w - 1
	}
	return markers + indent/2, item, i
}

// listMarker is the width of the list marker (-, + or *, or a number
// and . or )) that line starts with, or 0.
func listMarker(line []byte) int {
	w := 0
	switch {
	case len(line) > 0 && (line[0] == '-' || line[0] == '+' || line[0] == '*'):
		w = 1
	default:
		for w < len(line) && w < 9 && line[w] >= '0' && line[w] <= '9' {
			w++
		}
		if w == 0 || w == len(line) || (line[w] != '.' && line[w] != ')') {
			return 0
		}
		w++
	}
	if w < len(line) && line[w] != ' ' && line[w] != '\t' && line[w] != '\r' {
		return 0
	}
	return w
}

// thematicBreakAt is where a thematic break (- - -, ***, ___) takes the
// rest of line, or len(line): its dashes and stars are not list markers.
func thematicBreakAt(line []byte) int {
	var mark byte
	count, at := 0, len(line)
scan:
	for i := len(line) - 1; i >= 0; i-- {
		switch c := line[i]; {
		case c == ' ' || c == '\t' || c == '\r':
		case mark == 0 && (c == '-' || c == '*' || c == '_'):
			mark, count = c, 1
		case c == mark:
			count++
		default:
			break scan
		}
		at = i
	}
	if count < 3 {
		return len(line)
	}
	return at
}

// isHeading reports whether line is an ATX heading: # to ###### and a space.
func isHeading(line []byte) bool {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t' || line[n] == '\r')
}

// isDelimiterRow reports whether line is the delimiter row of a table:
// |, -, : and spaces, with a dash.
func isDelimiterRow(line []byte) bool {
	t := bytes.TrimSpace(line)
	return bytes.IndexByte(t, '-') >= 0 && bytes.IndexByte(t, '|') >= 0 &&
		len(bytes.Trim(t, "|-: \t")) == 0
}

// cells is how many cells a row of a table has: its parts between
// unescaped |, less an empty one at either end.
func cells(row []byte) int {
	t := bytes.TrimSpace(row)
	t = bytes.TrimPrefix(t, []byte("|"))
	if bytes.HasSuffix(t, []byte("|")) && !bytes.HasSuffix(t, []byte(`\|`)) {
		t = t[:len(t)-1]
	}
	n := 1
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}
