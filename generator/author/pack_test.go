package author

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/generator"
)

func packBytes(t *testing.T, site *generator.Site) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Pack(site, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPackDeterministic packs two separate builds: map order and clock
// must not show in the bytes.
func TestPackDeterministic(t *testing.T) {
	a := packBytes(t, eGovSite(t))
	b := packBytes(t, eGovSite(t))
	if !bytes.Equal(a, b) {
		t.Fatalf("two packs of the same site differ (%d and %d bytes)", len(a), len(b))
	}
}

// TestPackContent reads the archive back: index.html first, every file
// of the site once with its bytes, nothing else, fixed times.
func TestPackContent(t *testing.T) {
	site := eGovSite(t)
	data := packBytes(t, site)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("read the pack back: %v", err)
	}
	if len(zr.File) == 0 || zr.File[0].Name != "index.html" {
		t.Fatalf("first entry is not index.html: %v", packEntryNames(zr))
	}
	names := packEntryNames(zr)
	if !slices.IsSorted(names[1:]) {
		t.Errorf("entries after index.html are not in path order: %v", names)
	}
	if len(names) != len(site.Files) {
		t.Errorf("pack holds %d entries, the site %d files", len(names), len(site.Files))
	}
	for _, f := range zr.File {
		want, ok := site.Files[f.Name]
		if !ok {
			t.Errorf("pack holds %s, which the site does not", f.Name)
			continue
		}
		if !f.Modified.Equal(packTime) {
			t.Errorf("%s: time %v, want %v", f.Name, f.Modified, packTime)
		}
		if f.Mode() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", f.Name, f.Mode())
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: bytes in the pack differ from the build", f.Name)
		}
	}
	for _, name := range names {
		if strings.HasPrefix(name, "/") || strings.Contains(name, "..") || name == ".wizard-output" { // the marker of a folder the build wrote
			t.Errorf("unexpected entry %q", name)
		}
	}
}

func packEntryNames(zr *zip.Reader) []string {
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names
}

// TestPackFile writes archives to disk: new, over an older archive, and
// refuses what is not an archive, leaving it as it was.
func TestPackFile(t *testing.T) {
	site := eGovSite(t)
	want := packBytes(t, site)
	tests := []struct {
		name    string
		setup   func(t *testing.T, path string) // prepares what is at path before the pack
		wantErr string                          // "" when the pack must succeed
	}{
		{"new file", func(t *testing.T, path string) {}, ""},
		{"older archive", func(t *testing.T, path string) {
			var b bytes.Buffer
			zw := zip.NewWriter(&b)
			w, _ := zw.Create("old.txt")
			w.Write([]byte("old"))
			zw.Close()
			writePackTarget(t, path, b.Bytes())
		}, ""},
		{"empty archive", func(t *testing.T, path string) {
			var b bytes.Buffer
			zip.NewWriter(&b).Close()
			writePackTarget(t, path, b.Bytes())
		}, ""},
		{"text file", func(t *testing.T, path string) { writePackTarget(t, path, []byte("my notes\n")) }, "not a zip archive"},
		{"empty file", func(t *testing.T, path string) { writePackTarget(t, path, nil) }, "not a zip archive"},
		{"folder", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "site.zip")
			tt.setup(t, path)
			before, _ := os.ReadFile(path)
			_, err := PackFile(context.Background(), site, path)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one saying %q", err, tt.wantErr)
				}
				if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
					t.Errorf("the refused file was changed")
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				got, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("file holds %d bytes, not the pack of %d bytes", len(got), len(want))
				}
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 {
				t.Errorf("folder holds %d entries, want only site.zip (no temporary file left)", len(entries))
			}
		})
	}
}

// TestPackFileStopped: a pack told to stop fails with the cause, and
// leaves an older archive as it was and nothing beside it.
func TestPackFileStopped(t *testing.T) {
	site := eGovSite(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "site.zip")
	if _, err := PackFile(context.Background(), site, path); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	delete(site.Files, "index.html")
	cause := errors.New("told to stop")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(cause)
	if _, err := PackFile(ctx, site, path); !errors.Is(err, cause) {
		t.Errorf("a stopped pack says %v; want its cause", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a stopped pack changed the archive")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a stopped pack left %d entries beside the archive", len(entries)-1)
	}
}

// TestPackFileSweepsDeadLeftovers: a pack removes the new folders that
// packs to the same name left when they were killed, and keeps the one a
// running pack writes and what is not provably ours, such as the
// temporary file of a pack before folders had markers.
func TestPackFileSweepsDeadLeftovers(t *testing.T) {
	dir := t.TempDir()
	dead, err := packKind.Make(dir, "site.zip")
	if err != nil {
		t.Fatal(err)
	}
	writePackTarget(t, filepath.Join(dead.Path, "site.zip"), []byte("PK\x03\x04half"))
	dead.Release() // as when its process was killed
	running, err := packKind.Make(dir, "site.zip")
	if err != nil {
		t.Fatal(err)
	}
	defer running.Release()
	writePackTarget(t, filepath.Join(dir, ".site.zip.new-123"), []byte("PK\x03\x04old way"))
	if _, err := PackFile(context.Background(), eGovSite(t), filepath.Join(dir, "site.zip")); err != nil {
		t.Fatal(err)
	}
	var got []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{filepath.Base(running.Path), ".site.zip.new-123", "site.zip"}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("beside the archive: %v; want %v", got, want)
	}
}

func writePackTarget(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPackRefusesUnsafeNames builds a site with a static file whose name
// some unzip tools would write outside their folder, through the real
// build, and packs it: refused, naming the file, and nothing written.
func TestPackRefusesUnsafeNames(t *testing.T) {
	for _, name := range []string{`x\..\..\evil.txt`, "C:evil.txt", "a/b:stream.txt"} {
		t.Run(name, func(t *testing.T) {
			files := smallSite()
			files["content/a/"+name] = "boos"
			dir := writeSite(t, files)
			site, err := generator.Generate(siteOptions(dir))
			if err != nil {
				t.Fatal(err)
			}
			tmp := t.TempDir()
			_, err = PackFile(context.Background(), site, filepath.Join(tmp, "site.zip"))
			if err == nil || !strings.Contains(err.Error(), name) {
				t.Fatalf("error %v, want one naming %s", err, name)
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("%d files left where the archive was to go", len(left))
			}
		})
	}
	if err := checkZipName("a/b/../../../x"); err == nil {
		t.Error("a .. part was taken")
	}
	if err := checkZipName("a/b-c_d.e/index.html"); err != nil {
		t.Errorf("a plain name was refused: %v", err)
	}
}
