package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/wizardsite/wizard/internal/browser"
	"github.com/wizardsite/wizard/internal/sitetest"
)

var chrome browser.Browser

func TestMain(m *testing.M) { os.Exit(browser.Main(m, &chrome)) }

// eval runs js in the tab's page.
func eval[T any](t *testing.T, tab context.Context, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitTrue polls js in the tab until it is true. Errors while the page
// reloads (its context is gone for a moment) are part of waiting.
func waitTrue(t *testing.T, tab context.Context, js string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(tab, 2*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		cancel()
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(20 * time.Millisecond)
	}
	body, _ := chromedp.Run(tab, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
	t.Fatalf("not true within 20s: %s (last error: %v); the page shows:\n%s", js, last, body)
}

// longPage is a node whose page is tall enough to scroll.
func longPage(title, first string) string {
	return page(title, first+"\n\n"+strings.Repeat("Een alinea om de pagina lang te maken.\n\n", 120))
}

func TestBrowserLiveReload(t *testing.T) {
	tab := chrome.Tab(t)
	dir := t.TempDir()
	sitetest.Write(t, dir, fixture)
	bFile := filepath.Join(dir, "content/b.md")
	sitetest.WriteFile(t, bFile, longPage("Pagina B", "Eerste versie."))
	r := startServer(t, dir, nil)
	if err := chromedp.Do(tab, chromedp.Navigate(r.URL()+"b/")); err != nil {
		t.Fatal(err)
	}
	waitTrue(t, tab, `document.body.innerText.includes("Eerste versie.")`)
	// Wait for the page's event stream, so that the test does not race
	// the script's connection (a late one would catch up anyway).
	waitClients(t, r.hub, 1)
	eval[chromedp.Void](t, tab, `window.scrollTo(0, 600); window.beforeSave = true`)

	t.Run("save shows the new text, scroll kept", func(t *testing.T) {
		sitetest.WriteFile(t, bFile, longPage("Pagina B", "Tweede versie, live."))
		waitTrue(t, tab, `document.body.innerText.includes("Tweede versie, live.") && !document.body.innerText.includes("Eerste versie.")`)
		if !eval[bool](t, tab, `Math.abs(window.scrollY - 600) < 2`) {
			t.Fatalf("scrolled to %v, want 600", eval[float64](t, tab, `window.scrollY`))
		}
		// Only the body changed: it was swapped in place, the fast way.
		if !eval[bool](t, tab, `window.beforeSave === true`) {
			t.Fatal("the page was reloaded for a body-only change")
		}
	})

	t.Run("a change in the head reloads, scroll kept", func(t *testing.T) {
		eval[chromedp.Void](t, tab, `window.scrollTo(0, 700)`)
		sitetest.WriteFile(t, bFile, "---\ntitle: Pagina B\ndescription: Een nieuwe beschrijving.\n---\n\nTweede versie, live.\n\n"+
			strings.Repeat("Een alinea om de pagina lang te maken.\n\n", 120))
		waitTrue(t, tab, `document.querySelector('meta[name="description"]')?.content === "Een nieuwe beschrijving."`)
		if eval[bool](t, tab, `window.beforeSave === true`) {
			t.Fatal("the head changed without a reload")
		}
		waitTrue(t, tab, `Math.abs(window.scrollY - 700) < 2`)
	})

	t.Run("broken front matter shows the overlay", func(t *testing.T) {
		sitetest.WriteFile(t, bFile, "---\ntitle: [kapot\n---\n\nKapot.\n")
		waitTrue(t, tab, `(document.getElementById("wizard-build-problems") || {}).textContent?.includes("content/b.md:2") === true`)
		// The last good page is still shown under it.
		if !eval[bool](t, tab, `document.body.innerText.includes("Tweede versie, live.")`) {
			t.Fatal("the page under the overlay is gone")
		}
	})

	t.Run("the fix clears it", func(t *testing.T) {
		sitetest.WriteFile(t, bFile, longPage("Pagina B", "Derde versie, hersteld."))
		waitTrue(t, tab, `document.body.innerText.includes("Derde versie, hersteld.") && !document.getElementById("wizard-build-problems")`)
		// The fix changed the head, so the page reloaded: the next step
		// must not start before the reloaded page listens to the server.
		waitTrue(t, tab, `document.documentElement.hasAttribute("data-wizard-live")`)
	})

	t.Run("stylesheet swapped without reload", func(t *testing.T) {
		eval[chromedp.Void](t, tab, `window.keptAcrossSwap = 42`)
		sitetest.WriteFile(t, filepath.Join(dir, "theme/static/style.css"), "body{background-color:rgb(1, 2, 3)}")
		waitTrue(t, tab, `getComputedStyle(document.body).backgroundColor === "rgb(1, 2, 3)"`)
		if !eval[bool](t, tab, `window.keptAcrossSwap === 42`) {
			t.Fatal("the page reloaded for a stylesheet-only change")
		}
		if n := eval[int](t, tab, `document.querySelectorAll('link[rel="stylesheet"]').length`); n != 1 {
			t.Fatalf("%d stylesheet links after the swap, want 1", n)
		}
	})

	t.Run("after a stylesheet swap, text edits still swap in place", func(t *testing.T) {
		sitetest.WriteFile(t, bFile, longPage("Pagina B", "Vierde versie, na de stijl."))
		waitTrue(t, tab, `document.body.innerText.includes("Vierde versie, na de stijl.")`)
		if !eval[bool](t, tab, `window.keptAcrossSwap === 42`) {
			t.Fatal("the page reloaded")
		}
		if !eval[bool](t, tab, `getComputedStyle(document.body).backgroundColor === "rgb(1, 2, 3)"`) {
			t.Fatal("the new stylesheet is gone")
		}
	})

	// A page that moved and whose head changed too (here its
	// description; on a site with a base URL, its canonical link always
	// does) loads the new address, where it was scrolled to.
	t.Run("a move with a new head loads the new address, scroll kept", func(t *testing.T) {
		eval[chromedp.Void](t, tab, `window.scrollTo(0, 600)`)
		sitetest.WriteFile(t, bFile, "---\ntitle: Pagina B\nslug: bee\ndescription: Verhuisd.\n---\n\nVerhuisd.\n\n"+
			strings.Repeat("Een alinea om de pagina lang te maken.\n\n", 120))
		waitTrue(t, tab, `location.pathname === "/bee/" && document.body.innerText.includes("Verhuisd.")`)
		waitTrue(t, tab, `Math.abs(window.scrollY - 600) < 2`)
	})
}

// A tab whose page is deleted goes to the nearest page above it; one
// whose page moved (a new slug) shows it at its new address, at the same
// fragment: swapped in place when its head is the same (the document
// stays), loaded anew when not.
func TestBrowserPageGone(t *testing.T) {
	moved := "---\ntitle: Antwoord een\nslug: eerste\n---\n\nVerhuisd antwoord.\n"
	shown := `location.pathname === "/a/eerste/" && location.hash === "#main" && document.body.innerText.includes("Verhuisd antwoord.")`
	tests := []struct {
		name  string
		write string // the answer's new text; "" deletes it
		want  string // what the tab then shows
	}{
		{"deleted", "", `location.pathname === "/a/" && document.body.innerText.includes("Dit is menu A.")`},
		{"moved", moved, shown + ` && window.wizardStays === true`},
		{"moved, with a new head", strings.Replace(moved, "slug:", "description: Nieuw.\nslug:", 1), shown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := chrome.Tab(t)
			dir := t.TempDir()
			sitetest.Write(t, dir, fixture)
			r := startServer(t, dir, nil)
			if err := chromedp.Do(tab, chromedp.Navigate(r.URL()+"a/one/#main")); err != nil {
				t.Fatal(err)
			}
			waitTrue(t, tab, `document.body.innerText.includes("Eerste antwoord.")`)
			waitClients(t, r.hub, 1)
			eval[bool](t, tab, `window.wizardStays = true`)
			answer := filepath.Join(dir, "content/a/one.md")
			if tt.write == "" {
				if err := os.Remove(answer); err != nil {
					t.Fatal(err)
				}
			} else {
				sitetest.WriteFile(t, answer, tt.write)
			}
			waitTrue(t, tab, tt.want)
		})
	}
}

// Many tabs of one site share one connection (the shared worker), so
// that more tabs than the browser's six connections per server all
// load, and all update after a save.
func TestBrowserManyTabs(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, fixture)
	r := startServer(t, dir, nil)
	tabs := make([]context.Context, 9)
	for i := range tabs {
		tabs[i] = chrome.Tab(t)
		ctx, cancel := context.WithTimeout(tabs[i], 20*time.Second)
		err := chromedp.Do(ctx, chromedp.Navigate(r.URL()+"b/"))
		cancel()
		if err != nil {
			t.Fatalf("tab %d did not load: %v", i, err)
		}
	}
	if n := r.hub.clients(); n > 6 {
		t.Fatalf("%d event streams for %d tabs", n, len(tabs))
	}
	sitetest.WriteFile(t, filepath.Join(dir, "content/b.md"), page("Pagina B", "Alle tabs zien dit."))
	for _, tab := range tabs {
		waitTrue(t, tab, `document.body.innerText.includes("Alle tabs zien dit.")`)
	}
}
