package serve

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// The live-reload scripts: reload.js, which every served page loads,
// and worker.js, the shared worker that holds the event stream for all
// the tabs.
var (
	//go:embed reload.js
	reloadJS []byte
	//go:embed worker.js
	workerJS []byte

	reloadETag = etag(reloadJS)
	workerETag = etag(workerJS)
)

// etag names the version of a script.
func etag(data []byte) string {
	sum := sha256.Sum256(data)
	return `"` + hex.EncodeToString(sum[:8]) + `"`
}

// serveScript serves one of the live-reload scripts. It is revalidated
// on every load, and answered with 304 while it is the same: it changes
// only with the wizard binary.
func serveScript(w http.ResponseWriter, r *http.Request, name string, data []byte, tag string) {
	w.Header().Set("ETag", tag)
	w.Header().Set("Cache-Control", "no-cache")
	if r.Header.Get("If-None-Match") == tag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	write(w, r, http.StatusOK, name, data)
}

// ServeHTTP serves the last good site, the reload script and the event
// stream. Only GET and HEAD are allowed.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r.Host) {
		http.Error(w, "this preview answers requests for its own address only: open it at "+s.URL(), http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case scriptPath:
		serveScript(w, r, "reload.js", reloadJS, reloadETag)
		return
	case workerPath:
		serveScript(w, r, "worker.js", workerJS, workerETag)
		return
	case eventsPath:
		s.hub.serveEvents(w, r)
		return
	}
	select {
	case <-s.ready:
	case <-r.Context().Done():
		return
	}
	snap := s.cur.Load()
	if snap.files == nil {
		s.serveProblems(w, r, snap)
		return
	}
	name, ok := sitePath(r)
	if !ok {
		s.notFound(w, r, snap)
		return
	}
	data, ok := snap.files[name]
	if !ok {
		// A folder named without its slash: send the browser to the
		// slash, so that the page's relative links resolve.
		if _, isDir := snap.files[path.Join(name, "index.html")]; isDir {
			http.Redirect(w, r, (&url.URL{Path: r.URL.Path + "/"}).EscapedPath(), http.StatusMovedPermanently)
			return
		}
		// A page that moved while serving: to where it is now (a page of
		// snap, as addMoves keeps them), for as long as nothing else
		// takes its old address; not permanently: the slug may come back.
		to, moved := snap.moved[name]
		if !moved {
			to, moved = snap.moved[path.Join(name, "index.html")]
		}
		if moved {
			target := &url.URL{Path: "/" + strings.TrimSuffix(to, "index.html"), RawQuery: r.URL.RawQuery}
			http.Redirect(w, r, target.String(), http.StatusFound)
			return
		}
		s.notFound(w, r, snap)
		return
	}
	write(w, r, http.StatusOK, name, withVersion(name, data, snap.version))
}

// allowedHost reports whether the Host of a request names this server:
// an IP address, localhost or a name below .localhost, or the host that
// Config.Addr names. A page of another site that reaches the preview
// through DNS rebinding comes with that site's name, and is refused, as
// webpack-dev-server and Vite refuse hosts they were not told of.
func (s *Server) allowedHost(host string) bool {
	name, _, err := net.SplitHostPort(host)
	if err != nil {
		name = host // no port
	}
	name = strings.TrimSuffix(strings.Trim(name, "[]"), ".")
	lower := strings.ToLower(name)
	if net.ParseIP(name) != nil || lower == "localhost" || strings.HasSuffix(lower, ".localhost") {
		return true
	}
	bind, _, _ := net.SplitHostPort(s.cfg.Addr)
	return bind != "" && strings.EqualFold(name, bind)
}

// sitePath maps a request to a file of the built site. It refuses what
// cannot name one: "..", ".", empty or encoded path elements, a second
// leading slash (an absolute path), backslashes and NUL bytes.
func sitePath(r *http.Request) (string, bool) {
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") {
		return "", false
	}
	raw := strings.ToLower(r.URL.RawPath)
	if strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") {
		return "", false
	}
	name := p[1:]
	if strings.HasPrefix(name, "/") || strings.ContainsAny(name, "\\\x00") {
		return "", false
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	return name, true
}

// notFound serves the site's 404 page with status 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, snap *snapshot) {
	if page, ok := snap.files["404.html"]; ok {
		write(w, r, http.StatusNotFound, "404.html", withVersion("404.html", page, snap.version))
		return
	}
	http.NotFound(w, r)
}

// problemsPage is what is served while no build has succeeded yet: the
// problems, and the reload script, which shows them too and reloads the
// page once the site builds.
var problemsPage = template.Must(template.New("problems").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The site did not build</title></head>
<body><h1>The site did not build</h1>
<pre>{{range .Lines}}{{.}}
{{end}}</pre>
<p>Fix the files and save: this page reloads by itself.</p>
<script src="{{.Script}}"></script>
</body></html>
`))

// serveProblems serves problemsPage with status 500.
func (s *Server) serveProblems(w http.ResponseWriter, r *http.Request, snap *snapshot) {
	var b bytes.Buffer
	err := problemsPage.Execute(&b, struct {
		Lines  []string
		Script string
	}{snap.errs, scriptPath + "#" + strconv.FormatInt(snap.version, 10)})
	if err != nil {
		http.Error(w, "the site did not build", http.StatusInternalServerError)
		return
	}
	write(w, r, http.StatusInternalServerError, "index.html", b.Bytes())
}

// withVersion marks the reload script of an HTML page with the site
// version the page comes from, as a fragment: the script reads it, and
// asks the hub for a reload when the site has moved on since.
func withVersion(name string, page []byte, version int64) []byte {
	if path.Ext(name) != ".html" {
		return page
	}
	i := bytes.LastIndex(page, []byte(scriptPath))
	if i < 0 {
		return page
	}
	end := i + len(scriptPath)
	out := make([]byte, 0, len(page)+24)
	out = append(out, page[:end]...)
	out = append(out, '#')
	out = strconv.AppendInt(out, version, 10)
	return append(out, page[end:]...)
}

// write sends one file with its type by extension. Nothing is cached,
// for the next reload must see the next build, except stylesheets and
// scripts with a fingerprint in their name: a new build that changes
// them names them anew. Caching them saves each reload two requests.
func write(w http.ResponseWriter, r *http.Request, status int, name string, data []byte) {
	h := w.Header()
	cache := "no-store"
	if status == http.StatusOK && fingerprinted.MatchString(name) {
		cache = "max-age=31536000, immutable"
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", cache)
	}
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}
