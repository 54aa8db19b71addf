package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/wizardsite/wizard/generator"
)

// widths are the window widths in CSS pixels a page must fit: the
// narrowest phone WCAG's reflow asks for, and a desktop.
var widths = []struct{ width, height int64 }{{320, 640}, {1280, 800}}

// layoutJS lists what a person would find wrong in the layout: a page
// that scrolls sideways, an element that covers the title bar, or a
// control of the title bar that sticks out of it.
const layoutJS = `(() => {
	const bad = [];
	const doc = document.documentElement;
	if (doc.scrollWidth > doc.clientWidth)
		bad.push("the page scrolls sideways: " + doc.scrollWidth + "px of content in " + doc.clientWidth + "px");
	const bar = document.querySelector(".titlebar");
	if (!bar) return bad.concat("the page has no title bar");
	const tb = bar.getBoundingClientRect();
	const name = e => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.trim().replace(/\s+/g, ".") : "") + " " + JSON.stringify((e.textContent || "").trim().slice(0, 40));
	for (const e of document.body.querySelectorAll("*")) {
		const r = e.getBoundingClientRect();
		if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === "hidden") continue;
		if (bar.contains(e)) {
			if (r.left < tb.left - .5 || r.right > tb.right + .5 || r.top < tb.top - .5 || r.bottom > tb.bottom + .5)
				bad.push("sticks out of the title bar: " + name(e));
			continue;
		}
		if (r.bottom > tb.top + .5 && r.top < tb.bottom - .5 && r.right > tb.left + .5 && r.left < tb.right - .5)
			bad.push("overlaps the title bar: " + name(e));
	}
	return bad;
})()`

// TestLayout loads every page at each width: no page scrolls sideways
// and nothing overlaps the title bar. It saves screenshots of the start
// page, a menu and an answer page with the popup open, for a person.
func TestLayout(t *testing.T) {
	b := buildSite(t)
	o := serveHTTP(t, b.dir)
	answer := answerPage(t, b.site)
	shots := artifactsDir(t)
	for _, size := range widths {
		t.Run(fmt.Sprint(size.width), func(t *testing.T) {
			tab := chrome.Tab(t)
			if err := chromedp.Do(tab, chromedp.EmulateViewport(size.width, size.height)); err != nil {
				t.Fatal(err)
			}
			for _, p := range sitePages(b.site) {
				open(t, tab, o.page(p))
				bad, err := chromedp.Run(tab, chromedp.Evaluate[[]string](layoutJS))
				if err != nil {
					t.Fatal(err)
				}
				if len(bad) > 0 {
					t.Errorf("%s at %dpx:\n\t%s", p, size.width, strings.Join(bad, "\n\t"))
				}
			}
			for _, s := range []struct {
				name, page string
				popup      bool
			}{
				{"choose", "index.html", false},
				{"start", "nl/index.html", false},
				{"menu", "nl/ik-ben-een/index.html", false},
				{"answer-popup", answer.URL, true},
				{"menu-fr", "fr/je-suis-un/representant-legal/index.html", false},
			} {
				open(t, tab, o.page(s.page))
				if s.popup {
					openPopup(t, tab)
				}
				shot := chromedp.FullScreenshot(100)
				if s.popup {
					shot = chromedp.CaptureScreenshot() // the popup sits in the window
				}
				ctx, cancel := context.WithTimeout(tab, 30*time.Second)
				png, err := chromedp.Run(ctx, shot)
				cancel()
				if err != nil {
					t.Fatalf("screenshot of %s: %v", s.page, err)
				}
				file := filepath.Join(shots, fmt.Sprintf("%s-%d.png", s.name, size.width))
				if err := os.WriteFile(file, png, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("screenshot %s", file)
			}
		})
	}
}

// answerPage is the first page that answers a task: no choices under it,
// and links to the service it explains.
func answerPage(t *testing.T, site *generator.Site) *generator.Node {
	t.Helper()
	for _, n := range site.Nodes {
		if len(n.Children) == 0 && len(n.Choices) == 0 && len(n.External) > 0 && n.Parent != nil && n.Parent.Parent != nil {
			return n
		}
	}
	t.Fatal("the site has no answer page with external links")
	return nil
}

// openPopup opens the definitions popup with its button in the title
// bar, as a click does, and checks that it opened.
func openPopup(t *testing.T, tab context.Context) {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.Click(chromedp.CSS(".tools [popovertarget=definitions]"))); err != nil {
		t.Fatalf("click the definitions button: %v", err)
	}
	if st := popup(t, tab); !st.Open {
		t.Fatalf("the definitions popup did not open: %s", st.Why)
	}
}

// artifactsDir is where screenshots go: $WIZARD_ARTIFACTS, or
// testdata/artifacts/ in this package (ignored by git).
func artifactsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("WIZARD_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("testdata", "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("artifacts folder: %v", err)
	}
	return dir
}
