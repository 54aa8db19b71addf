package generator

import (
	"context"
	"crypto/sha256"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/wizardsite/wizard/bench/synth"
	"github.com/wizardsite/wizard/internal/sitetest"
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
	_, err := writeOutput(dir, files, nil)
	return err
}

// writeOutput is writeFiles that returns the warnings, with exchange in
// place of exchangeDirs when it is not nil.
func writeOutput(dir string, files map[string][]byte, exchange func(a, b string) error) ([]string, error) {
	o, err := startOutput(context.Background(), dir)
	if err != nil {
		return nil, err
	}
	if exchange != nil {
		o.exchange = exchange
	}
	for name, data := range files {
		if err := o.put(name, data); err != nil {
			o.abort()
			return nil, err
		}
	}
	if err := o.commit(); err != nil {
		return nil, err
	}
	return o.warnings, nil
}

// noExchange stands for a file system without an atomic exchange of
// two folders, so that swap renames twice.
func noExchange(a, b string) error { return errors.New("no exchange here") }

// beside lists the names in the folder of out other than out.
func beside(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != filepath.Base(out) {
			names = append(names, e.Name())
		}
	}
	return names
}

// sameOutput fails unless out holds exactly files, and the marker.
func sameOutput(t *testing.T, out string, files map[string][]byte) {
	t.Helper()
	want := map[string][32]byte{}
	for name, data := range files {
		want[filepath.FromSlash(name)] = sha256.Sum256(data)
	}
	got := map[string][32]byte{}
	for name, sum := range sitetest.Snapshot(t, out) {
		if !strings.HasSuffix(name, "/") && name != outputMarker {
			got[name] = sum
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("%s holds %d files, not the %d written, or other bytes", out, len(got), len(want))
	}
}

// TestOldOutputThatCannotBeRemoved: when the old output cannot be
// removed whole after the new one took its place (a file in it that
// cannot be deleted), the build has still succeeded: the output is the
// new site, and the warning names the folder where the rest of the old
// one is, which still carries the marker, so that the next build removes
// it once it can. Both ways of swapping: the exchange, and two renames.
func TestOldOutputThatCannotBeRemoved(t *testing.T) {
	for _, c := range []struct {
		name     string
		exchange func(a, b string) error
	}{{"exchange", nil}, {"two renames", noExchange}} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			first := map[string][]byte{"index.html": []byte("<p>one"), "a/page/index.html": []byte("<p>a")}
			if _, err := writeOutput(out, first, c.exchange); err != nil {
				t.Fatal(err)
			}
			undo := sitetest.Undeletable(t, filepath.Join(out, "a/page/index.html"))
			second := map[string][]byte{"index.html": []byte("<p>two"), "a/page/index.html": []byte("<p>a, changed")}
			warnings, err := writeOutput(out, second, c.exchange)
			if err != nil {
				t.Fatalf("the new site is in place, yet the build failed: %v", err)
			}
			sameOutput(t, out, second)
			left := beside(t, out)
			if len(left) != 1 || !strings.HasPrefix(left[0], ".public.old-") {
				t.Fatalf("beside the output: %v; want one .public.old-* folder", left)
			}
			if len(warnings) != 1 || !strings.Contains(warnings[0], left[0]) {
				t.Errorf("warnings %q do not name %s", warnings, left[0])
			}
			old := filepath.Join(filepath.Dir(out), left[0])
			if data, err := os.ReadFile(filepath.Join(old, outputMarker)); err != nil || !strings.HasPrefix(string(data), markerText+"\n") {
				t.Errorf("the leftover lost its marker: %q, %v", data, err)
			}
			// Still undeletable: the next build says so again, and
			// succeeds.
			third := map[string][]byte{"index.html": []byte("<p>three")}
			if warnings, err := writeOutput(out, third, c.exchange); err != nil || len(warnings) != 1 {
				t.Errorf("a build beside a leftover it cannot remove: %v, warnings %q", err, warnings)
			}
			undo()
			if warnings, err := writeOutput(out, first, c.exchange); err != nil || len(warnings) != 0 {
				t.Errorf("the build after: %v, warnings %q", err, warnings)
			}
			sameOutput(t, out, first)
			if left := beside(t, out); len(left) != 0 {
				t.Errorf("the leftover was not removed: %v", left)
			}
		})
	}
}

// TestSwapFailureLeavesOutput: a build whose new folder cannot take the
// output's place (the output folder itself cannot be moved) fails, and
// leaves the output as it was and nothing beside it.
func TestSwapFailureLeavesOutput(t *testing.T) {
	for _, exchange := range []func(a, b string) error{nil, noExchange} {
		out := filepath.Join(t.TempDir(), "public")
		first := map[string][]byte{"index.html": []byte("<p>one"), "a/index.html": []byte("<p>a")}
		if _, err := writeOutput(out, first, exchange); err != nil {
			t.Fatal(err)
		}
		undo := sitetest.Undeletable(t, out)
		if _, err := writeOutput(out, map[string][]byte{"index.html": []byte("<p>two")}, exchange); err == nil {
			t.Error("the build succeeded, yet its output could not take the old one's place")
		}
		undo()
		sameOutput(t, out, first)
		if left := beside(t, out); len(left) != 0 {
			t.Errorf("a failed build left %v", left)
		}
	}
}

// TestBuildSweepsDeadLeftovers: a build removes the new folders that
// builds of the same output left when they were killed, and keeps the
// one a running build writes and one that is not ours.
func TestBuildSweepsDeadLeftovers(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	dead, err := outputKind.Make(filepath.Dir(out), "public")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dead.Path, "index.html"), []byte("<p>half"), 0o644)
	dead.Release() // as when its process was killed
	running, err := outputKind.Make(filepath.Dir(out), "public")
	if err != nil {
		t.Fatal(err)
	}
	defer running.Release()
	foreign := filepath.Join(filepath.Dir(out), ".public.new-notes")
	sitetest.WriteFile(t, filepath.Join(foreign, "notes.txt"), "keep me")
	if err := writeFiles(out, map[string][]byte{"index.html": []byte("<p>one")}); err != nil {
		t.Fatal(err)
	}
	got := beside(t, out)
	want := []string{filepath.Base(running.Path), filepath.Base(foreign)}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("beside the output: %v; want %v", got, want)
	}
}

// TestBuildStopped: a build told to stop fails with the cause, and
// leaves the output as it was and nothing beside it.
func TestBuildStopped(t *testing.T) {
	dir := writeSite(t, smallSite())
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(siteOptions(dir), out); err != nil {
		t.Fatal(err)
	}
	before := sitetest.Snapshot(t, out)
	sitetest.WriteFile(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Anders\n---\n\nKies een menu.\n")
	cause := errors.New("told to stop")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(cause)
	if _, err := BuildContext(ctx, siteOptions(dir), out); !errors.Is(err, cause) {
		t.Errorf("a stopped build says %v; want its cause", err)
	}
	if !maps.Equal(sitetest.Snapshot(t, out), before) {
		t.Error("a stopped build changed the output")
	}
	if left := beside(t, out); len(left) != 0 {
		t.Errorf("a stopped build left %v", left)
	}
}
