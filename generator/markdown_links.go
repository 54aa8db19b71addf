package generator

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// pageKey holds the *bodyContext of the page being parsed.
var pageKey = parser.NewContextKey()

// bodyContext is what the wizard's Markdown extension needs to know about
// the page it parses, and what it finds there.
type bodyContext struct {
	file     string              // the file being parsed, as printed in errors
	dir      string              // its folder in content/, to resolve relative links
	pageDir  string              // the page's output folder, to write relative hrefs
	resolve  func(string) target // finds what a content path names
	probs    *problems           // where problems go
	src      []byte              // the source, to turn offsets into lines
	links    []*Node             // nodes the body links to
	external []ExternalLink      // links that leave the site
	relative bool                // the HTML holds a href relative to the page
	resolved []resolvedLink      // every relative link and what it led to
	notes    []*ast.Blockquote   // [!NOTE] block quotes, taken out of the body
	actions  []*ast.Blockquote   // [!OPTIONAL] block quotes, taken out of the body
	seen     map[ast.Node]bool   // links already handled
	lines    lineIndex           // where the lines of src start, made when first asked for
	counted  int                 // links, automatic links and images met, for maxLinks
	_        struct{}            // keeps the literal keyed
}

// resolvedLink is a path in content/ that a body links to, and where it
// led when the body was rendered: the HTML depends on nothing else of the
// tree, so a body whose links all lead where they led need not be
// rendered again.
type resolvedLink struct {
	path string // in content/
	to   string // "node:" and the page, "asset:" and the file, or "definitions"
}

// leadsTo is where a target is, as a resolvedLink records it.
func (t target) leadsTo() string {
	switch {
	case t.definitions:
		return "definitions"
	case t.node != nil:
		return "node:" + t.node.URL
	case t.asset != "":
		return "asset:" + t.asset
	}
	return ""
}

// target is what a path in content/ names.
type target struct {
	node        *Node  // a node, or nil
	asset       string // the output path of a copied file, or ""
	definitions bool   // content/_definitions.md
}

// transform handles the links, images and raw HTML below n.
func (bc *bodyContext) transform(n ast.Node) {
	var todo []ast.Node
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Link, *ast.AutoLink, *ast.Image, *ast.RawHTML, *ast.HTMLBlock:
			todo = append(todo, c)
		case *ast.Text:
			bc.shortcodes(c)
		}
		return ast.WalkContinue, nil
	})
	for _, c := range todo {
		if bc.linkOverLimit(c) {
			continue
		}
		switch c := c.(type) {
		case *ast.Link:
			bc.link(c)
		case *ast.AutoLink:
			bc.autoLink(c)
		case *ast.Image:
			bc.image(c)
		case *ast.RawHTML:
			if !bytes.HasPrefix(c.Segments.Value(bc.src), []byte("<!--")) && !opensShortcode(bc.src, c.Segments.At(0).Start) {
				bc.problem(c, "raw HTML is not passed through: write Markdown")
			}
		case *ast.HTMLBlock:
			if c.HTMLBlockType != ast.HTMLBlockType2 {
				bc.problem(c, "raw HTML is not passed through: write Markdown")
			} else if at, msg := afterComments(c, bc.src); at >= 0 {
				bc.probs.add(bc.file, lineAt(bc.src, at), "%s", msg)
			}
		}
	}
}

// afterComments finds what follows the comments of an HTML block that
// starts with one: the block runs to the end of the line where the
// first comment ends, and it is dropped whole, so what a writer puts
// after a comment on that line would be lost without a word. It returns
// the offset in src of the first thing that is neither a comment nor
// space, or of a comment that is not closed, and what is wrong with it;
// -1 when there is none.
func afterComments(b *ast.HTMLBlock, src []byte) (int, string) {
	lines := b.Lines().Sliced(0, b.Lines().Len())
	if b.HasClosure() {
		lines = append(lines, b.ClosureLine)
	}
	in, open, seen := false, 0, false // inside a comment, where it opened, and whether one came before
	for _, l := range lines {
		for i := l.Start; i < l.Stop; {
			switch rest := src[i:l.Stop]; {
			case in:
				end := bytes.Index(rest, []byte("-->"))
				if end < 0 {
					i = l.Stop
					continue
				}
				i, in = i+end+3, false
			case rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r':
				i++
			case bytes.HasPrefix(rest, []byte("<!--")):
				// <!--> and <!---> are whole comments: the end may
				// overlap the start. A comment after the first is on
				// the block's last line: the rest of its comment would
				// be shown as text.
				if seen && !bytes.Contains(rest[2:], []byte("-->")) {
					return i, "an HTML comment after another on the same line must end on that line: start it on a line of its own"
				}
				i, in, open, seen = i+2, true, i, true
			case rest[0] == '<':
				return i, "raw HTML is not passed through: write Markdown"
			default:
				return i, "text after an HTML comment on the same line is not shown: start it on a line of its own"
			}
		}
	}
	if in {
		return open, "HTML comment is not closed, so what follows it is left out: end it with -->"
	}
	return -1, ""
}

