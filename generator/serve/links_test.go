package serve

import (
	"encoding/json"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/internal/sitetest"
	"golang.org/x/tools/txtar"
)

// Symbolic links that the build refuses, made while serving: a link out
// of the site root, absolute and relative, one to itself and one to a
// folder above. Each is reported as the build reports it, in the
// terminal and in the overlay of every tab, open or opened later, while
// the last good site stays served; once the link is gone, the site
// builds again.
func TestRefusedLinkWhileServing(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "hostname")
	sitetest.WriteFile(t, secret, "GEHEIM-BUITEN-DE-SITE")
	r, events := newSite(t, nil)
	content := filepath.Join(r.dir, "content")
	tests := []struct{ link, target, problem string }{
		{"a/buiten.md", secret, "symbolic link leads out of the site root (to " + secret + "): copy the file into the site instead"},
		{"a/omhoog", "../../..", "symbolic link leads out of the site root (to ../../..): copy the file into the site instead"},
		{"a/lus.md", "lus.md", "symbolic link loop"},
		{"a/terug", "..", "symbolic link loop: it leads back to a folder above it"},
	}
	for _, tt := range tests {
		t.Run(tt.link, func(t *testing.T) {
			link := filepath.Join(content, filepath.FromSlash(tt.link))
			if err := os.Symlink(tt.target, link); err != nil {
				t.Fatal(err)
			}
			want := r.dir + "/content/" + tt.link + ": " + tt.problem
			if got := overlay(t, events.waitFor(t, "error")); !slices.Contains(got, want) {
				t.Fatalf("the overlay shows\n%s\nwant the line\n%s", strings.Join(got, "\n"), want)
			}
			if !strings.Contains(r.log.String(), want+"\n") {
				t.Fatalf("the terminal does not show\n%s\nlog:\n%s", want, r.log.String())
			}
			if got := overlay(t, listen(t, r.URL()).waitFor(t, "error")); !slices.Contains(got, want) {
				t.Fatalf("a tab opened now shows\n%s\nwant the line\n%s", strings.Join(got, "\n"), want)
			}
			expectSettled(t, r) // the same problems as wizard build, no others
			expectPage(t, r, "/b/", http.StatusOK, "Oorspronkelijke tekst van B.")
			if code, body := r.get(t, "/a/buiten/"); code == http.StatusOK || strings.Contains(body, "GEHEIM") {
				t.Fatalf("GET /a/buiten/: %d\n%s", code, body)
			}

			if err := os.Remove(link); err != nil {
				t.Fatal(err)
			}
			events.waitFor(t, "reload")
			expectSettled(t, r)
		})
	}
}

// overlay is what an error event tells the tabs to show: the problems,
// one a line.
func overlay(t *testing.T, ev sseEvent) []string {
	t.Helper()
	var lines []string
	if err := json.Unmarshal([]byte(ev.data), &lines); err != nil {
		t.Fatalf("error event %q: %v", ev.data, err)
	}
	return lines
}

// Every case of the build's bad-input corpus (generator/testdata/
// badinput, see TestBadInput), made while serving and then undone: the
// preview shows what wizard build prints, the lines the case wants
// among them, and builds again once the site is as it was.
func TestBadInputWhileServing(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("..", "testdata", "badinput", "*.txtar"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no bad-input corpus: %v", err)
	}
	dir := t.TempDir()
	good := sitetest.Small()
	sitetest.Write(t, dir, good)
	r := startServer(t, dir, nil)
	expectSettled(t, r)
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			want := applyBadInput(t, name, dir)
			expectSettled(t, r)
			shown := r.cur.Load().errs
			for _, w := range want {
				if !slices.Contains(shown, w) {
					t.Errorf("the preview does not show\n%s\nit shows\n%s", w, strings.Join(shown, "\n"))
				}
			}
			undo(t, dir, good)
			expectSettled(t, r)
			if errs := r.cur.Load().errs; errs != nil {
				t.Fatalf("the site as it was shows problems:\n%s", strings.Join(errs, "\n"))
			}
		})
	}
}

// applyBadInput writes a case of the corpus over the site in dir, as
// TestBadInput does, and returns the lines it wants, with dir for the
// site root.
func applyBadInput(t *testing.T, name, dir string) []string {
	t.Helper()
	a, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	trim := false
	for _, line := range strings.Split(string(a.Comment), "\n") {
		key, value, _ := strings.Cut(line, ":")
		value = strings.TrimSpace(value)
		switch key {
		case "trim-final-newline":
			trim = true
		case "want":
			want = append(want, dir+strings.TrimPrefix(value, "site"))
		case "remove":
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(value))); err != nil {
				t.Fatal(err)
			}
		case "symlink":
			link, to, _ := strings.Cut(value, " -> ")
			if err := os.Symlink(to, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, f := range a.Files {
		data := string(f.Data)
		if trim {
			data = strings.TrimSuffix(data, "\n")
		}
		sitetest.WriteFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), data)
	}
	return want
}

// undo makes the site in dir hold good again, and nothing else.
func undo(t *testing.T, dir string, good map[string]string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if err != nil || rel == "." {
			return err
		}
		if _, ok := good[rel]; ok {
			return nil
		}
		if d.IsDir() && slices.ContainsFunc(slices.Collect(maps.Keys(good)), func(f string) bool { return strings.HasPrefix(f, rel+"/") }) {
			return nil
		}
		if err := os.RemoveAll(p); err != nil {
			return err
		}
		if d.IsDir() {
			return filepath.SkipDir
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range good {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if data, err := os.ReadFile(full); err != nil || string(data) != text {
			sitetest.WriteFile(t, full, text)
		}
	}
}
