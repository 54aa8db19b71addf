package generator

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// unreadableFS fails to read one file, as a file without read permission does.
type unreadableFS struct {
	fs.FS
	name string
}

func (u unreadableFS) Open(name string) (fs.File, error) {
	if name == u.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.FS.Open(name)
}

// builtSmallSite writes the small site into a new folder and builds it
// into out, whose files it returns too, for a failed build to keep.
func builtSmallSite(t *testing.T) (dir, out string, before map[string][32]byte) {
	t.Helper()
	dir = writeSite(t, smallSite())
	out = filepath.Join(t.TempDir(), "public")
	if _, err := Build(siteOptions(dir), out); err != nil {
		t.Fatalf("the good site does not build: %v", err)
	}
	return dir, out, snapshot(t, out)
}

func TestUnreadableFile(t *testing.T) {
	dir, out, before := builtSmallSite(t)
	opts := siteOptions(dir)
	opts.Source = unreadableFS{FS: opts.Source, name: "content/a/een.md"}
	_, err := Build(opts, out)
	want := "site/content/a/een.md: cannot read file: permission denied"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error = %v, want %q", err, want)
	}
	if !sameSnapshot(before, snapshot(t, out)) {
		t.Error("the failed build changed the previous output")
	}
}

// TestOutRefusesForeignFolder checks that the builder never empties a
// folder that it did not write.
func TestOutRefusesForeignFolder(t *testing.T) {
	dir := writeSite(t, smallSite())
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "thesis.txt"), []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	_, err := Build(siteOptions(dir), out)
	if err == nil || !strings.Contains(err.Error(), "not written by wizard build; refusing") {
		t.Fatalf("error = %v, want a refusal", err)
	}
	if !sameSnapshot(before, snapshot(t, out)) {
		t.Error("the refused build changed the folder")
	}
	// An empty folder and an earlier output are fine.
	empty := filepath.Join(t.TempDir(), "public")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(siteOptions(dir), empty); err != nil {
		t.Fatalf("empty folder: %v", err)
	}
	if _, err := Build(siteOptions(dir), empty); err != nil {
		t.Fatalf("earlier output: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(empty)); len(entries) != 1 {
		t.Errorf("the build left %d entries beside its output, want only the output", len(entries))
	}
}

// TestBaseURLChecked: the base URL goes as it is into robots.txt, the
// sitemap and every canonical link, so only a plain absolute http(s)
// address is taken.
func TestBaseURLChecked(t *testing.T) {
	for _, tt := range []struct {
		url  string
		want string // "" when accepted
	}{
		{"https://example.org/", ""},
		{"http://localhost:1313/a%20b/", ""},
		{"https://example.org/wizard", ""},
		{"https://example.org/é&(x)/", ""},
		{"example.org", "want an absolute address"},
		{"ftp://example.org/", "want an absolute address"},
		{"https://example.org/?x=1", "query or a fragment"},
		{"https://example.org/?", "query or a fragment"},
		{"https://example.org/#top", "query or a fragment"},
		{"https://user:pw@example.org/", "name or password"},
		{"https://example.org/a b/", "escaped"},
		{`https://example.org/"x`, "escaped"},
		{"https://example.org/<script>", "escaped"},
		{"https://example.org/'x", "escaped"},
	} {
		t.Run(tt.url, func(t *testing.T) {
			err := checkBaseURL(tt.url)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
	dir := writeSite(t, smallSite())
	opts := siteOptions(dir)
	opts.BaseURL = "https://example.org/<x>/"
	if _, err := Generate(opts); err == nil || !strings.Contains(err.Error(), "--base-url") {
		t.Errorf("a build with a bad --base-url: %v", err)
	}
}

// TestOutputNamesCollide: a file of content/ may not replace a file of
// the theme, and two outputs may not be one file where case or the form
// of accented letters does not count; each is refused, naming both.
func TestOutputNamesCollide(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"a static file over the theme's icon", map[string]string{"content/favicon.svg": "<svg/>"},
			"site/content/favicon.svg: this file would replace favicon.svg (the theme's favicon.svg): rename it"},
		{"two files that differ in case", map[string]string{"content/a/Foto.png": "1", "content/a/foto.png": "2"},
			"site/content/a/foto.png: output a/foto.png and a/Foto.png (from site/content/a/Foto.png) are one file where case"},
		{"one name in two normalizations", map[string]string{"content/a/caf\u00e9.txt": "1", "content/a/cafe\u0301.txt": "2"},
			"site/content/a/caf\u00e9.txt: output a/caf\u00e9.txt and a/cafe\u0301.txt (from site/content/a/cafe\u0301.txt) are one file where case or the form of accented letters does not count"},
		{"a file named as the 404 page in capitals", map[string]string{"content/404.HTML": "x"},
			"site/content/404.HTML: output 404.HTML and 404.html (from the generator's 404.html) are one file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := smallSite()
			maps.Copy(files, tt.files)
			_, err := Generate(siteOptions(writeSite(t, files)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}