func (bc *bodyContext) problem(n ast.Node, format string, args ...any) {
	bc.probs.add(bc.file, bc.nodeLine(n), format, args...)
}

// link resolves [text](dest).
func (bc *bodyContext) link(l *ast.Link) {
	dest := string(l.Destination)
	switch kind, msg := classifyLink(asRendered(dest)); kind {
	case linkBad:
		bc.problem(l, "link %q: %s%s", dest, msg, bc.writtenAs(asRendered(dest)))
	case linkExternal:
		bc.external = append(bc.external, ExternalLink{URL: dest, line: bc.nodeLine(l)})
		replace(l, &externalLink{Destination: dest})
	case linkRelative:
		t, href, ok := bc.resolveRelative(l, dest)
		if !ok {
			return
		}
		if t.definitions {
			replace(l, &definitionsLink{})
			return
		}
		l.Destination = []byte(href)
	}
}

// autoLink turns <https://…> and bare addresses into external links.
func (bc *bodyContext) autoLink(a *ast.AutoLink) {
	dest := string(a.URL(bc.src))
	if a.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		dest = "mailto:" + dest
	}
	if kind, msg := classifyLink(dest); kind != linkExternal {
		bc.problem(a, "link %q: %s", dest, msg)
		return
	}
	bc.external = append(bc.external, ExternalLink{URL: dest, line: bc.nodeLine(a)})
	ext := &externalLink{Destination: dest}
	ext.AppendChild(ext, ast.NewString(a.Label(bc.src)))
	a.Parent().ReplaceChild(a.Parent(), a, ext)
}

// image resolves ![alt](src): only files of the site, so that no request
// leaves it.
func (bc *bodyContext) image(img *ast.Image) {
	dest := string(img.Destination)
	switch kind, msg := classifyLink(asRendered(dest)); kind {
	case linkBad:
		bc.problem(img, "image %q: %s%s", dest, msg, bc.writtenAs(asRendered(dest)))
	case linkExternal:
		bc.problem(img, "image %q: an image from elsewhere makes a request leave the site; put the file in content/", dest)
	case linkRelative:
		t, href, ok := bc.resolveRelative(img, dest)
		if ok && t.asset == "" {
			bc.problem(img, "image %q is not an image file", dest)
			return
		}
		img.Destination = []byte(href)
	}
}

// resolveRelative finds what a relative link names and the href that
// leads there from the page. The link is an address, as a browser and
// a code host read it: ? starts a query and # a fragment, and a file
// name is written with %-escapes (plan%20%231.pdf for "plan #1.pdf").
// The href is the escaped path of the file it found, so that it reaches
// that file and no other.
func (bc *bodyContext) resolveRelative(n ast.Node, dest string) (target, string, bool) {
	ref := asRendered(dest)
	pathPart, rest := ref, ""
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		pathPart, rest = ref[:i], ref[i:]
	}
	if pathPart == "" {
		return target{}, dest, true // this page: a fragment, or a query
	}
	p, err := url.PathUnescape(pathPart)
	if err != nil {
		hint := bc.writtenAs(ref)
		if hint == "" {
			hint = ": a % starts an escape such as %20; write %25 for a % itself"
		}
		bc.problem(n, "link %q: not a valid path%s", dest, hint)
		return target{}, "", false
	}
	full := path.Join(bc.dir, p)
	if full == ".." || strings.HasPrefix(full, "../") {
		bc.problem(n, "link %q leads outside content/", dest)
		return target{}, "", false
	}
	t := bc.resolve(full)
	if to := t.leadsTo(); to != "" {
		bc.resolved = append(bc.resolved, resolvedLink{full, to})
	}
	var href string
	switch {
	case t.definitions:
		return t, "", true
	case t.node != nil:
		bc.links = append(bc.links, t.node)
		href = relURL(bc.pageDir, escapePath(t.node.URL))
		bc.relative = true
	case t.asset != "":
		href = relURL(bc.pageDir, escapePath(t.asset))
		bc.relative = true
	default:
		bc.problem(n, "link to %q: no such node or file (content/%s)%s", dest, full, bc.writtenAs(ref))
		return target{}, "", false
	}
	// The path is escaped, not the href: on the 404 page an href starts
	// with the site's address (https://…), whose colon must stay.
	return t, href + renderedAgain.Replace(rest), true
}

