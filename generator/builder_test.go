package generator

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/internal/sitetest"
)

// copyRepoSite copies the eGov site root in Dutch alone (content/
// without its translations, site.yaml without its other languages) into
// a temporary folder that a test may edit: a site of one language, whose
// saves take the quick path.
func copyRepoSite(t *testing.T) string {
	t.Helper()
	dir := copyBilingualSite(t)
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".fr.md") {
			err = os.Remove(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	yaml, _, _ := strings.Cut(string(data), "languages:")
	sitetest.WriteFile(t, filepath.Join(dir, "site.yaml"), yaml)
	return dir
}

// copyBilingualSite copies the eGov site root (content/ and site.yaml),
// in Dutch and French, into a temporary folder that a test may edit.
func copyBilingualSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	sitetest.CopyTree(t, filepath.Join("..", "content"), filepath.Join(dir, "content"))
	sitetest.CopyTree(t, filepath.Join("..", "site.yaml"), filepath.Join(dir, "site.yaml"))
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
			site := saveAndRebuild(t, b, s.edit, s.changed, s.wantRendered)
			if site.Pages != first.Pages+s.pagesAdded {
				t.Errorf("%d pages, want %d", site.Pages, first.Pages+s.pagesAdded)
			}
			for name, want := range s.wantIn {
				if !strings.Contains(string(site.Files[name]), want) {
					t.Errorf("%s lacks %q", name, want)
				}
			}
			sameAsScratch(t, dir, site, nil)
		})
	}
}

// saveAndRebuild makes a save (edit) and rebuilds with the hint changed,
// and wants the rebuild to render wantRendered pages.
func saveAndRebuild(t *testing.T, b *Builder, edit func(), changed []string, wantRendered int) *Site {
	t.Helper()
	edit()
	site, err := b.Rebuild(changed)
	if err != nil {
		t.Fatal(err)
	}
	if site.Rendered != wantRendered {
		t.Errorf("rendered %d pages, want %d", site.Rendered, wantRendered)
	}
	return site
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
