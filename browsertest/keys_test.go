package browsertest

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focused describes the element that has the keyboard focus.
type focused struct {
	Tag     string `json:"tag"`
	Text    string `json:"text"`
	Href    string `json:"href"`
	Class   string `json:"class"`
	Popover string `json:"popover"` // its popovertarget attribute
	In      string `json:"in"`      // the class of the landmark it is in: "tools", "choices", "definitions" or ""
}

const focusedJS = `(() => {
	const e = document.activeElement || document.body;
	const box = e.closest(".tools, .choices, .definitions");
	return {
		tag: e.tagName.toLowerCase(),
		text: (e.textContent || "").trim(),
		href: e.href || "",
		class: e.className || "",
		popover: e.getAttribute("popovertarget") || "",
		in: box ? box.classList[0] : "",
	};
})()`

// press sends real key events (keyDown, char, keyUp) for one key to the
// focused element, as a keyboard does.
func press(t *testing.T, tab context.Context, key string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
		t.Fatalf("press %q: %v", key, err)
	}
}

func focus(t *testing.T, tab context.Context) focused {
	t.Helper()
	f, err := chromedp.Run(tab, chromedp.Evaluate[focused](focusedJS))
	if err != nil {
		t.Fatalf("read the focus: %v", err)
	}
	return f
}

// maxTabs bounds a walk with Tab: no page of the wizard has this many
// controls before the one a visitor looks for.
const maxTabs = 40

// tabTo presses Tab until the focused element is the one match wants.
func tabTo(t *testing.T, tab context.Context, what string, match func(focused) bool) focused {
	t.Helper()
	var seen []string
	for range maxTabs {
		press(t, tab, kb.Tab)
		f := focus(t, tab)
		if match(f) {
			return f
		}
		seen = append(seen, f.Tag+" "+f.Text)
	}
	t.Fatalf("%d presses of Tab did not reach %s; focus went through %q", maxTabs, what, seen)
	return focused{}
}

// follow presses Enter on the focused link, waits for the page it leads
// to, and checks the browser landed where the link promised.
func follow(t *testing.T, tab context.Context, o origin, link focused) (string, pageInfo) {
	t.Helper()
	want, ok := o.sitePath(link.Href)
	if !ok {
		t.Fatalf("link %q leads out of the site: %s", link.Text, link.Href)
	}
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter))); err != nil {
		t.Fatalf("Enter on %q: no page loaded: %v", link.Text, err)
	}
	info := readPage(t, ctx)
	got, _ := o.sitePath(info.Location)
	if got != want {
		t.Fatalf("Enter on %q went to %s, the link promised %s", link.Text, info.Location, link.Href)
	}
	return got, info
}
