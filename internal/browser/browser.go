// Package browser starts Debian's Chromium for tests that need a real
// browser, and says loudly why when it cannot.
//
// A test binary starts one browser in TestMain and opens one tab per test:
//
//	func TestMain(m *testing.M) { os.Exit(browser.Main(m, &chrome)) }
//
//	func TestX(t *testing.T) {
//		tab := chrome.Tab(t) // skips loudly without Chromium, fails in CI
//		...
//	}
//
// In CI (the environment variable CI is set, as `bash .ci/run`, the
// README's test command, sets it) a missing Chromium fails the tests
// instead of skipping them: there the browser tests must run.
package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Browser is one Chromium process shared by the tests of a test binary.
type Browser struct {
	ctx     context.Context // the browser's context; tabs derive from it
	missing string          // why there is no browser, or ""
}

// Main starts Chromium, runs the tests and stops Chromium. When Chromium
// is not installed, the tests run and each browser test skips (or fails
// in CI) with the reason.
func Main(m *testing.M, b *Browser) int {
	path, err := exec.LookPath("chromium")
	if err != nil {
		b.missing = "Chromium is not installed (apt-get install chromium): browser tests cannot run"
		fmt.Fprintln(os.Stderr, "!!!!!!!! "+b.missing+" !!!!!!!!")
		return m.Run()
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-sync", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	// The first Do starts the browser; it must have no timeout of its own.
	if err := chromedp.Do(bctx); err != nil {
		b.missing = "Chromium did not start: " + err.Error()
		fmt.Fprintln(os.Stderr, "!!!!!!!! "+b.missing+" !!!!!!!!")
		return m.Run()
	}
	b.ctx = bctx
	return m.Run()
}

// Tab opens a new tab for the test and closes it when the test ends.
// Without a browser it skips the test loudly, or fails it in CI.
func (b *Browser) Tab(t testing.TB) context.Context {
	t.Helper()
	if b.ctx == nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI: %s", b.missing)
		}
		t.Skipf("SKIPPED, NO BROWSER: %s", b.missing)
	}
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	return ctx
}
