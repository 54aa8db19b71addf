package author

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/internal/sitetest"
)

func TestNewNode(t *testing.T) {
	tests := []struct {
		name        string
		extra       map[string]string // files added to smallSite
		opts        NewNodeOptions    // Root and RootName are filled in
		wantCreated []string
		wantKind    NodeKind // of the last file created
		wantTitle   string
		wantWeight  int
		wantNote    string // part of the one note; "" for none
		brokenSite  bool   // the site does not build, before or after
	}{
		{name: "answer page in a menu, after its siblings",
			opts:        NewNodeOptions{Path: "a/drie.md"},
			wantCreated: []string{"site/content/a/drie.md"},
			wantKind:    KindAnswer, wantTitle: "Drie", wantWeight: 3},
		{name: "weight above the highest sibling, folders and drafts included",
			extra: map[string]string{
				"content/a/oud.md":          "---\ntitle: Oud\nweight: 7\ndraft: true\n---\n",
				"content/a/sub/_index.md":   "---\ntitle: Sub\nweight: 9\n---\n",
				"content/a/kapot.md":        "---\ntitle: [\n---\n",
				"content/a/_verborgen.md":   "---\ntitle: Verborgen\nweight: 50\n---\n",
				"content/a/sub/diep.md":     "---\ntitle: Diep\nweight: 40\n---\n",
				"content/a/notities.txt~":   "weight: 60",
				"content/a/plaatje-info.md": "---\ntitle: Info\nweight: -2\n---\n",
			},
			opts:        NewNodeOptions{Path: "a/nieuwe-taak.md", Kind: KindInfo},
			wantCreated: []string{"site/content/a/nieuwe-taak.md"},
			wantKind:    KindInfo, wantTitle: "Nieuwe taak", wantWeight: 10, brokenSite: true},
		{name: "menu folder with the folders on the way",
			opts: NewNodeOptions{Path: "b/c/nieuw-profiel/"},
			wantCreated: []string{
				"site/content/b/_index.md", "site/content/b/c/_index.md", "site/content/b/c/nieuw-profiel/_index.md",
			},
			wantKind: KindMenu, wantTitle: "Nieuw profiel", wantWeight: 1},
		{name: "a path without .md is a folder, content/ in front is allowed",
			opts:        NewNodeOptions{Path: "content/a/profiel", Kind: KindAnswer, Title: `Ik ben een "Nieuw" ‘Profiel’ …`},
			wantCreated: []string{"site/content/a/profiel/_index.md"},
			wantKind:    KindAnswer, wantTitle: `Ik ben een "Nieuw" ‘Profiel’ …`, wantWeight: 3},
		{name: "a parent with its own choices gets a note",
			extra:       map[string]string{"content/_index.md": "---\ntitle: Welkom\nchoices:\n  - a/_index.md\n---\n"},
			opts:        NewNodeOptions{Path: "los.md"},
			wantCreated: []string{"site/content/los.md"},
			wantKind:    KindAnswer, wantTitle: "Los", wantWeight: 2,
			wantNote: "site/content/_index.md:3: this node lists its own choices: add los.md there"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := smallSite()
			for k, v := range tt.extra {
				files[k] = v
			}
			dir := writeSite(t, files)
			opts := tt.opts
			opts.Root, opts.RootName = dir, "site"
			res, err := NewNode(opts)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(res.Created, tt.wantCreated) {
				t.Errorf("created %q, want %q", res.Created, tt.wantCreated)
			}
			if tt.wantNote == "" && len(res.Notes) > 0 || tt.wantNote != "" && (len(res.Notes) != 1 || !strings.Contains(res.Notes[0], tt.wantNote)) {
				t.Errorf("notes %q, want …%s…", res.Notes, tt.wantNote)
			}
			last := strings.TrimPrefix(tt.wantCreated[len(tt.wantCreated)-1], "site/content/")
			data, err := os.ReadFile(filepath.Join(dir, "content", filepath.FromSlash(last)))
			if err != nil {
				t.Fatal(err)
			}
			n, err := generator.ParseNode(last, data)
			if err != nil {
				t.Fatalf("front matter of %s: %v\n%s", last, err, data)
			}
			if n.Title != tt.wantTitle || n.LinkTitle != tt.wantTitle || n.Weight != tt.wantWeight {
				t.Errorf("title %q, linkTitle %q, weight %d; want %q and weight %d", n.Title, n.LinkTitle, n.Weight, tt.wantTitle, tt.wantWeight)
			}
			if (n.Prompt != "") != (tt.wantKind == KindMenu) {
				t.Errorf("kind %s, prompt %q", tt.wantKind, n.Prompt)
			}
			if want := nodeStub(tt.wantKind, tt.wantTitle, tt.wantWeight, false); string(data) != want {
				t.Errorf("file:\n%s\nwant:\n%s", data, want)
			}
			if tt.wantKind != KindMenu && !hasText(generator.Body(n)) {
				t.Errorf("the %s stub has no text a visitor sees", tt.wantKind)
			}

			// The site still builds with the new node, unless a parent
			// lists its own choices, which the note is about.
			_, err = generator.Generate(siteOptions(dir))
			if tt.brokenSite {
				return
			}
			if tt.wantNote == "" && err != nil {
				t.Errorf("the site does not build after new:\n%v", err)
			}
			if tt.wantNote != "" && (err == nil || !strings.Contains(err.Error(), "not reachable")) {
				t.Errorf("want the build to find the new node unreachable, got %v", err)
			}
		})
	}
}

