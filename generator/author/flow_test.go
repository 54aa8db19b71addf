package author

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/generator"
)

// flowSite has every kind of edge, and labels with the characters that
// Mermaid and DOT read: quotes, #, <, >, &, |, backticks, backslashes,
// and the typographic ‘’ and … of the eGov content.
func flowSite() map[string]string {
	return map[string]string{
		"site.yaml": "title: Stroom\n",
		"content/_index.md": "---\ntitle: Start\nchoices:\n  - page: a/_index.md\n    label: \"Begin \\\"hier\\\" | #1\"\n" +
			"  - info.md\n---\n\nZie ook [de site](https://example.be/pad?q=1&r=2) en [nog eens](https://example.be/pad?q=1&r=2).\n",
		"content/info.md":         "---\ntitle: Info\nlinkTitle: \"Info <b>vet</b> &Co `code`\"\nnext:\n  page: info2.md\n  label: Verder \\ terug\n---\n\nTekst.\n",
		"content/info2.md":        "---\ntitle: Info 2\nlinkTitle: \"Tweede ‘deel’ …\"\nprev: info.md\n---\n\nNaar [a](a/_index.md). Mail <post@example.be>.\n",
		"content/a/_index.md":     "---\ntitle: Menu A\nlinkTitle: \"Regel\\neen\"\nweight: 1\n---\n",
		"content/a/een.md":        "---\ntitle: Een\nweight: 1\n---\n\n[Terug naar info](../info2.md), [nog eens](../info2.md), [verder](twee.md).\n",
		"content/a/twee.md":       "---\ntitle: Twee\nweight: 2\nprev: een.md\n---\n\n[Elders](http://example.org/).\n",
		"content/a/drie.md":       "---\ntitle: Drie\nweight: 3\n---\n\nKlaar.\n",
		"content/_definitions.md": "---\ntitle: Definities\n---\n\nTerm\n: uitleg\n",
	}
}

func buildFlow(t *testing.T, files map[string]string) *Flow {
	t.Helper()
	site, err := generator.Generate(siteOptions(writeSite(t, files)))
	if err != nil {
		t.Fatalf("the site does not build:\n%v", err)
	}
	return NewFlow(site.Nodes)
}

func TestNewFlow(t *testing.T) {
	f := buildFlow(t, flowSite())
	var nodes []string
	for _, n := range f.Nodes {
		nodes = append(nodes, fmt.Sprintf("%s %s %q %v", n.ID, n.File, n.Label, n.Start))
	}
	wantNodes := []string{
		`n0 _index.md "Start" true`,
		`n1 a/_index.md "Regel\neen" false`,
		`n2 a/drie.md "Drie" false`,
		`n3 a/een.md "Een" false`,
		`n4 a/twee.md "Twee" false`,
		`n5 info.md "Info <b>vet</b> &Co ` + "`code`" + `" false`,
		`n6 info2.md "Tweede ‘deel’ …" false`,
	}
	if !slices.Equal(nodes, wantNodes) {
		t.Errorf("nodes:\n%s\nwant:\n%s", strings.Join(nodes, "\n"), strings.Join(wantNodes, "\n"))
	}
	var edges []string
	for _, e := range f.Edges {
		edges = append(edges, fmt.Sprintf("%s %s %s %q", e.From, e.Kind, e.To, e.Label))
	}
	wantEdges := []string{
		`n0 choice n1 "Begin \"hier\" | #1"`,
		`n0 choice n5 ""`,
		`n0 external e0 ""`, // the same address twice is one leaf and one edge
		`n1 choice n3 ""`,   // een and drie by weight, not twee: twee continues een's sequence
		`n1 choice n2 ""`,
		`n3 link n6 ""`, // two links to one node are one edge
		`n3 link n4 ""`,
		`n4 prev n3 ""`, // een does not name twee as its next
		`n4 external e1 ""`,
		`n5 next n6 "Verder \\ terug"`, // info2's prev mirrors this next: one edge
		`n6 link n1 ""`,
		`n6 external e2 ""`,
	}
	if !slices.Equal(edges, wantEdges) {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(edges, "\n"), strings.Join(wantEdges, "\n"))
	}
	var ext []string
	for _, e := range f.External {
		ext = append(ext, e.ID+" "+e.URL)
	}
	wantExt := []string{"e0 https://example.be/pad?q=1&r=2", "e1 http://example.org/", "e2 mailto:post@example.be"}
	if !slices.Equal(ext, wantExt) {
		t.Errorf("external: %q, want %q", ext, wantExt)
	}
}

// mermaidLine is every kind of line Mermaid output has. Quoted text has
// no quote in it; the escaping is checked apart.
var mermaidLine = []*regexp.Regexp{
	regexp.MustCompile(`^flowchart TD$`),
	regexp.MustCompile(`^  %%.*$`),
	regexp.MustCompile(`^  (?P<node>n\d+)\["(?P<label>[^"]*)"\]$`),
	regexp.MustCompile(`^  (?P<node>e\d+)\(\["(?P<label>[^"]*)"\]\)$`),
	regexp.MustCompile(`^  (?P<from>[ne]\d+) (-->|-\.->|==>|-\.-)(\|"(?P<label>[^"]*)"\|)? (?P<to>[ne]\d+)$`),
	regexp.MustCompile(`^  classDef (start|external) [a-z-]+:[0-9a-z ]+$`),
	regexp.MustCompile(`^  class (?P<classed>[ne]\d+(,[ne]\d+)*) (start|external)$`),
}

