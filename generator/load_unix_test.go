//go:build unix

package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/wizardsite/wizard/internal/sitetest"
)

// A named pipe in content/ is refused at its path, also through a
// symbolic link: reading one would wait for a writer, or find nothing.
func TestNamedPipeRefused(t *testing.T) {
	dir, out, before := builtSmallSite(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "a", "pijp.md"), 0o644); err != nil {
		t.Skipf("no named pipe here: %v", err)
	}
	if err := os.Symlink("pijp.md", filepath.Join(dir, "content", "a", "naar-pijp.md")); err != nil {
		t.Fatal(err)
	}
	_, err := Build(siteOptions(dir), out)
	for _, want := range []string{
		"site/content/a/pijp.md: not a regular file but a named pipe: a site holds only files and folders",
		"site/content/a/naar-pijp.md: not a regular file but a named pipe: a site holds only files and folders",
	} {
		if err == nil || !strings.Contains(err.Error()+"\n", want+"\n") {
			t.Errorf("error = %v\nwant a line %q", err, want)
		}
	}
	if !sameSnapshot(before, snapshot(t, out)) {
		t.Error("the failed build changed the previous output")
	}
}

// A symbolic link in content/ that leads out of the site root is refused
// at its path, whether it leads out itself, through another link or
// through a linked folder, and whether the site root is read through
// os.DirFS (as wizard build reads it), which would follow it, or through
// an os.Root's FS (as wizard serve reads it, though it leaves such links
// out first), which would refuse to. A link that stays inside is followed.
func TestSymlinkLeadsOut(t *testing.T) {
	tests := []struct {
		name  string
		links [][2]string // symbolic links to make: name, target
		want  string      // "" when the build succeeds
	}{
		{name: "to an absolute path",
			links: [][2]string{{"content/a/buiten.md", "/etc/hostname"}},
			want:  "site/content/a/buiten.md: symbolic link leads out of the site root (to /etc/hostname): copy the file into the site instead"},
		{name: "up past the site root",
			links: [][2]string{{"content/a/buiten.md", "../../../buiten.md"}},
			want:  "site/content/a/buiten.md: symbolic link leads out of the site root (to ../../../buiten.md): copy the file into the site instead"},
		{name: "through a link inside",
			links: [][2]string{{"gedeeld/uit.md", "/etc/hostname"}, {"content/a/via.md", "../../gedeeld/uit.md"}},
			want:  "site/content/a/via.md: symbolic link leads out of the site root (to /etc/hostname): copy the file into the site instead"},
		{name: "in a linked folder",
			links: [][2]string{{"gedeeld/uit.txt", "../.."}, {"content/a/map", "../../gedeeld"}},
			want:  "site/content/a/map/uit.txt: symbolic link leads out of the site root (to ../..): copy the file into the site instead"},
		{name: "inside the site root",
			links: [][2]string{{"content/a/logo.txt", "../../gedeeld/logo.txt"}, {"content/a/map", "../../gedeeld"}}},
	}
	sources := map[string]func(t *testing.T, dir string) fs.FS{
		"os.DirFS": func(_ *testing.T, dir string) fs.FS { return os.DirFS(dir) },
		"os.Root": func(t *testing.T, dir string) fs.FS {
			root, err := os.OpenRoot(dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { root.Close() })
			return root.FS()
		},
	}
	for _, tt := range tests {
		for source, open := range sources {
			t.Run(tt.name+"/"+source, func(t *testing.T) {
				dir, out, before := builtSmallSite(t)
				sitetest.WriteFile(t, filepath.Join(dir, "gedeeld", "logo.txt"), "logo")
				for _, l := range tt.links {
					if err := os.Symlink(l[1], filepath.Join(dir, filepath.FromSlash(l[0]))); err != nil {
						t.Fatal(err)
					}
				}
				opts := siteOptions(dir)
				opts.Source = open(t, dir)
				_, err := Build(opts, out)
				if tt.want == "" {
					if err != nil {
						t.Fatal(err)
					}
					if data, err := os.ReadFile(filepath.Join(out, "a", "map", "logo.txt")); err != nil || string(data) != "logo" {
						t.Errorf("a/map/logo.txt: %q, %v; want the linked file", data, err)
					}
					return
				}
				if err == nil || !slices.Contains(strings.Split(err.Error(), "\n"), tt.want) {
					t.Errorf("error = %v\nwant a line %q", err, tt.want)
				}
				if !sameSnapshot(before, snapshot(t, out)) {
					t.Error("the failed build changed the previous output")
				}
			})
		}
	}
}

// leadsOut follows links a path part at a time in any fs.FS that reads
// them, here an fstest.MapFS.
func TestLeadsOutMapFS(t *testing.T) {
	link := func(to string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(to), Mode: fs.ModeSymlink} }
	fsys := fstest.MapFS{
		"content/a/een.md":   {Data: []byte("---\ntitle: Een\n---\n")},
		"content/a/terug.md": link("een.md"),
		"content/a/op.md":    link("../../x/y.md"),
		"content/a/uit.md":   link("../../.."),
		"content/a/abs.md":   link("/etc/hostname"),
		"content/a/lus.md":   link("lus.md"),
		"content/a/weg.md":   link("nergens.md"),
		"content/b":          link("a"),
		"content/c":          link(".."),
		"content/d":          link("../x/z/../../.."), // out by its own "..", through x/z
		"x/y.md":             link("../content/a/abs.md"),
		"x/z":                link(".."),
	}
	tests := []struct {
		name, to string
		out      bool
	}{
		{"content/a/een.md", "", false},
		{"content/a/terug.md", "", false},
		{"content/a/op.md", "/etc/hostname", true},
		{"content/a/uit.md", "../../..", true},
		{"content/a/abs.md", "/etc/hostname", true},
		{"content/a/lus.md", "", false}, // a loop: following it fails
		{"content/a/weg.md", "", false}, // broken: following it fails
		{"content/b/abs.md", "/etc/hostname", true},
		{"content/b/een.md", "", false},
		{"content/c/content/a/een.md", "", false},
		{"content/c/content/c/content/a/uit.md", "../../..", true},
		{"content/d", "../x/z/../../..", true},
	}
	for _, tt := range tests {
		if to, out := leadsOut(fsys, tt.name); to != tt.to || out != tt.out {
			t.Errorf("leadsOut(%s) = %q, %v; want %q, %v", tt.name, to, out, tt.to, tt.out)
		}
	}
}
