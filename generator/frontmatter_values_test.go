package generator

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// frontMatterCases are hostile front matters, with what they must read
// as: the fields that are set, or every problem, each at its line and
// column (the YAML starts on line 2). Each want line is the start of the
// line got, in order.
var frontMatterCases = []struct {
	name, src string
	want      []string
}{
	{"several problems, each at its line", "title: Een\ntitel: Een\nweight: 1.5\nnext: 3\n", []string{
		`3:1: front matter: unknown field "titel" (see docs/content-format.md for the keys)`,
		`4:9: weight: 1.5 is not a whole number: write a whole number such as 3`,
		`5:7: next: 3 is not a path to a node file: write the path of a node file, such as ../b.md`}},

	{"a title as a list", "title: [a, b]\n", []string{`2:8: title is a list: write it as text after the colon`}},
	{"a title as a mapping", "title:\n  nl: Een\n", []string{`3:3: title is a mapping of keys and values: write it as text`}},
	{"a title that is a number is its digits", "title: 2024\nlinkTitle: 1.50\n", []string{`title="2024" linkTitle="1.50"`}},
	{"a title that is a boolean is its word", "title: yes\nlinkTitle: True\n", []string{`title="yes" linkTitle="True"`}},
	{"an empty title is no title", "title:\ndescription: ~\n", []string{`lines=`}},
	{"a title as a block", "title: |\n  Een\n", []string{`title="Een\n"`}},
	{"an empty block", "title: T\ndescription: |\nprompt: >\n", []string{`title="T" lines`}},
	{"an escape", "title: \"Een\\tTwee \\u00e9\"\n", []string{`title="Een\tTwee é"`}},
	{"a title over lines", "title: Een\n  Twee\n", []string{`title="Een Twee"`}},
	{"a long title", "title: " + strings.Repeat("lang ", 20000) + "x\n", []string{`title="lang lang lang`}},

	{"a fractional weight", "title: T\nweight: 1.5\n", []string{`3:9: weight: 1.5 is not a whole number: write a whole number such as 3 (a lower weight comes first)`}},
	{"a weight in quotes", "title: T\nweight: \"2\"\n", []string{`3:9: weight: "2" is in quotes, which makes it text: write the number without them`}},
	{"a weight as an exponent", "title: T\nweight: 1e99\n", []string{`3:9: weight: 1e99 is not a whole number`}},
	{"a weight as an exponent that is whole", "title: T\nweight: 1e3\n", []string{`3:9: weight: 1e3 is not a whole number`}},
	{"a weight of minus zero", "title: T\nweight: -0\n", []string{`title="T" lines`}},
	{"a weight with a plus", "title: T\nweight: +5\n", []string{`title="T" weight=5`}},
	{"a weight with a leading zero is decimal", "title: T\nweight: 010\n", []string{`title="T" weight=10`}},
	{"a weight in hexadecimal", "title: T\nweight: 0x10\n", []string{`3:9: weight: 0x10 is not a whole number`}},
	{"a weight in octal", "title: T\nweight: 0o10\n", []string{`3:9: weight: 0o10 is not a whole number`}},
	{"a weight past int64", "title: T\nweight: 99999999999999999999\n", []string{`3:9: weight: 99999999999999999999 is too large: write a whole number from -1000000000 to 1000000000`}},
	{"a weight past the bound", "title: T\nweight: -1000000001\n", []string{`3:9: weight: -1000000001 is too large`}},
	{"a weight at the bound", "title: T\nweight: 1000000000\n", []string{`title="T" weight=1000000000`}},
	{"an empty weight", "title: T\nweight:\n", []string{`3:9: weight has no value: write a whole number such as 3 (a lower weight comes first), or remove the line`}},
	{"a weight as a list", "title: T\nweight: [1]\n", []string{`3:9: weight is a list: write a whole number`}},
	{"a weight as a boolean", "title: T\nweight: true\n", []string{`3:9: weight: true is not a whole number`}},
	{"a weight as infinity", "title: T\nweight: .inf\n", []string{`3:9: weight: .inf is not a whole number`}},

	{"draft yes in quotes", "title: T\ndraft: \"yes\"\n", []string{`3:8: draft: "yes" is in quotes, which makes it text: write draft: true to leave the node out of the build, or draft: false`}},
	{"draft yes", "title: T\ndraft: yes\n", []string{`3:8: draft: yes is not true or false: write draft: true`}},
	{"draft 1", "title: T\ndraft: 1\n", []string{`3:8: draft: 1 is not true or false`}},
	{"draft True", "title: T\ndraft: True\n", []string{`title="T" draft=true`}},
	{"draft FALSE", "title: T\ndraft: FALSE\n", []string{`title="T" lines`}},
	{"an empty draft", "title: T\ndraft: ~\n", []string{`3:8: draft has no value: write draft: true`}},

	{"choices not a list", "title: T\nchoices: a.md\n", []string{`3:10: choices is the single value a.md, not a list: write the choices below it, one a line, as   - ../b.md`}},
	{"choices as a mapping", "title: T\nchoices:\n  page: a.md\n", []string{`4:3: choices is a mapping of keys and values, not a list`}},
	{"empty choices", "title: T\nchoices:\n", []string{`3:10: choices has no value: write the choices below it`}},
	{"no choices", "title: T\nchoices: []\n", []string{`title="T" choices=[]`}},
	{"a choice with the wrong keys", "title: T\nchoices:\n  - path: a.md\n    lable: A\n", []string{
		`4:5: choice 1: the link has no page: add page: with the path of a node file, such as ../b.md`,
		`4:5: choice 1: unknown field "path": a link has only page and label`,
		`5:5: choice 1: unknown field "lable": a link has only page and label`}},
	{"an empty choice", "title: T\nchoices:\n  - a.md\n  -\n", []string{`5:5: choice 2 has no value: write the path of a node file, such as ../b.md, or remove the line`}},
	{"a choice as a number", "title: T\nchoices:\n  - 3\n", []string{`4:5: choice 1: 3 is not a path to a node file`}},
	{"a choice label as a list", "title: T\nchoices:\n  - page: a.md\n    label: [x]\n", []string{`5:12: choice 1 label is a list: write it as text`}},
	{"a choice page as a mapping", "title: T\nchoices:\n  - page: {a: b}\n", []string{`4:11: choice 1 page is a mapping of keys and values: write the path of a node file`}},
	{"choices as written", "title: T\nchoices:\n  - a.md\n  - page: b.md\n    label: 2024\n", []string{`title="T" choices=[a.md@4 b.md|2024@5]`}},

	{"next as a number", "title: T\nnext: 3\n", []string{`3:7: next: 3 is not a path to a node file: write the path of a node file, such as ../b.md`}},
	{"prev as a boolean", "title: T\nprev: true\n", []string{`3:7: prev: true is not a path to a node file`}},
	{"an empty next", "title: T\nnext:\n", []string{`3:7: next has no value: write the path of a node file, such as ../b.md, or remove the line`}},
	{"next as a list", "title: T\nnext: [a.md]\n", []string{`3:7: next is a list: write the path of a node file`}},
	{"next with another key", "title: T\nnext: {page: a.md, extra: 1}\n", []string{`3:20: next: unknown field "extra": a link has only page and label`}},
	{"next without a page", "title: T\nnext:\n  label: Verder\n", []string{`4:3: next: the link has no page`}},
	{"next in quotes", "title: T\nnext: \"b.md\"\n", []string{`title="T" next=b.md@3`}},
	{"a slug with a slash is read, and the graph refuses it", "title: T\nslug: a/b\n", []string{`title="T" slug="a/b"`}},

	{"a repeated key", "title: T\nweight: 1\ntitle: U\n", []string{`4:1: title is written twice, on lines 2 and 4: keep one of them`}},
	{"a repeated key in quotes", "title: T\n\"title\": U\n", []string{`3:1: title is written twice, on lines 2 and 3`}},
	{"a key repeated in a link", "title: T\nnext:\n  page: a.md\n  page: b.md\n", []string{`5:3: page is written twice, on lines 4 and 5`}},
	{"a key written three times", "title: T\ntitle: U\ntitle: V\n", []string{`3:1: title is written twice, on lines 2 and 3`, `4:1: title is written twice, on lines 2 and 4`}},
	{"an anchor and an alias", "title: &t Een\nlinkTitle: *t\n", []string{
		`2:8: YAML anchors, aliases and merge keys (&name, *name, <<) are not used here: write the value out in full`,
		`3:12: YAML anchors, aliases and merge keys`}},
	{"a merge key", "title: T\n<<: {weight: 1}\n", []string{`3:1: YAML anchors, aliases and merge keys`}},
	{"a binary tag", "title: !!binary aGVsbG8=\n", []string{`2:8: the YAML tag !!binary is not used here: write the value without it`}},
	{"a string tag", "title: !!str 12\n", []string{`2:8: the YAML tag !!str is not used here`}},
	{"a tag on a key", "!!str title: T\n", []string{`2:1: the YAML tag !!str is not used here`}},
	{"a second document", "title: T\n--- # verder\nweight: 2\n", []string{`3:1: a second YAML document starts here: front matter is one document, remove the line with --- or ...`}},
	{"a document end", "title: T\n...\nweight: 2\n", []string{`3:1: a second YAML document starts here`}},
	{"a directive", "%YAML 1.2\n--- {title: T}\n", []string{`2:1: the YAML directive %YAML 1.2 is not used here: remove the line`}},
	{"a control character", "title: \"Een\x07\"\nprompt: ok\x1b[0m\n", []string{
		`2:12: invisible control character U+0007: delete it`, `3:11: invisible control character U+001B`}},
	{"a control character in a comment", "title: T # \x00\n", []string{`2:12: invisible control character U+0000`}},

	{"a key in quotes", "\"title\": T\n", []string{`title="T"`}},
	{"an explicit key", "? title\n: T\n", []string{`title="T"`}},
	{"a number as a key", "title: T\n1: x\n", []string{`3:1: front matter: unknown field "1"`}},
	{"a key in capitals", "Title: T\n", []string{`2:1: front matter: unknown field "Title"`}},
	{"a list as a key", "title: T\n[a]: x\n", []string{`3:4: found an invalid key for this map`}},
	{"a flow mapping", "{title: T, weight: 2}\n", []string{`title="T" weight=2`}},
	{"carriage returns", "title: T\r\nweight: 2\r\n", []string{`title="T" weight=2`}},
	{"a list", "- a\n- b\n", []string{`2:1: front matter must be a list of key: value lines`}},
	{"a Hugo key is not read", "title: T\nparams: {x: &a 1, y: !!str 2}\n", []string{`title="T"`}},
	{"a syntax error after a wrong value", "weight: 1.5\ntitle: [T\n", []string{`3:8: the [ that starts a list here is not closed: end the list with ], or put the value in quotes if the [ is part of the text`}},
	{"only a comment", "# niets\n", []string{``}},
}

