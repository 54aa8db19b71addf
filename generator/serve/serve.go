// Package serve is the development server of `wizard serve`: it builds a
// site in memory, serves it over HTTP on loopback, watches the site's
// files and brings every open tab up to date after each save.
//
// Use:
//
//	s, err := serve.New(opts, serve.Config{Dir: "site", Addr: "127.0.0.1:1313", Log: os.Stdout})
//	fmt.Println("serving at", s.URL())
//	err = s.Run(ctx) // until ctx is done
//
// What a writer gets:
//
//   - The site is built with generator.Builder, never written to disk; public/
//     is left alone. Every served page loads /_wizard/reload.js (through
//     Options.DevScript); built sites never have it.
//   - content/, theme/, i18n/ and site.yaml are watched with fsnotify,
//     recursively, folders created, renamed or moved later included, and
//     what symbolic links in them lead to inside the site root. Whatever
//     is saved, renamed or deleted, once the events stop the site served
//     is what a build from scratch makes. A burst of events (an
//     editor's write-then-rename, a git checkout) becomes one rebuild
//     after a short quiet time; the files that the build leaves out
//     (generator.Ignored: editors' swap and backup files) are ignored,
//     and no others. An event that comes while a build runs starts
//     another build, so the last save always ends up on screen. When a watch cannot be added (the inotify
//     limit), a warning is printed and the site is polled instead.
//   - After a good build, the new site is served first and then the tabs are
//     told over Server-Sent Events (/_wizard/events): "reload", and the page
//     fetches itself anew and swaps its body in place, keeping its scroll
//     position (a full reload, which keeps it too, when its head changed);
//     a tab whose page is gone goes where its node's page moved (a new
//     slug, a renamed file; the server redirects the old path there while
//     it runs), else to its nearest existing ancestor. When
//     only stylesheets changed, "css": the stylesheet is swapped. Each
//     stream starts with the site's version ("hello"), and each page knows
//     the build it came from, so a tab that was loading while a newer
//     build came out catches up at once: no save is lost on the way. The
//     tabs of a browser share one stream through a shared worker
//     (/_wizard/worker.js), so that more tabs than the browser's six
//     connections per server all stay live.
//   - A failed build keeps the last good site served, prints each problem
//     as file:line: message and shows them in an overlay in every tab; the
//     next good build reloads the tabs, which clears it. Nothing in the
//     content makes the server stop: even a panic of the generator is
//     reported as a problem.
//   - Only the built site is served, with GET and HEAD: no directory
//     listing, and paths with "..", encoded slashes or a second leading
//     slash get the site's 404 page.
//   - The preview refuses what the build refuses, with the same messages
//     (a symbolic link that leads out of the site root, or loops, is a
//     problem, not a file left out). The site is read through an os.Root
//     as well, which opens nothing outside the root whatever the build
//     checks.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wizardsite/wizard/generator"
)

// The paths that the dev server serves besides the site. Names starting
// with "_" are never built from content/, so they cannot clash.
const (
	scriptPath = "/_wizard/reload.js"
	workerPath = "/_wizard/worker.js"
	eventsPath = "/_wizard/events"
)

// Config says where the site is and where to serve it.
type Config struct {
	Dir  string    // the site root on disk: content/, site.yaml, optional theme/ and i18n/
	Addr string    // host:port to listen on; port 0 picks a free one
	Log  io.Writer // where builds and problems are printed; nil discards them
	// Quiet is how long the watcher waits after an event for more of the
	// same burst before it rebuilds; 0 means DefaultQuiet.
	Quiet time.Duration
}

// DefaultQuiet is the quiet time that ends a burst of file events. An
// editor's save (write a temporary file, rename it, touch a backup)
// takes well under a millisecond, so a short wait catches it whole
// without delaying the page much.
const DefaultQuiet = 10 * time.Millisecond

// maxSettle bounds how long a steady stream of events can put off a
// build, so that a long git checkout still shows progress.
const maxSettle = 500 * time.Millisecond

