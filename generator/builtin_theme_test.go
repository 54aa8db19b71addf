package generator

import (
	"bytes"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/wizardsite/wizard/bench/synth"
	"github.com/wizardsite/wizard/theme"
)

// awkwardSite is a wizard whose every field that a page shows holds
// characters that html/template escapes, in text, in attributes and in
// URLs, with every optional part of a page present somewhere.
func awkwardSite() fstest.MapFS {
	return fstest.MapFS{
		"site.yaml": {Data: []byte("title: \"Tom & Jerry's <wizard> + \\\"more\\\"\"\n" +
			"tagline: a+b\nsubtitle: \"x\\0y\"\nlanguage: nl\n" +
			"baseURL: \"https://example.org/a+b/%41/é&(x)/\"\n" +
			"contact:\n  label: \"<Contact & co>\"\n  url: \"https://example.org/?a=1&b='2'\"\n")},
		"content/_index.md": {Data: []byte("---\ntitle: \"Start <&> 'quoted' \\\"double\\\" + plus\"\n" +
			"description: \"A \\\"description\\\" with <tags> & 'quotes' + \\0 nul\"\n" +
			"prompt: \"Who are you? <b>&</b>\"\nchoices:\n  - page: a/_index.md\n    label: \"A & <A>\"\n  - b.md\n---\n" +
			"Body with [a link](b.md) and <https://example.org/x?y=1&z=2>.\n\n> [!NOTE]\n> A note & more.\n\n> [!OPTIONAL]\n> An action **now** & 'later'.\n")},
		"i18n/nl.yaml": {Data: []byte("breadcrumbs: \"Crumbs & <trail>\"\nnote: \"Note 'n' \\\"quote\\\"\"\nsequence: a+b\n" +
			"previous: \"<< back\"\nnext: \"on >>\"\nskipToContent: \"Skip & go\"\nchoices: \"Pick <one>\"\noptionalAction: \"Maybe & 'so'\"\n")},
		"content/a/_index.md":     {Data: []byte("---\ntitle: \"Menu ' A\"\nlinkTitle: \"A+ \\\"menu\\\"\"\n---\n")},
		"content/a/one.md":        {Data: []byte("---\ntitle: \"One > two\"\nnext: two.md\n---\nFirst.\n")},
		"content/a/two.md":        {Data: []byte("---\ntitle: \"Two < three\"\nlinkTitle: \"2 & 'two'\"\nprev: one.md\nnext: three.md\n---\n")},
		"content/a/three.md":      {Data: []byte("---\ntitle: Three\nprev: {page: two.md, label: \"back & <forth>\"}\n---\n> [!NOTE]\n> One.\n\n> [!NOTE]\n> Two.\n")},
		"content/b.md":            {Data: []byte("---\ntitle: \"\\0B\\u00e9\\u2028\"\n---\n")},
		"content/_definitions.md": {Data: []byte("---\ntitle: \"Defs & <more>\"\n---\n**Term**: a [link](a/one.md).\n")},
	}
}

// TestBuiltInThemeIsTheTemplates builds sites twice, once with the pages
// written by builtin_theme.go and once through the built-in theme's
// templates, and wants every file the same, byte for byte.
func TestBuiltInThemeIsTheTemplates(t *testing.T) {
	synthetic := filepath.Join(t.TempDir(), "synth")
	if err := synth.Write(synthetic, 300, synth.Wizard); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "golden", "site")
	goldenLanguages := filepath.Join("testdata", "golden-languages", "site")
	sites := []struct {
		name string
		opts Options
	}{
		{"egov", Options{Source: os.DirFS(".."), SourceName: ".."}},
		{"egov with base URL and live reload", Options{Source: os.DirFS(".."), SourceName: "..", BaseURL: "https://example.org/rollen/", DevScript: "/_wizard/reload.js"}},
		{"golden", Options{Source: os.DirFS(golden), SourceName: golden}},
		{"golden in two languages", Options{Source: os.DirFS(goldenLanguages), SourceName: goldenLanguages}},
		{"two languages with a base URL", Options{Source: bilingualSite(), SourceName: "bilingual", BaseURL: "https://example.org/w/"}},
		{"synthetic", Options{Source: os.DirFS(synthetic), SourceName: synthetic}},
		{"awkward", Options{Source: awkwardSite(), SourceName: "awkward"}},
		{"bare: no settings, definitions, contact or subtitle", Options{Source: fstest.MapFS{
			"content/_index.md": {Data: []byte("---\ntitle: Start\n---\n")},
			"content/a.md":      {Data: []byte("---\ntitle: A\n---\nText.\n")},
		}, SourceName: "bare"}},
		{"awkward with drafts and another base", Options{Source: awkwardSite(), SourceName: "awkward", Drafts: true, BaseURL: "http://localhost:1313/a%20b/"}},
	}
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			s.opts.Theme = theme.FS()
			b := NewBuilder(s.opts)
			got, err := b.Build()
			if err != nil {
				t.Fatal(err)
			}
			if !b.memo.renderer.builtIn {
				t.Fatal("the built-in theme's pages went through the templates")
			}
			s.opts.templatePages = true
			want, err := Generate(s.opts)
			if err != nil {
				t.Fatal(err)
			}
			samePages(t, want.Files, got.Files)
		})
	}
}

