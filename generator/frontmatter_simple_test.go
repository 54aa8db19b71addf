package generator

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// simpleCases are front matters with whether simpleFrontMatter reads
// them itself; when it does, it must read what the YAML library reads.
var simpleCases = []struct {
	name, src string
	simple    bool
}{
	{"quoted", "title: \"Ik ben een …\"\nlinkTitle: 'Boekhouder'\nweight: 5\nprompt: \"… en ik wil:\"\n", true},
	{"plain", "title: Start\ndescription: Een wizard voor rollen & toegangen\nslug: start\ndraft: false\n", true},
	{"sequence", "title: A\nprev: ../a.md\nnext: b/_index.md\n", true},
	{"blank lines and trailing spaces after a quote", "\ntitle: \"A\"   \n\nweight: -3\n", true},
	{"draft", "title: A\ndraft: true\n", true},
	{"choices", "title: A\nchoices:\n  - a.md\n", false},
	{"a link as a mapping", "title: A\nnext: {page: b.md, label: B}\n", false},
	{"a Hugo key", "title: A\ndate: 2024-01-02\n", false},
	{"a typo", "titel: A\n", false},
	{"a repeated key", "title: A\ntitle: B\n", false},
	{"a comment", "title: A # not the title\n", false},
	{"a comment line", "# note\ntitle: A\n", false},
	{"an escape", "title: \"A\\tB\"\n", false},
	{"a quote in single quotes", "title: 'it''s'\n", false},
	{"text after the quote", "title: \"A\" B\n", false},
	{"no space after the colon", "title:A\n", false},
	{"a tab after the colon", "title:\tA\n", false},
	{"an empty value", "title:\n", false},
	{"a number as the title", "title: 12\n", false},
	{"a float as the title", "title: 1.5e3\n", false},
	{"null as the title", "title: ~\n", false},
	{"a boolean as the title", "title: true\n", false},
	{"a date as the title", "title: 2024-01-02\n", false},
	{"infinity as the title", "title: .inf\n", false},
	{"not a number as the prev", "title: A\nprev: .NaN\n", false},
	{"a relative path as the next", "title: A\nnext: ../b/c.md\n", true},
	{"an anchor", "title: &a A\n", false},
	{"a block scalar", "title: |\n  A\n", false},
	{"a leading zero", "title: A\nweight: 05\n", false},
	{"a quoted weight", "title: A\nweight: \"5\"\n", false},
	{"draft yes", "title: A\ndraft: yes\n", false},
	{"carriage returns", "title: A\r\n", false},
	{"an indented key", " title: A\n", false},
	{"a colon in plain text", "title: Vraag: wat?\n", false},
	{"a plain value ending in a colon", "prompt: en ik wil:\n", false},
	{"trailing spaces in plain text", "title: A  \n", false},
	{"a control character", "title: \"A\x7fB\"\n", false},
}

// TestSimpleFrontMatter: simpleFrontMatter reads what it should, and the
// same as the library; the rest it leaves to the library.
func TestSimpleFrontMatter(t *testing.T) {
	for _, c := range simpleCases {
		t.Run(c.name, func(t *testing.T) {
			_, simple := simpleFrontMatter([]byte(c.src), 2)
			if simple != c.simple {
				t.Errorf("read without the library: %v, want %v", simple, c.simple)
			}
			compareFrontMatter(t, []byte(c.src))
		})
	}
}

// TestSimpleFrontMatterReadsTheContent: the front matter of every node of
// the eGov site is read without the library, but where it has a list or
// a mapping (choices, a link with a label).
func TestSimpleFrontMatterReadsTheContent(t *testing.T) {
	content := os.DirFS("../content")
	var files []string
	err := fs.WalkDir(content, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(name, ".md") {
			files = append(files, name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	simple := 0
	for _, name := range files {
		data, err := fs.ReadFile(content, name)
		if err != nil {
			t.Fatal(err)
		}
		yamlSrc, line, _, ferr := splitFrontMatter(data)
		if ferr != nil || yamlSrc == nil {
			continue
		}
		_, ok := simpleFrontMatter(yamlSrc, line)
		if ok {
			simple++
		} else if !strings.Contains(string(yamlSrc), "\n ") {
			t.Errorf("%s: its front matter goes to the YAML library:\n%s", name, yamlSrc)
		}
		compareFrontMatter(t, yamlSrc)
	}
	if simple < 20 {
		t.Errorf("only %d of %d node files read without the library", simple, len(files))
	}
}

func FuzzSimpleFrontMatter(f *testing.F) {
	for _, c := range simpleCases {
		f.Add([]byte(c.src))
	}
	for _, c := range frontMatterCases {
		f.Add([]byte(c.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) { compareFrontMatter(t, src) })
}

// compareFrontMatter wants simpleFrontMatter, when it reads src, to read
// it as the YAML library does.
func compareFrontMatter(t *testing.T, src []byte) {
	t.Helper()
	got, ok := simpleFrontMatter(src, 2)
	if !ok {
		return
	}
	want, err := parseYAMLFrontMatter(src, 2)
	if err != nil {
		t.Fatalf("read without the library, and the library says %v:\n%q", err, src)
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(frontMatter{}, keyLine{})); diff != "" {
		t.Errorf("%q: read otherwise than the library (-library +simple):\n%s", src, diff)
	}
}
