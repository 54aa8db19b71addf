package browsertest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/wizardsite/wizard/generator"
)

// TestKeyboardWalk goes through the wizard with Tab and Enter only: from
// the root page through "Nederlands" to the start page, through "Start
// de wizard", a profile and a task, then
// the back link and the home link, and it opens and closes the
// definitions popup on the way. With JavaScript disabled the same walk
// must work: the site needs no script.
func TestKeyboardWalk(t *testing.T) {
	b := buildSite(t)
	nodes := map[string]*generator.Node{}
	for _, n := range b.site.Nodes {
		nodes[n.URL] = n
	}
	for _, noScript := range []bool{false, true} {
		name := "scripts on"
		if noScript {
			name = "scripts off"
		}
		t.Run(name, func(t *testing.T) {
			o := serveHTTP(t, b.dir)
			tab := chrome.Tab(t)
			if _, err := chromedp.Call(tab, emulation.SetScriptExecutionDisabled,
				emulation.SetScriptExecutionDisabledParams{Value: noScript}); err != nil {
				t.Fatal(err)
			}
			w := watch(t, tab, o)
			landed := func(p string, info pageInfo) *generator.Node {
				t.Helper()
				n := nodes[p]
				if n == nil {
					t.Fatalf("landed on %s, which is no page of the site", p)
				}
				if strings.TrimSpace(info.H1) != n.Title {
					t.Fatalf("%s shows heading %q, want %q", p, info.H1, n.Title)
				}
				return n
			}

			open(t, tab, o.page("index.html"))
			dutch := tabTo(t, tab, `the link "Nederlands"`, func(f focused) bool {
				return f.Tag == "a" && strings.HasPrefix(f.Text, "Nederlands")
			})
			if got := landed(follow(t, tab, o, dutch)); got.Parent != nil {
				t.Fatalf("Nederlands on the root page went to %s, not to the start page", got.URL)
			}
			start := tabTo(t, tab, `the link "Start de wizard"`, func(f focused) bool {
				return f.Tag == "a" && f.Text == "Start de wizard"
			})
			menu := landed(follow(t, tab, o, start))

			first := func(f focused) bool { return f.Tag == "a" && f.In == "choices" }
			profile := landed(follow(t, tab, o, tabTo(t, tab, "the first profile", first)))
			if profile.Parent != menu {
				t.Fatalf("the first choice of %s led to %s, which is not one of its profiles", menu.URL, profile.URL)
			}
			task := landed(follow(t, tab, o, tabTo(t, tab, "the first task", first)))
			if task.Parent != profile {
				t.Fatalf("the first choice of %s led to %s, which is not one of its tasks", profile.URL, task.URL)
			}

			definitionsByKeyboard(t, tab)

			back := tabTo(t, tab, "the back link", func(f focused) bool {
				return f.Tag == "a" && f.In == "tools" && f.Text == "Terug"
			})
			if got := landed(follow(t, tab, o, back)); got != profile {
				t.Fatalf("back from %s went to %s, want %s", task.URL, got.URL, profile.URL)
			}
			home := tabTo(t, tab, "the home link", func(f focused) bool {
				return f.Tag == "a" && f.In == "tools" && f.Text == "Home"
			})
			if got := landed(follow(t, tab, o, home)); got.Parent != nil {
				t.Fatalf("home went to %s, not to the start page", got.URL)
			}
			t.Logf("walked index.html → %s → %s → %s, back, home", menu.URL, profile.URL, task.URL)
			if problems := w.take(); len(problems) > 0 {
				t.Errorf("during the walk:\n\t%s", strings.Join(problems, "\n\t"))
			}
		})
	}
}

// popupState is what a visitor sees of the definitions popup.
type popupState struct {
	Open     bool   `json:"open"`
	Readable bool   `json:"readable"`
	Why      string `json:"why"` // why it cannot be read
}

// popupJS checks that the open popup lies in the window and that its
// first definition is on top, not covered by anything.
const popupJS = `(() => {
	const d = document.getElementById("definitions");
	if (!d) return {open: false, readable: false, why: "the page has no definitions popup"};
	if (!d.matches(":popover-open")) return {open: false, readable: false, why: "closed"};
	const r = d.getBoundingClientRect();
	if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight)
		return {open: true, readable: false, why: "the popup does not fit the window: " + JSON.stringify(r)};
	const dt = d.querySelector("dt");
	if (!dt || dt.textContent.trim() === "") return {open: true, readable: false, why: "no definition in the popup"};
	const b = dt.getBoundingClientRect();
	const top = document.elementFromPoint(b.left + Math.min(b.width, 20) / 2, b.top + b.height / 2);
	if (!top || !dt.contains(top)) return {open: true, readable: false, why: "the first definition is covered by " + (top ? top.outerHTML.slice(0, 80) : "nothing")};
	return {open: true, readable: true, why: ""};
})()`

func popup(t *testing.T, tab context.Context) popupState {
	t.Helper()
	s, err := chromedp.Run(tab, chromedp.Evaluate[popupState](popupJS))
	if err != nil {
		t.Fatalf("read the popup: %v", err)
	}
	return s
}

// definitionsByKeyboard opens the definitions popup from the title bar
// with Enter and with Space, closes it with Escape and with its close
// button, and checks that focus goes back to the opener each time.
func definitionsByKeyboard(t *testing.T, tab context.Context) {
	t.Helper()
	isOpener := func(f focused) bool { return f.Tag == "button" && f.In == "tools" && f.Popover == "definitions" }
	tabTo(t, tab, "the definitions button", isOpener)
	steps := []struct {
		key      string
		name     string
		wantOpen bool
	}{
		{kb.Enter, "Enter", true},
		{kb.Escape, "Escape", false},
		{" ", "Space", true},
	}
	for _, s := range steps {
		press(t, tab, s.key)
		st := popup(t, tab)
		if st.Open != s.wantOpen {
			t.Fatalf("after %s the popup is open=%v, want %v", s.name, st.Open, s.wantOpen)
		}
		if s.wantOpen && !st.Readable {
			t.Fatalf("after %s the definitions cannot be read: %s", s.name, st.Why)
		}
		if f := focus(t, tab); !isOpener(f) {
			t.Fatalf("after %s focus is on %s %q, not on the definitions button", s.name, f.Tag, f.Text)
		}
	}
	tabTo(t, tab, "the close button of the popup", func(f focused) bool {
		return f.Tag == "button" && f.In == "definitions" && strings.Contains(f.Class, "close")
	})
	press(t, tab, kb.Enter)
	if st := popup(t, tab); st.Open {
		t.Fatal("Enter on the close button left the popup open")
	}
	if f := focus(t, tab); !isOpener(f) {
		t.Fatalf("after closing, focus is on %s %q, not back on the definitions button", f.Tag, f.Text)
	}
}
