package generator

import (
	"bytes"
	"html/template"
	"math"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// overviewPage is the output path of the map of the whole wizard; in a
// site of several languages, each language's is in its folder
// (fr/overzicht/index.html), by the same name.
const (
	overviewDir  = "overzicht"
	overviewPage = overviewDir + "/index.html"
)

// The geometry of the overview map, in SVG user units. The map is
// overviewWidth units wide and scales to the width of the page, so on a
// 320 px phone (288 px of content) a unit is about 0.96 px and the
// labels are about 14 px high.
const (
	overviewWidth  = 300 // the viewBox width
	overviewPad    = 2   // around the whole map
	overviewIndent = 18  // per level of the tree
	overviewFont   = 15  // font size of the labels
	overviewLineH  = 19  // distance between two lines of a label
	overviewPadX   = 8   // inside a box, left and right
	overviewPadY   = 8   // inside a box, above and below the text
	overviewGap    = 8   // between two boxes
	overviewCharW  = 9.8 // a generous average width of one character at overviewFont
	overviewTick   = 9.0 // where a level's connector runs, right of its parent's left edge
	overviewRadius = 4   // box corners
	overviewStroke = 2   // box outline
	overviewMinCol = 8   // the fewest characters a label line may hold
	overviewSlack  = 0.5 // half a stroke, so outlines are not cut off at the edge
	overviewLink   = "#0a4a85"
	overviewPaper  = "#fff"
	overviewLine   = "#4a4a4a"
)

// overviewItem is one node of the overview, as templates see it.
type overviewItem struct {
	Href     string          // relative to overzicht/, naming a file
	Label    string          // the link title
	Lang     string          // the language of Label when it is not the page's (Node.Lang)
	Children []*overviewItem // the nodes of its folder, in weight order
}

// overviewFrame is the drawing of one node's tree: in the map, its box,
// its lines to its children and their frames, each moved down to its
// place, in a frame of its own (its box's top at 0); in the list, its
// item with the list of its children. It depends on that tree alone, so
// a rebuild that changed one node draws again only the frames of that
// node and the nodes above it.
type overviewFrame struct {
	svg  []byte  // the map's part
	list []byte  // the list's part: <li>…</li>
	h    float64 // the box's height
	tree float64 // the tree's height, each box with the gap below it
}

// overviewFrames are the frames of a drawn overview, by node. The quick
// path drops those of the nodes whose tree changed (forget); a build
// with a new graph starts with none.
type overviewFrames map[*Node]*overviewFrame

// forget drops the frames of n and of the nodes above it.
func (f overviewFrames) forget(n *Node) {
	for ; n != nil; n = n.Parent {
		delete(f, n)
	}
}

// overviewData is what templates/overview.html is given: a page without
// a node, with the map and the same tree as a list.
type overviewData struct {
	*pageData
	Map  template.HTML // the SVG
	Wide template.HTML // the SVG for wide screens (overview_wide.go); empty when the tree does not spread
	List template.HTML // Tree as nested lists of links, written in Go: a template that walks a large tree item by item takes long
	root *Node
}

// Tree is the start page, with everything below it.
func (d *overviewData) Tree() []*overviewItem {
	return []*overviewItem{overviewTree(d.root, d.root.langDir+overviewDir)}
}

// overview renders overzicht/index.html into files and returns how many
// pages it wrote: 1, or 0 when its address is taken, which is an error.
// It draws the frames that frames lacks, and adds them to it.
func (r *pageRenderer) overview(files map[string][]byte, frames overviewFrames) int {
	page := r.dir + overviewPage
	for _, n := range r.w.nodes {
		if n.URL == page {
			r.loader.probs.add(r.loader.displayPath(n.source()), 1,
				"address %s is the overview of the wizard, which the generator writes: rename the folder or set a slug", page)
			return 0
		}
	}
	for name, out := range r.w.assets {
		if out == page {
			r.loader.probs.add(r.loader.displayPath(name), 0,
				"this file would overwrite %s, the overview of the wizard, which the generator writes", page)
			return 0
		}
	}
	dir := path.Dir(page)
	// Home is its way back, as on the pages just below the start page.
	home := r.link(dir, r.w.root, r.w.root.LinkTitle)
	d := &overviewData{pageData: &pageData{Title: r.t.OverviewTitle + " – " + r.site.Title}, root: r.w.root}
	d.setChrome(r.chromeFor(dir, home, nil, true))
	if r.site.BaseURL != "" {
		d.Canonical = r.site.absoluteURL(prettyPath(page))
	}
	r.setLanguages(d.pageData, dir, func(o *pageRenderer) string { return o.dir + overviewPage })
	root := frames.draw(r.w.root, 0)
	d.Map = overviewSVG(root, r.t.OverviewMap)
	d.Wide = frames.overviewWide(r.w.root, len(r.w.nodes), r.t.OverviewMap)
	d.List = template.HTML(concat([]byte("<ul>"), root.list, []byte("</ul>")))

	html, err := r.renderOverview(d)
	if err != nil {
		r.loader.probs.addErr(r.tmpl.error(err, "overview.html"))
		return 0
	}
	files[page] = html
	return 1
}

// renderOverview makes the overview page: overview.html.
func (r *pageRenderer) renderOverview(d *overviewData) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(d.Map) + len(d.List) + 64<<10)
	if err := r.tmpl.execute(&buf, "overview.html", d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// overviewTree is the folder tree below n.
func overviewTree(n *Node, dir string) *overviewItem {
	it := &overviewItem{Href: relURL(dir, n.URL), Label: n.LinkTitle, Lang: n.Lang}
	for _, c := range n.Children {
		it.Children = append(it.Children, overviewTree(c, dir))
	}
	return it
}

// overviewSVG draws the tree as an indented list of boxes, one below the
// other, each a link, with lines from each box to those of its folder.
// Labels wrap to the width left at their level, so the map stays one
// narrow column that a phone shows at full width.
func overviewSVG(root *overviewFrame, label string) template.HTML {
	// The SVG is written as compact as the minifier would make it, with
	// appends rather than fmt: on a large wizard it has thousands of
	// boxes, and its megabytes are copied once, into the string.
	height := overviewPad + root.tree - overviewGap + overviewPad
	b := make([]byte, 0, 256)
	b = append(b, `<svg class="overview-map" viewBox="0 0 `...)
	b = strconv.AppendInt(b, overviewWidth, 10)
	b = append(b, ' ')
	b = svgNum(b, height)
	b = append(b, `" width="100%" role="group" aria-label="`...)
	b = append(b, template.HTMLEscapeString(label)...)
	b = append(b, `"><g transform="translate(0 `...)
	b = svgNum(b, overviewPad)
	b = append(b, `)">`...)
	return template.HTML(concat(b, root.svg, []byte(`</g></svg>`)))
}

// concat joins its parts into a string, copying each byte once.
func concat(parts ...[]byte) string {
	var s strings.Builder
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	s.Grow(n)
	for _, p := range parts {
		s.Write(p)
	}
	return s.String()
}

// overviewX is where the boxes of a level of the tree start.
func overviewX(depth int) float64 { return float64(overviewPad + depth*overviewIndent) }

// draw returns the frame of n, at depth in the tree: the one in f, or
// one drawn anew from its children's, which it adds to f. With f nil it
// keeps none: each frame is garbage once its parent's holds it.
func (f overviewFrames) draw(n *Node, depth int) *overviewFrame {
	if fr := f[n]; fr != nil {
		return fr
	}
	kids := make([]*overviewFrame, len(n.Children))
	svgSize, listSize := 640, 128
	for i, c := range n.Children {
		kids[i] = f.draw(c, depth+1)
		svgSize += len(kids[i].svg) + 48
		listSize += len(kids[i].list)
	}
	x := overviewX(depth)
	w := float64(overviewWidth-overviewPad) - x
	lines := wrapLabel(n.LinkTitle, max(overviewMinCol, int((w-2*overviewPadX)/overviewCharW)))
	fr := &overviewFrame{h: float64(len(lines)*overviewLineH + 2*overviewPadY)}
	y := fr.h + overviewGap
	dys := make([]float64, len(kids))
	for i, k := range kids {
		dys[i] = y
		y += k.tree
	}
	fr.tree = y
	href := relURL(n.langDir+overviewDir, n.URL)
	b := drawBox(make([]byte, 0, svgSize), href, n.Lang, lines, x, fr.h, len(kids) > 0)
	b = drawLines(b, depth, fr.h, kids, dys)
	for i, k := range kids {
		b = appendFrame(b, dys[i], k.svg)
	}
	fr.svg = b

	l := make([]byte, 0, listSize)
	l = append(l, `<li><a href="`...)
	l = appendURL(l, href)
	l = append(l, '"')
	l = appendLang(l, n.Lang)
	l = append(l, '>')
	l = appendHTML(l, n.LinkTitle)
	l = append(l, "</a>"...)
	if len(kids) > 0 {
		l = append(l, "<ul>"...)
		for _, k := range kids {
			l = append(l, k.list...)
		}
		l = append(l, "</ul>"...)
	}
	fr.list = append(l, "</li>"...)
	if f != nil {
		f[n] = fr
	}
	return fr
}

// appendFrame appends a frame's drawing in a group moved down by dy.
func appendFrame(b []byte, dy float64, svg []byte) []byte {
	b = append(b, `<g transform="translate(0 `...)
	b = svgNum(b, dy)
	b = append(b, `)">`...)
	b = append(b, svg...)
	return append(b, `</g>`...)
}

// drawLines appends the lines of a box at depth, h high, to its
// children (in its frame, their frames moved down by dys): a tick to the
// middle of each, and one down to the last. They come before the
// children's boxes, which are drawn over their ends.
func drawLines(b []byte, depth int, h float64, children []*overviewFrame, dys []float64) []byte {
	if len(children) == 0 {
		return b
	}
	tick := overviewX(depth) + overviewTick
	b = append(b, `<path class="overview-lines" d="`...)
	last := 0.0
	for i, c := range children {
		last = dys[i] + c.h/2
		b = svgSegment(b, tick, last, 'h', overviewIndent-overviewTick)
	}
	b = svgSegment(b, tick, h, 'v', last-h)
	return append(b, `" fill="none" stroke="`+overviewLine+`" stroke-width="1.5" aria-hidden="true"/>`...)
}

// svgSegment appends a line of a path: from (x, y), d units across (way
// 'h') or down (way 'v').
func svgSegment(b []byte, x, y float64, way byte, d float64) []byte {
	b = append(b, 'M')
	b = svgNum(b, x)
	b = append(b, ' ')
	b = svgNum(b, y)
	b = append(b, way)
	return svgNum(b, d)
}

// svgNum appends a number as the map writes it: as strconv's shortest
// 'g' form, which for a whole number below a million (nearly every one
// in the map) is its digits, written faster as an integer.
func svgNum(b []byte, v float64) []byte {
	if i := int64(v); float64(i) == v && i > -1e6 && i < 1e6 && (i != 0 || !math.Signbit(v)) {
		return strconv.AppendInt(b, i, 10)
	}
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}

// svgAttr appends a number attribute.
func svgAttr(b []byte, name string, v float64) []byte {
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, `="`...)
	b = svgNum(b, v)
	return append(b, '"')
}

