package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/internal/sitetest"
	"github.com/wizardsite/wizard/theme"
)

// fixture is a small site: a start page, a menu with one answer, and an
// answer at the top.
var fixture = map[string]string{
	"site.yaml": "title: Testwizard\nlanguage: nl\n",
	"content/_index.md": `---
title: Start
---

Welkom op de start.
`,
	"content/a/_index.md": `---
title: Menu A
weight: 1
---

Dit is menu A.
`,
	"content/a/one.md": `---
title: Antwoord een
---

Eerste antwoord.
`,
	"content/b.md": `---
title: Pagina B
weight: 2
---

Oorspronkelijke tekst van B.
`,
}

// page is a node file with a title and a body.
func page(title, body string) string {
	return "---\ntitle: " + title + "\n---\n\n" + body + "\n"
}

// running is a server started for a test, stopped when the test ends.
type running struct {
	*Server
	dir string
	log *sitetest.Buffer
}

// startServer serves the site in dir on a free loopback port. setup, if
// not nil, adjusts the server before it runs.
func startServer(t testing.TB, dir string, setup func(*Server)) *running {
	t.Helper()
	log := &sitetest.Buffer{}
	opts := generator.Options{Theme: theme.FS(), SourceName: dir}
	s, err := New(opts, Config{Dir: dir, Addr: "127.0.0.1:0", Log: log})
	if err != nil {
		t.Fatal(err)
	}
	if setup != nil {
		setup(s)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("Run did not return within 10s of its context's end")
		}
		if t.Failed() {
			t.Logf("server log:\n%s", log.String())
		}
	})
	return &running{Server: s, dir: dir, log: log}
}

// get fetches a path of the served site and returns status and body.
func (r *running) get(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(r.URL() + strings.TrimPrefix(path, "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// sseEvent is one event as a client reads it.
type sseEvent struct {
	name, id, data string
}

// sseClient is a real EventSource-like client of the hub.
type sseClient struct {
	events chan sseEvent
}

// listen connects to the event stream and reads it until the test ends.
func listen(t testing.TB, base string) *sseClient {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(base, "/")+eventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("events: %s, %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	c := &sseClient{events: make(chan sseEvent, 4096)}
	go func() {
		defer resp.Body.Close()
		defer close(c.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					c.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "id: "):
				ev.id = strings.TrimPrefix(line, "id: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return c
}

// next returns the next event, failing the test after timeout.
func (c *sseClient) next(t testing.TB, timeout time.Duration) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-c.events:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return ev
	case <-time.After(timeout):
		t.Fatalf("no event within %s", timeout)
	}
	return sseEvent{}
}

// waitFor reads events until one named name comes, and returns it.
func (c *sseClient) waitFor(t testing.TB, name string) sseEvent {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			t.Fatalf("no %q event within 15s", name)
		}
		if ev := c.next(t, left); ev.name == name {
			return ev
		}
	}
}

// newSite writes the fixture to a temporary folder and serves it, with a
// live event stream connected once the first build is served.
func newSite(t testing.TB, setup func(*Server)) (*running, *sseClient) {
	t.Helper()
	dir := t.TempDir()
	sitetest.Write(t, dir, fixture)
	r := startServer(t, dir, setup)
	if code, body := r.get(t, "/"); code != http.StatusOK || !strings.Contains(body, "Welkom op de start") {
		t.Fatalf("first build: %d\n%s\n%s", code, body, r.log.String())
	}
	return r, listen(t, r.URL())
}