// Server is one `wizard serve`: a builder, a watcher, an HTTP server and
// the live-reload hub.
type Server struct {
	cfg      Config
	log      io.Writer
	builder  *generator.Builder
	site     *siteFS
	ln       net.Listener
	hub      *hub
	cur      atomic.Pointer[snapshot] // what the handler serves; stored by the hub
	ready    chan struct{}            // closed once the first build is done
	builds   atomic.Int64             // builds run so far, for tests and the log
	addWatch func(string) error       // tests replace the watch adder to force polling
}

// snapshot is one state of the served site.
type snapshot struct {
	files   map[string][]byte // the last good site; nil before the first good build
	version int64             // counts good builds that changed the site; 0 before the first
	errs    []string          // the problems of the last build, nil when it was good
	// moved sends the pages that moved while serving (a new slug) to
	// where their node's page is now, by path in the site.
	moved map[string]string
}

// New prepares a server for the site in cfg.Dir and starts listening on
// cfg.Addr, so that URL is known before Run. opts.Source is replaced by
// a view of cfg.Dir that keeps symbolic links inside it, and
// opts.DevScript by the live-reload script. Run must be called to serve,
// and to free the listener.
func New(opts generator.Options, cfg Config) (*Server, error) {
	if cfg.Dir == "" {
		return nil, errors.New("serve: no site folder")
	}
	if cfg.Quiet <= 0 {
		cfg.Quiet = DefaultQuiet
	}
	var log io.Writer = &lockedWriter{w: io.Discard}
	if cfg.Log != nil {
		log = &lockedWriter{w: cfg.Log}
	}
	site, err := newSiteFS(cfg.Dir)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		site.close()
		return nil, err
	}
	opts.Source = site
	opts.DevScript = scriptPath
	s := &Server{
		cfg: cfg, log: log, builder: generator.NewBuilder(opts), site: site, ln: ln,
		ready: make(chan struct{}),
	}
	s.cur.Store(&snapshot{})
	s.hub = newHub(&s.cur)
	return s, nil
}

// URL is the address of the served site, such as http://127.0.0.1:1313/.
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() + "/" }

// Builds is how many builds have run, good or not.
func (s *Server) Builds() int64 { return s.builds.Load() }

// Run builds the site, serves it and rebuilds it on every change until
// ctx is done; then it closes the live-reload streams and shuts the HTTP
// server down. It returns an error only when serving fails.
func (s *Server) Run(ctx context.Context) error {
	defer s.site.close()
	hubDone := make(chan struct{})
	go func() { s.hub.run(); close(hubDone) }()
	defer func() { s.hub.close(); <-hubDone }()

	w, err := newWatcher(s.cfg.Dir, s.log, s.addWatch)
	if err != nil {
		s.ln.Close()
		return err
	}
	defer w.close()

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(s.ln) }()

	s.rebuild(nil, nil)
	close(s.ready)
	for {
		select {
		case <-ctx.Done():
			// The event streams never end by themselves: close them
			// first, or Shutdown would wait for them.
			s.hub.close()
			sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			if err := srv.Shutdown(sctx); err != nil {
				// A connection that takes no data (a stalled tab) is
				// not worth waiting for: the writer asked to stop.
				srv.Close()
			}
			return nil
		case err := <-served:
			return err
		case <-w.changes:
			if !settle(ctx, w.changes, s.cfg.Quiet) {
				continue
			}
			s.rebuild(w.take(), func() bool { return len(w.changes) > 0 })
		}
	}
}

// settle waits until no event has come for quiet, or maxSettle has
// passed. It reports false when ctx ended first.
func settle(ctx context.Context, changes <-chan struct{}, quiet time.Duration) bool {
	deadline := time.Now().Add(maxSettle)
	t := time.NewTimer(quiet)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-changes:
			if time.Now().Before(deadline) {
				t.Reset(quiet)
			}
		case <-t.C:
			return true
		}
	}
}

