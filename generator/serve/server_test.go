package serve

import (
	"bufio"
	"io"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wizardsite/wizard/internal/sitetest"
)

// rawRequest sends a request line as written, without a client that
// would clean its path, and returns the response.
func rawRequest(t *testing.T, base, method, target string) (*http.Response, string) {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, method+" "+target+" HTTP/1.1\r\nHost: "+u.Host+"\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func TestServedPaths(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, fixture)
	sitetest.WriteFile(t, filepath.Join(dir, "secret.txt"), "GEHEIM-IN-DE-BRONMAP")
	r := startServer(t, dir, nil)
	notFoundText := "Pagina niet gevonden"
	if _, body := r.get(t, "/bestaat-niet/"); !strings.Contains(body, notFoundText) {
		t.Fatalf("the site's 404 page does not say %q:\n%s", notFoundText, body)
	}

	tests := []struct {
		target string
		code   int
		ctype  string // prefix of the Content-Type, when code is 200
	}{
		{"/", 200, "text/html"},
		{"/index.html", 200, "text/html"},
		{"/a/", 200, "text/html"},
		{"/a/one/", 200, "text/html"},
		{"/a/one/index.html", 200, "text/html"},
		{"/favicon.svg", 200, "image/svg+xml"},
		{"/_wizard/reload.js", 200, "text/javascript"},
		{"/a", 301, ""},
		{"/assets/", 404, ""}, // a folder without index.html: no listing
		{"/assets", 404, ""},
		{"/bestaat-niet", 404, ""},
		{"/../secret.txt", 404, ""},
		{"/a/../../secret.txt", 404, ""},
		{"/%2e%2e/secret.txt", 404, ""},
		{"/%2E%2E/%2E%2E/secret.txt", 404, ""},
		{"/..%2fsecret.txt", 404, ""},
		{"/a%2f..%2f..%2fsecret.txt", 404, ""},
		{"/..%5csecret.txt", 404, ""},
		{"/..\\secret.txt", 404, ""},
		{"//etc/passwd", 404, ""},
		{"//" + strings.TrimPrefix(filepath.ToSlash(filepath.Join(dir, "secret.txt")), "/"), 404, ""},
		{"/%00", 404, ""},
		{"/a//one/", 404, ""},
		{"/./index.html", 404, ""},
		{"/secret.txt", 404, ""},        // in the site root, not in the built site
		{"/site.yaml", 404, ""},         // the same
		{"/content/b.md", 404, ""},      // sources are not served
		{"/content/_index.md", 404, ""}, // the same
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			resp, body := rawRequest(t, r.URL(), "GET", tc.target)
			if resp.StatusCode != tc.code {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.code)
			}
			if strings.Contains(body, "GEHEIM") || strings.Contains(body, "root:") {
				t.Fatalf("served a file from outside the site:\n%s", body)
			}
			switch tc.code {
			case 200:
				if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, tc.ctype) {
					t.Fatalf("Content-Type %q, want %s", ct, tc.ctype)
				}
			case 404:
				if !strings.Contains(body, notFoundText) {
					t.Fatalf("404 without the site's 404 page:\n%s", body)
				}
			case 301:
				if loc := resp.Header.Get("Location"); loc != tc.target+"/" {
					t.Fatalf("Location %q", loc)
				}
			}
		})
	}
}

func TestMethods(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, fixture)
	r := startServer(t, dir, nil)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"} {
		t.Run(m, func(t *testing.T) {
			resp, _ := rawRequest(t, r.URL(), m, "/")
			if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
				t.Fatalf("%s /: %d, Allow %q", m, resp.StatusCode, resp.Header.Get("Allow"))
			}
		})
	}
	t.Run("HEAD", func(t *testing.T) {
		_, full := rawRequest(t, r.URL(), "GET", "/b/")
		resp, body := rawRequest(t, r.URL(), "HEAD", "/b/")
		if resp.StatusCode != http.StatusOK || body != "" || resp.ContentLength != int64(len(full)) {
			t.Fatalf("HEAD /b/: %d, length %d (GET has %d), body %q", resp.StatusCode, resp.ContentLength, len(full), body)
		}
	})
}