// renderedAgain keeps a query and a fragment as they are through
// goldmark's renderer, which reads backslash escapes and character
// references in the href once more.
var renderedAgain = strings.NewReplacer(`\`, "%5C", "&", "&amp;")

// writtenAs tells how to link to the file that ref names when read as
// a file name rather than an address, when there is one:
// "plan #1.pdf" is the link plan%20%231.pdf.
func (bc *bodyContext) writtenAs(ref string) string {
	full := path.Join(bc.dir, ref)
	if strings.HasPrefix(ref, "/") || full == ".." || strings.HasPrefix(full, "../") || bc.resolve(full).leadsTo() == "" {
		return ""
	}
	return fmt.Sprintf("; to link to content/%s, write %s", full, escapePath(ref))
}

// asRendered is a link's destination as goldmark renders it: with its
// backslash escapes and character references read. The parser keeps it
// as written.
func asRendered(dest string) string {
	if !strings.ContainsAny(dest, `\&`) {
		return dest
	}
	b := util.UnescapePunctuations([]byte(dest))
	b = util.ResolveNumericReferences(b)
	return string(util.ResolveEntityNames(b))
}

// escapePath %-escapes a slash-separated path for an href: all but
// letters, digits, - . _ ~ and the slashes, so that no character of a
// file name reads as part of the address (? # %, a : in the first
// segment, a + that some hosts read as a space).
func escapePath(p string) string {
	n := 0
	for i := 0; i < len(p); i++ {
		if !pathSafe(p[i]) {
			n++
		}
	}
	if n == 0 {
		return p
	}
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(p)+2*n)
	for i := 0; i < len(p); i++ {
		if c := p[i]; pathSafe(c) {
			b = append(b, c)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

func pathSafe(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~' || c == '/'
}

// replace puts r where n was, with n's children.
func replace(n, r ast.Node) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		r.AppendChild(r, c)
		c = next
	}
	n.Parent().ReplaceChild(n.Parent(), n, r)
}

// nodeLine is the line of the file where n starts.
func (bc *bodyContext) nodeLine(n ast.Node) int {
	line := 0
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			line = bc.lineOf(t.Segment.Start)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if line > 0 {
		return line
	}
	if r, ok := n.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
		return bc.lineOf(r.Segments.At(0).Start)
	}
	for c := n; c != nil; c = c.Parent() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return bc.lineOf(c.Lines().At(0).Start)
		}
	}
	return 0
}

type linkKind int

const (
	linkBad linkKind = iota
	linkExternal
	linkRelative
)

// classifyLink tells an external link from a link inside the site, and
// refuses what is neither.
func classifyLink(dest string) (linkKind, string) {
	if strings.TrimSpace(dest) == "" {
		return linkBad, "empty link"
	}
	if strings.HasPrefix(dest, "#") {
		return linkRelative, ""
	}
	// A path is not parsed here: a file name may hold what an address
	// may not (100%.pdf), and resolveRelative says how to write it.
	switch scheme := linkScheme(dest); scheme {
	case "":
	case "javascript", "vbscript", "data":
		return linkBad, scheme + ": links are not allowed"
	case "http", "https", "mailto", "tel":
		u, err := url.Parse(dest)
		switch {
		case err != nil:
			return linkBad, "not a valid address"
		case u.Host == "" && scheme != "mailto" && scheme != "tel":
			return linkBad, "an http(s) address needs a host"
		}
		return linkExternal, ""
	default:
		return linkBad, "links with scheme " + scheme + ": are not supported"
	}
	if strings.HasPrefix(dest, "//") {
		return linkBad, "write the scheme: https://…"
	}
	if strings.HasPrefix(dest, "/") {
		return linkBad, "absolute path: link to the file relative to this one, such as ../x/_index.md"
	}
	return linkRelative, ""
}

// linkScheme is the scheme of an address, in lower case, as url.Parse
// finds it; "" for a path.
func linkScheme(dest string) string {
	for i := 0; i < len(dest); i++ {
		switch c := dest[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9', c == '+', c == '-', c == '.':
			if i == 0 {
				return ""
			}
		case c == ':' && i > 0:
			return strings.ToLower(dest[:i])
		default:
			return ""
		}
	}
	return ""
}

// isExternal reports whether s is an absolute http(s) address.
func isExternal(s string) bool {
	k, _ := classifyLink(s)
	u, _ := url.Parse(s)
	return k == linkExternal && u != nil && (u.Scheme == "http" || u.Scheme == "https")
}
