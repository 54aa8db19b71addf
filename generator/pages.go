package generator

import "sync/atomic"

// renderPages renders the pages of every language: of every node, and
// the overview; then the 404 page, and in a site of several languages
// the root page that lets the visitor choose one. It puts them into the
// sink; other takes the 404 and root pages, which are minified with the
// other files. The overview needs the graph alone: it is drawn anew
// (the graph is new) while the pages render, on a core that their last
// pages leave idle. It returns how many pages the site has and how many
// this build rendered anew: a Builder reuses a page when everything it
// shows is the same, and the overview when its bytes are.
func (run *buildRun) renderPages(rs []*pageRenderer, memo *buildMemo, other map[string][]byte) (rendered, pages int) {
	overview := map[string][]byte{}
	var overviews int
	drawn := make(chan struct{})
	go func() {
		defer close(drawn)
		for _, r := range rs {
			var frames overviewFrames // a build that keeps nothing keeps no frames
			if run.keep && len(rs) == 1 {
				frames = overviewFrames{} // for the quick path, which a site of one language takes
			}
			overviews += r.overview(overview, frames)
			memo.overview = frames
		}
	}()
	for _, r := range rs {
		rendered += run.renderNodePages(r, memo)
		pages += len(r.w.nodes)
	}
	if html, err := rs[0].render404(); err != nil {
		run.probs.addErr(rs[0].tmpl.error(err, "404.html"))
	} else {
		other["404.html"] = html
	}
	if len(rs) > 1 {
		if html, err := rs[0].renderChooser(); err != nil {
			run.probs.addErr(rs[0].tmpl.error(err, "languages.html"))
		} else {
			other["index.html"] = html
			rendered, pages = rendered+1, pages+1
		}
	}
	<-drawn
	for name, data := range overview {
		if run.memo == nil || !sameBytes(run.memo.pages[name].html, data) {
			rendered++
		}
		if run.keep {
			memo.pages[name] = memoPage{html: data}
		}
		if err := run.out.put(name, data); err != nil {
			run.probs.addErr(&Error{File: name, Err: err})
		}
	}
	return rendered + 1, pages + 1 + overviews
}

// renderNodePages renders the page of every node, reusing the last
// build's page when its signature is the same, and returns how many it
// rendered.
func (run *buildRun) renderNodePages(r *pageRenderer, memo *buildMemo) int {
	nodes := r.w.nodes
	if !run.keep {
		var rendered atomic.Int64
		parallel(len(nodes), func(i int) {
			if run.putPage(r, nodes[i], r.page(nodes[i])) {
				rendered.Add(1)
			}
		})
		return int(rendered.Load())
	}
	var old map[string]memoPage
	if run.memo != nil {
		old = run.memo.pages
	}
	rendered := 0
	for i, p := range renderPagesOf(r, nodes, r.seed, old) {
		if p.err != nil {
			run.probs.addErr(r.tmpl.error(p.err, "page.html"))
			continue
		}
		memo.pages[nodes[i].URL] = p.memoPage
		if err := run.out.put(nodes[i].URL, p.html); err != nil {
			run.probs.addErr(&Error{File: nodes[i].URL, Err: err})
		}
		if p.fresh {
			rendered++
		}
	}
	return rendered
}

// renderedPage is a page that renderPagesOf made or reused.
type renderedPage struct {
	memoPage
	fresh bool  // rendered anew, not reused
	err   error // what the template said, when it failed
}

// renderPagesOf renders the pages of nodes in parallel, reusing a page
// of old (by output path) whose signature, from env, is the same. Both
// ways of rebuilding render pages through it.
func renderPagesOf(r *pageRenderer, nodes []*Node, env [32]byte, old map[string]memoPage) []renderedPage {
	pages := make([]renderedPage, len(nodes))
	parallel(len(nodes), func(i int) {
		d := r.page(nodes[i])
		key := d.signature(env)
		if o, ok := old[nodes[i].URL]; ok && o.key == key {
			pages[i].memoPage = o
			return
		}
		html, err := r.renderPage(d)
		pages[i] = renderedPage{memoPage: memoPage{key: key, html: html}, fresh: true, err: err}
	})
	return pages
}

// putPage renders a node's page into a buffer that pages share and puts
// it into the sink at once, and reports whether it did: a build that
// keeps nothing need not hold the whole site in memory.
func (run *buildRun) putPage(r *pageRenderer, n *Node, d *pageData) bool {
	err := r.usePage(d, func(html []byte) error {
		if err := run.out.put(n.URL, html); err != nil {
			run.probs.addErr(&Error{File: n.URL, Err: err})
		}
		return nil
	})
	if err != nil {
		run.probs.addErr(r.tmpl.error(err, "page.html"))
		return false
	}
	return true
}
