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
		clients[i] = listen(t, srv.URL, "?v=1")
	}
	waitClients(t, h, tabs)
	h.publish(&snapshot{files: map[string][]byte{}, version: 2}, event{name: "reload", id: 2, data: "2"})
	for i, c := range clients {
		if ev := c.next(t, 5*time.Second); ev.name != "reload" || ev.id != "2" {
			t.Fatalf("tab %d got %+v", i, ev)
		}
	}
}

// A tab says which build its page shows; the hub tells a tab that is
// behind to reload at once, and leaves a current one alone.
func TestHubCatchUp(t *testing.T) {
	h, srv := startHub(t, 5)
	behind := listen(t, srv.URL, "?v=4")
	if ev := behind.next(t, 5*time.Second); ev.name != "reload" || ev.id != "5" {
		t.Fatalf("a tab behind got %+v, want reload 5", ev)
	}
	current := listen(t, srv.URL, "?v=5")
	unknown := listen(t, srv.URL, "")
	waitClients(t, h, 3)
	h.publish(&snapshot{files: map[string][]byte{}, version: 6}, event{name: "reload", id: 6, data: "6"})
	for _, c := range []*sseClient{current, unknown, behind} {
		if ev := c.next(t, 5*time.Second); ev.id != "6" {
			t.Fatalf("first event %+v, want reload 6 (nothing before it)", ev)
		}
	}
}

// A tab that reconnects sends Last-Event-ID, which wins over ?v=.
func TestHubLastEventID(t *testing.T) {
	_, srv := startHub(t, 7)
	req, err := http.NewRequest(http.MethodGet, srv.URL+"?v=7", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Last-Event-ID", "3")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, 0, 256)
	for !strings.Contains(string(buf), "event: reload\nid: 7\n") {
		chunk := make([]byte, 256)
		n, err := resp.Body.Read(chunk)
		if err != nil {
			t.Fatalf("stream: %v; read %q", err, buf)
		}
		buf = append(buf, chunk[:n]...)
	}
}

// A tab that stops reading is dropped; the others go on getting every
// event.
func TestHubDropsStalledClient(t *testing.T) {
	h, srv := startHub(t, 1)
	good := listen(t, srv.URL, "?v=1")

	// The stalled tab sends its request and never reads a byte.
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET /?v=1 HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
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
	c := listen(t, srv.URL, "?v=1")
	waitClients(t, h, 1)
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