// mermaidUnescape reads the entity codes mermaidText writes.
func mermaidUnescape(s string) string {
	return regexp.MustCompile(`#(\d+);`).ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.Atoi(m[1 : len(m)-1])
		return string(rune(n))
	})
}

func TestMermaid(t *testing.T) {
	f := buildFlow(t, flowSite())
	out := f.Mermaid()
	if out != buildFlow(t, flowSite()).Mermaid() {
		t.Error("two builds of the same content give different Mermaid")
	}
	defined := map[string]bool{}
	var used, labels []string
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var m []string
		var re *regexp.Regexp
		for _, r := range mermaidLine {
			if m = r.FindStringSubmatch(line); m != nil {
				re = r
				break
			}
		}
		if m == nil {
			t.Errorf("line %d is not Mermaid this generator writes: %q", i+1, line)
			continue
		}
		for j, name := range re.SubexpNames() {
			switch v := m[j]; name {
			case "node":
				if defined[v] {
					t.Errorf("line %d defines %s again", i+1, v)
				}
				defined[v] = true
			case "from", "to":
				used = append(used, v)
			case "classed":
				used = append(used, strings.Split(v, ",")...)
			case "label":
				// Outside an entity code, nothing Mermaid reads is left.
				if rest := regexp.MustCompile(`#\d+;`).ReplaceAllString(v, ""); strings.ContainsAny(rest, "\"#<>&|`\n") {
					t.Errorf("line %d: label %q is not escaped", i+1, v)
				}
				labels = append(labels, mermaidUnescape(v))
			}
		}
	}
	for _, id := range used {
		if !defined[id] {
			t.Errorf("%s is used but not defined", id)
		}
	}
	if len(defined) != len(f.Nodes)+len(f.External) {
		t.Errorf("%d nodes defined, want %d", len(defined), len(f.Nodes)+len(f.External))
	}
	for _, want := range []string{`Begin "hier" | #1`, "Info <b>vet</b> &Co `code`", "Tweede ‘deel’ …", "Regel een", `Verder \ terug`, "example.be/pad"} {
		if !slices.Contains(labels, want) {
			t.Errorf("no label reads %q; labels: %q", want, labels)
		}
	}
	if n := strings.Count(out, " ==> "); n != 1 {
		t.Errorf("%d next edges, want 1", n)
	}
}

func TestDOT(t *testing.T) {
	f := buildFlow(t, flowSite())
	out := f.DOT()
	if out != buildFlow(t, flowSite()).DOT() {
		t.Error("two builds of the same content give different DOT")
	}
	for _, want := range []string{
		`n0 -> n1 [label="Begin \"hier\" | #1"];`,
		`n1 [label="Regel een", tooltip="content/a/_index.md"];`,
		`n6 [label="Tweede ‘deel’ …", tooltip="content/info2.md"];`,
		`n5 -> n6 [style=bold, label="Verder \\ terug"];`,
		`n4 -> n3 [style=dotted];`,
		`n0 [label="Start", tooltip="content/_index.md", peripheries=2];`,
		`e0 [label="example.be/pad", URL="https://example.be/pad?q=1&amp;r=2", shape=note, style=dashed];`,
		`n6 -> e2 [style=dashed, arrowhead=empty];`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s\n%s", want, out)
		}
	}
	if !strings.HasPrefix(out, "digraph wizard {\n") || !strings.HasSuffix(out, "}\n") {
		t.Errorf("not one digraph:\n%s", out)
	}
}

// TestDOTRendersWithGraphviz gives the DOT of the test site and of the
// eGov content to Graphviz, which must accept it without a word and
// draw every label.
func TestDOTRendersWithGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("SKIPPED, NO GRAPHVIZ: `dot` is not installed (apt-get install graphviz); the DOT output is not rendered")
	}
	repo := eGovSite(t)
	for name, f := range map[string]*Flow{"test site": buildFlow(t, flowSite()), "eGov content": NewFlow(repo.Nodes)} {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = strings.NewReader(f.DOT())
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil || stderr.Len() > 0 {
				t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
			}
			svg := stdout.String()
			var text []string
			dec := xml.NewDecoder(strings.NewReader(svg))
			inText := false
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("Graphviz wrote SVG that is not XML: %v", err)
				}
				switch tok := tok.(type) {
				case xml.StartElement:
					inText = tok.Name.Local == "text"
				case xml.EndElement:
					inText = false
				case xml.CharData:
					if inText {
						text = append(text, string(tok))
					}
				}
			}
			drawn := strings.Join(text, " ")
			for _, n := range f.Nodes {
				for _, l := range generator.WrapLabel(n.Label, 28) {
					if !strings.Contains(drawn, l) {
						t.Errorf("the drawing lacks %q", l)
					}
				}
			}
			if got := strings.Count(svg, `class="edge"`); got != len(f.Edges) {
				t.Errorf("%d edges drawn, want %d", got, len(f.Edges))
			}
		})
	}
}

func TestShortURL(t *testing.T) {
	tests := map[string]string{
		"https://example.be/":        "example.be",
		"https://example.be/pad?q=1": "example.be/pad",
		"mailto:post@example.be":     "post@example.be",
		"https://www.socialsecurity.be/site_nl/employer/general/contactcenter/index.htm": "www.socialsecurity.be/site_nl/employer/…",
	}
	for in, want := range tests {
		if got := shortURL(in); got != want {
			t.Errorf("shortURL(%q) = %q, want %q", in, got, want)
		}
	}
}
