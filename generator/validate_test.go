package generator

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidationErrors breaks a good site in one way per case, and checks
// that the build reports the file and line, and leaves the previous
// output exactly as it was.
func TestValidationErrors(t *testing.T) {
	tests := []struct {
		name    string
		change  map[string]string // files to write; "" removes the file
		symlink [2]string         // a symbolic link to make: name, target
		want    []string          // each must be a line of the error
	}{
		{name: "unclosed front matter",
			change: map[string]string{"content/a/een.md": "---\ntitle: Een\n\nTekst\n"},
			want:   []string{"site/content/a/een.md:1: front matter is not closed: no line --- after the opening one"}},
		{name: "invalid front matter",
			change: map[string]string{"content/a/een.md": "---\ntitle: Een\nweight: [1\n---\n"},
			want:   []string{"site/content/a/een.md:3:9: sequence end token ']' not found"}},
		{name: "unknown key",
			change: map[string]string{"content/a/een.md": "---\ntitle: Een\ntitel: Een\n---\n"},
			want:   []string{"site/content/a/een.md:3:1: front matter: unknown field \"titel\" (see docs/content-format.md for the keys)"}},
		{name: "missing title",
			change: map[string]string{"content/a/een.md": "---\nweight: 1\n---\nTekst\n"},
			want:   []string{"site/content/a/een.md:1: missing title: every node needs a title in its front matter"}},
		{name: "link to a node that does not exist",
			change: map[string]string{"content/a/een.md": "---\ntitle: Een\n---\n\nEerst\n[weg](../b/_index.md) hier.\n"},
			want:   []string{`site/content/a/een.md:6: link to "../b/_index.md": no such node or file (content/b/_index.md)`}},
		{name: "link to a file that does not exist",
			change: map[string]string{"content/a/een.md": "---\ntitle: Een\n---\n\n[Het plan](plan.pdf)\n"},
			want:   []string{`site/content/a/een.md:5: link to "plan.pdf": no such node or file (content/a/plan.pdf)`}},
		{name: "next to a node that does not exist",
			change: map[string]string{"content/a/een.md": "---\ntitle: Een\nnext: drie.md\n---\n"},
			want:   []string{`site/content/a/een.md:3: next: link to "drie.md": no such node (content/a/drie.md)`}},
		{name: "javascript link",
			change: map[string]string{"content/a/een.md": "---\ntitle: Een\n---\n\n\n[klik](javascript:alert(1))\n"},
			want:   []string{`site/content/a/een.md:6: link "javascript:alert(1)": javascript: links are not allowed`}},
		{name: "node not reachable",
			change: map[string]string{"content/a/drie.md": "---\ntitle: Drie\nprev: een.md\n---\n"},
			want:   []string{"site/content/a/drie.md:1: not reachable from the start page: no choice, link, prev or next leads here"}},
		{name: "two nodes with the same output path",
			change: map[string]string{"content/a/drie.md": "---\ntitle: Drie\nslug: een\n---\n"},
			want:   []string{"site/content/a/een.md:1: same address a/een/index.html as content/a/drie.md: rename one or set a slug"}},
		{name: "no start page",
			change: map[string]string{"content/_index.md": ""},
			want:   []string{"site/content/_index.md: no start page: write content/_index.md"}},
		{name: "invalid UTF-8",
			change: map[string]string{"content/a/een.md": "---\ntitle: Een\n---\n\nCaf\xe9\n"},
			want:   []string{"site/content/a/een.md:5: invalid UTF-8: save the file as UTF-8 text"}},
		{name: "binary file",
			change: map[string]string{"content/a/een.md": "---\ntitle: Een\n---\n\x00\x01\x02"},
			want:   []string{"site/content/a/een.md:4: binary file: a node file must be UTF-8 text"}},
		{name: "raw HTML",
			change: map[string]string{"content/a/een.md": "---\ntitle: Een\n---\n\n<script>alert(1)</script>\n"},
			want:   []string{"site/content/a/een.md:5: raw HTML is not passed through: write Markdown"}},
		{name: "folder without _index.md",
			change: map[string]string{"content/b/x.md": "---\ntitle: X\n---\n"},
			want:   []string{"site/content/b: folder has nodes but no _index.md: every folder of nodes needs its own node"}},
		{name: "symbolic link to itself",
			symlink: [2]string{"content/a/lus.md", "lus.md"},
			want:    []string{"site/content/a/lus.md: symbolic link loop"}},
		{name: "symbolic link to a folder above",
			symlink: [2]string{"content/a/terug", ".."},
			want:    []string{"site/content/a/terug: symbolic link loop: it leads back to a folder above it"}},
		{name: "symbolic link out of the site",
			symlink: [2]string{"content/a/buiten.md", "/etc/hostname"},
			want:    []string{"site/content/a/buiten.md: symbolic link leads out of the site root (to /etc/hostname): copy the file into the site instead"}},
		{name: "theme template that does not parse",
			change: map[string]string{"theme/templates/footer.html": "<footer>\n<p>\n{{if .Contact}}\n</p>\n</footer>\n"},
			want:   []string{"site/theme/templates/footer.html:6: unexpected EOF"}},
		{name: "theme template that fails to run names its own line",
			change: map[string]string{"theme/templates/footer.html": "<footer>\n<div>\n<p>Hallo</p>\n\n<p>{{.Nope}}</p>\n</div>\n</footer>\n"},
			want:   []string{`site/theme/templates/footer.html:5:5: executing "footer.html" at <.Nope>: can't evaluate field Nope in type *generator.chromeData (a template run by .Render is shared by many pages: it sees .Site, .T, .Home, .Back, .Definitions, .Contact, .DevScript, .Asset and .OverviewHref, not the page's own fields)`}},
		{name: "page template that fails to run names its own line",
			change: map[string]string{"theme/templates/breadcrumbs.html": "<nav>\n<ol>\n<li>{{.Nope}}</li>\n</ol>\n</nav>\n"},
			want:   []string{`site/theme/templates/breadcrumbs.html:3:6: executing "breadcrumbs.html" at <.Nope>: can't evaluate field Nope in type *generator.pageData`}},
		{name: "every problem, not only the first",
			change: map[string]string{
				"content/a/een.md":  "---\ntitle: Een\n---\n\n[weg](nergens.md)\n",
				"content/a/twee.md": "---\nweight: 2\n---\n",
			},
			want: []string{
				`site/content/a/een.md:5: link to "nergens.md": no such node or file (content/a/nergens.md)`,
				"site/content/a/twee.md:1: missing title: every node needs a title in its front matter",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, out, before := builtSmallSite(t)
			for name, data := range tt.change {
				full := filepath.Join(dir, filepath.FromSlash(name))
				if data == "" {
					os.Remove(full)
					continue
				}
				os.MkdirAll(filepath.Dir(full), 0o755)
				if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tt.symlink[0] != "" {
				if err := os.Symlink(tt.symlink[1], filepath.Join(dir, filepath.FromSlash(tt.symlink[0]))); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Build(siteOptions(dir), out)
			if err == nil {
				t.Fatal("the build succeeded, want an error")
			}
			lines := strings.Split(err.Error(), "\n")
			for _, w := range tt.want {
				found := false
				for _, l := range lines {
					found = found || l == w
				}
				if !found {
					t.Errorf("missing error line\n  want: %s\n  got:  %s", w, strings.Join(lines, "\n        "))
				}
			}
			if list := Errors(err); len(list) == 0 || list[0].File == "" {
				t.Errorf("the error carries no position: %#v", err)
			}
			if !sameSnapshot(before, snapshot(t, out)) {
				t.Error("the failed build changed the previous output")
			}
		})
	}
}

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
