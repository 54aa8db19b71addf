package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// event is one Server-Sent Event to the tabs.
type event struct {
	name string // "hello", "reload", "css" or "error"; "" sends nothing
	id   int64  // the site version it brings; 0 writes no id, so the tab keeps its own
	data string // one line
}

// format is the event in the text/event-stream format.
func (e event) format() string {
	var b strings.Builder
	b.WriteString("event: " + e.name + "\n")
	if e.id > 0 {
		b.WriteString("id: " + strconv.FormatInt(e.id, 10) + "\n")
	}
	b.WriteString("data: " + e.data + "\n\n")
	return b.String()
}

// Limits of one tab's stream.
const (
	clientBuffer = 16               // events queued for a tab; one that falls this far behind is dropped
	writeTimeout = 5 * time.Second  // a tab that takes longer to take one event is dropped
	pingEvery    = 15 * time.Second // a comment line that finds dead connections
	retryMillis  = 300              // how soon a tab reconnects after losing the stream
)

// client is one open stream: a tab, or the shared worker of a browser's
// tabs.
type client struct {
	send chan event // closed by the hub when the client is dropped
}

// publication is a new state of the site and the event that tells it.
type publication struct {
	snap *snapshot
	ev   event
	done chan struct{}
}

// hub is the live-reload endpoint. One goroutine (run) owns the clients
// and stores the served snapshot, so that a client that connects gets
// the version of the site it will be served, and every event after it:
// never a gap.
type hub struct {
	cur        *atomic.Pointer[snapshot]
	register   chan *client
	unregister chan *client
	publishes  chan publication
	counts     chan chan int
	quit       chan struct{}
	closeOnce  sync.Once
}

func newHub(cur *atomic.Pointer[snapshot]) *hub {
	return &hub{
		cur:        cur,
		register:   make(chan *client),
		unregister: make(chan *client),
		publishes:  make(chan publication),
		counts:     make(chan chan int),
		quit:       make(chan struct{}),
	}
}

// run serves the hub until close.
func (h *hub) run() {
	clients := map[*client]bool{}
	drop := func(c *client) {
		if clients[c] {
			delete(clients, c)
			close(c.send)
		}
	}
	for {
		select {
		case <-h.quit:
			for c := range clients {
				drop(c)
			}
			return
		case c := <-h.register:
			// Every stream starts with the site's version, so that a
			// tab whose page is older (it was loading while a build came
			// out, or comes from an earlier server) catches up at once,
			// and then the problems of the last build, if it failed.
			clients[c] = true
			snap := h.cur.Load()
			c.send <- event{name: "hello", id: snap.version, data: fmt.Sprint(snap.version)}
			if snap.errs != nil {
				c.send <- event{name: "error", data: jsonLines(snap.errs)}
			}
		case c := <-h.unregister:
			drop(c)
		case p := <-h.publishes:
			h.cur.Store(p.snap)
			if p.ev.name != "" {
				for c := range clients {
					select {
					case c.send <- p.ev:
					default: // the tab stopped reading
						drop(c)
					}
				}
			}
			close(p.done)
		case reply := <-h.counts:
			reply <- len(clients)
		}
	}
}

// close ends run and every stream. It may be called more than once.
func (h *hub) close() { h.closeOnce.Do(func() { close(h.quit) }) }

// publish serves snap and sends ev to every tab, in that order, and
// returns when done. After close, it only stores snap.
func (h *hub) publish(snap *snapshot, ev event) {
	p := publication{snap: snap, ev: ev, done: make(chan struct{})}
	select {
	case h.publishes <- p:
		<-p.done
	case <-h.quit:
		h.cur.Store(snap)
	}
}

// clients is how many tabs are connected, or -1 after close.
func (h *hub) clients() int {
	reply := make(chan int, 1)
	select {
	case h.counts <- reply:
		return <-reply
	case <-h.quit:
		return -1
	}
}

// serveEvents streams events to one client until it goes away, is
// dropped, or the hub closes.
func (h *hub) serveEvents(w http.ResponseWriter, r *http.Request) {
	c := &client{send: make(chan event, clientBuffer)}
	rc := http.NewResponseController(w)
	hdr := w.Header()
	hdr.Set("Content-Type", "text/event-stream")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	if err := h.send(w, rc, fmt.Sprintf("retry: %d\n\n", retryMillis)); err != nil {
		return
	}
	select {
	case h.register <- c:
	case <-h.quit:
		return
	}
	defer func() {
		select {
		case h.unregister <- c:
		case <-h.quit:
		}
	}()
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	for {
		var msg string
		select {
		case <-r.Context().Done():
			return
		case ev, ok := <-c.send:
			if !ok {
				return
			}
			msg = ev.format()
		case <-ping.C:
			msg = ": ping\n\n"
		}
		if err := h.send(w, rc, msg); err != nil {
			return
		}
	}
}

// send writes and flushes msg, giving up after writeTimeout: a tab whose
// connection does not take data is dropped rather than waited for.
func (h *hub) send(w http.ResponseWriter, rc *http.ResponseController, msg string) error {
	if err := rc.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		return err
	}
	if _, err := w.Write([]byte(msg)); err != nil {
		return err
	}
	return rc.Flush()
}

// jsonLines is the data of an "error" event: the problems as a JSON array.
func jsonLines(lines []string) string {
	b, err := json.Marshal(lines)
	if err != nil {
		return "[]"
	}
	return string(b)
}

// swap is one stylesheet of a "css" event: its old and new output path.
type swap struct {
	Old string `json:"old"`
	New string `json:"new"`
}

// cssData is the data of a "css" event.
type cssData struct {
	Version int64  `json:"version"`
	Swaps   []swap `json:"swaps"`
}

// jsonSwaps is the data of a "css" event.
func jsonSwaps(version int64, swaps []swap) string {
	b, err := json.Marshal(cssData{Version: version, Swaps: swaps})
	if err != nil {
		return "{}"
	}
	return string(b)
}
