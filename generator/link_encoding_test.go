package generator

import (
	stdhtml "html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// TestLinksReachTheFilesTheyName builds a site whose files have names
// with characters that mean something in an address (# ? % ; : [ ] +
// & a space, a letter beyond ASCII), serves its output folder over
// HTTP, and follows every link of its bodies as a browser would: each
// must reach the very file that the link check found for it.
func TestLinksReachTheFilesTheyName(t *testing.T) {
	files := smallSite()
	// Each link's text is its key in want: the output file it must reach.
	want := map[string]string{}
	assets := map[string]string{ // file in content/ -> key
		"a/plan #1.pdf": "hash", "a/100%.pdf": "percent", "a/a?b.pdf": "question",
		"a/ü.pdf": "umlaut", "a/a;b.pdf": "semicolon", "a/a:b.pdf": "colon", "a/[x].pdf": "brackets",
		"a/met spatie.pdf": "space", "a/a+b.pdf": "plus", "a/a&b.pdf": "ampersand",
		"a/%41.pdf": "percent-hex", "a/map met spatie/d.pdf": "folder", "a/foto 1.png": "image",
		"c:d.pdf": "root-colon", // linked from the start page: its href would start with c:
	}
	for name, key := range assets {
		files["content/"+name] = "the file " + name
		want[key] = name
	}
	want["folder"] = "a/map-met-spatie/d.pdf" // a folder without a node is slugged
	want["escaped"], want["entity"] = "a/a&b.pdf", "a/a&b.pdf"
	for _, k := range []string{"node", "node-fragment", "node-query", "node-both"} {
		want[k] = "a/twee/index.html"
	}
	want["start"] = "index.html"
	want["from-the-start"], want["up"] = "a/plan #1.pdf", "a/plan #1.pdf"
	files["content/a/een.md"] = `---
title: Een
weight: 1
---

[hash](<plan %231.pdf>) [percent](100%25.pdf) [question](a%3Fb.pdf)
[umlaut](ü.pdf) [semicolon](a;b.pdf) [colon](a%3Ab.pdf) [brackets](<[x].pdf>)
[space](<met spatie.pdf>) [plus](a+b.pdf) [ampersand](a&b.pdf)
[percent-hex](%2541.pdf) [folder](map%20met%20spatie/d.pdf)
[escaped](a\&b.pdf) [entity](a&amp;b.pdf)
[node](twee.md) [node-fragment](twee.md#stap-2) [node-query](twee.md?x=1)
[node-both](twee.md?x=1&y=2#stap-2) [start](../_index.md)

![image](<foto 1.png>)

Zie ook [twee](twee.md).
`
	files["content/_index.md"] += "\n[from-the-start](a/plan%20%231.pdf) [root-colon](c%3Ad.pdf)\n"
	files["content/a/twee.md"] += "\n## Stap 2\n\n[up](<../a/plan %231.pdf>)\n"

	dir := writeSite(t, files)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(siteOptions(dir), out); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()

	seen := map[string]bool{}
	for _, page := range []string{"index.html", "a/een/index.html", "a/twee/index.html"} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		base, _ := url.Parse(srv.URL + "/" + page)
		for key, href := range bodyLinks(data) {
			wantFile, ok := want[key]
			if !ok {
				continue // the page's own chrome, or a link of the small site
			}
			seen[key] = true
			ref, err := url.Parse(href)
			if err != nil {
				t.Errorf("%s: %s: href %q is not a URL: %v", page, key, href, err)
				continue
			}
			abs := base.ResolveReference(ref)
			got, err := url.PathUnescape(abs.EscapedPath())
			if err != nil || got != "/"+wantFile {
				t.Errorf("%s: %s: href %q leads a browser to %q, want /%s", page, key, href, got, wantFile)
			}
			wantQuery := map[string]string{"node-query": "x=1", "node-both": "x=1&y=2"}[key]
			wantFragment := map[string]string{"node-fragment": "stap-2", "node-both": "stap-2"}[key]
			if ref.RawQuery != wantQuery || ref.Fragment != wantFragment {
				t.Errorf("%s: %s: href %q has query %q and fragment %q, want %q and %q",
					page, key, href, ref.RawQuery, ref.Fragment, wantQuery, wantFragment)
			}
			fetchOK(t, abs.String(), assets, wantFile)
		}
	}
	for key := range want {
		if !seen[key] {
			t.Errorf("no link %s in the pages", key)
		}
	}
}

// fetchOK gets u and checks that the server answers 200 with the file
// of content/ the link names, when it names one (assets maps those).
func fetchOK(t *testing.T, u string, assets map[string]string, file string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s: %s, want 200 (for %s)", u, resp.Status, file)
		return
	}
	for name := range assets {
		if name == file && string(body) != "the file "+name {
			t.Errorf("GET %s: got %q, want the file %s", u, body, name)
		}
	}
}

// bodyLinks maps the text of each link of a page (the alt of each image)
// to its href (src), as a browser reads the attribute.
func bodyLinks(page []byte) map[string]string {
	links := map[string]string{}
	l := html.NewLexer(parse.NewInputBytes(page))
	var tag, href, alt string
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return links
		case html.StartTagToken:
			tag, href, alt = string(l.Text()), "", ""
		case html.AttributeToken:
			v := stdhtml.UnescapeString(strings.Trim(string(l.AttrVal()), `"'`))
			switch string(l.Text()) {
			case "href", "src":
				href = v
			case "alt":
				alt = v
			}
		case html.StartTagVoidToken, html.StartTagCloseToken:
			if tag == "img" && href != "" {
				links[alt] = href
			}
		case html.TextToken:
			if tag == "a" && href != "" {
				links[strings.TrimSpace(string(data))] = href
				href = ""
			}
		}
	}
}
