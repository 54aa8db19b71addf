package browsertest

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"
)

// overviewLayout is what the page at 320 px measures in Chromium.
type overviewLayout struct {
	ScrollWidth int      `json:"scrollWidth"` // of the document: more than 320 scrolls sideways
	MapWidth    float64  `json:"mapWidth"`    // the map on screen, in CSS px
	FontPx      float64  `json:"fontPx"`      // a label's height on screen, in CSS px
	Links       int      `json:"links"`       // links in the map
	Overflow    []string `json:"overflow"`    // labels whose text sticks out of their box
	Outside     []string `json:"outside"`     // links that reach past the right edge of the screen
}

const measureOverviewJS = `(() => {
  const svg = document.querySelector("svg.overview-map");
  const r = svg.getBoundingClientRect();
  const scale = r.width / svg.viewBox.baseVal.width;
  const out = {scrollWidth: document.scrollingElement.scrollWidth, mapWidth: r.width,
    fontPx: parseFloat(getComputedStyle(svg.querySelector("text")).fontSize) * scale,
    links: 0, overflow: [], outside: []};
  for (const a of svg.querySelectorAll("a")) {
    out.links++;
    const box = a.querySelector("rect").getBBox(), t = a.querySelector("text").getBBox();
    if (t.x < box.x || t.y < box.y || t.x + t.width > box.x + box.width || t.y + t.height > box.y + box.height) {
      out.overflow.push(a.textContent);
    }
    if (a.getBoundingClientRect().right > innerWidth) out.outside.push(a.textContent);
  }
  return out;
})()`

// TestOverviewAt320px opens the eGov overview in Chromium on a 320 px
// wide screen: the map must fit without scrolling sideways, its labels
// must stay inside their boxes with the browser's real font and be at
// least 13 px high, and each link of the map must be named by its label
// for screen readers.
func TestOverviewAt320px(t *testing.T) {
	b := buildSite(t)
	site, out := b.site, b.dir
	ctx := chrome.Tab(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(320, 640),
		chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(out, "nl", "overzicht", "index.html"))),
		chromedp.WaitReady(chromedp.CSS("svg.overview-map")),
	); err != nil {
		t.Fatal(err)
	}
	m, err := chromedp.Run(ctx, chromedp.Evaluate[overviewLayout](measureOverviewJS))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("at 320 px: map %.0f px wide, labels %.1f px, page %d px wide", m.MapWidth, m.FontPx, m.ScrollWidth)
	if m.ScrollWidth > 320 {
		t.Errorf("the page is %d px wide at 320 px: it scrolls sideways", m.ScrollWidth)
	}
	if m.FontPx < 13 {
		t.Errorf("labels are %.1f px high at 320 px: too small to read", m.FontPx)
	}
	if m.Links != len(site.Nodes) {
		t.Errorf("%d links in the map, want %d", m.Links, len(site.Nodes))
	}
	for _, l := range m.Overflow {
		t.Errorf("label %q sticks out of its box", l)
	}
	for _, l := range m.Outside {
		t.Errorf("link %q reaches past the edge of the screen", l)
	}

	tree, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, n := range tree.Nodes {
		if n.Ignored || n.Role == nil || n.Name == nil {
			continue
		}
		var role, name string
		if json.Unmarshal(n.Role.Value, &role) != nil || role != "link" || json.Unmarshal(n.Name.Value, &name) != nil {
			continue
		}
		names[strings.Join(strings.Fields(name), " ")] = true
	}
	for _, n := range site.Nodes {
		if !names[strings.Join(strings.Fields(n.LinkTitle), " ")] {
			t.Errorf("no link is named %q for screen readers", n.LinkTitle)
		}
	}
}
