package browser

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

var chrome Browser

func TestMain(m *testing.M) { os.Exit(Main(m, &chrome)) }

// TestTabRunsScript checks that a tab really evaluates a page's DOM.
func TestTabRunsScript(t *testing.T) {
	tab := chrome.Tab(t)
	if err := chromedp.Do(tab, chromedp.Navigate("data:text/html,<title>ok</title><p id=x>hello</p>")); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(tab, chromedp.Evaluate[string]("document.getElementById('x').textContent + document.title"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "hellook") {
		t.Fatalf("got %q, want hellook", text)
	}
}
