package generator

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuilderBodyEdits checks the quick path for edits of bodies alone:
// a broken link or a node left unreachable fails the build and keeps the
// last good site; the fix builds again; the output is always what a build
// from scratch makes.
func TestBuilderBodyEdits(t *testing.T) {
	files := smallSite()
	// drie continues a sequence, so only een's link leads to it.
	files["content/a/drie.md"] = "---\ntitle: Drie\nprev: een.md\n---\n"
	files["content/a/een.md"] = "---\ntitle: Een\nweight: 1\n---\n\nDan [drie](drie.md).\n"
	dir, b := builtSite(t, files)
	const een = "content/a/een.md"
	steps := []struct {
		name    string
		data    string
		wantErr string
	}{
		{name: "broken link", data: "---\ntitle: Een\nweight: 1\n---\n\n[twee](twe.md)\n",
			wantErr: `site/content/a/een.md:6: link to "twe.md": no such node or file`},
		{name: "the only link to drie removed", data: "---\ntitle: Een\nweight: 1\n---\n\nGeen link.\n",
			wantErr: "site/content/a/drie.md:1: not reachable from the start page"},
		{name: "fixed", data: "---\ntitle: Een\nweight: 1\n---\n\nNu [naar drie](drie.md).\n"},
		{name: "raw HTML", data: "---\ntitle: Een\nweight: 1\n---\n\n<b>vet</b>\n",
			wantErr: "site/content/a/een.md:6: raw HTML is not passed through"},
		{name: "fixed again", data: "---\ntitle: Een\nweight: 1\n---\n\nWeer [naar drie](drie.md).\n"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			site := rebuildStep(t, b, dir, een, s.data, s.wantErr)
			if site != nil && site.Rendered != 1 {
				t.Errorf("rendered %d pages, want 1", site.Rendered)
			}
		})
	}
}

// TestBuilderTitleEdits checks the quick path for edits of what pages
// show of a node: a title that moves the node among its siblings, or is
// emptied, or a choice label taken from it. After every step the output
// is what a build from scratch makes, or the error is the same.
func TestBuilderTitleEdits(t *testing.T) {
	files := smallSite()
	// Equal weights: the link titles order een and twee.
	files["content/a/een.md"] = "---\ntitle: Een\nnext: drie.md\n---\n\nZie ook [twee](twee.md).\n"
	files["content/a/twee.md"] = "---\ntitle: Twee\n---\n\nTekst.\n"
	files["content/a/drie.md"] = "---\ntitle: Drie\nweight: 5\nprev: een.md\n---\n"
	dir, b := builtSite(t, files)
	const een = "content/a/een.md"
	steps := []struct {
		name         string
		data         string
		wantRendered int // the quick path: een, a, drie (its prev label) and the overview, also when een moves among its siblings
		wantIn       map[string]string
		wantErr      string
	}{
		{name: "label kept in place", data: "---\ntitle: Eerste\nnext: drie.md\n---\n\nZie ook [twee](twee.md).\n", wantRendered: 4,
			wantIn: map[string]string{"a/index.html": ">Eerste<", "a/drie/index.html": "Eerste"}},
		// A second splice right after the first: the label is shorter than
		// the last, and must land where the first one left it.
		{name: "a shorter label, spliced again", data: "---\ntitle: E1\nnext: drie.md\n---\n\nZie ook [twee](twee.md).\n", wantRendered: 4,
			wantIn: map[string]string{"overzicht/index.html": ">E1</a>"}},
		{name: "label long enough to wrap in the map", data: "---\ntitle: Eerste\nlinkTitle: Eerste van de pagina's van dit menu, met een label dat over meer regels loopt\nnext: drie.md\n---\n\nZie ook [twee](twee.md).\n", wantRendered: 4,
			wantIn: map[string]string{"overzicht/index.html": "over meer regels loopt"}},
		{name: "label that sorts it after twee", data: "---\ntitle: Vijfde\nnext: drie.md\n---\n\nZie ook [twee](twee.md).\n", wantRendered: 4,
			wantIn: map[string]string{"a/index.html": ">Vijfde<"}},
		{name: "title emptied", data: "---\ntitle: \"\"\nnext: drie.md\n---\n\nZie ook [twee](twee.md).\n",
			wantErr: "site/content/a/een.md:2: missing title"},
		{name: "title back", data: "---\ntitle: Een\nnext: drie.md\n---\n\nZie ook [twee](twee.md).\n", wantRendered: 4,
			wantIn: map[string]string{"a/index.html": ">Een<"}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			site := rebuildStep(t, b, dir, een, s.data, s.wantErr)
			if site == nil {
				return
			}
			if site.Rendered != s.wantRendered {
				t.Errorf("rendered %d pages, want %d", site.Rendered, s.wantRendered)
			}
			for name, want := range s.wantIn {
				if !strings.Contains(string(site.Files[name]), want) {
					t.Errorf("%s lacks %q", name, want)
				}
			}
		})
	}
}

