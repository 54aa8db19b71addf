package browsertest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeResult is the part of axe.run's result a failure report needs.
type axeResult struct {
	Violations []axeRule `json:"violations"`
	Passes     int       `json:"passes"` // how many rules passed: proof that axe ran
}

type axeRule struct {
	ID     string    `json:"id"`
	Impact string    `json:"impact"`
	Help   string    `json:"help"`
	Nodes  []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  []string `json:"target"`
	HTML    string   `json:"html"`
	Summary string   `json:"failureSummary"`
}

// axeRunJS runs the WCAG 2.1 A and AA rules of axe-core on the page.
const axeRunJS = `axe.run(document, {
	runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
	resultTypes: ["violations"],
}).then(r => ({
	passes: r.passes.length,
	violations: r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map(n => ({target: n.target.map(String), html: n.html, failureSummary: n.failureSummary || ""})),
	})),
}))`

// TestAxe runs axe-core on every page of both languages, at the widths
// of a phone and a desktop (which show different maps, title bars and
// breadcrumbs), with the definitions popup closed and open, and wants no
// violation of WCAG 2.1 A or AA.
func TestAxe(t *testing.T) {
	src, err := os.ReadFile(npmFile(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	b := buildSite(t)
	o := serveHTTP(t, b.dir)
	tab := chrome.Tab(t)
	for _, size := range widths {
		if err := chromedp.Do(tab, chromedp.EmulateViewport(size.width, size.height)); err != nil {
			t.Fatal(err)
		}
		for _, p := range sitePages(b.site) {
			for _, withPopup := range []bool{false, true} {
				if withPopup && !hasPopup(b.site, p) {
					continue // the root page that lets the visitor choose a language has none
				}
				state := fmt.Sprintf("%d px, popup closed", size.width)
				open(t, tab, o.page(p))
				if withPopup {
					state = fmt.Sprintf("%d px, popup open", size.width)
					openPopup(t, tab)
				}
				res := runAxe(t, tab, string(src))
				if res.Passes == 0 {
					t.Fatalf("%s: axe checked no rule", p)
				}
				if len(res.Violations) > 0 {
					t.Errorf("%s, %s: %d WCAG violations:\n%s", p, state, len(res.Violations), formatViolations(res.Violations))
				}
			}
		}
	}
}

func runAxe(t *testing.T, tab context.Context, src string) axeResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](axeRunJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	return res
}

func formatViolations(vs []axeRule) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "  %s (%s): %s\n", v.ID, v.Impact, v.Help)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "    at %s\n      %s\n      %s\n", strings.Join(n.Target, " "), n.HTML,
				strings.ReplaceAll(n.Summary, "\n", "\n      "))
		}
	}
	return b.String()
}

// TestAxeSeesViolations shows the check can fail: an image without alt
// text and a link without a name are two violations.
func TestAxeSeesViolations(t *testing.T) {
	src, err := os.ReadFile(npmFile(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	tab := chrome.Tab(t)
	if err := chromedp.Do(tab, chromedp.Navigate(`data:text/html,<!doctype html><html lang="nl"><title>bad</title><main><img src="data:,"><a href="x"></a></main></html>`)); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, v := range runAxe(t, tab, string(src)).Violations {
		ids = append(ids, v.ID)
	}
	got := strings.Join(ids, " ")
	for _, want := range []string{"image-alt", "link-name"} {
		if !strings.Contains(got, want) {
			t.Errorf("axe did not report %s; it reported %q", want, got)
		}
	}
}
