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
	links: Array.from(document.querySelectorAll("a[href]"), a => new URL(a.getAttribute("href"), document.baseURI).href),
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

// TestCrawl follows every internal link breadth first from the root
// page, which leads to each language's start page, over HTTP from a
// plain static file server and from the unzipped pack via file://, and
// checks that every page of the site is reached: every node's in both
// languages, and any page the theme adds; all but the 404 page.
func TestCrawl(t *testing.T) {
	b := buildSite(t)
	titles := nodeTitles(b.site)
	linked := map[string]bool{} // every page a link must lead to
	for _, p := range sitePages(b.site) {
		linked[p] = p != notFoundPage
	}
	for url := range titles {
		if !linked[url] {
			t.Fatalf("no page %s in the build", url)
		}
	}
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
				h1 := strings.TrimSpace(info.H1)
				want, isNode := titles[p]
				switch {
				case !linked[p]:
					t.Errorf("%s is linked but is no page of the site", p)
				case isNode && (!strings.Contains(info.Title, want) || h1 != want):
					t.Errorf("%s: title %q, heading %q; want both to show %q", p, info.Title, info.H1, want)
				case h1 == "" || !strings.Contains(info.Title, h1):
					t.Errorf("%s: title %q does not show the heading %q", p, info.Title, info.H1)
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
			for p, ok := range linked {
				if ok && !seen[p] {
					t.Errorf("page %s was not reached by following links from the start page", p)
				}
			}
			t.Logf("%s: reached %d pages (%d nodes in %d languages); %d external links not followed", o.name, len(seen), len(b.site.Nodes), len(b.site.Languages), external)
		})
	}
}
