package generator

// renderPages renders the page of every node, the 404 page and the
// overview, and puts them into the sink; other takes the 404 page,
// which is minified with the other files. The overview needs the graph
// alone: it is drawn anew (the graph is new) while the pages render, on a core that their last
// pages leave idle. It returns how many pages the site has and how many
// this build rendered anew: a Builder reuses a page when everything it
// shows is the same, and the overview when its bytes are.
func (run *buildRun) renderPages(r *pageRenderer, memo *buildMemo, other map[string][]byte) (rendered, pages int) {
	overview := map[string][]byte{}
	var overviews int
	drawn := make(chan struct{})
	go func() {
		defer close(drawn)
		var frames overviewFrames // a build that keeps nothing keeps no frames
		if run.keep {
			frames = overviewFrames{}
		}
		overviews = r.overview(overview, frames)
		memo.overview = frames
	}()
	rendered = run.renderNodePages(r, memo)
	if html, err := r.render404(); err != nil {
		run.probs.addErr(r.tmpl.error(err, "404.html"))
	} else {
		other["404.html"] = html
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
	return rendered + 1, len(r.w.nodes) + 1 + overviews
}

// renderNodePages renders the page of every node, reusing the last
// build's page when its signature is the same, and returns how many it
// rendered.
func (run *buildRun) renderNodePages(r *pageRenderer, memo *buildMemo) int {
	nodes := r.w.nodes
	pages := make([]memoPage, len(nodes))
	fresh := make([]bool, len(nodes))
	parallel(len(nodes), func(i int) {
		n := nodes[i]
		d := r.page(n)
		if !run.keep {
			fresh[i] = run.putPage(r, n, d)
			return
		}
		key := d.signature(memo.pageEnv)
		if run.memo != nil {
			if old, ok := run.memo.pages[n.URL]; ok && old.key == key {
				pages[i] = old
				return
			}
		}
		html, err := r.renderPage(d)
		if err != nil {
			run.probs.addErr(r.tmpl.error(err, "page.html"))
			return
		}
		pages[i], fresh[i] = memoPage{key: key, html: html}, true
	})
	rendered := 0
	for i, n := range nodes {
		if run.keep {
			memo.pages[n.URL] = pages[i]
			if err := run.out.put(n.URL, pages[i].html); err != nil {
				run.probs.addErr(&Error{File: n.URL, Err: err})
			}
		}
		if fresh[i] {
			rendered++
		}
	}
	return rendered
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
