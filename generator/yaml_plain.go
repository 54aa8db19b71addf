package generator

import (
	"fmt"
	"regexp"
	"strings"
)

// The YAML library names a mistake in the words of the YAML grammar
// ("mapping value is not allowed in this context"), often at a place
// before the line that is wrong. plainYAML says it as a writer meets it,
// what is wrong and how to mend it, at the line to mend.

// yamlMistake is a YAML syntax error as plainYAML reads it: where the
// library found it, and the source it was reading.
type yamlMistake struct {
	msg       string   // the library's message
	line, col int      // 1-based, in lines
	lines     []string // the YAML source, a line each
}

// plainYAML returns the mistake in plain words, and the line and column
// of the file's YAML to point at; ok is false for a message it does not
// know, whose own words are then the best there are.
func plainYAML(msg string, line, col int, src []byte) (atLine, atCol int, plain string, ok bool) {
	m := yamlMistake{msg: msg, line: line, col: col, lines: strings.Split(string(src), "\n")}
	for _, r := range yamlRules {
		if sub := r.match.FindStringSubmatch(msg); sub != nil {
			if l, c, s := r.say(m, sub); s != "" {
				return l, c, s, true
			}
		}
	}
	return line, col, msg, false
}

// yamlRules pairs a message of the library with what to say instead.
// say returns "" when the rule does not fit the source after all.
var yamlRules = []struct {
	match *regexp.Regexp
	say   func(m yamlMistake, sub []string) (line, col int, plain string)
}{
	{regexp.MustCompile(`^could not find end character of (double|single)-quoted text`), sayUnclosedQuote},
	{regexp.MustCompile(`^mapping value is not allowed in this context`), sayColonInValue},
	{regexp.MustCompile(`^value is not allowed in this context`), sayTextAfterQuote},
	{regexp.MustCompile(`^found character '\t' that cannot start any token`), func(m yamlMistake, _ []string) (int, int, string) {
		return m.line, m.col, "a tab indents this line: indent front matter with spaces only"
	}},
	{regexp.MustCompile(`^sequence end token '\]' not found`), func(m yamlMistake, _ []string) (int, int, string) {
		return m.line, m.col, "the [ that starts a list here is not closed: end the list with ], or put the value in quotes if the [ is part of the text"
	}},
	{regexp.MustCompile(`^could not find flow map content`), func(m yamlMistake, _ []string) (int, int, string) {
		return m.line, m.col, "the { here starts a mapping that is not closed: end it with }, or put the value in quotes if the { is part of the text"
	}},
	{regexp.MustCompile(`^'(.)' is a reserved character`), sayReserved},
	{regexp.MustCompile(`^could not find alias`), func(m yamlMistake, _ []string) (int, int, string) {
		return sayReserved(m, []string{"", "*"})
	}},
	{regexp.MustCompile(`^unexpected directive value`), func(m yamlMistake, _ []string) (int, int, string) {
		return sayReserved(m, []string{"", "%"})
	}},
	{regexp.MustCompile(`^mapping key "(.*)" already defined at \[(\d+):\d+\]`), func(m yamlMistake, sub []string) (int, int, string) {
		return m.line, m.col, fmt.Sprintf("%s is given twice, here and on line %s of the front matter: keep one", sub[1], sub[2])
	}},
	{regexp.MustCompile(`^non-map value is specified`), sayNotKeyValue},
	{regexp.MustCompile(`^sequence was used where mapping is expected`), func(m yamlMistake, _ []string) (int, int, string) {
		return m.line, m.col, "front matter is key: value lines, not a list: write each setting as key: value"
	}},
}

// at is the text of 1-based line n, "" past the end.
func (m yamlMistake) at(n int) string {
	if n < 1 || n > len(m.lines) {
		return ""
	}
	return strings.TrimSuffix(m.lines[n-1], "\r")
}

// keyValue splits a line "key: value" into its key and its value.
func keyValue(line string) (key, value string, ok bool) {
	trimmed := strings.TrimLeft(line, " -")
	key, value, ok = strings.Cut(trimmed, ":")
	if !ok || key == "" || strings.ContainsAny(key, " \t\"'") {
		return "", "", false
	}
	return key, strings.TrimSpace(value), true
}

