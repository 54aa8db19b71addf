package generator

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/wizardsite/wizard/bench/synth"
)

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		t.Skip("no inode numbers on this system")
	}
	return st.Ino
}

// TestWriteKeepsUnchangedFiles checks that a second write keeps the files
// whose bytes did not change (same inode, same modification time), writes
// the changed ones and drops the removed ones.
func TestWriteKeepsUnchangedFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first := map[string][]byte{
		"index.html":      []byte("<p>start"),
		"a/index.html":    []byte("<p>a"),
		"b/c/index.html":  []byte("<p>c"),
		"assets/x.css":    []byte("p{}"),
		"gone/index.html": []byte("<p>gone"),
	}
	if err := writeFiles(out, first); err != nil {
		t.Fatal(err)
	}
	keptBefore := inode(t, filepath.Join(out, "a/index.html"))
	infoBefore, _ := os.Stat(filepath.Join(out, "a/index.html"))
	second := map[string][]byte{
		"index.html":     []byte("<p>start, changed"),
		"a/index.html":   []byte("<p>a"),
		"b/c/index.html": []byte("<p>c"),
		"assets/x.css":   []byte("p{}"),
	}
	if err := writeFiles(out, second); err != nil {
		t.Fatal(err)
	}
	if inode(t, filepath.Join(out, "a/index.html")) != keptBefore {
		t.Error("an unchanged file was written again")
	}
	infoAfter, _ := os.Stat(filepath.Join(out, "a/index.html"))
	if !infoAfter.ModTime().Equal(infoBefore.ModTime()) {
		t.Error("an unchanged file has a new modification time")
	}
	for name, want := range second {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "gone")); !os.IsNotExist(err) {
		t.Errorf("a file no longer built is still there: %v", err)
	}
	// A file changed by hand to another size is written again, not kept.
	os.WriteFile(filepath.Join(out, "a/index.html"), []byte("<p>edited by hand"), 0o644)
	if err := writeFiles(out, second); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "a/index.html")); string(got) != "<p>a" {
		t.Errorf("a file edited by hand was kept: %q", got)
	}
	// So is one changed in place to bytes of the same size: the manifest
	// says what the last build wrote, not what the file holds now.
	os.WriteFile(filepath.Join(out, "index.html"), []byte("<p>START, CHANGED"), 0o644)
	if err := writeFiles(out, second); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "index.html")); string(got) != "<p>start, changed" {
		t.Errorf("a file edited by hand to the same size was kept: %q", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("%d entries beside the output, want none", len(entries)-1)
	}
}

// TestBuildWritesWhatGenerateMakes checks that Build, which writes pages
// as they are rendered and drops what it no longer needs, leaves on disk
// exactly the files of Generate, and fails as Generate fails.
func TestBuildWritesWhatGenerateMakes(t *testing.T) {
	synthetic := filepath.Join(t.TempDir(), "synth")
	if err := synth.Write(synthetic, 300, synth.Wizard); err != nil {
		t.Fatal(err)
	}
	awkward := map[string]string{}
	for name, f := range awkwardSite() {
		awkward[name] = string(f.Data)
	}
	ownFooter := smallSite()
	ownFooter["theme/templates/footer.html"] = "<footer>own</footer>"
	badLink := smallSite()
	badLink["content/a/een.md"] = "---\ntitle: Een\n---\n\nZie [weg](weg.md).\n"
	unreachable := smallSite()
	unreachable["content/a/_index.md"] = "---\ntitle: Menu A\nchoices:\n  - een.md\n---\n"
	unreachable["content/a/een.md"] = "---\ntitle: Een\n---\n\nGeen link.\n"
	taken := smallSite()
	taken["content/overzicht/_index.md"] = "---\ntitle: Overzicht\n---\n\nZie [weg](weg.md).\n"
	sites := []struct {
		name    string
		dir     string
		wantErr string
	}{
		{"small", writeSite(t, smallSite()), ""},
		{"egov", "..", ""},
		{"synthetic", synthetic, ""},
		{"awkward", writeSite(t, awkward), ""},
		{"own footer", writeSite(t, ownFooter), ""},
		{"a link to no node", writeSite(t, badLink), "weg.md"},
		{"a node no choice reaches", writeSite(t, unreachable), "twee.md"},
		{"the overview's address taken, and a link to no node", writeSite(t, taken), "overzicht"},
	}
	for _, c := range sites {
		t.Run(c.name, func(t *testing.T) {
			opts := siteOptions(c.dir)
			site, genErr := Generate(opts)
			out := filepath.Join(t.TempDir(), "public")
			built, err := Build(opts, out)
			if genErr != nil || err != nil || c.wantErr != "" {
				if genErr == nil || err == nil || genErr.Error() != err.Error() || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("Generate fails with\n%v\nBuild with\n%v\nwant an error about %q", genErr, err, c.wantErr)
				}
				if _, err := os.Stat(out); !os.IsNotExist(err) {
					t.Errorf("a failed build left %s: %v", out, err)
				}
				return
			}
			sameBuild(t, site, built, out)
		})
	}
}

// sameBuild compares what Build wrote to out with what Generate made.
func sameBuild(t *testing.T, site, built *Site, out string) {
	t.Helper()
	if built.FileCount != len(site.Files) || built.Pages != site.Pages {
		t.Errorf("Build counts %d files and %d pages, Generate %d and %d", built.FileCount, built.Pages, len(site.Files), site.Pages)
	}
	onDisk := 0
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != outputMarker {
			onDisk++
		}
		return nil
	})
	if onDisk != len(site.Files) {
		t.Errorf("%d files on disk, Generate makes %d", onDisk, len(site.Files))
	}
	for name, want := range site.Files {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s on disk differs from what Generate makes (%v)", name, err)
		}
	}
	// Build drops the sources once rendered; what the nodes tell of them
	// stays as Generate's.
	for i, n := range built.Nodes {
		g := site.Nodes[i]
		if n.HasBody() != g.HasBody() || !slices.Equal(n.External, g.External) || !sameFiles(n.Links, g.Links) {
			t.Errorf("%s: HasBody %v, External %v, links %v after Build; %v, %v, %v after Generate",
				n.File, n.HasBody(), n.External, files(n.Links), g.HasBody(), g.External, files(g.Links))
		}
	}
}

// files are the files of nodes.
func files(nodes []*Node) []string {
	var names []string
	for _, n := range nodes {
		names = append(names, n.File)
	}
	return names
}

func sameFiles(a, b []*Node) bool { return slices.Equal(files(a), files(b)) }

// writeFiles puts files into the output folder dir as Build does: into
// a new folder beside it, which takes its place when all are written.
func writeFiles(dir string, files map[string][]byte) error {
	o, err := startOutput(dir)
	if err != nil {
		return err
	}
	for name, data := range files {
		if err := o.put(name, data); err != nil {
			o.abort()
			return err
		}
	}
	return o.commit()
}
