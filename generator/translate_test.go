package generator

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/wizardsite/wizard/theme"
)

// bilingualSite is a small wizard in Dutch and French: the start page,
// a menu and three answers, of which b.md and c.md have no translation,
// and a menu without a translation, with a translated answer.
func bilingualSite() fstest.MapFS {
	return fstest.MapFS{
		"site.yaml": {Data: []byte("title: Wizard\nlanguage: nl\ncontact:\n  label: het centrum\n  url: https://example.org/nl\n" +
			"languages:\n  fr:\n    title: Assistant\n    contact:\n      label: le centre\n      url: https://example.org/fr\n")},
		"content/_index.md":    {Data: []byte("---\ntitle: Welkom\nchoices:\n  - page: m/_index.md\n    label: Start\n  - n/_index.md\n---\nKies.\n")},
		"content/_index.fr.md": {Data: []byte("---\ntitle: Bienvenue\nchoices:\n  - page: m/_index.md\n    label: Démarrer\n  - n/_index.md\n---\nChoisissez.\n")},
		"content/m/_index.md":  {Data: []byte("---\ntitle: Menu\nprompt: \"… en ik wil:\"\n---\n")},
		"content/m/_index.fr.md": {Data: []byte("---\ntitle: Menu FR\nslug: menu\nprompt: \"… et je veux :\"\n---\n" +
			"> [!NOTE]\n> Voir [b](b.md) et [les termes](../_definitions.md).\n")},
		"content/m/a.md":             {Data: []byte("---\ntitle: A\nweight: 1\nnext:\n  page: b.md\n  label: Verder\n---\nZie [b](b.md).\n")},
		"content/m/a.fr.md":          {Data: []byte("---\ntitle: A en français\nslug: a-fr\n---\nVoir [b](b.md#fin).\n")},
		"content/m/b.md":             {Data: []byte("---\ntitle: B\nweight: 2\nprev: a.md\nnext:\n  page: a.md\n  label: Terug naar A\n---\nNaar [a](a.md) of <https://example.org/x>.\n\n> [!NOTE]\n> Let op.\n")},
		"content/m/c.md":             {Data: []byte("---\ntitle: C\nweight: 3\n---\nTekst.\n")},
		"content/n/_index.md":        {Data: []byte("---\ntitle: Menu N\nprompt: \"… en ik:\"\n---\n")},
		"content/n/x.md":             {Data: []byte("---\ntitle: X\n---\nTekst.\n")},
		"content/n/x.fr.md":          {Data: []byte("---\ntitle: X en français\n---\nTexte.\n")},
		"content/_definitions.md":    {Data: []byte("---\ntitle: Definities\n---\nTerm\n: uitleg\n")},
		"content/_definitions.fr.md": {Data: []byte("---\ntitle: Définitions\n---\nTerme\n: explication\n")},
	}
}

