package browsertest

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/generator/author"
	"github.com/wizardsite/wizard/theme"
)

// builtSite is the repository's eGov site, built into a folder.
type builtSite struct {
	site *generator.Site
	dir  string // the output folder, as `wizard build` writes it
}

// buildSite builds the site of the repository root, the folder above
// this package, into a temporary folder, as wizard build does. It builds
// the site in memory too (Build writes it without keeping it), so that
// tests can list every file.
func buildSite(t *testing.T) *builtSite {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "public")
	opts := generator.Options{Source: os.DirFS(".."), SourceName: "..", Theme: theme.FS()}
	site, err := generator.Generate(opts)
	if err != nil {
		t.Fatalf("build the eGov site: %v", err)
	}
	if _, err := generator.Build(opts, dir); err != nil {
		t.Fatalf("write the eGov site: %v", err)
	}
	return &builtSite{site: site, dir: dir}
}

// origin is one way to reach the built site: its root address ends in
// a slash, and a page's address is the root plus the page's path.
type origin struct {
	name string
	root string
}

// serveHTTP serves dir with net/http's plain FileServer on 127.0.0.1, as
// a static host would, and returns its origin.
func serveHTTP(t *testing.T, dir string) origin {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return origin{name: "http", root: srv.URL + "/"}
}

// unpack packs the site as `wizard pack` does, unzips the archive into a
// temporary folder, and returns its file:// origin.
func unpack(t *testing.T, site *generator.Site) origin {
	t.Helper()
	var b bytes.Buffer
	if err := author.Pack(site, &b); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatalf("read the pack: %v", err)
	}
	dir := t.TempDir()
	for _, f := range zr.File {
		if !filepath.IsLocal(f.Name) {
			t.Fatalf("pack entry %q leaves the folder", f.Name)
		}
		full := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("unzip %s: %v", f.Name, err)
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}
	return origin{name: "file", root: u.String()}
}

// page is the address of the site's file p, such as "ik-ben-een/index.html".
func (o origin) page(p string) string { return o.root + p }

// sitePath returns the site's file that the address href names, without
// query or fragment; a folder address names its index.html. It reports
// false for an address outside the site.
func (o origin) sitePath(href string) (string, bool) {
	if i := strings.IndexAny(href, "?#"); i >= 0 {
		href = href[:i]
	}
	rest, ok := strings.CutPrefix(href, o.root)
	if !ok {
		return "", false
	}
	if rest == "" || strings.HasSuffix(rest, "/") {
		rest += "index.html"
	}
	return rest, true
}

// inside reports whether a request for the address stays within the
// site: on the site's own origin, or data inlined in the page.
func (o origin) inside(addr string) bool {
	if strings.HasPrefix(addr, "data:") {
		return true
	}
	_, ok := o.sitePath(addr)
	return ok
}

// notFoundPage is the page a host shows for an unknown address: no link
// leads to it.
const notFoundPage = "404.html"

// sitePages lists every HTML page of the build in path order: the nodes'
// pages, any page the theme adds, and the 404 page.
func sitePages(site *generator.Site) []string {
	var pages []string
	for name := range site.Files {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		}
	}
	slices.Sort(pages)
	return pages
}

// nodeTitles maps the page of each node, in every language, to the
// node's title in that language.
func nodeTitles(site *generator.Site) map[string]string {
	titles := map[string]string{}
	for _, l := range site.Languages {
		for _, n := range l.Nodes {
			titles[n.URL] = n.Title
		}
	}
	return titles
}

// hasPopup reports whether the page p of the site has the definitions
// popup: every page but the root page that lets the visitor choose a
// language.
func hasPopup(site *generator.Site, p string) bool {
	return strings.Contains(string(site.Files[p]), `id="definitions"`)
}

// siteAt builds the site, serves it over HTTP and opens a tab with a
// window of the given size: how the tests that measure pages start.
func siteAt(t *testing.T, width, height int64) (*builtSite, origin, context.Context) {
	t.Helper()
	b := buildSite(t)
	o := serveHTTP(t, b.dir)
	tab := chrome.Tab(t)
	if err := chromedp.Do(tab, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatal(err)
	}
	return b, o, tab
}

// measure loads the address in the tab and returns what js finds there.
func measure[T any](t *testing.T, tab context.Context, addr, js string) T {
	t.Helper()
	open(t, tab, addr)
	v, err := chromedp.Run(tab, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("measure %s: %v", addr, err)
	}
	return v
}
