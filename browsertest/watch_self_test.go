package browsertest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestWatcherSeesProblems shows that the watcher is no check that cannot
// fail: a page with a missing image, a request to another origin and a
// console error gives one problem for each.
func TestWatcherSeesProblems(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/svg+xml")
		fmt.Fprint(w, `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>`)
	}))
	defer other.Close()
	page := `<!doctype html><title>bad</title>
<img src="missing.png" alt="">
<img src="` + other.URL + `/elsewhere.svg" alt="">
<script>console.error("boom")</script>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	o := origin{name: "self", root: srv.URL + "/"}
	tab := chrome.Tab(t)
	w := watch(t, tab, o)
	open(t, tab, o.root)
	got := strings.Join(w.take(), "\n")
	for _, want := range []string{"response 404 for " + srv.URL + "/missing.png", "request leaves the site: " + other.URL + "/elsewhere.svg", "boom"} {
		if !strings.Contains(got, want) {
			t.Errorf("the watcher did not report %q; it reported:\n%s", want, got)
		}
	}
}
