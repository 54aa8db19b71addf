package browsertest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/theme"
)

// notFoundHost serves dir as Netlify and most static hosts do: a file
// as it is, a folder by its index.html, and any other address by
// 404.html with the status 404.
func notFoundHost(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(dir, filepath.FromSlash(path.Clean(r.URL.Path)))
		if strings.HasSuffix(r.URL.Path, "/") {
			p = filepath.Join(p, "index.html")
		}
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			files.ServeHTTP(w, r)
			return
		}
		page, err := os.ReadFile(filepath.Join(dir, notFoundPage))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(page)
	})
}

// notFoundJS tells whether the page's stylesheet applies (the title bar
// has the brand's colour, not the browser's white), whether the skip
// link stays on the page, and finds the link back to the start page.
const notFoundJS = `(() => {
	const bar = document.querySelector(".titlebar");
	const skip = document.querySelector(".skip-link");
	const home = Array.from(document.querySelectorAll("main a")).find(a => a.textContent.includes("startpagina"));
	return {
		styled: !!bar && getComputedStyle(bar).backgroundColor === "rgb(0, 50, 90)",
		home: home ? home.href : "",
		skipStays: !!skip && new URL(skip.href).pathname === location.pathname,
	};
})()`

type notFoundState struct {
	Styled    bool   `json:"styled"`
	Home      string `json:"home"`
	SkipStays bool   `json:"skipStays"`
}

// TestNotFoundAtDepth asks a host that answers unknown addresses with
// 404.html for an address three folders deep, with and without a base
// URL: the 404 page must show with its stylesheet, and its "Naar de
// startpagina" link must lead to the start page.
func TestNotFoundAtDepth(t *testing.T) {
	for _, withBase := range []bool{false, true} {
		name := "without base URL"
		if withBase {
			name = "with base URL"
		}
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			var handler http.Handler = http.NotFoundHandler()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
			t.Cleanup(srv.Close)
			opts := generator.Options{Source: os.DirFS(".."), SourceName: "..", Theme: theme.FS()}
			if withBase {
				opts.BaseURL = srv.URL + "/"
			}
			if _, err := generator.Build(opts, dir); err != nil {
				t.Fatalf("build the eGov site: %v", err)
			}
			handler = notFoundHost(dir)

			tab := chrome.Tab(t)
			info := open(t, tab, srv.URL+"/ik-ben-een/bestaat/niet/")
			st, err := chromedp.Run(tab, chromedp.Evaluate[notFoundState](notFoundJS))
			if err != nil {
				t.Fatal(err)
			}
			if !st.Styled {
				t.Errorf("the 404 page at /ik-ben-een/bestaat/niet/ shows without its stylesheet (title %q)", info.Title)
			}
			if !st.SkipStays {
				t.Errorf("the skip link of the 404 page leads away from it")
			}
			if st.Home == "" {
				t.Fatal("the 404 page has no link to the start page")
			}
			start := open(t, tab, st.Home)
			if want := "Welkom bij de wizard van Mijn eGov-rollenbeheer"; strings.TrimSpace(start.H1) != want {
				t.Errorf("the link %s of the 404 page leads to a page headed %q, want the start page %q", st.Home, start.H1, want)
			}
		})
	}
}
