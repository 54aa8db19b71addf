package serve

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// startHub serves a hub on a real loopback server, at site version v.
func startHub(t *testing.T, v int64) (*hub, *httptest.Server) {
	t.Helper()
	var cur atomic.Pointer[snapshot]
	cur.Store(&snapshot{files: map[string][]byte{}, version: v})
	h := newHub(&cur)
	done := make(chan struct{})
	go func() { h.run(); close(done) }()
	srv := httptest.NewServer(http.HandlerFunc(h.serveEvents))
	t.Cleanup(func() {
		h.close()
		<-done
		srv.Close()
	})
	return h, srv
}

// waitClients waits until the hub has n tabs.
func waitClients(t *testing.T, h *hub, n int) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for h.clients() != n {
		if time.Now().After(deadline) {
			t.Fatalf("hub has %d clients, want %d", h.clients(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestHubManyTabs(t *testing.T) {
	h, srv := startHub(t, 1)
	const tabs = 60
	clients := make([]*sseClient, tabs)
	for i := range clients {
		clients[i] = listen(t, srv.URL)
	}
	waitClients(t, h, tabs)
	h.publish(&snapshot{files: map[string][]byte{}, version: 2}, event{name: "reload", id: 2, data: "2"})
	for i, c := range clients {
		if ev := c.waitFor(t, "reload"); ev.id != "2" {
			t.Fatalf("tab %d got %+v", i, ev)
		}
	}
}

// Every stream starts with the site's version, then the problems of
// the last build when it failed, so that a tab that connects late
// catches up.
func TestHubHello(t *testing.T) {
	h, srv := startHub(t, 5)
	c := listen(t, srv.URL)
	if ev := c.next(t, 5*time.Second); ev.name != "hello" || ev.data != "5" || ev.id != "5" {
		t.Fatalf("first event %+v, want hello 5", ev)
	}
	h.publish(&snapshot{files: map[string][]byte{}, version: 5, errs: []string{"content/x.md:3: kapot"}},
		event{name: "error", data: jsonLines([]string{"content/x.md:3: kapot"})})
	if ev := c.next(t, 5*time.Second); ev.name != "error" {
		t.Fatalf("got %+v, want the error", ev)
	}
	late := listen(t, srv.URL)
	for _, want := range []string{"hello", "error"} {
		if ev := late.next(t, 5*time.Second); ev.name != want {
			t.Fatalf("a late tab got %+v, want %s", ev, want)
		}
	}
	h.publish(&snapshot{files: map[string][]byte{}, version: 6}, event{name: "reload", id: 6, data: "6"})
	for _, tab := range []*sseClient{c, late} {
		if ev := tab.next(t, 5*time.Second); ev.name != "reload" || ev.id != "6" {
			t.Fatalf("got %+v, want reload 6", ev)
		}
	}
	fresh := listen(t, srv.URL)
	if ev := fresh.next(t, 5*time.Second); ev.name != "hello" || ev.data != "6" {
		t.Fatalf("after the fix a new tab got %+v, want hello 6", ev)
	}
}

// A tab that stops reading is dropped; the others go on getting every
// event.
func TestHubDropsStalledClient(t *testing.T) {
	h, srv := startHub(t, 1)
	good := listen(t, srv.URL)
	good.waitFor(t, "hello")

	// The stalled tab sends its request and never reads a byte.
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	waitClients(t, h, 2)

	// Big events fill the stalled connection's socket buffers, then its
	// queue. Each is taken by the good tab before the next is sent.
	big := `["` + strings.Repeat("x", 256<<10) + `"]`
	dropped := false
	for i := 0; i < 400 && !dropped; i++ {
		h.publish(&snapshot{files: map[string][]byte{}, version: 1}, event{name: "error", data: big})
		if ev := good.next(t, 10*time.Second); ev.name != "error" || len(ev.data) != len(big) {
			t.Fatalf("event %d to the good tab: %s, %d bytes", i, ev.name, len(ev.data))
		}
		dropped = h.clients() == 1
	}
	if !dropped {
		t.Fatalf("the stalled tab was not dropped after 400 events of %d KiB", len(big)>>10)
	}
	// The good tab is still served.
	h.publish(&snapshot{files: map[string][]byte{}, version: 2}, event{name: "reload", id: 2, data: "2"})
	if ev := good.next(t, 5*time.Second); ev.name != "reload" {
		t.Fatalf("after the drop the good tab got %+v", ev)
	}
}

// Closing the hub ends every stream, so that the HTTP server can shut
// down.
func TestHubCloseEndsStreams(t *testing.T) {
	h, srv := startHub(t, 1)
	c := listen(t, srv.URL)
	c.waitFor(t, "hello")
	h.close()
	select {
	case ev, ok := <-c.events:
		if ok {
			t.Fatalf("got %+v, want the end of the stream", ev)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the stream did not end")
	}
}