// TestFrontMatterBothParsers runs each case through parseFrontMatter,
// which tries simpleFrontMatter first, and through the YAML library
// alone: they must agree, and read what the case wants.
func TestFrontMatterBothParsers(t *testing.T) {
	for _, c := range frontMatterCases {
		t.Run(c.name, func(t *testing.T) {
			fm, errs := parseFrontMatter([]byte(c.src), 2)
			lib, libErrs := parseYAMLFrontMatter([]byte(c.src), 2)
			got := describeFrontMatter(fm, errs)
			if want := describeFrontMatter(lib, libErrs); got != want {
				t.Fatalf("%q: the parsers differ\n  with the simple parser: %s\n  the library alone:      %s", c.src, got, want)
			}
			if errs == nil {
				if diff := cmp.Diff(lib, fm, cmp.AllowUnexported(frontMatter{}, keyLine{})); diff != "" {
					t.Fatalf("the parsers differ (-library +both):\n%s", diff)
				}
			}
			lines := strings.Split(got, "\n")
			if len(lines) != len(c.want) {
				t.Fatalf("%q read as\n  %s\nwant %d lines:\n  %s", c.src, strings.Join(lines, "\n  "), len(c.want), strings.Join(c.want, "\n  "))
			}
			for i, w := range c.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("line %d:\n  got  %s\n  want %s…", i+1, lines[i], w)
				}
			}
		})
	}
}