// TestBuilderLinkEdits checks the quick path for edits of where a node
// leads: its choices, prev and next. A node with a prev leaves its
// parent's choices, so the parent's page is rendered too; a link to no
// node, or a node no longer reached, fails as a build from scratch
// fails, and a later fix builds again.
func TestBuilderLinkEdits(t *testing.T) {
	files := smallSite()
	files["content/a/drie.md"] = "---\ntitle: Drie\nweight: 3\n---\n\nTekst.\n"
	dir, b := builtSite(t, files)
	const een, drie, menu = "content/a/een.md", "content/a/drie.md", "content/a/_index.md"
	steps := []struct {
		name, rel, data string
		wantRendered    int // 0: not checked (after a failed step, the files carried over count too)
		wantIn, wantOut map[string]string
		wantErr         string
	}{
		{name: "next added", rel: een, data: "---\ntitle: Een\nweight: 1\nnext: drie.md\n---\n\nZie ook [twee](twee.md).\n", wantRendered: 1,
			wantIn: map[string]string{"a/een/index.html": `href="../drie/index.html"`}},
		{name: "prev added: drie leaves the menu's choices", rel: drie, data: "---\ntitle: Drie\nweight: 3\nprev: een.md\n---\n\nTekst.\n", wantRendered: 2,
			wantIn:  map[string]string{"a/drie/index.html": `href="../een/index.html"`},
			wantOut: map[string]string{"a/index.html": `href="drie/index.html"`}},
		{name: "the menu's own choices", rel: menu, data: "---\ntitle: Menu A\nprompt: \"… en ik wil:\"\nweight: 1\nchoices:\n  - twee.md\n  - page: een.md\n    label: De eerste\n---\n", wantRendered: 1,
			wantIn: map[string]string{"a/index.html": ">De eerste<"}},
		{name: "a choice to no node", rel: menu, data: "---\ntitle: Menu A\nweight: 1\nchoices:\n  - twee.md\n  - vijf.md\n---\n",
			wantErr: `site/content/a/_index.md:6: choices: link to "vijf.md": no such node`},
		{name: "choices fixed", rel: menu, data: "---\ntitle: Menu A\nweight: 1\nchoices:\n  - twee.md\n  - een.md\n---\n",
			wantIn: map[string]string{"a/index.html": `href="een/index.html"`}},
		{name: "drie no longer reached", rel: een, data: "---\ntitle: Een\nweight: 1\n---\n\nZie ook [twee](twee.md).\n",
			wantErr: "site/content/a/drie.md:1: not reachable from the start page"},
		{name: "reached again", rel: een, data: "---\ntitle: Een\nweight: 1\nnext: drie.md\n---\n\nZie ook [twee](twee.md).\n",
			wantIn: map[string]string{"a/een/index.html": `href="../drie/index.html"`}},
		{name: "prev dropped: drie back among the menu's default choices", rel: menu, data: "---\ntitle: Menu A\nweight: 1\n---\n", wantRendered: 1},
		{name: "prev dropped", rel: drie, data: "---\ntitle: Drie\nweight: 3\n---\n\nTekst.\n", wantRendered: 2,
			wantIn: map[string]string{"a/index.html": `href="drie/index.html"`}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			site := rebuildStep(t, b, dir, s.rel, s.data, s.wantErr)
			if site == nil {
				return
			}
			if s.wantRendered != 0 && site.Rendered != s.wantRendered {
				t.Errorf("rendered %d pages, want %d", site.Rendered, s.wantRendered)
			}
			for name, want := range s.wantIn {
				if !strings.Contains(string(site.Files[name]), want) {
					t.Errorf("%s lacks %q", name, want)
				}
			}
			for name, unwanted := range s.wantOut {
				if strings.Contains(string(site.Files[name]), unwanted) {
					t.Errorf("%s still has %q", name, unwanted)
				}
			}
		})
	}
}

