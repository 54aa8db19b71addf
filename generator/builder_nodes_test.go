package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

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

// TestBuilderSlugsAndDrafts checks edits of an answer's slug and draft
// flag while serving. A new slug moves the page, an answer that becomes
// a draft goes, and one that stops being a draft comes: all take the
// ordinary build. Saves in between that keep every page's place (a body,
// a next, a file saved again as it was) take the quick path. After
// every step the output is a build from scratch's.
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
// every page shows in its popup: each takes the ordinary build, with the
// built-in theme or one's own, with or without a relative link in them,
// a draft flag or the file gone. After every step the output is a build
// from scratch's.
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
			t.Error("the quick path took the definitions")
		}
		if site != nil && !strings.Contains(string(site.Files["a/een/index.html"]), "eigen thema") {
			t.Error("the page lacks the new definitions")
		}
	})
}

// TestBuilderNewFolders checks new folders while serving: each takes the
// ordinary build, which walks content/, but for folders that the walk
// leaves out (_concept, .oud, a folder of backups), which change nothing.
// After every step the output, and the memo, are a build from scratch's.
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
			hint:   []string{"content/k/een.md~"}, quick: true},
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

// TestBuilderDraftsBuilt checks a Builder that builds drafts (serve
// --drafts): a draft is a page like any other, so an edit of its text
// takes the quick path, and a new slug or a draft flag that comes or
// goes the ordinary build. Each rebuild must make what a build from scratch makes.
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
