package generator

import (
	"errors"
	"fmt"
	"testing"

	"github.com/goccy/go-yaml"
)

// The YAML library's messages for the mistakes writers make, said in
// plain words at the line to mend.
func TestPlainYAML(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // line:col: message
	}{
		{"colon in a value", "title: Let op: dit is fout\nweight: 1\n",
			`1:8: the value of title contains ": ", which starts a new key in YAML: put the value in quotes, as in title: "Let op: dit is fout"`},
		{"colon at the end of a value", "title: Een\nprompt: … en ik wil:\n",
			`2:9: the value of prompt contains ": ", which starts a new key in YAML: put the value in quotes, as in prompt: "… en ik wil:"`},
		{"unclosed double quote", "title: \"Let op\nweight: 1\n",
			`1:8: the quote " that opens the value of title is not closed: end the value with " on the same line (a " inside the value is written \")`},
		{"unclosed single quote", "title: 'Let op\nweight: 1\n",
			`1:8: the quote ' that opens the value of title is not closed: end the value with ' on the same line (a ' inside the value is written '')`},
		{"apostrophe in a single-quoted value", "title: 'it's'\n",
			`1:12: the value of title ends at the second ' and text follows it: write an apostrophe inside '…' as '' (it''s), or put the value in "…"`},
		{"quote in a double-quoted value", "title: \"a \"b\" c\"\n",
			`1:12: the value of title ends at the second " and text follows it: write a quote inside "…" as \", or put the value in '…'`},
		{"indented key", "title: Een\n  weight: 1\n",
			"2:1: weight is indented under title, which has a value already: start weight at the beginning of the line"},
		{"tab", "title: Een\n\tweight: 1\n",
			"2:1: a tab indents this line: indent front matter with spaces only"},
		{"list not closed", "title: Een\nweight: [1\n",
			"2:9: the [ that starts a list here is not closed: end the list with ], or put the value in quotes if the [ is part of the text"},
		{"mapping not closed", "title: {a\n",
			"1:9: the { here starts a mapping that is not closed: end it with }, or put the value in quotes if the { is part of the text"},
		{"value starts with @", "title: @foo\n",
			`1:8: a value cannot start with @: put it in quotes, as in title: "@foo"`},
		{"value starts with a backtick", "title: `x` en y\n",
			"1:8: a value cannot start with `: put it in quotes, as in title: \"`x` en y\""},
		{"value starts with *", "title: *x\n",
			`1:9: a value cannot start with *: put it in quotes, as in title: "*x"`},
		{"value starts with %", "title: %x\n",
			`1:8: a value cannot start with %: put it in quotes, as in title: "%x"`},
		{"key given twice", "title: Een\ntitle: Twee\n",
			"2:1: title is given twice, here and on line 1 of the front matter: keep one"},
		{"no colon", "title: Een\nweight 1\n",
			"2:1: this line is not key: value: write a colon and a space after the key"},
		{"list item at the top", "title: Een\n- x\n",
			"2:1: a list item (- …) must stand under the key it belongs to, indented: such as choices: and then   - page: …"},
		{"block text not indented", "title: |\nx\n",
			"2:1: the text of a | or > value goes on the lines below it, indented: indent this line"},
		{"a list, not key: value", "- a\n- b\n",
			"1:1: front matter is key: value lines, not a list: write each setting as key: value"},
		{"choice misaligned", "choices:\n  - page: a.md\n   label: x\n",
			"3:4: this line does not line up with the lines above it: indent it as far as the other keys of its item"},
		{"text after a list", "title: Een\nnext: [a.md, b.md]]\n",
			"2:19: the value of next has text after its closing bracket: remove it, or put the whole value in quotes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v map[string]any
			err := yaml.Unmarshal([]byte(tt.src), &v)
			var ye yaml.Error
			if !errors.As(err, &ye) || ye.GetToken() == nil {
				t.Fatalf("the YAML library found no mistake with a place: %v", err)
			}
			pos := ye.GetToken().Position
			line, col, msg, ok := plainYAML(ye.GetMessage(), pos.Line, pos.Column, []byte(tt.src))
			if !ok {
				t.Fatalf("no plain words for %q", ye.GetMessage())
			}
			if got := fmt.Sprintf("%d:%d: %s", line, col, msg); got != tt.want {
				t.Errorf("\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}