// TestBuilderOwnOverviewTemplate checks that a link title edit reaches a
// site's own overview template, which may show labels anywhere: the
// quick path draws such a page again rather than splice it.
func TestBuilderOwnOverviewTemplate(t *testing.T) {
	files := smallSite()
	files["theme/templates/overview.html"] = "{{template \"top.html\" .}}<main id=\"main\"><h1>{{.T.OverviewTitle}}</h1>" +
		"<p>{{range .Tree}}{{range .Children}}{{range .Children}}[{{.Label}}]{{end}}{{end}}{{end}}</p></main>{{.Render \"bottom.html\"}}"
	dir, b := builtSite(t, files)
	site := rebuildStep(t, b, dir, "content/a/een.md", "---\ntitle: Eerste\nweight: 1\n---\n\nZie ook [twee](twee.md).\n", "")
	if site != nil && !strings.Contains(string(site.Files["overzicht/index.html"]), "[Eerste]") {
		t.Error("the overview lacks the new label")
	}
}

// TestBuilderOwnTemplatesSeeTheGraph checks that templates of one's own,
// which may show anything of any node through .Node, never show stale
// values: any change to what they can see of the graph (a sibling's
// title, the links of a parent's body) renders every page again; an edit
// of a body's text alone, its page.
func TestBuilderOwnTemplatesSeeTheGraph(t *testing.T) {
	files := smallSite()
	files["theme/templates/breadcrumbs.html"] = `<nav class="breadcrumbs">{{with .Node}}{{with .Parent}}` +
		`{{range .Children}}<span>{{.Title}} {{.Weight}}</span>{{end}}{{range .External}}<i>{{.URL}}</i>{{end}}{{end}}{{end}}</nav>`
	dir, b := builtSite(t, files)
	steps := []struct {
		name, rel, data string
		quick           bool
		want            map[string]string // page: what it must show
	}{
		{name: "a sibling's title", rel: "content/a/twee.md", data: "---\ntitle: Tweede\nweight: 2\n---\n\nTekst.\n",
			want: map[string]string{"a/een/index.html": "<span>Tweede 2</span>"}},
		{name: "a sibling's weight", rel: "content/a/twee.md", data: "---\ntitle: Tweede\nweight: 7\n---\n\nTekst.\n",
			want: map[string]string{"a/een/index.html": "<span>Tweede 7</span>"}},
		{name: "a body's text", rel: "content/a/twee.md", data: "---\ntitle: Tweede\nweight: 7\n---\n\nAndere tekst.\n", quick: true},
		{name: "a link in the parent's body", rel: "content/a/_index.md",
			data: "---\ntitle: Menu A\nprompt: \"… en ik wil:\"\nweight: 1\n---\n\nZie [de site](https://example.org/menu).\n",
			want: map[string]string{"a/een/index.html": "<i>https://example.org/menu</i>", "a/twee/index.html": "<i>https://example.org/menu</i>"}},
		// A line above the link moves it down, but it leads where it led.
		{name: "text above that link", rel: "content/a/_index.md",
			data: "---\ntitle: Menu A\nprompt: \"… en ik wil:\"\nweight: 1\n---\n\nEerst dit.\n\nZie [de site](https://example.org/menu).\n", quick: true},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			memo := b.memo
			site := rebuildStep(t, b, dir, s.rel, s.data, "")
			if site == nil {
				return
			}
			if quick := b.memo == memo; quick != s.quick {
				t.Errorf("quick path %v, want %v", quick, s.quick)
			}
			for page, want := range s.want {
				if !strings.Contains(string(site.Files[page]), want) {
					t.Errorf("%s lacks %q", page, want)
				}
			}
		})
	}
}