// Symbolic links in content/ that lead out of the site root, there when
// serving starts, are refused as the build refuses them: every path
// shows the problems, none of the files they lead to. Without them the
// site builds, and a link that stays inside is served.
func TestSymlinkOutOfSite(t *testing.T) {
	outside := t.TempDir()
	sitetest.WriteFile(t, filepath.Join(outside, "passwd.txt"), "GEHEIM-BUITEN-DE-SITE")
	sitetest.WriteFile(t, filepath.Join(outside, "map/geheim.txt"), "GEHEIM-IN-EEN-MAP")
	dir := t.TempDir()
	sitetest.Write(t, dir, fixture)
	sitetest.WriteFile(t, filepath.Join(dir, "shared/logo.txt"), "GEDEELD-BINNEN-DE-SITE")
	leaks := map[string]string{
		"content/leak.txt": filepath.Join(outside, "passwd.txt"),
		"content/leakdir":  filepath.Join(outside, "map"),
		"content/relative": "../../" + filepath.Base(outside),
	}
	for link, target := range leaks {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../shared/logo.txt", filepath.Join(dir, "content/inside.txt")); err != nil {
		t.Fatal(err)
	}
	r := startServer(t, dir, nil)
	expectSettled(t, r)
	for link, target := range leaks {
		line := dir + "/" + link + ": symbolic link leads out of the site root (to " + target + "): copy the file into the site instead"
		if !strings.Contains(r.log.String(), line) {
			t.Errorf("the terminal does not show\n%s\nlog:\n%s", line, r.log.String())
		}
		expectPage(t, r, "/", http.StatusInternalServerError, line)
	}
	for _, p := range []string{"/leak.txt", "/leakdir/geheim.txt", "/relative/passwd.txt", "/inside.txt"} {
		if _, body := r.get(t, p); strings.Contains(body, "GEHEIM") {
			t.Errorf("GET %s serves a file from outside the site:\n%s", p, body)
		}
	}

	for link := range leaks {
		if err := os.Remove(filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	expectSettled(t, r)
	expectPage(t, r, "/inside.txt", http.StatusOK, "GEDEELD-BINNEN-DE-SITE")
}

// Before any good build there is no site: every page shows the problems
// and reloads once the site builds.
func TestNoGoodBuildYet(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, fixture)
	sitetest.WriteFile(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: [kapot\n---\n")
	r := startServer(t, dir, nil)
	code, body := r.get(t, "/b/")
	if code != http.StatusInternalServerError || !strings.Contains(body, "content/_index.md:2") || !strings.Contains(body, scriptPath+"#0") {
		t.Fatalf("GET /b/ with no good build: %d\n%s", code, body)
	}
	events := listen(t, r.URL())
	if ev := events.waitFor(t, "error"); !strings.Contains(ev.data, "content/_index.md:2") {
		t.Fatalf("got %+v, want the error", ev)
	}
	sitetest.WriteFile(t, filepath.Join(dir, "content/_index.md"), page("Start", "Eindelijk heel."))
	events.waitFor(t, "reload")
	expectPage(t, r, "/", http.StatusOK, "Eindelijk heel.")
}

func TestAddMoves(t *testing.T) {
	tests := []struct {
		name          string
		earlier, last map[string]string
		files         []string // the pages of the last build
		want          map[string]string
	}{
		{"none", nil, nil, nil, nil},
		{"first", nil, map[string]string{"a/index.html": "b/index.html"}, []string{"b/index.html"}, map[string]string{"a/index.html": "b/index.html"}},
		{"kept", map[string]string{"a/index.html": "b/index.html"}, nil, []string{"b/index.html"}, map[string]string{"a/index.html": "b/index.html"}},
		{"followed",
			map[string]string{"a/index.html": "b/index.html"},
			map[string]string{"b/index.html": "c/index.html"},
			[]string{"c/index.html"},
			map[string]string{"a/index.html": "c/index.html", "b/index.html": "c/index.html"}},
		{"back home",
			map[string]string{"a/index.html": "c/index.html", "b/index.html": "c/index.html"},
			map[string]string{"c/index.html": "a/index.html"},
			[]string{"a/index.html"},
			map[string]string{"b/index.html": "a/index.html", "c/index.html": "a/index.html"}},
		{"old address a page again", map[string]string{"a/index.html": "b/index.html"}, nil, []string{"a/index.html", "b/index.html"}, nil},
		{"new address gone", map[string]string{"a/index.html": "b/index.html"}, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			earlier := maps.Clone(tt.earlier)
			files := map[string][]byte{}
			for _, f := range tt.files {
				files[f] = []byte("page")
			}
			got := addMoves(tt.earlier, tt.last, files)
			if !maps.Equal(got, tt.want) {
				t.Errorf("addMoves = %v, want %v", got, tt.want)
			}
			if !maps.Equal(earlier, tt.earlier) {
				t.Errorf("addMoves changed the earlier map: %v", tt.earlier)
			}
		})
	}
}

// TestHostHeader: the preview answers requests for its own address
// only, so that a page of another site cannot read it through DNS
// rebinding (a name of its own that resolves to 127.0.0.1).
func TestHostHeader(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, fixture)
	r := startServer(t, dir, nil)
	_, port, _ := net.SplitHostPort(r.ln.Addr().String())
	tests := []struct {
		host string
		code int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"LOCALHOST", 200},
		{"wizard.localhost:" + port, 200},
		{"[::1]:" + port, 200},
		{"127.0.0.1", 200},
		{"evil.example:" + port, 403},
		{"evil.example", 403},
		{"localhost.evil.example:" + port, 403},
		{"127.0.0.1.nip.io:" + port, 403},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, r.URL(), nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Host = tt.host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.code {
				t.Errorf("Host %q: status %d, want %d (%s)", tt.host, resp.StatusCode, tt.code, body)
			}
			if tt.code == 403 && strings.Contains(string(body), "Welkom") {
				t.Errorf("Host %q: the refusal shows the site", tt.host)
			}
		})
	}
	for _, path := range []string{"/_wizard/events", "/_wizard/reload.js"} {
		req, _ := http.NewRequest(http.MethodGet, r.URL()+strings.TrimPrefix(path, "/"), nil)
		req.Host = "evil.example"
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 403 {
			t.Errorf("%s with Host evil.example: status %d, want 403", path, resp.StatusCode)
		}
	}
}
