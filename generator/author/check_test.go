package author

import (
	"os"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/internal/sitetest"
)

// withFiles is smallSite with some files replaced or added.
func withFiles(extra map[string]string) map[string]string {
	files := smallSite()
	for k, v := range extra {
		files[k] = v
	}
	return files
}

func TestCheck(t *testing.T) {
	type want struct {
		file, severity, message string
		line                    int
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []want // every problem, in order
	}{
		{name: "clean site", files: smallSite()},
		{name: "empty page",
			files: withFiles(map[string]string{"content/a/drie.md": "---\ntitle: Drie\nweight: 3\n---\n\n<!-- nog schrijven -->\n"}),
			want:  []want{{"site/content/a/drie.md", "warning", "empty page: no text and no choices", 2}}},
		{name: "answer page that leads nowhere",
			files: withFiles(map[string]string{"content/a/drie.md": "---\nweight: 3\ntitle: Drie\n---\n\nGewoon tekst.\n"}),
			want:  []want{{"site/content/a/drie.md", "warning", "answer page with no way onward", 3}}},
		{name: "a next, a body link, a mailto each lead onward",
			files: withFiles(map[string]string{
				"content/a/drie.md": "---\ntitle: Drie\nweight: 3\nnext: een.md\n---\n\nTekst.\n",
				"content/a/vier.md": "---\ntitle: Vier\nweight: 4\n---\n\nTerug naar [een](een.md).\n",
				"content/a/vijf.md": "---\ntitle: Vijf\nweight: 5\n---\n\nMail <info@example.org>.\n",
			})},
		{name: "siblings with the same label",
			files: withFiles(map[string]string{"content/a/drie.md": "---\ntitle: Drie\nlinkTitle: \" een \"\nweight: 3\n---\n\nZie [een](een.md).\n"}),
			want: []want{{"site/content/a/drie.md", "warning",
				`same label " een " as its sibling content/a/een.md`, 3}}},
		{name: "choices with the same label",
			files: withFiles(map[string]string{"content/_index.md": "---\ntitle: Welkom\nchoices:\n  - page: a/_index.md\n    label: Start\n  - page: a/een.md\n    label: start\n---\n\nKies.\n"}),
			want:  []want{{"site/content/_index.md", "warning", `choices: the label "start" is used twice (items 1 and 2)`, 6}}},
		{name: "http link",
			files: withFiles(map[string]string{"content/a/twee.md": "---\ntitle: Twee\nweight: 2\n---\n\nGa naar\n[de site](http://example.org/).\n"}),
			want:  []want{{"site/content/a/twee.md", "warning", `external link "http://example.org/" uses http://`, 7}}},
		{name: "addresses that are not valid",
			files: withFiles(map[string]string{"content/a/twee.md": "---\ntitle: Twee\nweight: 2\n---\n\n" +
				"[a](https://localhost/x)\n[b](https://exa_mple.be/)\n[c](mailto:iemand)\n[d](tel:bel-ons)\n[e](<https://example.be/a b>)\n"}),
			want: []want{
				{"site/content/a/twee.md", "warning", `"localhost" is not a full host name`, 6},
				{"site/content/a/twee.md", "warning", `"exa_mple.be" is not a valid host name: '_' is not allowed`, 7},
				{"site/content/a/twee.md", "warning", `"iemand" is not an e-mail address`, 8},
				{"site/content/a/twee.md", "warning", `"bel-ons" is not a telephone number`, 9},
				{"site/content/a/twee.md", "warning", "it contains a space", 10},
			}},
		{name: "a site in two languages",
			files: withFiles(map[string]string{
				"site.yaml":              "title: Testwizard\nlanguage: nl\nlanguages:\n  fr:\n    title: Assistant\n",
				"content/a/_index.fr.md": "---\ntitle: Menu A FR\n---\n",
				"content/a/een.fr.md":    "---\ntitle: Twee\n---\n\nVoir [deux](twee.md).\n",
			}),
			want: []want{
				{"site/content/_definitions.md", "warning", "no translation into fr (content/_definitions.fr.md): the fr pages show it in nl, with a notice", 1},
				{"site/content/_index.md", "warning", "no translation into fr (content/_index.fr.md)", 1},
				{"site/content/a/_index.fr.md", "warning", "no prompt, where content/a/_index.md has one", 2},
				{"site/content/a/twee.md", "warning", "no translation into fr (content/a/twee.fr.md)", 1},
				{"site/content/a/twee.md", "warning", `same label "Twee" as its sibling content/a/een.fr.md`, 2},
			}},
		{name: "errors of the build, and no warnings",
			files: withFiles(map[string]string{
				"content/a/twee.md": "---\ntitle: Twee\nweight: 2\n---\n\nNaar [nergens](nergens.md).\n",
				"content/a/drie.md": "---\ntitle: Drie\nweight: 3\n---\n",
			}),
			want: []want{{"site/content/a/twee.md", "error", `link to "nergens.md": no such node or file`, 6}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSite(t, tt.files)
			r, err := Check(siteOptions(dir))
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Problems) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(r.Problems), len(tt.want), problemLines(r.Problems))
			}
			for i, w := range tt.want {
				p := r.Problems[i]
				if p.File != w.file || p.Line != w.line || string(p.Severity) != w.severity || !strings.Contains(p.Message, w.message) {
					t.Errorf("problem %d is\n  %s (%s)\nwant %s:%d: %s: …%s…", i, p, p.Severity, w.file, w.line, w.severity, w.message)
				}
			}
			errs := 0
			for _, w := range tt.want {
				if w.severity == "error" {
					errs++
				}
			}
			if got := r.Count(SeverityError); got != errs {
				t.Errorf("Count(error) = %d, want %d", got, errs)
			}
			if wantNodes := nodeFiles(tt.files); errs == 0 && r.Nodes != wantNodes {
				t.Errorf("Nodes = %d for %d node files", r.Nodes, wantNodes)
			}
		})
	}
}

