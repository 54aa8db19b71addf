package generator_test

import (
	"bytes"
	"compress/gzip"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/theme"
)

// repoRoot is the eGov site: the repository's own site root.
const repoRoot = ".."

func buildRepoSite(t *testing.T) *generator.Site {
	t.Helper()
	site, err := generator.Generate(generator.Options{Source: os.DirFS(repoRoot), SourceName: repoRoot, Theme: theme.FS()})
	if err != nil {
		t.Fatalf("the eGov site does not build:\n%v", err)
	}
	return site
}

// link is an href or src found in a page.
type link struct {
	attr, value string
	external    bool // the <a> has class "external"
}

// pageLinks lists the href and src attributes of a page.
func pageLinks(t *testing.T, page []byte) []link {
	t.Helper()
	var links []link
	l := html.NewLexer(parse.NewInputBytes(page))
	var cur []link
	isExternal := false
	for {
		tt, _ := l.Next()
		switch tt {
		case html.ErrorToken:
			return links
		case html.StartTagToken:
			cur, isExternal = nil, false
		case html.AttributeToken:
			name, val := string(l.Text()), strings.Trim(string(l.AttrVal()), `"'`)
			switch name {
			case "href", "src":
				cur = append(cur, link{attr: name, value: val})
			case "class":
				isExternal = slices.Contains(strings.Fields(val), "external")
			}
		case html.StartTagCloseToken, html.StartTagVoidToken:
			for _, c := range cur {
				c.external = isExternal
				links = append(links, c)
			}
			cur = nil
		}
	}
}

func TestEGovSiteIsComplete(t *testing.T) {
	site := buildRepoSite(t)
	if len(site.Nodes) != 26 {
		t.Errorf("the eGov wizard has %d nodes, want 26", len(site.Nodes))
	}
	for _, n := range site.Nodes {
		t.Run(n.File, func(t *testing.T) {
			page := string(site.Files[n.URL])
			must := []string{
				`<html lang="nl">`,
				`<header class="titlebar">`,
				`<p class="site-title">Mijn eGov-rollenbeheer <span class="tagline">Wizard</span>`,
				`<p class="site-subtitle">Mijn online rollen bij de overheid</p>`,
				`<span class="tool-label">Home</span>`,
				`popovertarget="definitions"`,
				`<div id="definitions" class="definitions" popover`,
				`Wettelijk Vertegenwoordiger`,
				`<a class="skip-link" href="#main">`,
				`<h1>` + htmlText(n.Title) + `</h1>`,
			}
			if n.Parent != nil && n.Parent.Parent != nil {
				must = append(must,
					`<a class="tool" href="`+relTo(n.URL, n.Parent.URL)+`">`,
					`<nav class="breadcrumbs" aria-label="Kruimelpad">`,
					`<a href="`+relTo(n.URL, n.Parent.URL)+`">`+htmlText(n.Parent.LinkTitle)+`</a></li></ol></nav>`)
			}
			for _, m := range must {
				if !strings.Contains(page, m) {
					t.Errorf("page lacks %s", m)
				}
			}
		})
	}
}

// htmlText escapes s as the minified pages do.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// relTo is the relative href from the page at from to the file to.
func relTo(from, to string) string {
	rel, _ := filepath.Rel(path.Dir(from), to)
	return filepath.ToSlash(rel)
}

func TestEGovLinksResolve(t *testing.T) {
	site := buildRepoSite(t)
	for name, data := range site.Files {
		if path.Ext(name) != ".html" || name == "404.html" {
			continue
		}
		for _, l := range pageLinks(t, data) {
			v := l.value
			switch {
			case strings.HasPrefix(v, "https://"), strings.HasPrefix(v, "http://"), strings.HasPrefix(v, "mailto:"):
				if l.attr == "src" {
					t.Errorf("%s: %s=%q loads from outside the site", name, l.attr, v)
				}
				if !l.external {
					t.Errorf("%s: external link %q is not marked as external", name, v)
				}
				continue
			case strings.HasPrefix(v, "#"):
				continue
			}
			if l.external {
				t.Errorf("%s: internal link %q is marked as external", name, v)
			}
			if strings.HasPrefix(v, "/") || strings.HasSuffix(v, "/") || strings.Contains(v, "://") {
				t.Errorf("%s: %s=%q is not a relative reference to a file", name, l.attr, v)
				continue
			}
			target := path.Join(path.Dir(name), strings.SplitN(v, "#", 2)[0])
			if _, ok := site.Files[target]; !ok {
				t.Errorf("%s: %s=%q leads to %s, which the site does not have", name, l.attr, v, target)
			}
		}
	}
}

