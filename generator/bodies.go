package generator

import "bytes"

// renderBodies renders the body of every node, reusing the last build's
// HTML for a node whose bytes and tree did not change.
func (run *buildRun) renderBodies(r *pageRenderer, memo *buildMemo) {
	nodes := r.w.nodes
	bodies := make([]memoBody, len(nodes))
	parallel(len(nodes), func(i int) {
		n := nodes[i]
		if !run.keep {
			// A build that keeps nothing needs no signatures, and drops
			// each source as soon as its HTML is made.
			bodies[i] = renderBody(r, n, run.probs, false)
			n.body = nil
			return
		}
		key := run.bodyKeyOf(r, n, memo.env)
		if run.memo != nil {
			if old, ok := run.memo.bodies[r.memoKey+n.File]; ok && old.key == key && r.w.stillLeads(old.resolved) {
				bodies[i] = old
				return
			}
		}
		bodies[i] = renderBody(r, n, run.probs, true)
		bodies[i].key = key
	})
	for i, n := range nodes {
		if run.keep {
			memo.bodies[r.memoKey+n.File] = bodies[i]
		}
		r.useBody(n, bodies[i])
	}
}

// renderBody renders the Markdown of n's body against the graph of r,
// for its page's folder; with sign, the HTML gets its signature, which
// page signatures hold. Its key is left for the caller to set.
func renderBody(r *pageRenderer, n *Node, probs *problems, sign bool) memoBody {
	bc := &bodyContext{
		file: r.loader.displayPath(n.source()), dir: n.dir(), pageDir: n.urlDir(),
		resolve: r.w.resolve, probs: probs, src: n.body,
	}
	md := r.md
	if n.Lang != "" {
		md = r.markdownFor(n)
	}
	body := md.render(bc)
	if sign {
		body.sign()
	}
	mb := memoBody{body: body, resolved: bc.resolved, external: bc.external, src: bc.src, dir: bc.pageDir, lang: n.Lang}
	for _, t := range bc.links {
		mb.links = append(mb.links, t.File)
	}
	return mb
}

// useBody gives n its rendered body: the HTML for its page, and the
// nodes and addresses it links to.
func (r *pageRenderer) useBody(n *Node, mb memoBody) {
	r.bodies[n] = mb.body
	n.External = mb.external
	n.Links = nil
	for _, f := range mb.links {
		n.Links = append(n.Links, r.w.byFile[f])
	}
}

// bodyKeyOf is bodyKey of n's body in r's language, or the last build's
// key when the body has the same bytes, folder, language and
// environment: a file that did not change is not read again, and its
// node shares its bytes with the last build, so comparing them costs
// next to nothing. Hashing every body again was a third of a structural
// rebuild of a large wizard.
func (run *buildRun) bodyKeyOf(r *pageRenderer, n *Node, env [32]byte) [32]byte {
	dir := n.urlDir()
	if run.memo != nil && run.memo.env == env {
		if old, ok := run.memo.bodies[r.memoKey+n.File]; ok && old.dir == dir && old.lang == n.Lang && bytes.Equal(old.src, n.body) {
			return old.key
		}
	}
	if n.Lang != "" { // shown untranslated: rendered as the default language's
		return bodyKey(env, n.Lang+"\x00"+dir, n.body)
	}
	return bodyKey(env, dir, n.body)
}
