package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// printJS lists what would be wrong on paper: an external link whose
// address is not printed after it, a title-bar control that prints, or
// content that does not.
const printJS = `(() => {
	const bad = [];
	const main = document.querySelector("main");
	if (!main || !main.checkVisibility() || main.getBoundingClientRect().height === 0) bad.push("the content does not print");
	const links = Array.from(document.querySelectorAll("a.external"));
	if (!links.some(a => main.contains(a))) bad.push("the page has no external link in its content");
	for (const a of links) {
		if (!a.checkVisibility()) continue;
		const after = getComputedStyle(a, "::after").content;
		if (!after.includes(a.getAttribute("href")))
			bad.push("the address of " + JSON.stringify(a.textContent.trim()) + " does not print; ::after is " + after);
	}
	const controls = Array.from(document.querySelectorAll(".titlebar a, .titlebar button"));
	if (controls.length === 0) bad.push("the title bar has no controls to hide");
	for (const c of controls) {
		const r = c.getBoundingClientRect();
		if (c.checkVisibility() && r.width > 0 && r.height > 0)
			bad.push("the title-bar control " + JSON.stringify(c.textContent.trim()) + " prints");
	}
	const title = document.querySelector(".site-title");
	if (!title || !title.checkVisibility()) bad.push("the site title does not print");
	return bad;
})()`

// TestPrint prints an answer page: the addresses of its external links
// show after them, the title-bar controls do not print, the content does.
func TestPrint(t *testing.T) {
	b := buildSite(t)
	o := serveHTTP(t, b.dir)
	answer := answerPage(t, b.site)
	tab := chrome.Tab(t)
	open(t, tab, o.page(answer.URL))
	for _, media := range []string{"screen", "print"} {
		if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
			t.Fatal(err)
		}
		bad, err := chromedp.Run(tab, chromedp.Evaluate[[]string](printJS))
		if err != nil {
			t.Fatal(err)
		}
		// On screen the same checks must fail: the controls show and no
		// address follows a link, so the print styles are what passes.
		if media == "screen" {
			if len(bad) == 0 {
				t.Fatalf("%s on screen already looks printed: the check cannot tell", answer.URL)
			}
			t.Logf("on screen, as expected: %s", strings.Join(bad, "; "))
			continue
		}
		png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(artifactsDir(t), "answer-print.png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s", file)
		if len(bad) > 0 {
			t.Errorf("%s printed:\n\t%s", answer.URL, strings.Join(bad, "\n\t"))
		}
	}
}
