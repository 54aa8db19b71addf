package browsertest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// watcher collects what must never happen while a tab shows the site:
// console errors, uncaught exceptions, failed or refused requests, and
// requests that leave the site.
type watcher struct {
	mu       sync.Mutex
	problems []string
	urls     map[network.RequestID]string // the address of each request seen
}

// watch starts listening to the tab's events; the site is at o.
func watch(t *testing.T, tab context.Context, o origin) *watcher {
	t.Helper()
	w := &watcher{urls: map[network.RequestID]string{}}
	// Listen's func runs in the tab's event loop: it only records.
	err := chromedp.Listen(tab, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			w.urls[ev.RequestID] = ev.Request.URL
			if !o.inside(ev.Request.URL) {
				w.add("request leaves the site: %s (from %s)", ev.Request.URL, ev.DocumentURL)
			}
		case *network.EventLoadingFailed:
			w.add("request failed: %s: %s %s", w.urls[ev.RequestID], ev.ErrorText, ev.BlockedReason)
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				w.add("response %d for %s", ev.Response.Status, ev.Response.URL)
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				w.add("console.%s: %s", ev.Type, strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			w.add("uncaught exception at %s:%d: %s", d.URL, d.LineNumber, d.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				w.add("console error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		}
	})
	if err != nil {
		t.Fatalf("listen to the tab: %v", err)
	}
	return w
}

func (w *watcher) add(format string, args ...any) {
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

// take returns the problems seen since the last call.
func (w *watcher) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.problems
	w.problems = nil
	return p
}
