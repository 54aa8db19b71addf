package generator

import (
	"crypto/sha256"
	"encoding/binary"
)

// Signatures sum up everything that one product of a build depends on,
// so that a Builder can tell whether the last build's product is still good.

// bodyKey sums up what a body's HTML depends on besides its links: the
// settings and theme (env), the page's folder, which its relative links
// start from, and its bytes. Where the links lead is checked apart, by
// stillLeads.
func bodyKey(env [32]byte, pageDir string, body []byte) [32]byte {
	s := newSignerFor(env, len(pageDir)+len(body)+16)
	s.str(pageDir)
	s.raw(body)
	return s.sum()
}

// stillLeads reports whether every link of a body leads where it led.
func (w *wizard) stillLeads(links []resolvedLink) bool {
	for _, l := range links {
		if w.resolve(l.path).leadsTo() != l.to {
			return false
		}
	}
	return true
}

// signature sums up everything a page shows, so that a page whose
// signature did not change need not be rendered again.
func (d *pageData) signature(env [32]byte) [32]byte {
	s := newSigner(env)
	n := d.Node
	s.str(n.File, n.URL, n.Title, n.LinkTitle, n.Description, n.Prompt, d.Title, d.Context, d.Canonical)
	s.links(d.Home)
	for _, l := range []*navLink{d.Back, d.Prev, d.Next, d.Contact} {
		s.bool(l != nil)
		if l != nil {
			s.links(*l)
		}
	}
	s.int(len(d.Crumbs))
	s.links(d.Crumbs...)
	s.int(len(d.Choices))
	s.links(d.Choices...)
	s.str(d.ContentLang, d.ContextLang)
	s.int(len(d.Switch))
	s.links(d.Switch...)
	s.int(len(d.Alternates))
	s.links(d.Alternates...)
	// The body by the signature of its HTML, made once when it was
	// rendered: hashing the HTML again for every page of a large wizard
	// cost more than the rest of the page.
	s.raw(d.Body.key[:])
	s.raw(d.Definitions.key[:])
	// What templates may show of related nodes.
	related := append([]*Node{n.Parent}, n.Children...)
	for _, r := range related {
		s.bool(r != nil)
		if r != nil {
			s.str(r.URL, r.Title, r.LinkTitle, r.Description)
		}
	}
	return s.sum()
}

// pageSeed is what the signatures of pages and of the overview start
// from: env; and with templates of one's own, which may show anything of
// any node through .Node (the titles of a page's siblings, the links of
// its parent's body), all that they can see of the graph (graphKey), so
// that every page is made again when any of it changes.
func (r *pageRenderer) pageSeed(env [32]byte) [32]byte {
	if r.builtIn {
		return env
	}
	return graphKey(env, r.w)
}

// graphKey sums up, from seed, the exported fields of every node, but
// the lines of its external links.
func graphKey(seed [32]byte, w *wizard) [32]byte {
	file := func(n *Node) string {
		if n == nil {
			return "\x00none"
		}
		return n.File
	}
	s := newSignerFor(seed, 256*len(w.nodes))
	for _, n := range w.nodes {
		s.str(n.File, n.URL, n.Title, n.LinkTitle, n.Description, n.Prompt, file(n.Parent))
		s.int(n.Weight)
		s.bool(n.Draft)
		s.bool(n.hasBody)
		s.int(len(n.Children))
		for _, c := range n.Children {
			s.str(c.File)
		}
		s.int(len(n.Choices))
		for _, c := range n.Choices {
			s.str(file(c.Node), c.Label)
		}
		for _, l := range []*Link{n.Prev, n.Next} {
			s.bool(l != nil)
			if l != nil {
				s.str(file(l.Node), l.Label)
			}
		}
		s.int(len(n.Links))
		for _, l := range n.Links {
			s.str(file(l))
		}
		// The links that leave the site by their addresses: their lines,
		// which are for messages, move with every line written above them.
		s.int(len(n.External))
		for _, e := range n.External {
			s.str(e.URL)
		}
	}
	return s.sum()
}

// signer sums up values into a SHA-256, each value delimited, so that
// ("ab", "c") and ("a", "bc") differ. The values are gathered in one
// buffer and hashed at once: writing each short string to the hash cost
// an allocation and a call apiece, on every page of a rebuild.
type signer struct{ buf []byte }

func newSigner(seed [32]byte) *signer { return newSignerFor(seed, 512) }

// newSignerFor is newSigner for about size bytes of values: a buffer of
// megabytes grown step by step cost more than hashing it.
func newSignerFor(seed [32]byte, size int) *signer {
	s := &signer{buf: make([]byte, 0, size+len(seed))}
	s.buf = append(s.buf, seed[:]...)
	return s
}

// raw adds bytes as they are, such as another signature.
func (s *signer) raw(b []byte) { s.buf = append(s.buf, b...) }

func (s *signer) str(values ...string) {
	for _, v := range values {
		s.int(len(v))
		s.buf = append(s.buf, v...)
	}
}

func (s *signer) int(v int) { s.buf = binary.LittleEndian.AppendUint64(s.buf, uint64(v)) }

func (s *signer) bool(v bool) {
	if v {
		s.int(1)
	} else {
		s.int(0)
	}
}

func (s *signer) links(ls ...navLink) {
	for _, l := range ls {
		s.str(l.Href, l.Label, l.Lang)
		s.bool(l.Current)
	}
}

func (s *signer) sum() [32]byte { return sha256.Sum256(s.buf) }