// sayUnclosedQuote: a value opens a quote that does not end. The library
// reads on to the end of the front matter looking for it; the mistake is
// on the line that opened it.
func sayUnclosedQuote(m yamlMistake, sub []string) (int, int, string) {
	q, inside := `"`, `\"`
	if sub[1] == "single" {
		q, inside = `'`, `''`
	}
	key, _, _ := keyValue(m.at(m.line))
	what := "this value"
	if key != "" {
		what = "the value of " + key
	}
	return m.line, m.col, fmt.Sprintf("the quote %s that opens %s is not closed: end the value with %s on the same line (a %s inside the value is written %s)",
		q, what, q, q, inside)
}

// sayColonInValue: the library stops at a value that holds ": ", or at a
// value whose next line is indented as if it were a mapping.
func sayColonInValue(m yamlMistake, _ []string) (int, int, string) {
	key, value, ok := keyValue(m.at(m.line))
	if ok && (strings.Contains(value, ": ") || strings.HasSuffix(value, ":")) {
		return m.line, m.col, fmt.Sprintf(`the value of %s contains ": ", which starts a new key in YAML: put the value in quotes, as in %s: "%s"`,
			key, key, strings.ReplaceAll(value, `"`, `\"`))
	}
	next := m.at(m.line + 1)
	if ok && value != "" && strings.HasPrefix(next, " ") {
		if nextKey, _, isKey := keyValue(next); isKey {
			return m.line + 1, 1, fmt.Sprintf("%s is indented under %s, which has a value already: start %s at the beginning of the line", nextKey, key, nextKey)
		}
	}
	return 0, 0, ""
}

// sayTextAfterQuote: a quoted value ends at a quote inside it, and the
// rest of the line is left over.
func sayTextAfterQuote(m yamlMistake, _ []string) (int, int, string) {
	key, value, ok := keyValue(m.at(m.line))
	switch {
	case !ok:
		return 0, 0, ""
	case strings.HasPrefix(value, "'"):
		return m.line, m.col, fmt.Sprintf("the value of %s ends at the second ' and text follows it: write an apostrophe inside '…' as '' (it''s), or put the value in \"…\"", key)
	case strings.HasPrefix(value, `"`):
		return m.line, m.col, fmt.Sprintf(`the value of %s ends at the second " and text follows it: write a quote inside "…" as \", or put the value in '…'`, key)
	case strings.HasPrefix(value, "[") || strings.HasPrefix(value, "{"):
		return m.line, m.col, fmt.Sprintf("the value of %s has text after its closing bracket: remove it, or put the whole value in quotes", key)
	}
	return m.line, m.col, "this line does not line up with the lines above it: indent it as far as the other keys of its item"
}

// sayReserved: a plain value cannot start with some characters.
func sayReserved(m yamlMistake, sub []string) (int, int, string) {
	key, value, ok := keyValue(m.at(m.line))
	if !ok {
		return m.line, m.col, fmt.Sprintf("a value cannot start with %s: put it in quotes", sub[1])
	}
	return m.line, m.col, fmt.Sprintf(`a value cannot start with %s: put it in quotes, as in %s: "%s"`, sub[1], key, strings.ReplaceAll(value, `"`, `\"`))
}

// sayNotKeyValue: a line that is not "key: value" where one should be.
func sayNotKeyValue(m yamlMistake, _ []string) (int, int, string) {
	prev := strings.TrimSpace(m.at(m.line - 1))
	if strings.HasSuffix(prev, "|") || strings.HasSuffix(prev, ">") {
		return m.line, m.col, "the text of a | or > value goes on the lines below it, indented: indent this line"
	}
	if strings.HasPrefix(strings.TrimSpace(m.at(m.line)), "-") {
		return m.line, m.col, "a list item (- …) must stand under the key it belongs to, indented: such as choices: and then   - page: …"
	}
	return m.line, m.col, `this line is not key: value: write a colon and a space after the key`
}