func buildBilingual(t *testing.T, fsys fstest.MapFS, baseURL string) *Site {
	t.Helper()
	site, err := Generate(Options{Source: fsys, SourceName: "site", Theme: theme.FS(), BaseURL: baseURL})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// TestTranslatedPages: each language's pages are a whole wizard in its
// folder, whose links lead within the language; a node without a
// translation shows its own texts, marked with their language, and a
// notice in the page's language.
func TestTranslatedPages(t *testing.T) {
	site := buildBilingual(t, bilingualSite(), "")
	tests := []struct {
		page      string
		want, not []string
	}{
		{"index.html", []string{`<html lang="nl">`, `<li lang="nl"><a href="nl/index.html" hreflang="nl">`,
			`<li lang="fr"><a href="fr/index.html" hreflang="fr"><span class="language-name">Français</span>`}, []string{"<script"}},
		{"nl/m/a/index.html", []string{`<html lang="nl">`, `<link rel="alternate" hreflang="fr" href="../../../fr/menu/a-fr/index.html">`,
			`<nav class="language-switch" aria-label="Andere taal"><ul><li><a href="../../../fr/menu/a-fr/index.html" hreflang="fr" lang="fr">Français</a></li></ul></nav>`,
			`<a href="../b/index.html">b</a>`}, []string{"untranslated"}},
		{"fr/menu/a-fr/index.html", []string{`<html lang="fr">`, `<h1>A en français</h1>`, `<p class="context">Menu FR</p>`,
			`<a href="../b/index.html#fin">b</a>`, `<link rel="alternate" hreflang="nl" href="../../../nl/m/a/index.html">`,
			`hreflang="nl" lang="nl">Nederlands</a>`, `<span class="sequence-dir">Suivant</span> <span lang="nl">B</span></a>`, `Plus d&#39;informations`,
			`href="https://example.org/fr"`, `<h2 id="definitions-title">Définitions</h2>`},
			[]string{"untranslated", "Verder"}},
		// b.md has no translation: its French page shows it in Dutch.
		{"fr/menu/b/index.html", []string{`<html lang="fr">`, `<h1 lang="nl">B</h1>`,
			`<p class="untranslated">Cette page n&#39;existe qu&#39;en néerlandais.</p>`,
			`<div class="content" lang="nl"><p>Naar <a href="../a-fr/index.html">a</a>`,
			`<span class="visually-hidden"> (externe website)</span></a>.</p></div>`,
			`<aside class="note" aria-label="Opmerking" lang="nl">`,
			`<span class="sequence-dir">Précédent</span> A en français</a>`,
			`<span class="sequence-dir">Suivant</span> <span lang="nl">Terug naar A</span></a>`},
			nil},
		{"fr/menu/index.html", []string{`<h2 id="choices-title">… et je veux :</h2>`,
			`<li><a href="a-fr/index.html">A en français</a></li><li><a href="c/index.html" lang="nl">C</a></li>`,
			`<a href="b/index.html">b</a>`}, nil},
		{"fr/index.html", []string{`<li><a href="menu/index.html">Démarrer</a></li><li><a href="n/index.html" lang="nl">Menu N</a></li>`}, nil},
		// An untranslated menu: its question, and its title above its
		// translated answer and in the answer's breadcrumbs, in Dutch.
		{"fr/n/index.html", []string{`<h2 id="choices-title" lang="nl">… en ik:</h2>`, `<li><a href="x/index.html">X en français</a></li>`}, nil},
		{"fr/n/x/index.html", []string{`<p class="context" lang="nl">Menu N</p>`, `<h1>X en français</h1>`,
			`<li><a href="../index.html" lang="nl">Menu N</a></li>`}, []string{"untranslated"}},
		{"fr/overzicht/index.html", []string{`<html lang="fr">`, `href="../../nl/overzicht/index.html" hreflang="nl" lang="nl">Nederlands`,
			`<li><a href="../menu/b/index.html" lang="nl">B</a></li>`, `class="overview-page" lang="nl">`}, nil},
		{"404.html", []string{`<a href="/nl/index.html">Naar de startpagina van de wizard</a>`, `<div class="content" lang="fr"><h2>Page introuvable</h2>`,
			`<a href="/fr/index.html" hreflang="fr">Vers la page d'accueil de l'assistant</a>`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			page, ok := site.Files[tt.page]
			if !ok {
				t.Fatalf("no %s among %q", tt.page, slices.Sorted(maps.Keys(site.Files)))
			}
			for _, w := range tt.want {
				if !strings.Contains(string(page), w) {
					t.Errorf("lacks %s\n%s", w, page)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(string(page), n) {
					t.Errorf("holds %s", n)
				}
			}
		})
	}
	if got := site.Languages[1].Missing; !slices.Equal(got, []string{"m/b.md", "m/c.md", "n/_index.md"}) {
		t.Errorf("missing translations %q, want m/b.md, m/c.md and n/_index.md", got)
	}
	if _, ok := site.Files["nl/overzicht/index.html"]; !ok {
		t.Error("no Dutch overview")
	}
}

// TestOneLanguageKeepsItsAddresses: a site without languages has its
// pages at the root, with no switch, alternates or root page to choose.
func TestOneLanguageKeepsItsAddresses(t *testing.T) {
	fsys := bilingualSite()
	for name := range fsys {
		if strings.HasSuffix(name, ".fr.md") {
			delete(fsys, name)
		}
	}
	yaml, _, _ := strings.Cut(string(fsys["site.yaml"].Data), "languages:")
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(yaml)}
	site := buildBilingual(t, fsys, "https://example.org/")
	for _, name := range []string{"index.html", "m/a/index.html", "overzicht/index.html"} {
		page := string(site.Files[name])
		for _, not := range []string{"alternate", "language-switch", "hreflang", "nl/"} {
			if strings.Contains(page, not) {
				t.Errorf("%s holds %q", name, not)
			}
		}
	}
	if strings.Contains(string(site.Files["sitemap.xml"]), "xhtml") {
		t.Error("the sitemap lists alternates")
	}
	for name, data := range site.Files {
		if strings.HasSuffix(name, ".css") && strings.Contains(string(data), "language-switch") {
			t.Errorf("%s has the styles of a site in several languages", name)
		}
	}
}

// TestAlternatesWithABaseURL: with a base URL, the alternates are
// absolute and the sitemap lists them with every page.
func TestAlternatesWithABaseURL(t *testing.T) {
	site := buildBilingual(t, bilingualSite(), "https://example.org/w/")
	page := string(site.Files["fr/menu/a-fr/index.html"])
	for _, w := range []string{`<link rel="canonical" href="https://example.org/w/fr/menu/a-fr/">`,
		`<link rel="alternate" hreflang="nl" href="https://example.org/w/nl/m/a/">`,
		`<link rel="alternate" hreflang="fr" href="https://example.org/w/fr/menu/a-fr/">`,
		`<a href="../../../nl/m/a/index.html" hreflang="nl" lang="nl">`} {
		if !strings.Contains(page, w) {
			t.Errorf("fr/menu/a-fr/index.html lacks %s", w)
		}
	}
	sitemap := string(site.Files["sitemap.xml"])
	for _, w := range []string{`xmlns:xhtml="http://www.w3.org/1999/xhtml"`, "<url><loc>https://example.org/w/</loc></url>",
		`<url><loc>https://example.org/w/nl/m/a/</loc><xhtml:link rel="alternate" hreflang="nl" href="https://example.org/w/nl/m/a/"/><xhtml:link rel="alternate" hreflang="fr" href="https://example.org/w/fr/menu/a-fr/"/></url>`,
		`<url><loc>https://example.org/w/fr/menu/a-fr/</loc><xhtml:link rel="alternate" hreflang="nl"`} {
		if !strings.Contains(sitemap, w) {
			t.Errorf("sitemap lacks %s\n%s", w, sitemap)
		}
	}
	if !strings.Contains(string(site.Files["404.html"]), `<a href="https://example.org/w/fr/index.html" hreflang="fr">`) {
		t.Error("the 404 page does not lead to the French start page by its address")
	}
}

// TestLanguageSuffix: which names are written for a language.
func TestLanguageSuffix(t *testing.T) {
	tests := []struct {
		rel, node, lang string
		ok, ignored     bool
	}{
		{"a/x.fr.md", "a/x.md", "fr", true, false},
		{"_index.fr.md", "_index.md", "fr", true, false},
		{"a/_definitions.pt-br.md", "a/_definitions.md", "pt-br", true, false},
		{"x.old.md", "x.md", "old", true, false}, // three letters: a language code
		{"x.v2.md", "", "", false, false},
		{"release-1.2.md", "", "", false, false},
		{"x.FR.md", "", "", false, false},
		{".fr.md", "", "", false, true},
		{"a/.fr.md", "", "", false, true},
		{"x.fr.pdf", "", "", false, false},
		{"_notes.fr.md", "_notes.md", "fr", true, true},
		{"_index.draft.md", "", "", false, true},
	}
	for _, tt := range tests {
		node, lang, ok := languageSuffix(tt.rel)
		if node != tt.node || lang != tt.lang || ok != tt.ok {
			t.Errorf("languageSuffix(%q) = %q, %q, %v; want %q, %q, %v", tt.rel, node, lang, ok, tt.node, tt.lang, tt.ok)
		}
		name := tt.rel[strings.LastIndexByte(tt.rel, '/')+1:]
		if got := ignored(name); got != tt.ignored {
			t.Errorf("ignored(%q) = %v, want %v", name, got, tt.ignored)
		}
	}
}
