package browsertest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/wizardsite/wizard/generator"
)

// switchLink is a link to another language, as a visitor meets it.
type switchLink struct {
	Href     string `json:"href"` // resolved
	Lang     string `json:"lang"`
	HrefLang string `json:"hreflang"`
	Text     string `json:"text"`
	Visible  bool   `json:"visible"` // takes room on the screen, within its width, and is not hidden
}

// languageState is what a page says of its language and its twins.
type languageState struct {
	Lang       string       `json:"lang"` // <html lang>
	H1         string       `json:"h1"`
	Switch     []switchLink `json:"switch"`
	Alternates []switchLink `json:"alternates"` // <link rel=alternate>
}

const languageJS = `(() => {
	const link = a => {
		const r = a.getBoundingClientRect(), s = getComputedStyle(a);
		return {href: new URL(a.getAttribute("href"), document.baseURI).href, lang: a.getAttribute("lang") || "",
			hreflang: a.getAttribute("hreflang") || "", text: a.textContent.trim(),
			visible: r.width > 0 && r.height > 0 && r.right <= innerWidth && s.visibility == "visible" && s.opacity != "0"};
	};
	return {lang: document.documentElement.lang, h1: (document.querySelector("h1") || {}).textContent || "",
		switch: Array.from(document.querySelectorAll(".language-switch a"), link),
		alternates: Array.from(document.querySelectorAll("link[rel=alternate]"), link)};
})()`

// TestLanguageSwitch opens every page of both languages, over HTTP and
// from the unzipped pack via file://, at the width of a phone: each has
// a visible link to the same page in the other language, in that
// language (lang and hreflang), and alternates for both; following the
// link leads to the twin page, whose own link leads back.
func TestLanguageSwitch(t *testing.T) {
	b := buildSite(t)
	twins := languagePages(t, b.site)
	for _, oo := range []struct {
		name string
		open func(t *testing.T) origin
	}{
		{"http", func(t *testing.T) origin { return serveHTTP(t, b.dir) }},
		{"file", func(t *testing.T) origin { return unpack(t, b.site) }},
	} {
		t.Run(oo.name, func(t *testing.T) {
			o := oo.open(t)
			tab := chrome.Tab(t)
			if err := chromedp.Do(tab, chromedp.EmulateViewport(320, 640)); err != nil {
				t.Fatal(err)
			}
			w := watch(t, tab, o)
			for page, twin := range twins {
				st := languageAt(t, tab, o.page(page))
				if st.Lang != twin.from {
					t.Errorf("%s: <html lang=%q>, want %q", page, st.Lang, twin.from)
				}
				if len(st.Alternates) != 2 {
					t.Errorf("%s: %d alternates, want one for each language", page, len(st.Alternates))
				}
				if len(st.Switch) != 1 {
					t.Fatalf("%s: %d links to another language, want 1", page, len(st.Switch))
				}
				l := st.Switch[0]
				if at, _ := o.sitePath(l.Href); at != twin.page || l.Lang != twin.to || l.HrefLang != twin.to || !l.Visible {
					t.Errorf("%s: the switch %+v, want a visible link to %s with lang and hreflang %s", page, l, twin.page, twin.to)
				}
				back := languageAt(t, tab, l.Href)
				if len(back.Switch) != 1 {
					t.Fatalf("%s: %d links to another language, want 1", twin.page, len(back.Switch))
				}
				if at, _ := o.sitePath(back.Switch[0].Href); at != page {
					t.Errorf("%s leads to %s, whose switch leads to %s, not back", page, twin.page, at)
				}
				if back.Lang != twin.to || strings.TrimSpace(back.H1) != twin.title {
					t.Errorf("%s: lang %q, heading %q; want %q, %q", twin.page, back.Lang, back.H1, twin.to, twin.title)
				}
			}
			if problems := w.take(); len(problems) > 0 {
				t.Errorf("while switching:\n\t%s", strings.Join(problems, "\n\t"))
			}
		})
	}
}

// twin is the same page in the other language.
type twin struct {
	page, title string // its path and heading
	from, to    string // the languages of the page and of its twin
}

// languagePages maps every page of the site that has a twin, the nodes'
// and the overviews', to its twin.
func languagePages(t *testing.T, site *generator.Site) map[string]twin {
	t.Helper()
	if len(site.Languages) != 2 {
		t.Fatalf("the eGov site has %d languages, want 2", len(site.Languages))
	}
	nl, fr := site.Languages[0], site.Languages[1]
	twins := map[string]twin{
		"nl/overzicht/index.html": {"fr/overzicht/index.html", "Aperçu de l'assistant", "nl", "fr"},
		"fr/overzicht/index.html": {"nl/overzicht/index.html", "Overzicht van de wizard", "fr", "nl"},
	}
	for i, n := range nl.Nodes {
		f := fr.Nodes[i]
		twins[n.URL] = twin{f.URL, f.Title, "nl", "fr"}
		twins[f.URL] = twin{n.URL, n.Title, "fr", "nl"}
	}
	return twins
}

func languageAt(t *testing.T, tab context.Context, addr string) languageState {
	t.Helper()
	open(t, tab, addr)
	st, err := chromedp.Run(tab, chromedp.Evaluate[languageState](languageJS))
	if err != nil {
		t.Fatalf("%s: %v", addr, err)
	}
	return st
}

// TestRootPageLeadsToBoth opens the root page, which a host shows first:
// it guesses nothing and runs no script; it offers each language, each
// link written in its own language, and each leads to that language's
// start page.
func TestRootPageLeadsToBoth(t *testing.T) {
	b := buildSite(t)
	o := serveHTTP(t, b.dir)
	tab := chrome.Tab(t)
	if strings.Contains(string(b.site.Files["index.html"]), "<script") {
		t.Error("the root page has a script")
	}
	open(t, tab, o.page("index.html"))
	links, err := chromedp.Run(tab, chromedp.Evaluate[[]switchLink](`Array.from(document.querySelectorAll("main a"), a => ({
		href: new URL(a.getAttribute("href"), document.baseURI).href, hreflang: a.getAttribute("hreflang") || "",
		lang: a.closest("[lang]").getAttribute("lang"), text: a.textContent.trim(), visible: a.getBoundingClientRect().height > 0}))`))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ lang, start, word, heading string }{
		{"nl", "nl/index.html", "Nederlands", "Welkom bij de wizard van Mijn eGov-rollenbeheer"},
		{"fr", "fr/index.html", "Français", "Bienvenue dans l'assistant de Ma gestion des rôles eGov"},
	}
	if len(links) != len(want) {
		t.Fatalf("the root page has %d links, want one for each language: %+v", len(links), links)
	}
	for i, w := range want {
		l := links[i]
		if at, _ := o.sitePath(l.Href); at != w.start || l.Lang != w.lang || l.HrefLang != w.lang || !strings.HasPrefix(l.Text, w.word) || !l.Visible {
			t.Errorf("link %d: %+v; want %q to %s, in %s", i+1, l, w.word, w.start, w.lang)
			continue
		}
		info := open(t, tab, l.Href)
		if strings.TrimSpace(info.H1) != w.heading {
			t.Errorf("%s leads to a page headed %q, want %q", w.word, info.H1, w.heading)
		}
	}
}
