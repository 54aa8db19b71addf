package generator

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/token"
)

// simpleFrontMatter reads the front matter that nearly every node file
// has, one `key: value` line per field, without the YAML library, which
// takes some 30 µs and 200 allocations for five such lines: on a wizard
// of 10,000 nodes, a tenth of the build.
//
// It takes only what the library would read the same: a known key whose
// value is a scalar of the field's type, written as a double- or
// single-quoted string without escapes, a plain string that the
// library's own token.IsNeedQuoted and token.New find plain, a decimal
// weight, or draft true or false. For anything else (lists, mappings, comments, escapes, numbers
// or dates where a string goes, a repeated key, a Hugo key, a typo) it
// reports false, and parseFrontMatter asks the library, which also says
// what is wrong. FuzzSimpleFrontMatter and TestFrontMatterBothParsers
// hold it to parseYAMLFrontMatter: every rule there (a whole weight, no
// control characters, each key once) holds here because what this takes
// passes it, so a new rule that refuses something this takes must be
// taught to it too.
//
// It is a twin of the library, and stays because it pays: without it a
// cold build of the 10,000-node synthetic wizard took 0.88 s instead of
// 0.77 s (medians of 9 interleaved runs, in /dev/shm), past the 0.8 s
// limit; the YAML library alone took 2.4 million allocations to load it.
func simpleFrontMatter(src []byte, firstLine int) (fm frontMatter, ok bool) {
	s := string(src)
	if strings.IndexByte(s, '\r') >= 0 || !utf8.ValidString(s) {
		return fm, false
	}
	for i := 0; len(s) > 0; i++ {
		line, rest, _ := strings.Cut(s, "\n")
		s = rest
		if line == "" {
			continue
		}
		key, value, found := strings.Cut(line, ":")
		if !found || !isKey(key) || fm.lines.at(key) != 0 {
			return fm, false
		}
		if !strings.HasPrefix(value, " ") {
			return fm, false
		}
		value = strings.TrimLeft(value, " ")
		lineNo := firstLine + i
		field := fm.text(key)
		switch {
		case field != nil:
		case key == "prev":
			fm.Prev = &linkSpec{Line: lineNo}
			field = &fm.Prev.Page
		case key == "next":
			fm.Next = &linkSpec{Line: lineNo}
			field = &fm.Next.Page
		case key == "weight":
			w, ok := simpleInt(value)
			if !ok {
				return fm, false
			}
			fm.Weight = w
		case key == "draft":
			switch value {
			case "true":
				fm.Draft = true
			case "false":
				fm.Draft = false
			default:
				return fm, false
			}
		default:
			return fm, false // choices, Hugo's keys and typos: the library's
		}
		if field != nil {
			str, ok := simpleString(value)
			if !ok {
				return fm, false
			}
			*field = str
		}
		fm.lines = append(fm.lines, keyLine{key, lineNo})
	}
	return fm, true
}

// isKey reports whether s is a plain key of letters.
func isKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// simpleString reads a scalar that YAML reads as a string, as itself:
// quoted without escapes, or plain.
func simpleString(v string) (string, bool) {
	if !printable(v) {
		return "", false
	}
	if v != "" && (v[0] == '"' || v[0] == '\'') {
		q := v[0]
		end := strings.IndexByte(v[1:], q)
		if end < 0 || strings.TrimRight(v[end+2:], " ") != "" {
			return "", false
		}
		inner := v[1 : end+1]
		if q == '"' && strings.IndexByte(inner, '\\') >= 0 {
			return "", false
		}
		return inner, true
	}
	if v != strings.TrimRight(v, " ") || token.IsNeedQuoted(v) || strings.ContainsAny(v[:1], "-?:#") {
		return "", false
	}
	// IsNeedQuoted misses some of the words the scanner reads as other
	// than a string (.inf, .nan): ask the scanner's own classification.
	if token.New(v, v, &token.Position{}).Type != token.StringType {
		return "", false
	}
	return v, true
}

// simpleInt reads a decimal integer without leading zeros or sign but
// minus, small enough for any int.
func simpleInt(v string) (int, bool) {
	digits := strings.TrimPrefix(v, "-")
	if digits == "" || len(digits) > 9 || (digits[0] == '0' && len(digits) > 1) {
		return 0, false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// printable reports whether every character of s is one that YAML lets
// stand in a scalar, tab aside.
func printable(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x20 && r <= 0x7e, r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd && r != 0xfeff, r >= 0x10000:
		default:
			return false
		}
	}
	return true
}
