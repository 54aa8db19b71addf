package generator

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

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