// drawBox appends the box of one node of the map at x, h high, a link
// to href with its label wrapped to lines, its top at 0 in the node's
// frame; a menu's box has nodes below it.
func drawBox(b []byte, href, lang string, lines []string, x, h float64, menu bool) []byte {
	w := float64(overviewWidth-overviewPad) - x
	class := "overview-page"
	if menu {
		class = "overview-menu"
	}
	b = append(b, `<a href="`...)
	b = append(b, template.HTMLEscapeString(href)...)
	b = append(b, `" class="`+class+`"`...)
	b = appendLang(b, lang)
	b = append(b, `><rect`...)
	b = svgAttr(b, "x", x+overviewSlack)
	b = svgAttr(b, "y", overviewSlack)
	b = svgAttr(b, "width", w-2*overviewSlack)
	b = svgAttr(b, "height", h-2*overviewSlack)
	b = svgAttr(b, "rx", overviewRadius)
	b = append(b, ` fill="`+overviewPaper+`" stroke="`+overviewLink+`"`...)
	b = svgAttr(b, "stroke-width", overviewStroke)
	b = append(b, `/><text`...)
	b = svgAttr(b, "font-size", overviewFont)
	b = append(b, ` fill="`+overviewLink+`">`...)
	for i, l := range lines {
		// A no-break space ends every line but the last: the link's name
		// is its text, and the lines must not run together in it. (The
		// minifier drops plain spaces between tspans.) The baseline sits a
		// quarter of the font size above the foot of the line.
		b = append(b, `<tspan`...)
		b = svgAttr(b, "x", x+overviewPadX)
		b = svgAttr(b, "y", overviewPadY+float64((i+1)*overviewLineH)-0.25*overviewFont)
		b = append(b, '>')
		b = append(b, template.HTMLEscapeString(l)...)
		if i < len(lines)-1 {
			b = append(b, "\u00a0"...)
		}
		b = append(b, `</tspan>`...)
	}
	return append(b, `</text></a>`...)
}

// wrapLabel breaks a label into lines of at most cols characters, at
// spaces; a word longer than a line is cut.
func wrapLabel(s string, cols int) []string {
	var out []string
	cur := ""
	for _, word := range strings.Fields(s) {
		for utf8.RuneCountInString(word) > cols {
			if cur != "" {
				out = append(out, cur)
				cur = ""
			}
			r := []rune(word)
			out = append(out, string(r[:cols]))
			word = string(r[cols:])
		}
		switch {
		case cur == "":
			cur = word
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(word) <= cols:
			cur += " " + word
		default:
			out = append(out, cur)
			cur = word
		}
	}
	if cur != "" || len(out) == 0 {
		out = append(out, cur)
	}
	return out
}