// rebuild builds the site once, has the hub serve and announce the
// result, and prints what happened. A failed build is not announced when
// pending reports that files changed meanwhile: it may have read a file
// halfway through its save, and the next build comes at once.
//
// changed names the files that changed (nil: unknown). The Builder
// carries the files of a failed build to the next one, which reads them
// again.
func (s *Server) rebuild(changed []string, pending func() bool) {
	start := time.Now()
	site, err := s.build(changed)
	took := time.Since(start).Round(100 * time.Microsecond)
	s.builds.Add(1)
	prev := s.cur.Load()
	if err != nil && pending != nil && pending() {
		fmt.Fprintf(s.log, "build failed in %s, but files changed meanwhile: building again\n", took)
		return
	}
	if err != nil {
		lines := errorLines(err)
		fmt.Fprintf(s.log, "build failed in %s; still serving the last good site:\n", took)
		for _, l := range lines {
			fmt.Fprintln(s.log, l)
		}
		s.hub.publish(&snapshot{files: prev.files, version: prev.version, errs: lines, moved: prev.moved}, event{name: "error", data: jsonLines(lines)})
		return
	}
	moved := addMoves(prev.moved, site.Moved, site.Files)
	ch := classify(prev.files, site.Files, site.Changed)
	if ch.kind == "" && prev.errs != nil {
		ch.kind = "reload" // clears the overlay
	}
	if ch.kind == "" {
		fmt.Fprintf(s.log, "rendered %d of %d pages in %s; nothing changed\n", site.Rendered, site.Pages, took)
		s.hub.publish(&snapshot{files: site.Files, version: prev.version, moved: moved}, event{})
		return
	}
	next := &snapshot{files: site.Files, version: prev.version + 1, moved: moved}
	ev := event{name: ch.kind, id: next.version, data: fmt.Sprint(next.version)}
	if ch.kind == "css" {
		ev.data = jsonSwaps(next.version, ch.swaps)
	}
	fmt.Fprintf(s.log, "rendered %d of %d pages in %s; %d files changed; %s\n", site.Rendered, site.Pages, took, len(site.Changed), ch.kind)
	s.hub.publish(next, ev)
}

// addMoves returns the moves of earlier builds, each sent on where a
// later move took its page, with the moves of the last build added: a
// tab left on a page two slugs ago still finds it. A move whose old
// address is a page again, or whose new one is gone, is dropped: the
// address, or the page, that comes there later is another node's.
// files is the site of the last build, which has every page the moves
// lead to. Snapshots share their map, so it is never changed, only
// copied.
func addMoves(earlier, last map[string]string, files map[string][]byte) map[string]string {
	var moved map[string]string
	add := func(from, to string) {
		_, taken := files[from]
		_, there := files[to]
		if taken || !there { // taken also when it moved back to from
			return
		}
		if moved == nil {
			moved = make(map[string]string, len(earlier)+len(last))
		}
		moved[from] = to
	}
	for from, to := range earlier {
		if again, ok := last[to]; ok {
			to = again
		}
		add(from, to)
	}
	for from, to := range last {
		add(from, to)
	}
	return moved
}

// build runs the builder, turning a panic into an error: no content may
// stop the server.
func (s *Server) build(changed []string) (site *generator.Site, err error) {
	defer func() {
		if p := recover(); p != nil {
			site, err = nil, fmt.Errorf("internal error in the generator (please report it): %v", p)
		}
	}()
	return s.builder.Rebuild(changed)
}

// errorLines prints each problem of err as file:line: message.
func errorLines(err error) []string {
	list := generator.Errors(err)
	if len(list) == 0 {
		return []string{err.Error()}
	}
	lines := make([]string, len(list))
	for i, e := range list {
		lines[i] = e.Error()
	}
	return lines
}

// lockedWriter lets the build loop and the watcher print to one writer.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
