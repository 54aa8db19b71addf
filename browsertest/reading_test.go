package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/wizardsite/wizard/generator"
)

// firstTextTopJS is how far down the page, in CSS px, the first block of
// the page's own text starts: the first child of its first .content.
const firstTextTopJS = `(() => {
	const first = document.querySelector("main .content > :first-child");
	return first ? first.getBoundingClientRect().top + scrollY : -1;
})()`

// phoneFold is how far down a 320 px phone a task page's first sentence
// may start: a visitor must see it without scrolling, under the title
// bar, the way back and the heading.
const phoneFold = 330

// TestFirstSentenceOnPhone opens every task page (a page that answers,
// with no choices of its own), in both languages, at 320 px in Chromium, and wants its first
// sentence to start within the first phoneFold px.
func TestFirstSentenceOnPhone(t *testing.T) {
	b, o, tab := siteAt(t, 320, 640)
	tasks := 0
	var nodes []*generator.Node
	for _, l := range b.site.Languages {
		nodes = append(nodes, l.Nodes...)
	}
	for _, n := range nodes {
		if !isTask(n) {
			continue
		}
		tasks++
		top := measure[float64](t, tab, o.page(n.URL), firstTextTopJS)
		t.Logf("%-75s first sentence at %4.0f px", n.URL, top)
		switch {
		case top < 0:
			t.Errorf("%s: no text in .content", n.URL)
		case top > phoneFold:
			t.Errorf("%s: the first sentence starts %.0f px down at 320 px, want at most %d", n.URL, top, phoneFold)
		}
	}
	if tasks == 0 {
		t.Fatal("the site has no task page")
	}
}

// isTask reports whether n is a task page: it answers and offers no
// choices.
func isTask(n *generator.Node) bool {
	return n.Parent != nil && len(n.Choices) == 0 && n.HasBody()
}

// textSizeJS measures the body text of the page: the font size of its
// first paragraph, and the width of its lines in that font's em.
const textSizeJS = `(() => {
	const p = document.querySelector("main .content p");
	const s = parseFloat(getComputedStyle(p).fontSize);
	return {fontPx: s, lineEm: p.getBoundingClientRect().width / s};
})()`

type textSize struct {
	FontPx float64 `json:"fontPx"`
	LineEm float64 `json:"lineEm"`
}

// TestTextSize opens an answer page at the widths of a phone, the
// smallest tablet, a tablet and a desktop: body text must be at least
// 16 px on a phone and 18 px from tablet width up (GOV.UK sets 19 px
// there), and its lines at most 40 em long, about 75 characters.
func TestTextSize(t *testing.T) {
	b := buildSite(t)
	o := serveHTTP(t, b.dir)
	tab := chrome.Tab(t)
	answer := answerPage(t, b.site)
	for _, w := range []struct {
		width int64
		min   float64
	}{{320, 16}, {641, 18}, {768, 18}, {1280, 18}} {
		if err := chromedp.Do(tab, chromedp.EmulateViewport(w.width, 800)); err != nil {
			t.Fatal(err)
		}
		got := measure[textSize](t, tab, o.page(answer.URL), textSizeJS)
		t.Logf("at %4d px: text %.1f px, lines %.1f em", w.width, got.FontPx, got.LineEm)
		if got.FontPx < w.min {
			t.Errorf("at %d px the body text is %.1f px, want at least %.0f", w.width, got.FontPx, w.min)
		}
		if got.LineEm > 40 {
			t.Errorf("at %d px the lines are %.1f em long, want at most 40", w.width, got.LineEm)
		}
	}
}
