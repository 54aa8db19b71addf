package serve

import (
	"fmt"
	"github.com/wizardsite/wizard/internal/sitetest"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// expectPage fails unless path is served with status code and contains want.
func expectPage(t *testing.T, r *running, path string, code int, want string) {
	t.Helper()
	got, body := r.get(t, path)
	if got != code || !strings.Contains(body, want) {
		t.Fatalf("GET %s: %d, want %d with %q; body:\n%s", path, got, code, want, body)
	}
}

func TestPlainSave(t *testing.T) {
	r, events := newSite(t, nil)
	sitetest.WriteFile(t, filepath.Join(r.dir, "content/b.md"), page("Pagina B", "Nieuwe tekst na een gewone save."))
	events.waitFor(t, "reload")
	expectPage(t, r, "/b/", http.StatusOK, "Nieuwe tekst na een gewone save.")
	if strings.Contains(r.log.String(), "Oorspronkelijke") {
		t.Fatal("log holds page text")
	}
	if !regexp.MustCompile(`rendered \d+ of \d+ pages in [0-9.]+m?s`).MatchString(r.log.String()) {
		t.Fatalf("the log does not say how many pages were rendered:\n%s", r.log.String())
	}
}

// An editor's safe save: write a temporary file, then rename it over the
// real one (vim's backupcopy=no, VS Code, gedit, and most others).
func TestRenameSave(t *testing.T) {
	r, events := newSite(t, nil)
	tmp := filepath.Join(r.dir, "content/b.md.tmp")
	sitetest.WriteFile(t, tmp, page("Pagina B", "Tekst via een rename-save."))
	if err := os.Rename(tmp, filepath.Join(r.dir, "content/b.md")); err != nil {
		t.Fatal(err)
	}
	events.waitFor(t, "reload")
	expectPage(t, r, "/b/", http.StatusOK, "Tekst via een rename-save.")
}

// A folder made after the server started is watched: a node written in
// it after the first rebuild is seen too.
func TestNewFolder(t *testing.T) {
	r, events := newSite(t, nil)
	sitetest.WriteFile(t, filepath.Join(r.dir, "content/c/_index.md"), page("Menu C", "Nieuw menu C."))
	events.waitFor(t, "reload")
	expectPage(t, r, "/c/", http.StatusOK, "Nieuw menu C.")

	sitetest.WriteFile(t, filepath.Join(r.dir, "content/c/twee.md"), page("Twee", "Een pagina in de nieuwe map."))
	events.waitFor(t, "reload")
	expectPage(t, r, "/c/twee/", http.StatusOK, "Een pagina in de nieuwe map.")

	// A link to the new node from the start page.
	sitetest.WriteFile(t, filepath.Join(r.dir, "content/_index.md"), page("Start", "Welkom. Zie [de nieuwe pagina](c/twee.md)."))
	events.waitFor(t, "reload")
	expectPage(t, r, "/", http.StatusOK, `c/twee/index.html`)
}

func TestDeletedNode(t *testing.T) {
	r, events := newSite(t, nil)
	expectPage(t, r, "/b/", http.StatusOK, "Oorspronkelijke tekst van B.")
	if err := os.Remove(filepath.Join(r.dir, "content/b.md")); err != nil {
		t.Fatal(err)
	}
	events.waitFor(t, "reload")
	code, body := r.get(t, "/b/")
	if code != http.StatusNotFound || strings.Contains(body, "Oorspronkelijke") {
		t.Fatalf("GET /b/ after delete: %d\n%s", code, body)
	}
	_, start := r.get(t, "/")
	if strings.Contains(start, "Pagina B") {
		t.Fatalf("the start page still lists the deleted node:\n%s", start)
	}
}

// A page whose slug changed is served at its new address, and its old
// address redirects there (not permanently) while nothing else has it.
func TestMovedPage(t *testing.T) {
	r, events := newSite(t, nil)
	redirects := func(t *testing.T, from, to string) { t.Helper(); expectRedirect(t, r, from, to) }
	b := filepath.Join(r.dir, "content/b.md")
	slug := func(s string) string {
		return "---\ntitle: Pagina B\nweight: 2\nslug: " + s + "\n---\n\nTekst van B.\n"
	}

	sitetest.WriteFile(t, b, slug("bee"))
	events.waitFor(t, "reload")
	expectPage(t, r, "/bee/", http.StatusOK, "Tekst van B.")
	redirects(t, "/b/", "/bee/")
	redirects(t, "/b/index.html", "/bee/")
	redirects(t, "/b", "/bee/")
	redirects(t, "/b/?x=1", "/bee/?x=1")

	// Moved again: the first address follows it.
	sitetest.WriteFile(t, b, slug("b-nieuw"))
	events.waitFor(t, "reload")
	redirects(t, "/b/", "/b-nieuw/")
	redirects(t, "/bee/", "/b-nieuw/")

	// Back where it was: its page, and no redirect from there.
	sitetest.WriteFile(t, b, page("Pagina B", "Weer thuis."))
	events.waitFor(t, "reload")
	expectPage(t, r, "/b/", http.StatusOK, "Weer thuis.")
	redirects(t, "/b-nieuw/", "/b/")

	// Deleted: its old addresses are not found.
	if err := os.Remove(b); err != nil {
		t.Fatal(err)
	}
	events.waitFor(t, "reload")
	for _, p := range []string{"/b/", "/bee/", "/b-nieuw/"} {
		if code, _ := r.get(t, p); code != http.StatusNotFound {
			t.Errorf("GET %s after delete: %d, want 404", p, code)
		}
	}
}

// expectRedirect checks that GET from answers 302 Found to to.
func expectRedirect(t *testing.T, r *running, from, to string) {
	t.Helper()
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(r.URL() + strings.TrimPrefix(from, "/"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != to {
		t.Fatalf("GET %s: %s to %q, want 302 Found to %q", from, resp.Status, resp.Header.Get("Location"), to)
	}
}

// A renamed node file, or one moved to another folder, takes its page
// to a new address: the old one redirects there, as for a new slug.
func TestRenamedPage(t *testing.T) {
	r, events := newSite(t, nil)
	if err := os.Rename(filepath.Join(r.dir, "content/b.md"), filepath.Join(r.dir, "content/bee.md")); err != nil {
		t.Fatal(err)
	}
	events.waitFor(t, "reload")
	expectPage(t, r, "/bee/", http.StatusOK, "Pagina B")
	expectRedirect(t, r, "/b/", "/bee/")
}

func TestBrokenFrontMatterThenFix(t *testing.T) {
	r, events := newSite(t, nil)
	sitetest.WriteFile(t, filepath.Join(r.dir, "content/b.md"), "---\ntitle: [niet gesloten\n---\n\nKapot.\n")
	ev := events.waitFor(t, "error")
	if !strings.Contains(ev.data, "content/b.md:2") {
		t.Fatalf("error event without file:line: %s", ev.data)
	}
	if !strings.Contains(r.log.String(), "content/b.md:2") {
		t.Fatalf("the terminal does not show file:line:\n%s", r.log.String())
	}
	// The last good site is still served.
	expectPage(t, r, "/b/", http.StatusOK, "Oorspronkelijke tekst van B.")
	// A tab that connects now is told about the problem at once.
	late := listen(t, r.URL())
	if ev := late.waitFor(t, "error"); !strings.Contains(ev.data, "content/b.md:2") {
		t.Fatalf("a new tab got %+v, want the error", ev)
	}

	sitetest.WriteFile(t, filepath.Join(r.dir, "content/b.md"), page("Pagina B", "Weer heel."))
	events.waitFor(t, "reload")
	expectPage(t, r, "/b/", http.StatusOK, "Weer heel.")
}

// 200 saves as fast as the test can write: the last one is served, a
// reload follows it, and the burst took far fewer builds than saves.
func TestBurstOfSaves(t *testing.T) {
	r, events := newSite(t, nil)
	before := r.Builds()
	path := filepath.Join(r.dir, "content/b.md")
	for i := range 200 {
		sitetest.WriteFile(t, path, page("Pagina B", fmt.Sprintf("Versie %d van de tekst.", i)))
	}
	last := "Versie 199 van de tekst."
	deadline := time.Now().Add(20 * time.Second)
	for {
		if time.Now().After(deadline) {
			_, body := r.get(t, "/b/")
			t.Fatalf("the last save never came with a reload; served:\n%s", body)
		}
		ev := events.next(t, time.Until(deadline))
		if ev.name != "reload" {
			continue // a build may read a file halfway through its write
		}
		if _, body := r.get(t, "/b/"); strings.Contains(body, last) {
			break
		}
	}
	if n := r.Builds() - before; n >= 100 {
		t.Fatalf("%d builds for 200 saves: bursts are not batched", n)
	}
}

// Swap, backup and lock files of editors start no build.
func TestEditorFilesIgnored(t *testing.T) {
	r, events := newSite(t, nil)
	before := r.Builds()
	for _, name := range []string{".b.md.swp", "b.md~", "#b.md#", ".#b.md", "b.md.tmp", "b.md.bak", "_b.md"} {
		sitetest.WriteFile(t, filepath.Join(r.dir, "content", name), "junk")
	}
	time.Sleep(500 * time.Millisecond)
	if n := r.Builds() - before; n != 0 {
		t.Fatalf("editor files started %d builds", n)
	}
	// The watcher still works.
	sitetest.WriteFile(t, filepath.Join(r.dir, "content/b.md"), page("Pagina B", "Na de rommel."))
	events.waitFor(t, "reload")
	expectPage(t, r, "/b/", http.StatusOK, "Na de rommel.")
}

// vim's save: it makes a file named 4913 to see whether it may write in
// the folder, deletes it, and writes the file (here by a rename). The
// build reads a 4913 that is there when it walks, as any file: the
// preview must see it go too, or it serves it, or a problem reading it,
// for ever.
func TestVimSave(t *testing.T) {
	r, events := newSite(t, nil)
	probe := filepath.Join(r.dir, "content/a/4913")
	sitetest.WriteFile(t, probe, "")
	if err := os.Remove(probe); err != nil {
		t.Fatal(err)
	}
	sitetest.WriteFile(t, filepath.Join(r.dir, "content/b.md~"), page("Pagina B", "Oorspronkelijke tekst van B."))
	sitetest.WriteFile(t, filepath.Join(r.dir, "content/.b.md.tmp"), page("Pagina B", "Na een vim-save."))
	if err := os.Rename(filepath.Join(r.dir, "content/.b.md.tmp"), filepath.Join(r.dir, "content/b.md")); err != nil {
		t.Fatal(err)
	}
	events.waitFor(t, "reload")
	expectPage(t, r, "/b/", http.StatusOK, "Na een vim-save.")
	expectSettled(t, r)

	// A build that runs while the 4913 is there: a new node, which takes
	// the build that walks content/.
	sitetest.WriteFile(t, probe, "")
	sitetest.WriteFile(t, filepath.Join(r.dir, "content/a/twee.md"), page("Antwoord twee", "Tweede antwoord."))
	expectSettled(t, r)
	if err := os.Remove(probe); err != nil {
		t.Fatal(err)
	}
	expectSettled(t, r)
	if strings.Contains(r.log.String(), "failed") {
		t.Fatalf("a build failed:\n%s", r.log.String())
	}
}

// site.yaml, and a theme/ folder made after start, are watched too.
func TestSettingsAndThemeWatched(t *testing.T) {
	r, events := newSite(t, nil)
	sitetest.WriteFile(t, filepath.Join(r.dir, "site.yaml"), "title: Andere naam\nlanguage: nl\n")
	events.waitFor(t, "reload")
	expectPage(t, r, "/", http.StatusOK, "Andere naam")

	sitetest.WriteFile(t, filepath.Join(r.dir, "theme/static/style.css"), "body{color:rgb(1,2,3)}")
	ev := events.next(t, 15*time.Second)
	if ev.name == "hello" {
		ev = events.next(t, 15*time.Second)
	}
	if ev.name != "css" {
		t.Fatalf("a stylesheet-only change sent %q, want css", ev.name)
	}
	_, start := r.get(t, "/")
	sheet := regexp.MustCompile(`assets/style\.[0-9a-f]+\.css`).FindString(start)
	if !strings.Contains(ev.data, sheet) || sheet == "" {
		t.Fatalf("css event %s does not name the served stylesheet %q", ev.data, sheet)
	}
	expectPage(t, r, "/"+sheet, http.StatusOK, "#010203") // minified
}

// When a watch cannot be added (the inotify limit), the server says so
// and polls: a save is still served, with a reload.
func TestPollingFallback(t *testing.T) {
	r, events := newSite(t, func(s *Server) {
		s.addWatch = func(string) error { return syscall.ENOSPC }
	})
	log := r.log.String()
	if !strings.Contains(log, "no space left on device") || !strings.Contains(log, "every 300ms") {
		t.Fatalf("no warning about the fallback:\n%s", log)
	}
	sitetest.WriteFile(t, filepath.Join(r.dir, "content/b.md"), page("Pagina B", "Gezien door polling."))
	events.waitFor(t, "reload")
	expectPage(t, r, "/b/", http.StatusOK, "Gezien door polling.")

	// Two saves of the same size in quick succession: the second counts.
	sitetest.WriteFile(t, filepath.Join(r.dir, "content/b.md"), page("Pagina B", "Tekst nummer 1."))
	sitetest.WriteFile(t, filepath.Join(r.dir, "content/b.md"), page("Pagina B", "Tekst nummer 2."))
	for {
		events.waitFor(t, "reload")
		if _, body := r.get(t, "/b/"); strings.Contains(body, "Tekst nummer 2.") {
			break
		}
	}
}

// A folder that a symbolic link in content/ leads to, inside the site
// root, is built and so watched too, also when the link comes later.
func TestSymlinkedFolderWatched(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, fixture)
	sitetest.WriteFile(t, filepath.Join(dir, "gedeeld/vast.txt"), "versie 1")
	sitetest.WriteFile(t, filepath.Join(dir, "later/laat.txt"), "laat 1")
	if err := os.Symlink("../gedeeld", filepath.Join(dir, "content/gedeeld")); err != nil {
		t.Fatal(err)
	}
	r := startServer(t, dir, nil)
	expectPage(t, r, "/gedeeld/vast.txt", http.StatusOK, "versie 1")
	events := listen(t, r.URL())

	sitetest.WriteFile(t, filepath.Join(dir, "gedeeld/vast.txt"), "versie 2")
	events.waitFor(t, "reload")
	expectPage(t, r, "/gedeeld/vast.txt", http.StatusOK, "versie 2")

	if err := os.Symlink("../later", filepath.Join(dir, "content/later")); err != nil {
		t.Fatal(err)
	}
	events.waitFor(t, "reload")
	expectPage(t, r, "/later/laat.txt", http.StatusOK, "laat 1")
	sitetest.WriteFile(t, filepath.Join(dir, "later/laat.txt"), "laat 2")
	events.waitFor(t, "reload")
	expectPage(t, r, "/later/laat.txt", http.StatusOK, "laat 2")
}

// An address that a moved page left, taken by another page and then
// free again, is that other page's: a tab on it goes to its ancestor,
// not to the first page's new address. Likewise a new address that
// another node takes after the moved one is gone.
func TestMovedAddressReused(t *testing.T) {
	r, events := newSite(t, nil)
	b := filepath.Join(r.dir, "content/b.md")
	sitetest.WriteFile(t, b, "---\ntitle: Pagina B\nweight: 2\nslug: bee\n---\n\nTekst van B.\n")
	events.waitFor(t, "reload")
	expectPage(t, r, "/bee/", http.StatusOK, "Tekst van B.")

	// Another page at /b/, then deleted: /b/ is gone, not B's.
	c := filepath.Join(r.dir, "content/c.md")
	sitetest.WriteFile(t, c, "---\ntitle: Pagina C\nslug: b\n---\n\nTekst van C.\n")
	events.waitFor(t, "reload")
	expectPage(t, r, "/b/", http.StatusOK, "Tekst van C.")
	if err := os.Remove(c); err != nil {
		t.Fatal(err)
	}
	events.waitFor(t, "reload")
	if code, body := r.get(t, "/b/"); code != http.StatusNotFound {
		t.Errorf("GET /b/ after the page there was deleted: %d, want 404; body has B: %v", code, strings.Contains(body, "Tekst van B."))
	}

	// B deleted, and another page takes /bee/: /b/ does not lead to it.
	if err := os.Remove(b); err != nil {
		t.Fatal(err)
	}
	events.waitFor(t, "reload")
	sitetest.WriteFile(t, filepath.Join(r.dir, "content/d.md"), "---\ntitle: Pagina D\nslug: bee\n---\n\nTekst van D.\n")
	events.waitFor(t, "reload")
	expectPage(t, r, "/bee/", http.StatusOK, "Tekst van D.")
	if code, body := r.get(t, "/b/"); code != http.StatusNotFound {
		t.Errorf("GET /b/ with B deleted: %d, want 404; body has D: %v", code, strings.Contains(body, "Tekst van D."))
	}
}