// seedList reads a list of generator/testdata/seed/: the facts of the
// original eGov wizard's text export that the site must keep, one a line,
// without the # comments and blank lines. A missing or empty list fails
// the test: these checks never skip.
func seedList(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "seed", name))
	if err != nil {
		t.Fatalf("the seed's facts cannot be read: %v", err)
	}
	var lines []string
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	if len(lines) == 0 {
		t.Fatalf("testdata/seed/%s lists nothing", name)
	}
	return lines
}

func TestEGovHasEverySeedURL(t *testing.T) {
	urls := seedList(t, "urls.txt")
	site := buildRepoSite(t)
	var hrefs []string
	for name, data := range site.Files {
		if path.Ext(name) == ".html" {
			for _, l := range pageLinks(t, data) {
				hrefs = append(hrefs, strings.ReplaceAll(l.value, "&amp;", "&"))
			}
		}
	}
	for _, u := range urls {
		if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
			t.Errorf("testdata/seed/urls.txt: %q is not an http(s) address", u)
			continue
		}
		if !slices.Contains(hrefs, u) {
			t.Errorf("the seed's link %s is on no page", u)
		}
	}
}

// TestEGovHasEverySeedNode checks that every slide of the original wizard
// is a node, under the profile the slide names.
func TestEGovHasEverySeedNode(t *testing.T) {
	slides := seedList(t, "titles.txt")
	if len(slides) != 26 {
		t.Errorf("testdata/seed/titles.txt lists %d slides; the seed has 26", len(slides))
	}
	fold := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	site := buildRepoSite(t)
	nodes := map[string][]string{} // folded title, and parent's title > title: node files
	for _, n := range site.Nodes {
		nodes[fold(n.Title)] = append(nodes[fold(n.Title)], n.File)
		if n.Parent != nil {
			key := fold(n.Parent.Title) + " > " + fold(n.Title)
			nodes[key] = append(nodes[key], n.File)
		}
	}
	for _, s := range slides {
		switch files := nodes[fold(s)]; len(files) {
		case 0:
			t.Errorf("the seed's slide %q is no node of content/", s)
		case 1:
		default:
			t.Errorf("the seed's slide %q is %d nodes: %s", s, len(files), strings.Join(files, ", "))
		}
	}
}

func TestEGovPublicIsUpToDate(t *testing.T) {
	site := buildRepoSite(t)
	public := filepath.Join(repoRoot, "public")
	onDisk := map[string]bool{}
	err := filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		onDisk[filepath.ToSlash(rel)] = true
		return nil
	})
	if err != nil {
		t.Fatalf("public/ cannot be read: %v", err)
	}
	stale := false
	for name, data := range site.Files {
		disk, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(disk, data) {
			t.Errorf("public/%s is not what the content and theme build", name)
			stale = true
		}
		delete(onDisk, name)
	}
	delete(onDisk, ".wizard-output")
	for name := range onDisk {
		t.Errorf("public/%s is no longer built", name)
		stale = true
	}
	if stale {
		t.Log("run: go run ./cmd/wizard build")
	}
}

func TestEGovIsDeterministic(t *testing.T) {
	a, b := buildRepoSite(t), buildRepoSite(t)
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for name, data := range a.Files {
		if !bytes.Equal(data, b.Files[name]) {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

// TestEGovPagesAreLight checks that every page, with its stylesheet and
// its inline icons, fits in 14 KB gzip-compressed: one round trip.
func TestEGovPagesAreLight(t *testing.T) {
	site := buildRepoSite(t)
	var css []byte
	for name, data := range site.Files {
		if path.Ext(name) == ".css" {
			css = append(css, data...)
		}
	}
	cssSize := gzipSize(t, css)
	for name, data := range site.Files {
		if path.Ext(name) != ".html" {
			continue
		}
		if total := gzipSize(t, data) + cssSize; total > 14*1024 {
			t.Errorf("%s weighs %d bytes gzip-compressed with its stylesheet, want at most 14 KB", name, total)
		}
	}
}

func gzipSize(t *testing.T, data []byte) int {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return buf.Len()
}
