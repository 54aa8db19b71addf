package generator

import (
	"strings"
	"testing"
)

// Front matter in TOML (+++) or JSON reads as YAML does: the same keys,
// and every problem at the writer's line.
func TestTOMLAndJSONFrontMatter(t *testing.T) {
	tests := []struct {
		name, file string
		want       frontMatter // title, weight and the links' pages and lines
		wantErrs   []string    // line:col: message, each a prefix
	}{
		{name: "TOML",
			file: "+++\ntitle = \"Een: de eerste\"\nweight = 2\ndate = 2024-01-02\nnext = \"twee.md\"\n+++\nTekst\n",
			want: frontMatter{Title: "Een: de eerste", Weight: 2, Next: &linkSpec{Page: "twee.md", Line: 5}}},
		{name: "TOML lists of tables, each at its header",
			file: "+++\ntitle = \"Een\"\n\n[[choices]]\npage = \"a.md\"\nlabel = \"A\"\n\n[[choices]]\npage = \"b.md\"\n\n[prev]\npage = \"c.md\"\n+++\n",
			want: frontMatter{Title: "Een", Choices: []linkSpec{{Page: "a.md", Label: "A", Line: 4}, {Page: "b.md", Line: 8}},
				Prev: &linkSpec{Page: "c.md", Line: 11}}},
		{name: "TOML problems at their lines",
			file:     "+++\ntitle = \"Een\"\ntitel = \"Een\"\nweight = 1.5\n+++\n",
			wantErrs: []string{`3:1: front matter: unknown field "titel"`, "4:"}},
		{name: "TOML syntax",
			file:     "+++\ntitle = \"Een\nweight = 1\n+++\n",
			wantErrs: []string{"2:"}},
		{name: "TOML not closed",
			file:     "+++\ntitle = \"Een\"\n",
			wantErrs: []string{"1: front matter is not closed: no line +++ after the opening one"}},
		{name: "JSON",
			file: "{\n\t\"title\": \"Twee\",\n  \"weight\": 2,\n  \"next\": {\"page\": \"drie.md\", \"label\": \"Verder\"}\n}\n\nTekst\n",
			want: frontMatter{Title: "Twee", Weight: 2, Next: &linkSpec{Page: "drie.md", Label: "Verder", Line: 4}}},
		{name: "JSON problems at their lines",
			file:     "{\n  \"title\": \"Twee\",\n  \"titel\": 2,\n  \"draft\": \"yes\"\n}\n",
			wantErrs: []string{`3:3: front matter: unknown field "titel"`, "4:"}},
		{name: "JSON syntax",
			file:     "{\n  \"title\": \"Twee\"\n  \"weight\": 2\n}\n",
			wantErrs: []string{"3: front matter in JSON: invalid character"}},
		{name: "JSON text after the object",
			file:     "{\"title\": \"Twee\"} Tekst\n",
			wantErrs: []string{"1: front matter in JSON: text after the closing }"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, line, body, err := splitFrontMatter([]byte(tt.file))
			var errs ErrorList
			var fm frontMatter
			if err != nil {
				errs = ErrorList{err}
			} else {
				fm, errs = parseFrontMatter(src, line)
				if strings.Count(string(body), "\n") != strings.Count(tt.file, "\n") {
					t.Errorf("the body has other lines than the file: %q", body)
				}
			}
			if len(tt.wantErrs) > 0 {
				if len(errs) != len(tt.wantErrs) {
					t.Fatalf("errors %v, want %d: %q", errs, len(tt.wantErrs), tt.wantErrs)
				}
				for i, w := range tt.wantErrs {
					if got := strings.TrimPrefix(errs[i].Error(), ":"); !strings.HasPrefix(got, w) {
						t.Errorf("error %q, want one starting %q", got, w)
					}
				}
				return
			}
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if fm.Title != tt.want.Title || fm.Weight != tt.want.Weight {
				t.Errorf("title %q weight %d, want %q %d", fm.Title, fm.Weight, tt.want.Title, tt.want.Weight)
			}
			sameLink := func(what string, got, want *linkSpec) {
				if (got == nil) != (want == nil) || got != nil && *got != *want {
					t.Errorf("%s %+v, want %+v", what, got, want)
				}
			}
			sameLink("next", fm.Next, tt.want.Next)
			sameLink("prev", fm.Prev, tt.want.Prev)
			if len(fm.Choices) != len(tt.want.Choices) {
				t.Fatalf("choices %+v, want %+v", fm.Choices, tt.want.Choices)
			}
			for i := range fm.Choices {
				sameLink("choice", &fm.Choices[i], &tt.want.Choices[i])
			}
		})
	}
}
