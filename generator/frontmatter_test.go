package generator

import (
	"strings"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		wantYAML string
		wantBody string
		wantErr  string
		errLine  int
	}{
		{name: "none", src: "# Hello\n", wantBody: "# Hello\n"},
		{name: "plain", src: "---\ntitle: A\n---\nBody\n", wantYAML: "title: A\n", wantBody: "\n\n\nBody\n"},
		{name: "crlf", src: "---\r\ntitle: A\r\n---\r\nBody\r\n", wantYAML: "title: A\r\n", wantBody: "\n\n\nBody\r\n"},
		{name: "empty", src: "---\n---\n", wantYAML: "", wantBody: "\n\n"},
		{name: "trailing spaces on fences", src: "--- \ntitle: A\n---  \nx", wantYAML: "title: A\n", wantBody: "\n\n\nx"},
		{name: "unclosed", src: "---\ntitle: A\nBody\n", wantErr: "not closed", errLine: 1},
		{name: "toml", src: "+++\ntitle = 'A'\n+++\n", wantYAML: "title: \"A\"\n", wantBody: "\n\n\n"},
		{name: "json", src: "{\"title\": \"A\"}\nx\n", wantYAML: "{\"title\": \"A\"}", wantBody: "\nx\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			yamlSrc, _, body, err := splitFrontMatter([]byte(tt.src))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Err.Error(), tt.wantErr) || err.Line != tt.errLine {
					t.Fatalf("error = %v, want line %d containing %q", err, tt.errLine, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if string(yamlSrc) != tt.wantYAML {
				t.Errorf("yaml = %q, want %q", yamlSrc, tt.wantYAML)
			}
			if string(body) != tt.wantBody {
				t.Errorf("body = %q, want %q", body, tt.wantBody)
			}
			if got, want := strings.Count(string(body), "\n"), strings.Count(tt.src, "\n"); got != want {
				t.Errorf("body has %d lines, the file %d: line numbers would shift", got, want)
			}
		})
	}
}

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		check   func(t *testing.T, fm frontMatter)
		wantErr string
		errLine int // line in the file; the YAML starts on line 2
	}{
		{name: "all keys", yaml: "title: T\nlinkTitle: L\nweight: 3\ndraft: true\ndescription: D\nprompt: P\nslug: s\n",
			check: func(t *testing.T, fm frontMatter) {
				if fm.Title != "T" || fm.LinkTitle != "L" || fm.Weight != 3 || !fm.Draft || fm.Description != "D" || fm.Prompt != "P" || fm.Slug != "s" {
					t.Errorf("got %+v", fm)
				}
			}},
		{name: "link as path", yaml: "title: T\nnext: b.md\n", check: func(t *testing.T, fm frontMatter) {
			if fm.Next == nil || fm.Next.Page != "b.md" || fm.Next.Label != "" || fm.Next.Line != 3 {
				t.Errorf("next = %+v, want b.md at line 3", fm.Next)
			}
		}},
		{name: "link as mapping", yaml: "title: T\nprev:\n  page: a.md\n  label: Terug naar A\n", check: func(t *testing.T, fm frontMatter) {
			if fm.Prev == nil || fm.Prev.Page != "a.md" || fm.Prev.Label != "Terug naar A" || fm.Prev.Line != 3 {
				t.Errorf("prev = %+v", fm.Prev)
			}
		}},
		{name: "choices with lines", yaml: "title: T\nchoices:\n  - a.md\n  - page: b.md\n    label: B\n", check: func(t *testing.T, fm frontMatter) {
			if len(fm.Choices) != 2 || fm.Choices[0].Line != 4 || fm.Choices[1].Line != 5 || fm.Choices[1].Label != "B" {
				t.Errorf("choices = %+v", fm.Choices)
			}
		}},
		{name: "unknown key", yaml: "title: T\ntitel: X\n", wantErr: "unknown field \"titel\"", errLine: 3},
		{name: "wrong type", yaml: "title: T\nweight: veel\n", wantErr: "weight", errLine: 3},
		{name: "syntax error", yaml: "title: T\nweight: [1\n", wantErr: "is not closed", errLine: 3},
		{name: "repeated key", yaml: "title: T\ntitle: U\n", wantErr: "written twice, on lines 2 and 3", errLine: 3},
		{name: "not a mapping", yaml: "- a\n- b\n", wantErr: "key: value", errLine: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, err := parseFrontMatter([]byte(tt.yaml), 2)
			if tt.errLine != 0 {
				if err == nil {
					t.Fatalf("no error, want one at line %d", tt.errLine)
				}
				if len(err) != 1 || err[0].Line != tt.errLine || !strings.Contains(err[0].Err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one at line %d containing %q", err, tt.errLine, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			tt.check(t, fm)
		})
	}
}