// FuzzBuilderFrontMatterEdits edits the weight, title, link title and
// links (choices, prev, next) of nodes, two saves in a row, and wants
// every rebuild to make what a build from scratch makes, or fail as it
// fails: the quick path, which reorders siblings, relinks choices and
// draws moved trees of the overview again on the last build's graph, is
// held to the usual build. Some siblings are menus with nodes of their
// own, so a reorder moves whole trees.
func FuzzBuilderFrontMatterEdits(f *testing.F) {
	f.Add(uint8(0), int8(9), "Een", "", uint8(0), uint8(1), int8(0), "Twee", "Aa", uint8(2))
	f.Add(uint8(2), int8(-1), "Drie", "Zz", uint8(3), uint8(2), int8(5), "Drie", "", uint8(0))
	f.Add(uint8(3), int8(1), "Vier", "Een", uint8(1), uint8(0), int8(1), "", "Vier", uint8(5))
	f.Add(uint8(4), int8(-3), "Vijf", "", uint8(4), uint8(5), int8(9), "Menu", "", uint8(4))
	f.Add(uint8(6), int8(0), "Keuzes", "", uint8(1), uint8(4), int8(1), "Vijf, een menu met een lange naam die twee regels neemt", "", uint8(0))
	// Each node that the fuzzer edits, with what else its front matter
	// holds, and two nodes it may lead to instead.
	nodes := []struct{ rel, rest, to1, to2 string }{
		{"content/a/een.md", "", "twee.md", "drie.md"},
		{"content/a/twee.md", "", "een.md", "vijf/zes.md"},
		{"content/a/drie.md", "next: vier.md\n", "vier.md", "een.md"},
		{"content/a/vier.md", "prev: drie.md\n", "drie.md", "../b/_index.md"},
		{"content/a/vijf/_index.md", "", "zes.md", "acht/x.md"},
		{"content/a/_index.md", "", "een.md", "vijf/_index.md"},
		{"content/b/_index.md", "choices:\n  - ../a/drie.md\n  - ../a/een.md\n", "../a/vier.md", "../a/twee.md"},
	}
	// links is what a save writes of a node's choices, prev and next.
	links := func(i int, rest, to1, to2 string) string {
		switch i % 6 {
		case 1:
			return ""
		case 2:
			return "next: " + to1 + "\n"
		case 3:
			return "prev: " + to1 + "\n"
		case 4:
			return "choices:\n  - " + to1 + "\n  - page: " + to2 + "\n    label: Anders\n"
		case 5:
			return "next: nergens.md\n"
		}
		return rest
	}
	f.Fuzz(func(t *testing.T, file1 uint8, weight1 int8, title1, label1 string, links1, file2 uint8, weight2 int8, title2, label2 string, links2 uint8) {
		files := map[string]string{
			"site.yaml":                     "title: Fuzz\n",
			"content/_index.md":             "---\ntitle: Start\n---\n",
			"content/a/vijf/zes.md":         "---\ntitle: Zes\n---\n\nTekst.\n",
			"content/a/vijf/zeven.md":       "---\ntitle: Zeven\nweight: 1\n---\n\nTekst.\n",
			"content/a/vijf/acht/_index.md": "---\ntitle: Acht\n---\n",
			"content/a/vijf/acht/x.md":      "---\ntitle: X\n---\n\nTekst.\n",
		}
		for i, n := range nodes {
			title := strings.TrimSuffix(path.Base(n.rel), ".md")
			if title == "_index" {
				title = path.Base(path.Dir(n.rel))
			}
			files[n.rel] = fmt.Sprintf("---\ntitle: %s\nweight: %d\n%s---\n\nTekst.\n", title, i%5, n.rest)
		}
		dir := writeSite(t, files)
		b := NewBuilder(siteOptions(dir))
		if _, err := b.Build(); err != nil {
			t.Fatal(err)
		}
		for _, e := range []struct {
			file         uint8
			weight       int8
			title, label string
			links        uint8
		}{{file1, weight1, title1, label1, links1}, {file2, weight2, title2, label2, links2}} {
			n := nodes[int(e.file)%len(nodes)]
			fm := fmt.Sprintf("---\ntitle: %q\nweight: %d\n", e.title, e.weight)
			if e.label != "" {
				fm += fmt.Sprintf("linkTitle: %q\n", e.label)
			}
			data := fm + links(int(e.links), n.rest, n.to1, n.to2) + "---\n\nTekst.\n"
			if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(n.rel)), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("saved %s: %q", n.rel, data)
			site, err := b.Rebuild([]string{n.rel})
			if freshErr := sameAsScratch(t, dir, site, err); err != nil && err.Error() != freshErr.Error() {
				t.Fatalf("rebuild error %v, build from scratch %v", err, freshErr)
			}
		}
	})
}