func TestNewNodeStartPage(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	res, err := NewNode(NewNodeOptions{Root: dir, Path: "eerste/stap.md"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"content/_index.md", "content/eerste/_index.md", "content/eerste/stap.md"}
	if !slices.Equal(res.Created, want) {
		t.Errorf("created %q, want %q", res.Created, want)
	}
	start, err := os.ReadFile(filepath.Join(dir, "content", "_index.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(start), "title: \"Welkom\"") || strings.Contains(string(start), "weight:") {
		t.Errorf("start page:\n%s", start)
	}
	site, err := generator.Generate(generator.Options{Source: os.DirFS(dir), Theme: siteOptions(dir).Theme})
	if err != nil {
		t.Fatalf("a site made by new alone does not build:\n%v", err)
	}
	if len(site.Nodes) != 3 {
		t.Errorf("%d nodes, want 3", len(site.Nodes))
	}
}

func TestNewNodeRefuses(t *testing.T) {
	tests := []struct {
		name  string
		extra map[string]string
		path  string
		kind  NodeKind
		want  string
	}{
		{name: "an existing file", path: "a/een.md", want: "site/content/a/een.md already exists"},
		{name: "an existing folder node", path: "a/", want: "site/content/a/_index.md already exists"},
		{name: "a folder beside a page of that name", path: "a/een/", want: "site/content/a/een.md exists, and site/content/a/een/_index.md would have the same address"},
		{name: "a page beside a folder of that name", path: "a.md", want: "site/content/a/_index.md exists"},
		{name: "a folder on the way beside a page", path: "a/een/stap.md", want: "site/content/a/een.md exists"},
		{name: "outside content", path: "../buiten.md", want: "leads outside content/"},
		{name: "outside content after content/", path: "content/../../buiten.md", want: "leads outside content/"},
		{name: "an absolute path", path: "/tmp/x.md", want: "not an absolute path"},
		{name: "a name the build skips", path: "a/_klad.md", want: `rename "_klad.md"`},
		{name: "a hidden folder", path: ".klad/x.md", want: `rename ".klad"`},
		{name: "the definitions", path: "_definitions.md", want: "not a node"},
		{name: "a menu that is not a folder", path: "a/menu.md", kind: KindMenu, want: "a menu is a folder"},
		{name: "an unknown kind", path: "a/x.md", kind: "vraag", want: "--kind vraag: choose menu, answer or info"},
		{name: "an empty path", path: " ", want: "no path"},
		{name: "no content folder", extra: map[string]string{"content": ""}, path: "x.md", want: "no content folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSite(t, smallSite())
			if _, ok := tt.extra["content"]; ok {
				if err := os.RemoveAll(filepath.Join(dir, "content")); err != nil {
					t.Fatal(err)
				}
			}
			before := sitetest.Snapshot(t, dir)
			res, err := NewNode(NewNodeOptions{Root: dir, RootName: "site", Path: tt.path, Kind: tt.kind})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want …%s…", err, tt.want)
			}
			if res != nil && len(res.Created) > 0 {
				t.Errorf("created %q", res.Created)
			}
			if !unchanged(t, dir, before) {
				t.Error("a refused new changed the site root")
			}
		})
	}
}

func TestTitleFromName(t *testing.T) {
	tests := map[string]string{
		"nieuwe-taak.md":            "Nieuwe taak",
		"a/nieuw_profiel/_index.md": "Nieuw profiel",
		"_index.md":                 "Welkom",
		"één--twee.md":              "Één twee",
		"x/---.md":                  "Nieuwe pagina",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := titleFromName(in); got != want {
				t.Errorf("titleFromName(%q) = %q, want %q", in, got, want)
			}
		})
	}
}
