package generator

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/bench/synth"
)

// BenchmarkRebuildOneFile measures what `wizard serve` does after a save:
// one answer page of a synthetic wizard edited, then Rebuild with its path.
// Edits that keep the page's place take the quick path: an edit of the
// text renders the page; of the title also the parent's page; of the
// link title also the overview, which lists every node by it. An edit of
// the weight reorders the siblings: the parent's page (its choices) and
// the overview. An edit of where it leads (a next added, then taken out)
// renders its page. The other saves take the ordinary build with its
// memo, which renders the pages whose signature changed and the 404
// page: a new slug moves the page (its page, its parent's, the pages
// that lead to it and the overview); a new answer beside it, then
// deleted, or made a draft and back; an edit of the definitions, which
// every page shows; a new folder with its node (a new menu).
func BenchmarkRebuildOneFile(b *testing.B) {
	edits := []rebuildEdit{
		{"text", func(orig string, i int) string {
			return strings.Replace(orig, "\n\n", fmt.Sprintf("\n\nBewerking %d.\n\n", i), 1)
		}, 1, false, "", false},
		{"title", func(orig string, i int) string {
			return strings.Replace(orig, "title: ", fmt.Sprintf("title: %d ", i), 1)
		}, 4, false, "", false},
		{"label", func(orig string, i int) string {
			return strings.Replace(orig, `linkTitle: "`, fmt.Sprintf(`linkTitle: "%d `, i), 1)
		}, 4, false, "", false},
		{"weight", func(orig string, i int) string {
			return strings.Replace(orig, "weight: ", fmt.Sprintf("weight: %d", (i%2)*100), 1)
		}, 64, false, "", false},
		{"next", func(orig string, i int) string {
			if i%2 == 1 {
				return orig
			}
			// The sibling its body links to ("Lees ook").
			sibling := crossLink.FindStringSubmatch(orig)[1]
			return strings.Replace(orig, "\n---\n", "\nnext: "+sibling+"\n---\n", 1)
		}, 1, false, "", false},
		{"slug", func(orig string, i int) string {
			// Another address: its page, its parent's, the sibling's
			// whose body links to it, and the overview.
			return strings.Replace(orig, "\n---\n", fmt.Sprintf("\nslug: bewerkt-%d\n---\n", i), 1)
		}, 5, false, "", false},
		{"draft", func(orig string, i int) string {
			// A new answer beside it, then a draft, then no draft
			// again: its page (when it has one), its parent's and the
			// overview.
			return fmt.Sprintf("---\ntitle: \"… en ik wil iets nieuws.\"\nlinkTitle: \"iets nieuws\"\ndraft: %v\n---\n\nNieuw antwoord.\n", i%2 == 1)
		}, 4, true, "", false},
		{"new-and-deleted", func(orig string, i int) string {
			// A new answer beside it, then deleted: its page, its
			// parent's and the overview.
			if i%2 == 1 {
				return ""
			}
			return "---\ntitle: \"… en ik wil iets nieuws.\"\nlinkTitle: \"iets nieuws\"\n---\n\nNieuw antwoord.\n"
		}, 4, true, "", false},
		{"definitions", func(orig string, i int) string {
			// Every page shows them: the new popup is put in each.
			return strings.Replace(orig, "\n\n", fmt.Sprintf("\n\nBewerking %d\n: uitleg\n\n", i), 1)
		}, 0, false, "content/_definitions.md", false},
		{"new-menu", func(orig string, i int) string {
			// A new folder beside the answer's, with its node: its
			// page, its parent's and the overview.
			return fmt.Sprintf("---\ntitle: \"… en ik wil menu %d.\"\nlinkTitle: \"menu %d\"\n---\n", i, i)
		}, 4, false, "", true},
	}
	for _, n := range []int{1000, 10000} {
		for _, e := range edits {
			b.Run(fmt.Sprintf("nodes=%d/%s", n, e.name), func(b *testing.B) { benchRebuild(b, n, e) })
		}
	}
}

// crossLink finds the link of a synthetic answer to a sibling.
var crossLink = regexp.MustCompile(`\]\(([a-z0-9-]+\.md)\)`)

// rebuildEdit is one kind of save of BenchmarkRebuildOneFile.
type rebuildEdit struct {
	name    string
	edit    func(orig string, i int) string // "": the file is deleted
	max     int                             // pages rendered at most; 0: any number
	sibling bool                            // the edit writes a new sibling of the answer, not the answer
	file    string                          // the file edited, when not the answer
	folder  bool                            // each save writes the node of a new folder beside the answer's
}

func benchRebuild(b *testing.B, n int, e rebuildEdit) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := synth.Write(dir, n, synth.Wizard); err != nil {
		b.Fatal(err)
	}
	rel := e.file
	if rel == "" {
		rel = anAnswer(b, dir)
	}
	orig, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		b.Fatal(err)
	}
	if e.sibling {
		rel = path.Join(path.Dir(rel), "iets-nieuws.md")
	}
	builder := NewBuilder(Options{Source: os.DirFS(dir), SourceName: dir, Theme: siteOptions(dir).Theme})
	if _, err := builder.Build(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		hint := []string{rel}
		if e.folder {
			// As serve names a new folder: the folder and its files.
			folder := path.Join(path.Dir(path.Dir(rel)), fmt.Sprintf("nieuw-menu-%d", i))
			if err := os.Mkdir(filepath.Join(dir, filepath.FromSlash(folder)), 0o755); err != nil {
				b.Fatal(err)
			}
			hint = []string{folder, path.Join(folder, sectionFile)}
		}
		full := filepath.Join(dir, filepath.FromSlash(hint[len(hint)-1]))
		if edited := e.edit(string(orig), i); edited == "" {
			err = os.Remove(full)
		} else {
			err = os.WriteFile(full, []byte(edited), 0o644)
		}
		if err != nil {
			b.Fatal(err)
		}
		site, err := builder.Rebuild(hint)
		if err != nil {
			b.Fatal(err)
		}
		if e.max > 0 && site.Rendered > e.max {
			b.Fatalf("rendered %d pages for one edit, want at most %d", site.Rendered, e.max)
		}
		if i == 0 {
			b.Logf("rendered %d pages", site.Rendered)
		}
	}
}

// anAnswer returns the path of some answer page of the site root dir.
func anAnswer(b testing.TB, dir string) string {
	var found string
	filepath.WalkDir(filepath.Join(dir, contentDir), func(p string, d os.DirEntry, err error) error {
		if err == nil && found == "" && !d.IsDir() && filepath.Ext(p) == ".md" && !strings.HasPrefix(d.Name(), "_") {
			rel, _ := filepath.Rel(dir, p)
			found = filepath.ToSlash(rel)
		}
		return nil
	})
	if found == "" {
		b.Fatal("no answer page")
	}
	return found
}