// TestQuickPathSkipsTemporaryFiles saves a body as editors and sed do:
// through a temporary file, renamed over the node file, so that the hint
// names a file that came and went. The quick path takes the save, and
// renders the page alone.
func TestQuickPathSkipsTemporaryFiles(t *testing.T) {
	dir, b := builtSite(t, smallSite())
	memo := b.memo
	site := rebuildStep(t, b, dir, "content/a/een.md", "---\ntitle: Een\nweight: 1\n---\n\nNieuwe tekst.\n", "")
	if site == nil {
		t.Fatal("no site")
	}
	edit := "---\ntitle: Een\nweight: 1\n---\n\nAndere tekst.\n"
	if err := os.WriteFile(filepath.Join(dir, "content/a/een.md"), []byte(edit), 0o644); err != nil {
		t.Fatal(err)
	}
	site, err := b.Rebuild([]string{"content/a/sedX1b2c3", "content/a/een.md"})
	if err := sameAsScratch(t, dir, site, err); err != nil {
		t.Fatal(err)
	}
	if b.memo != memo {
		t.Error("the save took the ordinary build")
	}
	if site.Rendered != 1 || !strings.Contains(string(site.Files["a/een/index.html"]), "Andere tekst.") {
		t.Errorf("rendered %d pages; a/een/index.html shows the edit: %v", site.Rendered, strings.Contains(string(site.Files["a/een/index.html"]), "Andere tekst."))
	}
}

// TestTemplatesCannotShowLinkLines: the line of an external link moves
// with every line written above it, which renders no other page, so a
// template of one's own cannot show it; trying is an error at the
// template's line.
func TestTemplatesCannotShowLinkLines(t *testing.T) {
	files := smallSite()
	files["theme/templates/breadcrumbs.html"] = `<nav class="breadcrumbs">{{range .Node.External}}<i>{{.Line}}</i>{{end}}</nav>`
	dir := writeSite(t, files)
	_, err := Generate(siteOptions(dir))
	if err == nil || !strings.Contains(err.Error(), "breadcrumbs.html:1") || !strings.Contains(err.Error(), "Line") {
		t.Fatalf("error %v, want one at breadcrumbs.html:1 about Line", err)
	}
}
