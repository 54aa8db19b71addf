package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// Hugo and Zola sites write front matter in TOML, between lines of +++,
// or as a JSON object. Both are turned into YAML that keeps every key on
// the line where it is written, so that one reader (yamlread.go) checks
// every front matter, and its messages name the writer's lines.

// splitJSON cuts a JSON object off the start of src. JSON is YAML (a
// flow mapping), so the object is the front matter as it is.
func splitJSON(src []byte) (yamlSrc []byte, yamlLine int, body []byte, ferr *Error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	var obj json.RawMessage
	if err := dec.Decode(&obj); err != nil {
		line := 1
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = lineAt(src, int(se.Offset)-1)
		}
		return nil, 0, nil, &Error{Line: line, Err: fmt.Errorf("front matter in JSON: %v", err)}
	}
	end := int(dec.InputOffset())
	rest, _, _ := bytes.Cut(src[end:], []byte("\n"))
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil, 0, nil, &Error{Line: lineAt(src, end), Err: errors.New("front matter in JSON: text after the closing } on its line: start the page's text on a line of its own")}
	}
	end += len(rest)
	return src[:end], 1, blankLines(lineAt(src, end), src[end:]), nil
}

// tomlHeader is a table header, [name] or [[name]] (an item of a list of
// tables); tomlKey is a line that sets a key, name = or name.sub =.
var (
	tomlHeader = regexp.MustCompile(`^\s*(\[\[?)\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)`)
	tomlKey    = regexp.MustCompile(`^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]`)
	plainKey   = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
)

// tomlAsYAML reads TOML front matter and writes it as YAML, each key on
// the line of src where it is written, and each item of a list of tables
// ([[choices]]) on the line of its header. firstLine is the line of the
// file on which src starts.
func tomlAsYAML(src []byte, firstLine int) ([]byte, *Error) {
	var values map[string]any
	if _, err := toml.Decode(string(src), &values); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &Error{Line: firstLine + pe.Position.Line - 1, Col: pe.Position.Col, Err: fmt.Errorf("front matter in TOML: %s", pe.Message)}
		}
		return nil, &Error{Line: firstLine, Err: fmt.Errorf("front matter in TOML: %v", err)}
	}
	lines, items := tomlKeyLines(src)
	out := make([]string, strings.Count(string(src), "\n")+1)
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		at, ok := lines[k]
		if !ok || out[at] != "" {
			at = len(out) // a line of its own at the end
			out = append(out, "")
		}
		if list, isList := values[k].([]map[string]any); isList && spread(items[k], len(list), lines, k) {
			for i, item := range list {
				out[items[k][i]] = "  " + asJSON(item) + ","
			}
			out[items[k][0]] = k + ": [" + strings.TrimPrefix(out[items[k][0]], "  ")
			last := items[k][len(list)-1]
			out[last] = strings.TrimSuffix(out[last], ",") + "]"
			continue
		}
		out[at] = yamlKey(k) + ": " + asJSON(values[k])
	}
	return []byte(strings.Join(out, "\n")), nil
}

// tomlKeyLines finds the 0-based line where each key of the top table
// is first written, and the lines of the headers of each list of tables.
func tomlKeyLines(src []byte) (lines map[string]int, items map[string][]int) {
	lines, items = map[string]int{}, map[string][]int{}
	inTable := false
	for i, line := range strings.Split(string(src), "\n") {
		if m := tomlHeader.FindStringSubmatch(line); m != nil {
			inTable = true
			name := strings.Trim(m[2], `"'`)
			if !has(lines, name) {
				lines[name] = i
			}
			if m[1] == "[[" {
				items[name] = append(items[name], i)
			}
			continue
		}
		if m := tomlKey.FindStringSubmatch(line); m != nil && !inTable {
			if name := strings.Trim(m[1], `"'`); !has(lines, name) {
				lines[name] = i
			}
		}
	}
	return lines, items
}

func has(lines map[string]int, key string) bool {
	_, ok := lines[key]
	return ok
}

// spread reports whether the n items of the list of tables key can each
// stand on the line of its header: one header an item, and no other key
// written between the first and the last.
func spread(headers []int, n int, lines map[string]int, key string) bool {
	if len(headers) != n || n == 0 {
		return false
	}
	for k, at := range lines {
		if k != key && at > headers[0] && at < headers[n-1] {
			return false
		}
	}
	return true
}

// yamlKey is a TOML key as a YAML key: quoted when it is not a plain word.
func yamlKey(k string) string {
	if plainKey.MatchString(k) {
		return k
	}
	return asJSON(k)
}

// asJSON is v in JSON, which YAML reads as the same value; a value that
// JSON cannot hold (a TOML inf or nan) is its text.
func asJSON(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprintf("%q", fmt.Sprint(v))
	}
	return strings.TrimSuffix(b.String(), "\n")
}
