package browsertest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// pageInfo is what a loaded page shows of itself.
type pageInfo struct {
	Location string   `json:"location"` // the address after any redirect
	Title    string   `json:"title"`
	H1       string   `json:"h1"`
	Links    []string `json:"links"` // every a[href], resolved
}

const pageInfoJS = `({
	location: location.href,
	title: document.title,
	h1: (document.querySelector("h1") || {}).textContent || "",
	links: Array.from(document.querySelectorAll("a[href]"), a => a.href),
})`

// open loads the address in the tab and reads the page.
func open(t *testing.T, tab context.Context, addr string) pageInfo {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(addr)); err != nil {
		t.Fatalf("load %s: %v", addr, err)
	}
	return readPage(t, ctx)
}

func readPage(t *testing.T, ctx context.Context) pageInfo {
	t.Helper()
	info, err := chromedp.Run(ctx, chromedp.Evaluate[pageInfo](pageInfoJS))
	if err != nil {
		t.Fatalf("read the page: %v", err)
	}
	return info
}

// TestCrawl follows every internal link breadth first from the start
// page, over HTTP from a plain static file server and from the unzipped
// pack via file://, and checks that every page of the site is reached.
func TestCrawl(t *testing.T) {
	b := buildSite(t)
	titles := pageTitles(b.site)
	origins := []struct {
		name string
		open func(t *testing.T) origin
	}{
		{"http", func(t *testing.T) origin { return serveHTTP(t, b.dir) }},
		{"file", func(t *testing.T) origin { return unpack(t, b.site) }},
	}
	for _, oo := range origins {
		t.Run(oo.name, func(t *testing.T) {
			o := oo.open(t)
			tab := chrome.Tab(t)
			w := watch(t, tab, o)
			queue := []string{"index.html"}
			seen := map[string]bool{"index.html": true}
			external := 0
			for len(queue) > 0 {
				p := queue[0]
				queue = queue[1:]
				info := open(t, tab, o.page(p))
				if problems := w.take(); len(problems) > 0 {
					t.Errorf("%s:\n\t%s", p, strings.Join(problems, "\n\t"))
				}
				if at, ok := o.sitePath(info.Location); !ok || at != p {
					t.Errorf("%s: loaded as %s", p, info.Location)
				}
				want, isPage := titles[p]
				switch {
				case !isPage:
					t.Errorf("%s is linked but is no page of the site", p)
				case !strings.Contains(info.Title, want) || strings.TrimSpace(info.H1) != want:
					t.Errorf("%s: title %q, heading %q; want both to show %q", p, info.Title, info.H1, want)
				}
				for _, l := range info.Links {
					sp, ok := o.sitePath(l)
					if !ok {
						external++
						if !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "mailto:") {
							t.Errorf("%s: link %s neither stays in the site nor leaves it for the web", p, l)
						}
						continue
					}
					if !seen[sp] {
						seen[sp] = true
						queue = append(queue, sp)
					}
				}
			}
			for _, n := range b.site.Nodes {
				if !seen[n.URL] {
					t.Errorf("page %s (%s) was not reached by following links from the start page", n.URL, n.File)
				}
			}
			t.Logf("%s: reached %d pages of %d nodes; %d external links not followed", o.name, len(seen), len(b.site.Nodes), external)
		})
	}
}