// nodeFiles counts the node files of a site: the .md files of content/
// other than the definitions and the French translations.
func nodeFiles(files map[string]string) int {
	n := 0
	for name := range files {
		if strings.HasPrefix(name, "content/") && strings.HasSuffix(name, ".md") && name != "content/_definitions.md" && !strings.HasSuffix(name, ".fr.md") {
			n++
		}
	}
	return n
}

func problemLines(list []Problem) string {
	var b strings.Builder
	for _, p := range list {
		b.WriteString("  " + p.String() + "\n")
	}
	return b.String()
}

func TestCheckWritesNothing(t *testing.T) {
	dir := writeSite(t, withFiles(map[string]string{"content/a/drie.md": "---\ntitle: Drie\nweight: 3\n---\n"}))
	before := sitetest.Snapshot(t, dir)
	if _, err := Check(siteOptions(dir)); err != nil {
		t.Fatal(err)
	}
	if !unchanged(t, dir, before) {
		t.Error("check changed the site root")
	}
	if _, err := os.Stat(dir + "/public"); !os.IsNotExist(err) {
		t.Errorf("check wrote public/: %v", err)
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "content/a.md", Line: 3, Severity: SeverityError, Message: "kapot"}, "content/a.md:3: kapot"},
		{Problem{File: "content/a.md", Line: 3, Col: 7, Severity: SeverityWarning, Message: "vreemd"}, "content/a.md:3:7: warning: vreemd"},
		{Problem{File: "content", Severity: SeverityError, Message: "geen map"}, "content: geen map"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.p.String(); got != tt.want {
				t.Errorf("got %q", got)
			}
		})
	}
}

func TestExternalProblem(t *testing.T) {
	tests := []struct {
		url  string
		want string // part of the message; "" for a valid address
	}{
		{"https://www.socialsecurity.be/site_nl/employer/general/contactcenter/index.htm", ""},
		{"http://kbopub.economie.fgov.be/kbopub/zoekwoordenform.html?lang=nl", ""},
		{"https://example.be:8443/pad?q=1#deel", ""},
		{"https://[2001:db8::1]/", ""},
		{"https://192.0.2.7/", ""},
		{"https://bücher.example/", ""},
		{"https://example.be./", ""},
		{"mailto:info@example.be?subject=Vraag", ""},
		{"tel:+32-2-511.51.51", ""},
		{"https://intranet/", "not a full host name"},
		{"https://-bad.example.be/", "not a valid host name"},
		{"https://example..be/", "not a valid host name"},
		{"https://example.123/", "not a valid host name"},
		{"https://exa$mple.be/", "not a valid host name"},
		{"mailto:@example.be", "not an e-mail address"},
		{"mailto:iemand@localhost", "not an e-mail address"},
		{"tel:12", "not a telephone number"},
		{"https://example.be/met spatie", "contains a space"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			got := externalProblem(tt.url)
			if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
				t.Errorf("externalProblem(%q) = %q, want …%s…", tt.url, got, tt.want)
			}
		})
	}
}

func TestHasText(t *testing.T) {
	tests := []struct {
		body string
		want bool
	}{
		{"", false},
		{"\n\n  \n", false},
		{"<!-- alleen een opmerking -->\n", false},
		{"<!-- een -->\n<!--\ntwee\n-->\n", false},
		{"<!-- niet gesloten", false},
		{"Tekst.\n", true},
		{"<!-- tip -->\nTekst.\n", true},
		{"Tekst <!-- tip -->", true},
		{"> [!NOTE]\n> Een opmerking.\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			if got := hasText([]byte(tt.body)); got != tt.want {
				t.Errorf("hasText(%q) = %v", tt.body, got)
			}
		})
	}
}