// samePages compares two builds file by file, with a diff of the first
// bytes that differ.
func samePages(t *testing.T, want, got map[string][]byte) {
	t.Helper()
	if diff := cmp.Diff(sortedKeys(want), sortedKeys(got)); diff != "" {
		t.Fatalf("the files differ (-templates +Go):\n%s", diff)
	}
	bad := 0
	for _, name := range sortedKeys(want) {
		w, g := want[name], got[name]
		if bytes.Equal(w, g) {
			continue
		}
		if bad++; bad > 3 {
			t.Errorf("and more")
			return
		}
		i := 0
		for i < len(w) && i < len(g) && w[i] == g[i] {
			i++
		}
		from := max(0, i-80)
		t.Errorf("%s differs at byte %d:\ntemplates: …%s\nGo:        …%s", name, i, w[from:min(len(w), i+80)], g[from:min(len(g), i+80)])
	}
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestBuiltInThemeOnlyWithTheBuiltInTemplates: a site with a template of
// its own, even one that builtin_theme.go does not stand for, has its
// pages made by the templates, so that a template defined in any file is
// honoured.
func TestBuiltInThemeOnlyWithTheBuiltInTemplates(t *testing.T) {
	builtIn, err := fs.ReadFile(theme.FS(), "templates/breadcrumbs.html")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		file     string
		data     string
		fast     bool
		contains string
	}{
		{"no template of its own", "", "", true, ""},
		{"a template the same as the built-in one", "theme/templates/breadcrumbs.html", string(builtIn), true, ""},
		{"its own breadcrumbs", "theme/templates/breadcrumbs.html", `<nav class="own-crumbs">{{len .Crumbs}}</nav>`, false, `<nav class="own-crumbs">`},
		{"its own footer", "theme/templates/footer.html", `<footer>own</footer>`, false, "<footer>own</footer>"},
		{"a template of its own that redefines head.html", "theme/templates/zz-own.html", `{{define "head.html"}}<head><title>own head</title></head>{{end}}`, false, "<title>own head</title>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := awkwardSite()
			if c.file != "" {
				fsys[c.file] = &fstest.MapFile{Data: []byte(c.data)}
			}
			b := NewBuilder(Options{Source: fsys, SourceName: "site", Theme: theme.FS()})
			site, err := b.Build()
			if err != nil {
				t.Fatal(err)
			}
			if got := b.memo.renderer.builtIn; got != c.fast {
				t.Errorf("pages written in Go: %v, want %v", got, c.fast)
			}
			if page := string(site.Files["a/one/index.html"]); !strings.Contains(page, c.contains) {
				t.Errorf("the page does not show %q:\n%s", c.contains, page)
			}
		})
	}
}

// escapeCases are strings with every byte class the escapers treat
// apart: markup, quotes, NUL, the reserved and unreserved characters of
// URLs, escapes valid and not, schemes allowed and not, and bytes that
// are not UTF-8.
var escapeCases = []string{
	"", "plain", "a & b", `<script>"x" 'y'</script>`, "1+1", "\x00nul", "é ü \u2028 \ufdd0 \uffff",
	"\xff\xfe broken", "a b", "100%", "%41%4a%zz%", "%4", "?a=1&b=2#frag", "../up/index.html", "../x y/é.html",
	"https://example.org/a", "HTTP://x", "mailto:a@b", "javascript:alert(1)", "JavaScript:x", "data:text/html,x",
	"foo/bar:baz", ":colon", "a:b/c", "httpſ://long-s", "{}|\\^`", "!#$&*+,/:;=?@[]-._~", "'()\"<>",
}

// TestEscapersAreHTMLTemplates compares appendHTML and appendURL with
// html/template itself, in each place where the built-in page uses them.
func TestEscapersAreHTMLTemplates(t *testing.T) {
	for _, s := range escapeCases {
		t.Run(s, func(t *testing.T) { compareEscapers(t, s) })
	}
}

func FuzzEscapers(f *testing.F) {
	for _, s := range escapeCases {
		f.Add(s)
	}
	f.Fuzz(compareEscapers)
}

var escaperTemplates = template.Must(template.New("").Parse(
	`{{define "text"}}<p>{{.}}</p>{{end}}` +
		`{{define "title"}}<title>{{.}}</title>{{end}}` +
		`{{define "attr"}}<meta content="{{.}}">{{end}}` +
		`{{define "href"}}<a href="{{.}}">{{end}}`))

func compareEscapers(t *testing.T, s string) {
	cases := []struct {
		tmpl, open, close string
		write             func([]byte, string) []byte
	}{
		{"text", "<p>", "</p>", appendHTML},
		{"title", "<title>", "</title>", appendHTML},
		{"attr", `<meta content="`, `">`, appendHTML},
		{"href", `<a href="`, `">`, appendURL},
	}
	for _, c := range cases {
		var want bytes.Buffer
		if err := escaperTemplates.ExecuteTemplate(&want, c.tmpl, s); err != nil {
			t.Fatal(err)
		}
		got := c.open + string(c.write(nil, s)) + c.close
		if got != want.String() {
			t.Errorf("%s of %q:\nhtml/template: %q\nours:          %q", c.tmpl, s, want.String(), got)
		}
	}
}

// TestOverviewListIsTheTemplate compares the overview's list, written in
// Go, with the built-in theme's template "overview-tree" that it stands
// for, on a tree whose labels need escaping.
func TestOverviewListIsTheTemplate(t *testing.T) {
	b := NewBuilder(Options{Source: awkwardSite(), SourceName: "awkward", Theme: theme.FS()})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	r := b.memo.renderer
	tree := (&overviewData{root: r.w.root}).Tree()
	var want bytes.Buffer
	if err := r.tmpl.execute(&want, "overview-tree", tree); err != nil {
		t.Fatal(err)
	}
	if got := "<ul>" + string(overviewFrames{}.draw(r.w.root, 0).list) + "</ul>"; got != want.String() {
		t.Errorf("the overview's list:\n%s\nthe template:\n%s", got, want.String())
	}
}
