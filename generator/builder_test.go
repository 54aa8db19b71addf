package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// copyRepoSite copies the eGov site root (content/ and site.yaml) into
// a temporary folder that a test may edit.
func copyRepoSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir(filepath.Join("..", "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("..", p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755)
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func editFile(t *testing.T, dir, rel, old, new string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	if err := os.WriteFile(full, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBuilderRendersOnlyWhatChanged edits the eGov site step by step and
// checks after each step that the Builder rendered only the pages that
// show what changed, and that its output is byte for byte what a build
// from scratch makes.
func TestBuilderRendersOnlyWhatChanged(t *testing.T) {
	dir := copyRepoSite(t)
	opts := siteOptions(dir)
	b := NewBuilder(opts)
	first, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if first.Rendered != first.Pages {
		t.Fatalf("first build rendered %d of %d pages", first.Rendered, first.Pages)
	}

	const task = "content/ik-ben-een/gebruiker/rol-stopzetten.md"
	const menu = "content/ik-ben-een/gebruiker/_index.md"
	steps := []struct {
		name         string
		edit         func()
		changed      []string // the hint given to Rebuild; nil reads everything
		wantRendered int      // pages rendered anew: 404.html always, the overview when the tree changed
		wantIn       map[string]string
		pagesAdded   int // pages more than the first build
	}{
		{name: "nothing changed", edit: func() {}, changed: nil, wantRendered: 1},
		// site.yaml saved with a comment more means what it meant: the
		// ordinary build renders the 404 page alone; a new subtitle shows
		// on every page.
		{name: "a comment in the settings", changed: []string{"site.yaml"}, wantRendered: 1,
			edit: func() { editFile(t, dir, "site.yaml", "language: nl\n", "language: nl # de taal van de site\n") }},
		{name: "the settings and a body", changed: []string{"site.yaml", task}, wantRendered: 2,
			edit: func() {
				editFile(t, dir, "site.yaml", " # de taal van de site", "")
				editFile(t, dir, task, "Meld je aan", "Meld je toch aan")
			},
			wantIn: map[string]string{"ik-ben-een/gebruiker/rol-stopzetten/index.html": "Meld je toch aan"}},
		{name: "a new subtitle", changed: []string{"site.yaml"}, wantRendered: len(first.Nodes) + 2,
			edit: func() {
				editFile(t, dir, "site.yaml", "subtitle: Mijn online rollen", "subtitle: Al mijn online rollen")
			},
			wantIn: map[string]string{"ik-ben-een/index.html": "Al mijn online rollen"}},
		// With the hint, a body-only edit renders that page alone.
		{name: "one body", changed: []string{task}, wantRendered: 1,
			edit:   func() { editFile(t, dir, task, "Meld je toch aan", "Meld je eerst aan") },
			wantIn: map[string]string{"ik-ben-een/gebruiker/rol-stopzetten/index.html": "Meld je eerst aan"}},
		{name: "one body, no hint", changed: nil, wantRendered: 2,
			edit: func() { editFile(t, dir, task, "Meld je eerst aan", "Meld je nu aan") }},
		// The menu's own page, its parent's choices, and the breadcrumbs
		// and back links of its four tasks show its link title; so does
		// the overview. The 404 page does not: the quick path leaves it.
		{name: "a menu's label", changed: []string{menu}, wantRendered: 6 + 1,
			edit:   func() { editFile(t, dir, menu, `linkTitle: "Gebruiker"`, `linkTitle: "Gewone gebruiker"`) },
			wantIn: map[string]string{"ik-ben-een/index.html": "Gewone gebruiker"}},
		// A prompt shows on the menu's page; its parent and its tasks
		// show other fields of it, which did not change.
		{name: "a menu's prompt", changed: []string{menu}, wantRendered: 1,
			edit:   func() { editFile(t, dir, menu, `prompt: "… en ik wil:"`, `prompt: "… en ik wens:"`) },
			wantIn: map[string]string{"ik-ben-een/gebruiker/index.html": "… en ik wens:"}},
		// A description added: a new line in the front matter.
		{name: "a task's description", changed: []string{task}, wantRendered: 2,
			edit: func() {
				editFile(t, dir, task, "weight: 3\n", "weight: 3\ndescription: Een rol laten stoppen.\n")
			},
			wantIn: map[string]string{"ik-ben-een/gebruiker/rol-stopzetten/index.html": "Een rol laten stoppen."}},
		// The first page of a sequence: its own page, the start page
		// whose choice leads to it, the next page (its prev label and
		// breadcrumbs) and the overview.
		{name: "a sequence page's label", changed: []string{"content/over-deze-wizard/_index.md"}, wantRendered: 3 + 1,
			edit: func() {
				editFile(t, dir, "content/over-deze-wizard/_index.md", `linkTitle: "Over deze wizard"`, `linkTitle: "Over de wizard"`)
			},
			wantIn: map[string]string{"over-deze-wizard/gebruik-links/index.html": "Over de wizard"}},
		// Every page shows the start page's link title (Home): the usual
		// build, every page.
		{name: "the start page's label", changed: []string{"content/_index.md"}, wantRendered: len(first.Nodes) + 2,
			edit: func() { editFile(t, dir, "content/_index.md", `linkTitle: "Welkom"`, `linkTitle: "Welkom!"`) }},
		{name: "the definitions reach every page", changed: []string{"content/_definitions.md"}, wantRendered: len(first.Nodes) + 2,
			edit: func() { editFile(t, dir, "content/_definitions.md", "heeft toegang tot", "krijgt toegang tot") }},
		// A new weight moves a task first among its siblings: its
		// parent's choices and the overview change order; its own page
		// does not show its weight.
		{name: "a task's weight", changed: []string{task}, wantRendered: 2,
			edit: func() { editFile(t, dir, task, "weight: 3\n", "weight: 0\n") }},
		// Its weight and its description: the quick path renders its page,
		// its parent's and the overview (the usual build would also render
		// the 404 page: 4).
		{name: "a task's weight and description", changed: []string{task}, wantRendered: 3,
			edit: func() {
				editFile(t, dir, task, "weight: 0\ndescription: Een rol laten stoppen.\n", "weight: 7\ndescription: Een rol beëindigen.\n")
			},
			wantIn: map[string]string{"ik-ben-een/gebruiker/rol-stopzetten/index.html": "Een rol beëindigen."}},
		// Two siblings trade places in one save of two files: their
		// parent's page and the overview.
		{name: "two tasks trade weights", changed: []string{task, "content/ik-ben-een/gebruiker/roltoekenningen-zien.md"}, wantRendered: 2,
			edit: func() {
				editFile(t, dir, task, "weight: 7\n", "weight: 1\n")
				editFile(t, dir, "content/ik-ben-een/gebruiker/roltoekenningen-zien.md", "weight: 1\n", "weight: 7\n")
			}},
		// The new page, its parent's page, whose choices list it, the
		// overview and the 404 page: the ordinary build.
		{name: "a new node", changed: []string{"content/ik-ben-een/gebruiker/nieuw.md"}, wantRendered: 2 + 2,
			edit: func() {
				os.WriteFile(filepath.Join(dir, "content/ik-ben-een/gebruiker/nieuw.md"), []byte("---\ntitle: Nieuw\nweight: 9\n---\n\nNieuw.\n"), 0o644)
			},
			wantIn: map[string]string{"ik-ben-een/gebruiker/nieuw/index.html": "Nieuw."}, pagesAdded: 1},
		{name: "a deleted node", changed: []string{"content/ik-ben-een/gebruiker/nieuw.md"}, wantRendered: 1 + 2,
			edit: func() { os.Remove(filepath.Join(dir, "content/ik-ben-een/gebruiker/nieuw.md")) }},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.edit()
			site, err := b.Rebuild(s.changed)
			if err != nil {
				t.Fatal(err)
			}
			if site.Rendered != s.wantRendered {
				t.Errorf("rendered %d pages, want %d", site.Rendered, s.wantRendered)
			}
			if site.Pages != first.Pages+s.pagesAdded {
				t.Errorf("%d pages, want %d", site.Pages, first.Pages+s.pagesAdded)
			}
			for name, want := range s.wantIn {
				if !strings.Contains(string(site.Files[name]), want) {
					t.Errorf("%s lacks %q", name, want)
				}
			}
			fresh, err := Generate(opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(fresh.Files) != len(site.Files) {
				t.Errorf("%d files, a build from scratch makes %d", len(site.Files), len(fresh.Files))
			}
			for name, data := range fresh.Files {
				if !bytes.Equal(site.Files[name], data) {
					t.Errorf("%s differs from a build from scratch", name)
				}
			}
		})
	}
}

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

// builtSite writes a site and builds it once with a new Builder.
func builtSite(t *testing.T, files map[string]string) (string, *Builder) {
	t.Helper()
	dir := writeSite(t, files)
	b := NewBuilder(siteOptions(dir))
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	return dir, b
}

// rebuildStep writes data into the file rel of the site root dir (data
// "" deletes it) and rebuilds with that hint. It checks the result against a build from
// scratch: the same error, which must hold wantErr and leave the last
// good site, or the same files. It returns the new site, nil on an error.
func rebuildStep(t *testing.T, b *Builder, dir, rel, data, wantErr string) *Site {
	t.Helper()
	before := b.Last()
	full := filepath.Join(dir, filepath.FromSlash(rel))
	if data == "" {
		if err := os.Remove(full); err != nil {
			t.Fatal(err)
		}
	} else {
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site, err := b.Rebuild([]string{rel})
	freshErr := sameAsScratch(t, dir, site, err)
	if err != nil {
		if wantErr == "" || !strings.Contains(err.Error(), wantErr) {
			t.Errorf("error %q lacks %q", err, wantErr)
		}
		if err.Error() != freshErr.Error() {
			t.Errorf("error %q, a build from scratch says %q", err, freshErr)
		}
		if b.Last() != before {
			t.Error("the failed build replaced the last good site")
		}
		return nil
	}
	if wantErr != "" {
		t.Errorf("built, want error %q", wantErr)
	}
	return site
}

// sameAsScratch checks what a rebuild of the site root dir made against a
// build from scratch: the same error, or the same files, pages and graph
// (scratchDifference). It returns the build from scratch's error.
func sameAsScratch(t *testing.T, dir string, site *Site, err error) error {
	t.Helper()
	fresh, freshErr := Generate(siteOptions(dir))
	if d := scratchDifference(site, err, fresh, freshErr); d != "" {
		t.Fatal(d)
	}
	return freshErr
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

// TestBuilderLinkTargetMoves checks that a body is rendered again when a
// node it links to gets another address, though its own file did not
// change: een links to twee, and twee takes a slug.
func TestBuilderLinkTargetMoves(t *testing.T) {
	dir, b := builtSite(t, smallSite())
	site := rebuildStep(t, b, dir, "content/a/twee.md", "---\ntitle: Twee\nweight: 2\nslug: tweede\n---\n\nGa naar [de site](https://example.org/).\n", "")
	if site != nil && !strings.Contains(string(site.Files["a/een/index.html"]), `href="../tweede/index.html"`) {
		t.Error("een still links to the old address of twee")
	}
}

// TestBuilderKeepsLastGoodSite checks that a failed build leaves the
// Builder's last good site, and that the next good build recovers.
func TestBuilderKeepsLastGoodSite(t *testing.T) {
	dir := writeSite(t, smallSite())
	b := NewBuilder(siteOptions(dir))
	good, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "content/a/een.md"), []byte("---\ntitle: Een\n"), 0o644)
	if _, err := b.Rebuild([]string{"content/a/een.md"}); err == nil {
		t.Fatal("a broken file built")
	}
	if b.Last() != good {
		t.Fatal("the failed build replaced the last good site")
	}
	os.WriteFile(filepath.Join(dir, "content/a/een.md"), []byte("---\ntitle: Een weer\n---\n\n[twee](twee.md)\n"), 0o644)
	site, err := b.Rebuild([]string{"content/a/een.md"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(site.Files["a/een/index.html"]), "Een weer") {
		t.Error("the fixed page is not rebuilt")
	}
	if len(site.Changed) == 0 {
		t.Error("no changed files reported")
	}
}

// TestWalkOrderIsPathOrder checks that comparePaths, by which a Builder
// puts a new file among the others, orders the files of content/ as the
// walk lists them.
func TestWalkOrderIsPathOrder(t *testing.T) {
	files := smallSite()
	for _, name := range []string{"a-b/_index.md", "a-b/x.md", "a/b/_index.md", "a/b/c.md", "a/ba.md", "a.md", "ab/_index.md", "ab/z.md"} {
		files["content/"+name] = "---\ntitle: " + name + "\n---\n"
	}
	dir := writeSite(t, files)
	run := &buildRun{opts: siteOptions(dir), probs: &problems{}}
	l := &loader{fsys: run.opts.Source, name: "site", probs: run.probs}
	_, order := run.loadAll(l)
	if len(order) < 10 {
		t.Fatalf("the walk found %d files", len(order))
	}
	if !slices.IsSortedFunc(order, comparePaths) {
		t.Errorf("the walk's order is not comparePaths's:\n%s", strings.Join(order, "\n"))
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

// TestBuilderNodesComeAndGo checks node files that are added and
// deleted while serving: the ordinary build renders the new page (or
// none), its parent's, the overview and the 404 page, and fails as a
// build from scratch fails. After every step the output is a build from scratch's.
func TestBuilderNodesComeAndGo(t *testing.T) {
	dir, b := builtSite(t, smallSite())
	const drie, vier = "content/a/drie.md", "content/a/vier.md"
	steps := []struct {
		name, rel, data string // data "" deletes the file
		wantRendered    int    // 0: not checked
		wantErr         string
	}{
		{name: "a new answer", rel: drie, data: "---\ntitle: Drie\nweight: 3\n---\n\nNieuw.\n", wantRendered: 4},
		{name: "deleted", rel: drie, wantRendered: 3},
		{name: "a new answer with a slug", rel: drie, data: "---\ntitle: Drie\nslug: derde\n---\n\nNieuw.\n", wantRendered: 4},
		{name: "a second one that takes its address", rel: vier, data: "---\ntitle: Vier\nslug: derde\n---\n\nNieuw.\n",
			wantErr: "site/content/a/vier.md:1: same address a/derde/index.html as content/a/drie.md"},
		{name: "given its own", rel: vier, data: "---\ntitle: Vier\n---\n\nNieuw.\n"},
		{name: "a new answer that continues a sequence, reached by nothing", rel: "content/a/vijf.md", data: "---\ntitle: Vijf\nprev: vier.md\n---\n\nNieuw.\n",
			wantErr: "site/content/a/vijf.md:1: not reachable from the start page"},
		{name: "reached by vier", rel: vier, data: "---\ntitle: Vier\nnext: vijf.md\n---\n\nNieuw.\n"},
		{name: "vijf deleted while vier leads to it", rel: "content/a/vijf.md",
			wantErr: `site/content/a/vier.md:3: next: link to "vijf.md": no such node`},
		{name: "and vier's next taken out", rel: vier, data: "---\ntitle: Vier\n---\n\nNieuw.\n"},
		{name: "a body links to drie", rel: "content/a/twee.md", data: "---\ntitle: Twee\nweight: 2\n---\n\nZie [drie](drie.md).\n"},
		{name: "drie deleted while a body links to it", rel: drie,
			wantErr: `site/content/a/twee.md:6: link to "drie.md": no such node`},
		{name: "drie back", rel: drie, data: "---\ntitle: Drie\n---\n\nTerug.\n"},
		{name: "the definitions link to drie", rel: "content/_definitions.md", data: "---\ntitle: Definities\n---\n\nZie [drie](a/drie.md).\n"},
		{name: "twee stops linking to drie", rel: "content/a/twee.md", data: "---\ntitle: Twee\nweight: 2\n---\n\nTekst.\n", wantRendered: 1},
		{name: "drie deleted while the definitions link to it", rel: drie,
			wantErr: `site/content/_definitions.md:5: link to "a/drie.md": no such node`},
		{name: "the definitions without the link, drie still deleted", rel: "content/_definitions.md", data: "---\ntitle: Definities\n---\n\nTerm\n: uitleg\n"},
		{name: "drie back again", rel: drie, data: "---\ntitle: Drie\n---\n\nTerug.\n", wantRendered: 4},
		{name: "a draft", rel: "content/a/zes.md", data: "---\ntitle: Zes\ndraft: true\n---\n\nNog niet.\n"},
		{name: "a file the walk leaves out", rel: "content/a/.zeven.md", data: "---\ntitle: Zeven\n---\n"},
		{name: "a new folder's node", rel: "content/c/_index.md", data: "---\ntitle: C\n---\n\nNieuw menu.\n"},
		{name: "an answer in it", rel: "content/c/acht.md", data: "---\ntitle: Acht\n---\n\nNieuw.\n", wantRendered: 4},
		{name: "a menu with nodes deleted", rel: "content/c/_index.md",
			wantErr: "site/content/c: folder has nodes but no _index.md"},
		{name: "and its answer", rel: "content/c/acht.md"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			site := rebuildStep(t, b, dir, s.rel, s.data, s.wantErr)
			if site != nil && s.wantRendered != 0 && site.Rendered != s.wantRendered {
				t.Errorf("rendered %d pages, want %d", site.Rendered, s.wantRendered)
			}
		})
	}
}

// TestBuilderOddHints checks saves that serve can hand a Builder: a file
// named twice (serve adds the files of failed builds to what the watcher
// saw), two new files at one address, a node file replaced by a symbolic
// link that leads nowhere, and edits that change a tree's boxes but not
// its height. Each rebuild must make what a build from scratch makes, or
// fail as it fails, and leave the Builder able to go on.
func TestBuilderOddHints(t *testing.T) {
	outside := t.TempDir() // beside the site root, not in it
	moved := 0             // names things moved outside apart
	write := func(t *testing.T, dir string, files map[string]string) {
		for rel, data := range files {
			full := filepath.Join(dir, filepath.FromSlash(rel))
			var err error
			switch {
			case data == "":
				err = os.RemoveAll(full)
			case data == "=>outside":
				moved++
				err = os.Rename(full, filepath.Join(outside, fmt.Sprint(moved)))
			case strings.HasPrefix(data, "->outside:"):
				moved++
				there := filepath.Join(outside, fmt.Sprint(moved, ".md"))
				if err = os.WriteFile(there, []byte(strings.TrimPrefix(data, "->outside:")), 0o644); err == nil {
					os.Remove(full)
					err = os.Symlink(there, full)
				}
			case strings.HasPrefix(data, "->"):
				os.Remove(full)
				err = os.Symlink(strings.TrimPrefix(data, "->"), full)
			default:
				err = os.WriteFile(full, []byte(data), 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	type save struct {
		// "" deletes; "->x" makes a symbolic link to x, "->outside:text" one
		// to a file beside the site root that holds text; "=>outside" moves
		// the file or folder out of the site root.
		files   map[string]string
		hint    []string
		wantErr string
	}
	const drie = "content/a/drie.md"
	cases := []struct {
		name  string
		site  map[string]string // added to smallSite
		saves []save
	}{
		{name: "a new file named twice", saves: []save{
			{files: map[string]string{drie: "---\ntitle: Drie\n---\n\nNieuw.\n"}, hint: []string{drie, drie}},
			{files: map[string]string{"content/a/twee.md": "---\ntitle: Twee\nslug: tweede\n---\n\nTekst.\n"}, hint: []string{"content/a/twee.md"}},
		}},
		{name: "a deleted file named twice", saves: []save{
			{files: map[string]string{"content/a/een.md": ""}, hint: []string{"content/a/een.md", "content/a/een.md"}},
			{files: map[string]string{"content/a/twee.md": "---\ntitle: Twee\nslug: tweede\n---\n\nTekst.\n"}, hint: []string{"content/a/twee.md"}},
		}},
		{name: "a new file saved empty, then written, named twice", saves: []save{
			{files: map[string]string{drie: "\n"}, hint: []string{drie}, wantErr: "site/content/a/drie.md:1: missing title"},
			{files: map[string]string{drie: "---\ntitle: Drie\n---\n\nNieuw.\n"}, hint: []string{drie, drie}},
			{files: map[string]string{"content/a/twee.md": "---\ntitle: Twee\nslug: tweede\n---\n\nTekst.\n"}, hint: []string{"content/a/twee.md"}},
		}},
		{name: "two new files at one address", saves: []save{
			{files: map[string]string{drie: "---\ntitle: Drie\n---\n\nNieuw.\n", "content/a/vier.md": "---\ntitle: Vier\nslug: drie\n---\n\nNieuw.\n"},
				hint: []string{drie, "content/a/vier.md"}, wantErr: "same address a/drie/index.html"},
			{files: map[string]string{"content/a/vier.md": "---\ntitle: Vier\n---\n\nNieuw.\n"}, hint: []string{"content/a/vier.md"}},
		}},
		{name: "a node file replaced by a link to nothing", saves: []save{
			{files: map[string]string{"content/a/een.md": "->nergens.md"}, hint: []string{"content/a/een.md"}, wantErr: "content/a/een.md"},
		}},
		{name: "a node file replaced by a link out of the site root", saves: []save{
			{files: map[string]string{"content/a/een.md": "->outside:---\ntitle: Een\nweight: 1\n---\n\nVan buiten.\n"}, hint: []string{"content/a/een.md"},
				wantErr: "symbolic link leads out of the site root"},
		}},
		{name: "a node file read through a link too",
			site: map[string]string{"content/b/_index.md": "---\ntitle: B\n---\n\nZie [twee](../a/twee.md).\n"},
			saves: []save{
				{files: map[string]string{"content/b/twee.md": "->../a/twee.md"}, hint: []string{"content/b/twee.md"}},
				{files: map[string]string{"content/a/twee.md": "---\ntitle: Twee\nweight: 2\n---\n\nNieuwe tekst.\n"}, hint: []string{"content/a/twee.md"}},
			}},
		{name: "a menu's folder moved out of the site root",
			site:  map[string]string{"content/b/_index.md": "---\ntitle: B\nweight: 2\n---\n", "content/b/x.md": "---\ntitle: X\n---\n\nTekst.\n"},
			saves: []save{{files: map[string]string{"content/b": "=>outside"}, hint: []string{"content/b"}}}},
		{name: "a folder named as a node file, deleted",
			site:  map[string]string{"content/b.md/_index.md": "---\ntitle: B\nweight: 2\n---\n", "content/b.md/x.md": "---\ntitle: X\n---\n\nTekst.\n"},
			saves: []save{{files: map[string]string{"content/b.md": ""}, hint: []string{"content/b.md"}}}},
		{name: "a menu's box grows as its tree keeps its height",
			site: map[string]string{"content/a/een.md": "---\ntitle: Een heel lange titel die twee regels vult\nweight: 1\n---\n\nZie ook [twee](twee.md).\n"},
			saves: []save{{files: map[string]string{
				"content/a/_index.md": "---\ntitle: Menu A met een veel langere titel hier\nprompt: \"… en ik wil:\"\nweight: 1\n---\n",
				"content/a/een.md":    "---\ntitle: Een\nweight: 1\n---\n\nZie ook [twee](twee.md).\n",
			}, hint: []string{"content/a/_index.md", "content/a/een.md"}}}},
		{name: "an own overview template that fails on the new tree",
			site: map[string]string{"theme/templates/overview.html": "{{template \"top.html\" .}}<main id=\"main\">" +
				"<p>{{(index (index (index .Tree 0).Children 0).Children 1).Label}}</p></main>{{.Render \"bottom.html\"}}"},
			saves: []save{
				{files: map[string]string{"content/a/een.md": ""}, hint: []string{"content/a/een.md"}, wantErr: "overview.html"},
				{files: map[string]string{"content/a/een.md": "---\ntitle: Een\nweight: 1\n---\n\nTekst.\n"}, hint: nil},
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := smallSite()
			maps.Copy(files, c.site)
			dir, b := builtSite(t, files)
			for i, s := range c.saves {
				write(t, dir, s.files)
				site, err := b.Rebuild(s.hint)
				freshErr := sameAsScratch(t, dir, site, err)
				if err != nil && err.Error() != freshErr.Error() {
					t.Errorf("save %d: error %q, a build from scratch says %q", i+1, err, freshErr)
				}
				if (err != nil) != (s.wantErr != "") || (err != nil && !strings.Contains(err.Error(), s.wantErr)) {
					t.Errorf("save %d: error %v, want one with %q", i+1, err, s.wantErr)
				}
				if site == nil {
					continue
				}
				if len(site.Changed) != len(slices.Compact(slices.Sorted(slices.Values(site.Changed)))) {
					t.Errorf("save %d: a file listed twice as changed: %q", i+1, site.Changed)
				}
				if fresh, err := Generate(siteOptions(dir)); err == nil && (fresh.Pages != site.Pages || len(fresh.Nodes) != len(site.Nodes)) {
					t.Errorf("save %d: %d pages and %d nodes, a build from scratch has %d and %d", i+1, site.Pages, len(site.Nodes), fresh.Pages, len(fresh.Nodes))
				}
			}
		})
	}
}

// FuzzBuilderNodesComeAndGo saves, deletes and adds node files in a row
// of steps that the input spells, three bytes a step (what, which file,
// which text), and wants every rebuild to make what a build from scratch
// makes, or fail with the same error.
func FuzzBuilderNodesComeAndGo(f *testing.F) {
	f.Add([]byte{0, 3, 0, 1, 3, 0})
	f.Add([]byte{0, 3, 2, 0, 0, 1, 1, 3, 0, 1, 0, 0})
	f.Add([]byte{0, 4, 3, 0, 3, 5, 1, 4, 0, 0, 6, 0, 0, 7, 0})
	f.Add([]byte{0, 3, 0, 0, 8, 2, 1, 3, 0, 0, 8, 0, 1, 3, 0})
	files := []string{"content/a/een.md", "content/a/twee.md", "content/a/drie.md", "content/a/vier.md",
		"content/a/vijf.md", "content/b/zes.md", "content/b/_index.md", "content/a/.verborgen.md", "content/_definitions.md"}
	texts := []string{
		"---\ntitle: %s\n---\n\nTekst.\n",
		"---\ntitle: %s\nweight: 9\n---\n\nZie [een](../a/een.md).\n",
		"---\ntitle: %s\n---\n\nZie [vier](../a/vier.md).\n",
		"---\ntitle: %s\nprev: een.md\n---\n\nTekst.\n",
		"---\ntitle: %s\nnext: vier.md\n---\n\nTekst.\n",
		"---\ntitle: %s\nslug: twee\n---\n\nTekst.\n",
		"---\ntitle: %s\ndraft: true\n---\n\nTekst.\n",
		"---\ntitle: %s\nchoices:\n  - ../a/twee.md\n---\n\nTekst.\n",
	}
	f.Fuzz(func(t *testing.T, steps []byte) {
		if len(steps) > 30 {
			steps = steps[:30]
		}
		dir := writeSite(t, map[string]string{
			"site.yaml":           "title: Fuzz\n",
			"content/_index.md":   "---\ntitle: Start\n---\n",
			"content/a/_index.md": "---\ntitle: A\n---\n",
			"content/a/een.md":    "---\ntitle: Een\n---\n\nTekst.\n",
			"content/a/twee.md":   "---\ntitle: Twee\n---\n\nTekst.\n",
		})
		b := NewBuilder(siteOptions(dir))
		if _, err := b.Build(); err != nil {
			t.Fatal(err)
		}
		for i := 0; i+2 < len(steps); i += 3 {
			rel := files[int(steps[i+1])%len(files)]
			full := filepath.Join(dir, filepath.FromSlash(rel))
			if steps[i]%2 == 1 {
				t.Logf("deleted %s", rel)
				if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
					t.Fatal(err)
				}
			} else {
				data := fmt.Sprintf(texts[int(steps[i+2])%len(texts)], strings.TrimSuffix(path.Base(rel), ".md"))
				if path.Dir(rel) == "content" {
					data = strings.ReplaceAll(data, "../a/", "a/") // the definitions, beside the folders
				}
				t.Logf("saved %s: %q", rel, data)
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			hint := []string{rel}
			if steps[i]&2 != 0 {
				hint = append(hint, rel) // as serve can name a file that failed before
			}
			site, err := b.Rebuild(hint)
			if freshErr := sameAsScratch(t, dir, site, err); err != nil && err.Error() != freshErr.Error() {
				t.Fatalf("rebuild error %v, build from scratch %v", err, freshErr)
			}
		}
	})
}

// TestBuilderRemembersAFailedEdit: a file saved with an error, then
// another file saved, must not build from the first file's old bytes
// (which would hide the error it still has), by the quick path or the
// usual one; once fixed, the site is what a build from scratch makes.
func TestBuilderRemembersAFailedEdit(t *testing.T) {
	cases := []struct{ name, other, otherData string }{
		{"then a body", "content/a/twee.md", "---\ntitle: Twee\nweight: 2\n---\n\nAndere tekst.\n"},
		{"then a weight", "content/a/twee.md", "---\ntitle: Twee\nweight: 0\n---\n\nGa naar [de site](https://example.org/).\n"},
		{"then a new node", "content/a/drie.md", "---\ntitle: Drie\n---\n\nNieuw.\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, b := builtSite(t, smallSite())
			const een = "content/a/een.md"
			rebuildStep(t, b, dir, een, "---\ntitle: \"\"\nweight: 1\n---\n\nZie ook [twee](twee.md).\n", "missing title")
			rebuildStep(t, b, dir, c.other, c.otherData, "missing title")
			if site := rebuildStep(t, b, dir, een, "---\ntitle: Een weer\nweight: 1\n---\n\nZie ook [twee](twee.md).\n", ""); site == nil {
				t.Fatal("the fixed site does not build")
			}
		})
	}
}

// TestBuilderSlugsAndDrafts checks edits of an answer's slug and draft
// flag while serving. A new slug moves the page: the quick path renders
// it at its new address, its parent's page, the pages whose choices,
// prev, next or body lead to it, and the overview, and deletes the old
// page. An answer that becomes a draft goes, and one that stops being a
// draft comes, as a deleted or a new answer does. What the quick path
// leaves (a folder's slug, a link in the definitions, a taken address)
// is built the usual way. After every step the output is a build from
// scratch's.
func TestBuilderSlugsAndDrafts(t *testing.T) {
	files := smallSite()
	files["content/a/drie.md"] = "---\ntitle: Drie\nweight: 3\nnext: twee.md\n---\n\nDrie.\n"
	dir, b := builtSite(t, files)
	const twee = "content/a/twee.md"
	tweeWith := func(keys string) string { return "---\ntitle: Twee\nweight: 2\n" + keys + "---\n\nTwee.\n" }
	steps := []struct {
		name, rel, data string
		quick           bool
		wantErr         string
		gone, there     string // an output file that must be gone, one that must be there
	}{
		{name: "a slug", rel: twee, data: tweeWith("slug: tweede\n"),
			gone: "a/twee/index.html", there: "a/tweede/index.html"},
		{name: "another", rel: twee, data: tweeWith("slug: nog-een\n"),
			gone: "a/tweede/index.html", there: "a/nog-een/index.html"},
		{name: "the slug of its own address", rel: twee, data: tweeWith("slug: twee\n"),
			gone: "a/nog-een/index.html", there: "a/twee/index.html"},
		{name: "no slug", rel: twee, data: tweeWith(""), there: "a/twee/index.html"},
		{name: "the address of a sibling", rel: twee, data: tweeWith("slug: een\n"),
			wantErr: "site/content/a/twee.md:1: same address a/een/index.html as content/a/een.md"},
		{name: "a slug that is not one", rel: twee, data: tweeWith("slug: Twee Twee\n"),
			wantErr: `site/content/a/twee.md:4: slug "Twee Twee": use lower-case letters`},
		{name: "no slug again", rel: twee, data: tweeWith(""), quick: true},
		{name: "the overview's address", rel: "content/overzicht.md", data: "---\ntitle: Overzicht\n---\n",
			wantErr: "overzicht/index.html"},
		{name: "not there", rel: "content/overzicht.md", quick: true},
		{name: "a draft while een links to it", rel: twee, data: tweeWith("draft: true\n"),
			wantErr: `site/content/a/een.md:6: link to "twee.md": no such node`},
		{name: "no draft again", rel: twee, data: tweeWith(""), quick: true},
		{name: "een stops linking", rel: "content/a/een.md", data: "---\ntitle: Een\nweight: 1\n---\n\nTekst.\n", quick: true},
		{name: "a draft while drie leads to it", rel: twee, data: tweeWith("draft: true\n"),
			wantErr: `site/content/a/drie.md:4: next: link to "twee.md": no such node`},
		{name: "and again no draft", rel: twee, data: tweeWith(""), quick: true},
		{name: "drie leads nowhere", rel: "content/a/drie.md", data: "---\ntitle: Drie\nweight: 3\n---\n\nDrie.\n", quick: true},
		{name: "a draft", rel: twee, data: tweeWith("draft: true\n"), gone: "a/twee/index.html"},
		{name: "the draft edited", rel: twee, data: tweeWith("draft: true\nslug: later\n"), gone: "a/later/index.html"},
		{name: "no draft", rel: twee, data: tweeWith("slug: later\n"), there: "a/later/index.html"},
		{name: "een links to it", rel: "content/a/een.md", data: "---\ntitle: Een\nweight: 1\n---\n\nZie [twee](twee.md).\n", quick: true},
		{name: "drie leads to it", rel: "content/a/drie.md", data: "---\ntitle: Drie\nweight: 3\nnext: twee.md\n---\n\nDrie.\n", quick: true},
		{name: "a slug while een and drie lead to it", rel: twee, data: tweeWith("slug: tweede\n"),
			gone: "a/later/index.html", there: "a/tweede/index.html"},
		{name: "a slug and a draft at once", rel: twee, data: tweeWith("slug: derde\ndraft: true\n"),
			wantErr: `site/content/a/een.md:6: link to "twee.md": no such node`},
		{name: "a slug and a new title", rel: twee, data: "---\ntitle: Twee bis\nlinkTitle: Bis\nweight: 2\nslug: bis\n---\n\nTwee.\n",
			gone: "a/tweede/index.html", there: "a/bis/index.html"},
		{name: "the definitions link to twee", rel: "content/_definitions.md", data: "---\ntitle: Definities\n---\n\nZie [twee](a/twee.md).\n"},
		{name: "a slug while the definitions link to it", rel: twee, data: tweeWith("slug: tweede\n"),
			gone: "a/bis/index.html", there: "a/tweede/index.html"},
		{name: "a folder's slug", rel: "content/a/_index.md", data: "---\ntitle: Menu A\nprompt: \"… en ik wil:\"\nweight: 1\nslug: menu\n---\n",
			gone: "a/tweede/index.html", there: "menu/tweede/index.html"},
		{name: "a folder's draft", rel: "content/a/_index.md", data: "---\ntitle: Menu A\ndraft: true\n---\n",
			wantErr: `site/content/_definitions.md:5: link to "a/twee.md": no such node`},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			memo := b.memo
			site := rebuildStep(t, b, dir, s.rel, s.data, s.wantErr)
			if site == nil {
				return
			}
			if quick := b.memo == memo; quick != s.quick {
				t.Errorf("quick path %v, want %v", quick, s.quick)
			}
			if _, ok := site.Files[s.gone]; s.gone != "" && ok {
				t.Errorf("%s is still there", s.gone)
			}
			if _, ok := site.Files[s.there]; s.there != "" && !ok {
				t.Errorf("%s is not there", s.there)
			}
		})
	}
}

// TestBuilderDefinitionsEdits checks saves of the definitions, which
// every page shows in its popup. With the built-in theme and definitions
// that are the same on every page, the quick path puts the new popup in
// the place of the old in each page; a relative link in them, which
// differs from folder to folder, a draft flag, the file gone and a
// theme of one's own take the usual build. After every step the output
// is a build from scratch's.
func TestBuilderDefinitionsEdits(t *testing.T) {
	const defs = "content/_definitions.md"
	with := func(title, body string) string { return "---\ntitle: " + title + "\n---\n\n" + body + "\n" }
	steps := []struct {
		name, data string
		quick      bool
		wantErr    string
		want       string // on every page, the overview and the 404 page
		unchanged  bool   // no file changes
	}{
		{name: "new text", data: with("Definities", "Term\n: de nieuwe uitleg"), want: "de nieuwe uitleg"},
		{name: "a new title", data: with("Begrippen", "Term\n: de nieuwe uitleg"), want: "Begrippen"},
		{name: "saved as it was", data: with("Begrippen", "Term\n: de nieuwe uitleg"), unchanged: true},
		{name: "an external link", data: with("Begrippen", "Term\n: zie [de site](https://example.org/uitleg)"),
			want: `href="https://example.org/uitleg"`},
		{name: "a link to een", data: with("Begrippen", "Term\n: zie [een](a/een.md)")},
		{name: "no link again", data: with("Begrippen", "Term\n: zonder link")},
		{name: "and text again", data: with("Begrippen", "Term\n: nog eens"), want: "nog eens"},
		{name: "a broken link", data: with("Begrippen", "Term\n: [weg](nergens.md)"), wantErr: `link to "nergens.md": no such node`},
		{name: "mended", data: with("Begrippen", "Term\n: hersteld"), want: "hersteld"},
		{name: "a draft", data: "---\ntitle: Begrippen\ndraft: true\n---\n\nTerm\n: een ontwerp\n"},
		{name: "no draft", data: with("Begrippen", "Term\n: geen ontwerp")},
		{name: "gone", data: ""},
		{name: "back", data: with("Definities", "Term\n: terug")},
	}
	dir, b := builtSite(t, smallSite())
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			memo, last := b.memo, b.Last()
			site := rebuildStep(t, b, dir, defs, s.data, s.wantErr)
			if site == nil {
				return
			}
			if quick := b.memo == memo; quick != s.quick {
				t.Errorf("quick path %v, want %v", quick, s.quick)
			}
			if s.unchanged && (len(site.Changed) > 0 || site.Rendered > 1) {
				t.Errorf("changed %v, rendered %d: want nothing but the 404 page rendered", site.Changed, site.Rendered)
			}
			if s.want == "" {
				return
			}
			for _, name := range []string{"index.html", "a/een/index.html", overviewPage, "404.html"} {
				if !strings.Contains(string(site.Files[name]), s.want) {
					t.Errorf("%s lacks %q", name, s.want)
				}
				if !slices.Contains(site.Changed, name) {
					t.Errorf("%s is not among the changed files %v", name, site.Changed)
				}
				if bytes.Equal(site.Files[name], last.Files[name]) {
					t.Errorf("%s is the last build's", name)
				}
			}
		})
	}
	t.Run("a theme of one's own", func(t *testing.T) {
		files := smallSite()
		files["theme/templates/definitions.html"] = "{{if .Definitions.Title}}<div id=\"definitions\" popover><h2>{{.Definitions.Title}}</h2>{{.Definitions.Body}}</div>{{end}}"
		dir, b := builtSite(t, files)
		memo := b.memo
		site := rebuildStep(t, b, dir, defs, with("Definities", "Term\n: eigen thema"), "")
		if b.memo == memo {
			t.Error("the quick path took a theme of one's own")
		}
		if site != nil && !strings.Contains(string(site.Files["a/een/index.html"]), "eigen thema") {
			t.Error("the page lacks the new definitions")
		}
	})
}

// TestBuilderNewFolders checks new folders while serving. A folder new
// since the last build, below one it read and holding node files alone,
// takes the quick path: its node is placed below its parent folder's,
// and what else it holds below its node; so does a node that comes in a
// folder the last build found empty. A folder in a new folder, or one
// holding another file, takes the usual build. After every step the
// output is a build from scratch's.
func TestBuilderNewFolders(t *testing.T) {
	menu := func(title string) string { return "---\ntitle: " + title + "\n---\n\nKies.\n" }
	answer := func(title string) string { return "---\ntitle: " + title + "\n---\n\nTekst van " + title + ".\n" }
	steps := []struct {
		name    string
		dirs    []string          // folders to make
		writes  map[string]string // files to write; "" deletes
		hint    []string          // what Rebuild is told
		quick   bool
		wantErr string
		there   []string // pages that must be there
	}{
		{name: "an empty folder", dirs: []string{"content/b"}, hint: []string{"content/b"}},
		{name: "its node", writes: map[string]string{"content/b/_index.md": menu("Menu B")},
			hint: []string{"content/b/_index.md"}, there: []string{"b/index.html"}},
		{name: "an answer in it", writes: map[string]string{"content/b/een.md": answer("Een in B")},
			hint: []string{"content/b/een.md"}, there: []string{"b/een/index.html"}},
		{name: "a folder with its node and an answer", dirs: []string{"content/c"},
			writes: map[string]string{"content/c/_index.md": menu("Menu C"), "content/c/een.md": answer("Een in C")},
			hint:   []string{"content/c", "content/c/_index.md", "content/c/een.md"},
			there:  []string{"c/index.html", "c/een/index.html"}},
		{name: "named by the folder alone", dirs: []string{"content/a/sub"},
			writes: map[string]string{"content/a/sub/_index.md": menu("Onder A"), "content/a/sub/twee.md": answer("Twee onder A")},
			hint:   []string{"content/a/sub"}, there: []string{"a/sub/index.html", "a/sub/twee/index.html"}},
		{name: "named by its files alone", dirs: []string{"content/d"},
			writes: map[string]string{"content/d/_index.md": menu("Menu D")},
			hint:   []string{"content/d/_index.md"}, there: []string{"d/index.html"}},
		{name: "an answer without a folder's node", dirs: []string{"content/e"},
			writes: map[string]string{"content/e/een.md": answer("Een in E")},
			hint:   []string{"content/e", "content/e/een.md"}, wantErr: "folder has nodes but no _index.md"},
		// The last save's files, which the failed build read, are read
		// again: the folder, its answer and now its node.
		{name: "its node comes", writes: map[string]string{"content/e/_index.md": menu("Menu E")},
			hint: []string{"content/e/_index.md"}, there: []string{"e/index.html", "e/een/index.html"}},
		{name: "the address of an answer", dirs: []string{"content/a/twee"},
			writes: map[string]string{"content/a/twee/_index.md": menu("Twee als menu")},
			hint:   []string{"content/a/twee", "content/a/twee/_index.md"}, wantErr: "same address a/twee/index.html"},
		{name: "gone again", writes: map[string]string{"content/a/twee/_index.md": ""},
			hint: []string{"content/a/twee/_index.md"}}, // an empty folder stays
		{name: "a folder in a new folder", dirs: []string{"content/f", "content/f/g"},
			writes: map[string]string{"content/f/_index.md": menu("Menu F"), "content/f/g/_index.md": menu("Menu G")},
			hint:   []string{"content/f", "content/f/_index.md", "content/f/g", "content/f/g/_index.md"},
			there:  []string{"f/index.html", "f/g/index.html"}},
		// Folders that the walk leaves out, and what they hold; a new
		// folder of files that it leaves out is a folder all the same.
		{name: "an underscore folder", dirs: []string{"content/_concept"},
			writes: map[string]string{"content/_concept/_index.md": menu("Concept")},
			hint:   []string{"content/_concept", "content/_concept/_index.md"}, quick: true},
		{name: "a hidden folder in a menu", dirs: []string{"content/a/.oud"},
			writes: map[string]string{"content/a/.oud/_index.md": menu("Oud")},
			hint:   []string{"content/a/.oud/_index.md"}, quick: true},
		{name: "a folder of backups", dirs: []string{"content/k"},
			writes: map[string]string{"content/k/een.md~": answer("Een")},
			hint:   []string{"content/k/een.md~"}},
		{name: "a folder with a picture", dirs: []string{"content/h"},
			writes: map[string]string{"content/h/_index.md": menu("Menu H"), "content/h/plan.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
			hint:   []string{"content/h", "content/h/_index.md", "content/h/plan.svg"}, there: []string{"h/index.html", "h/plan.svg"}},
	}
	dir, b := builtSite(t, smallSite())
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			for _, d := range s.dirs {
				if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			for name, data := range s.writes {
				full := filepath.Join(dir, filepath.FromSlash(name))
				var err error
				if data == "" {
					err = os.Remove(full)
				} else {
					err = os.WriteFile(full, []byte(data), 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			memo, before := b.memo, b.Last()
			site, err := b.Rebuild(s.hint)
			freshErr := sameAsScratch(t, dir, site, err)
			if err != nil {
				if s.wantErr == "" || !strings.Contains(err.Error(), s.wantErr) || err.Error() != freshErr.Error() {
					t.Errorf("error %q, want %q, as a build from scratch says: %q", err, s.wantErr, freshErr)
				}
				if b.Last() != before {
					t.Error("the failed build replaced the last good site")
				}
				return
			}
			if s.wantErr != "" {
				t.Fatalf("built, want error %q", s.wantErr)
			}
			if quick := b.memo == memo; quick != s.quick {
				t.Errorf("quick path %v, want %v", quick, s.quick)
			}
			scratch := NewBuilder(siteOptions(dir))
			if _, err := scratch.Build(); err != nil {
				t.Fatal(err)
			}
			if d := memoDifference(b.memo, scratch.memo); d != "" {
				t.Error(d)
			}
			for _, name := range s.there {
				if _, ok := site.Files[name]; !ok {
					t.Errorf("%s is not there", name)
				}
			}
		})
	}
}

// TestBuilderDraftsBuilt checks the quick path of a Builder that builds
// drafts (serve --drafts): a draft is a page like any other, so a new
// slug moves it, and a draft flag that comes or goes takes the usual
// build. Each rebuild must make what a build from scratch makes.
func TestBuilderDraftsBuilt(t *testing.T) {
	files := smallSite()
	files["content/a/drie.md"] = "---\ntitle: Drie\ndraft: true\n---\n\nDrie.\n"
	dir := writeSite(t, files)
	opts := siteOptions(dir)
	opts.Drafts = true
	b := NewBuilder(opts)
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name, data string
		quick      bool
		there      string
	}{
		{"a draft's slug", "---\ntitle: Drie\ndraft: true\nslug: derde\n---\n\nDrie.\n", false, "a/derde/index.html"},
		{"no draft", "---\ntitle: Drie\nslug: derde\n---\n\nDrie.\n", false, "a/derde/index.html"},
		{"a draft again", "---\ntitle: Drie\ndraft: true\nslug: derde\n---\n\nDrie.\n", false, "a/derde/index.html"},
		{"a draft's text", "---\ntitle: Drie\ndraft: true\nslug: derde\n---\n\nNieuw.\n", true, "a/derde/index.html"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(dir, "content/a/drie.md"), []byte(s.data), 0o644); err != nil {
				t.Fatal(err)
			}
			memo := b.memo
			site, err := b.Rebuild([]string{"content/a/drie.md"})
			fresh, freshErr := Generate(opts)
			if d := scratchDifference(site, err, fresh, freshErr); d != "" {
				t.Fatal(d)
			}
			if err != nil {
				t.Fatal(err)
			}
			if quick := b.memo == memo; quick != s.quick {
				t.Errorf("quick path %v, want %v", quick, s.quick)
			}
			if _, ok := site.Files[s.there]; !ok {
				t.Errorf("%s is not there", s.there)
			}
		})
	}
}

// A slug of dots names no folder of its own: "a/../index.html" is the
// start page's address, which serve cannot serve and redirects a moved
// page to ("/a/../" is "/").
func TestDotSlug(t *testing.T) {
	for _, slug := range []string{".", ".."} {
		files := smallSite()
		files["content/a/een.md"] = "---\ntitle: Een\nweight: 1\nslug: \"" + slug + "\"\n---\n\nEen.\n"
		site, err := Generate(siteOptions(writeSite(t, files)))
		if err == nil {
			t.Errorf("slug %q: built, with pages %v", slug, slices.Sorted(maps.Keys(site.Files)))
		}
	}
}