// describeFrontMatter is a front matter in one line, its fields that are
// set and its lines, or its problems, one a line.
func describeFrontMatter(fm frontMatter, errs ErrorList) string {
	if errs != nil {
		lines := make([]string, len(errs))
		for i, e := range errs.sort() {
			lines[i] = strings.TrimPrefix(e.Error(), ":")
		}
		return strings.Join(lines, "\n")
	}
	var parts []string
	add := func(name string, v any, set bool) {
		if set {
			parts = append(parts, fmt.Sprintf("%s=%v", name, v))
		}
	}
	link := func(l linkSpec) string {
		return strings.TrimSuffix(l.Page+"|"+l.Label, "|") + fmt.Sprintf("@%d", l.Line)
	}
	add("title", fmt.Sprintf("%q", fm.Title), fm.Title != "")
	add("linkTitle", fmt.Sprintf("%q", fm.LinkTitle), fm.LinkTitle != "")
	add("weight", fm.Weight, fm.Weight != 0)
	add("draft", fm.Draft, fm.Draft)
	add("description", fmt.Sprintf("%q", fm.Description), fm.Description != "")
	add("prompt", fmt.Sprintf("%q", fm.Prompt), fm.Prompt != "")
	add("slug", fmt.Sprintf("%q", fm.Slug), fm.Slug != "")
	if fm.Choices != nil {
		var cs []string
		for _, c := range fm.Choices {
			cs = append(cs, link(c))
		}
		add("choices", "["+strings.Join(cs, " ")+"]", true)
	}
	if fm.Prev != nil {
		add("prev", link(*fm.Prev), true)
	}
	if fm.Next != nil {
		add("next", link(*fm.Next), true)
	}
	add("lines", fmt.Sprint(fm.lines), len(fm.lines) > 0)
	return strings.Join(parts, " ")
}
