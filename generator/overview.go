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

// overviewPage is the output path of the map of the whole wizard.
const overviewPage = "overzicht/index.html"

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

// overviewItem is one node of the overview, as the template's nested
// list and the SVG show it.
type overviewItem struct {
	Href     string          // relative to overzicht/, naming a file
	Label    string          // the link title
	Children []*overviewItem // the nodes of its folder, in weight order
	menu     bool            // it has nodes below it
	depth    int             // 0 for the start page
	file     string          // its node's file

	// Its place in the map, set by measure: each item's tree is drawn in
	// a frame of its own, its box's top at 0, moved down by dy from its
	// parent's frame, so that a tree that grows moves only the frames
	// after it.
	lines []string // its label, wrapped to its box
	h     float64  // its box's height
	tree  float64  // its tree's height, each box with the gap below it
	dy    float64  // its frame's offset in its parent's frame

	// Where the item landed, set as the map and the list are written.
	at, box, path, inner span // its frame's dy, its box, its lines to its children, and all its frame holds
	label, kids          span // its label in the list, and the list of its children
}

// span is a range of bytes.
type span struct{ start, end int }

// overviewData is what templates/overview.html is given: a page without
// a node, with the map and the same tree as a list.
type overviewData struct {
	*pageData
	Map  template.HTML   // the SVG
	Tree []*overviewItem // the start page, with everything below it
	List template.HTML   // Tree as nested lists of links, written once in Go: a template that walks a large tree item by item takes long
}

// overview renders overzicht/index.html into files and returns how many
// pages it wrote: 1, or 0 when its address is taken, which is an error.
// With layout, it also returns where each node stands on the page, when
// the page comes from the built-in theme's templates.
func (r *pageRenderer) overview(files map[string][]byte, layout bool) (int, *overviewLayout) {
	for _, n := range r.w.nodes {
		if n.URL == overviewPage {
			r.loader.probs.add(r.loader.displayPath(n.File), 1,
				"address %s is the overview of the wizard, which the generator writes: rename the folder or set a slug", overviewPage)
			return 0, nil
		}
	}
	for name, out := range r.w.assets {
		if out == overviewPage {
			r.loader.probs.add(r.loader.displayPath(name), 0,
				"this file would overwrite %s, the overview of the wizard, which the generator writes", overviewPage)
			return 0, nil
		}
	}
	dir := path.Dir(overviewPage)
	home := r.link(dir, r.w.root, r.w.root.LinkTitle)
	back := home
	d := &overviewData{pageData: &pageData{Title: r.t.OverviewTitle + " – " + r.site.Title}}
	d.setChrome(r.chromeFor(dir, home, &back, true))
	d.Crumbs = []navLink{d.Home, {Href: relURL(dir, overviewPage), Label: r.t.OverviewTitle, Current: true}}
	if r.site.BaseURL != "" {
		d.Canonical = r.site.absoluteURL(prettyPath(overviewPage))
	}
	root := overviewTree(r.w.root, dir, 0)
	d.Tree = []*overviewItem{root}
	d.Map = overviewSVG(root, r.t.OverviewMap)
	d.List = overviewList(d.Tree)

	page, err := r.renderOverview(d)
	if err != nil {
		r.loader.probs.addErr(r.tmpl.error(err, "overview.html"))
		return 0, nil
	}
	files[overviewPage] = page
	if !layout || r.tmpl.modified {
		return 1, nil
	}
	return 1, layOut(page, root, []byte(d.Map), []byte(d.List))
}

// renderOverview makes the overview page: overview.html, or the same
// bytes from builtInOverview.
func (r *pageRenderer) renderOverview(d *overviewData) ([]byte, error) {
	if r.builtIn {
		return r.builtInOverview(nil, d)
	}
	var buf bytes.Buffer
	buf.Grow(len(d.Map) + len(d.List) + 64<<10)
	if err := r.tmpl.execute(&buf, "overview.html", d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// overviewList writes items as nested lists of links, as the template
// "overview-tree" of the built-in theme would, escaped as html/template
// escapes text and attributes.
func overviewList(items []*overviewItem) template.HTML {
	size := 0
	for _, it := range items {
		size += 80 * it.count()
	}
	return template.HTML(appendList(make([]byte, 0, size), items))
}

// appendList appends items as overviewList writes them, and notes in
// each item where its label and its children's list landed in b.
func appendList(b []byte, items []*overviewItem) []byte {
	b = append(b, "<ul>"...)
	for _, it := range items {
		b = append(b, `<li><a href="`...)
		b = appendURL(b, it.Href)
		b = append(b, `">`...)
		it.label.start = len(b)
		b = appendHTML(b, it.Label)
		it.label.end = len(b)
		b = append(b, "</a>"...)
		it.kids.start = len(b)
		if len(it.Children) > 0 {
			b = appendList(b, it.Children)
		}
		it.kids.end = len(b)
		b = append(b, "</li>"...)
	}
	return append(b, "</ul>"...)
}

// count is the number of items in the tree of it.
func (it *overviewItem) count() int {
	n := 1
	for _, c := range it.Children {
		n += c.count()
	}
	return n
}

// overviewTree is the folder tree below n.
func overviewTree(n *Node, dir string, depth int) *overviewItem {
	it := &overviewItem{Href: relURL(dir, n.URL), Label: n.LinkTitle, menu: len(n.Children) > 0, depth: depth, file: n.File}
	for _, c := range n.Children {
		it.Children = append(it.Children, overviewTree(c, dir, depth+1))
	}
	return it
}

// overviewSVG draws the tree as an indented list of boxes, one below the
// other, each a link, with lines from each box to those of its folder.
// Labels wrap to the width left at their level, so the map stays one
// narrow column that a phone shows at full width. Each tree is drawn in
// a group of its own, moved down to its place (see overviewItem), so
// that a quick rebuild redraws only what changed.
func overviewSVG(root *overviewItem, label string) template.HTML {
	// The SVG is written as compact as the minifier would make it, with
	// appends rather than fmt: on a large wizard it has thousands of boxes.
	// Sized for the whole tree at once: growing buffers of megabytes
	// step by step cost more than writing them.
	root.dy = overviewPad
	height := overviewPad + root.measure() - overviewGap + overviewPad
	b := make([]byte, 0, 460*root.count()+512)
	b = append(b, `<svg class="overview-map" viewBox="0 0 `...)
	b = strconv.AppendInt(b, overviewWidth, 10)
	b = append(b, ' ')
	b = svgNum(b, height)
	b = append(b, `" width="100%" role="group" aria-label="`...)
	b = append(b, template.HTMLEscapeString(label)...)
	b = append(b, `">`...)
	b = drawTree(b, root)
	b = append(b, `</svg>`...)
	return template.HTML(b)
}

// overviewX is where the boxes of a level of the tree start.
func overviewX(depth int) float64 { return float64(overviewPad + depth*overviewIndent) }

// wrap breaks the item's label into the lines its box holds, and sets
// the box's height.
func (it *overviewItem) wrap() {
	w := float64(overviewWidth-overviewPad) - overviewX(it.depth)
	it.lines = wrapLabel(it.Label, max(overviewMinCol, int((w-2*overviewPadX)/overviewCharW)))
	it.h = float64(len(it.lines)*overviewLineH + 2*overviewPadY)
}

// measure wraps the labels of the tree of it, places its children's
// frames in its own and returns the tree's height.
func (it *overviewItem) measure() float64 {
	it.wrap()
	y := it.h + overviewGap
	for _, c := range it.Children {
		c.dy = y
		y += c.measure()
	}
	it.tree = y
	return y
}

// drawTree appends the frame of a measured item: a group moved down by
// its dy, holding its box, its lines and its children's frames; spans
// are noted relative to b.
func drawTree(b []byte, it *overviewItem) []byte {
	b = append(b, `<g transform="translate(0 `...)
	it.at.start = len(b)
	b = svgNum(b, it.dy)
	it.at.end = len(b)
	b = append(b, `)">`...)
	b = drawFrame(b, it)
	return append(b, `</g>`...)
}

// drawFrame appends what the frame of a measured item holds.
func drawFrame(b []byte, it *overviewItem) []byte {
	it.inner.start = len(b)
	it.box.start = len(b)
	b = drawBox(b, it)
	it.box.end = len(b)
	it.path.start = len(b)
	b = drawLines(b, it.depth, it.h, it.Children)
	it.path.end = len(b)
	for _, c := range it.Children {
		b = drawTree(b, c)
	}
	it.inner.end = len(b)
	return b
}

// drawLines appends the lines of a box at depth, h high, to its
// children (in its frame, their frames moved down by their dy): a tick
// to the middle of each, and one down to the last. They come before the
// children's boxes, which are drawn over their ends.
func drawLines(b []byte, depth int, h float64, children []*overviewItem) []byte {
	if len(children) == 0 {
		return b
	}
	tick := overviewX(depth) + overviewTick
	b = append(b, `<path class="overview-lines" d="`...)
	last := 0.0
	for _, c := range children {
		last = c.dy + c.h/2
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

// drawBox appends the box of one wrapped item of the map, a link with
// its label, its top at 0 in the item's frame.
func drawBox(b []byte, it *overviewItem) []byte {
	x := overviewX(it.depth)
	w := float64(overviewWidth-overviewPad) - x
	class := "overview-page"
	if it.menu {
		class = "overview-menu"
	}
	b = append(b, `<a href="`...)
	b = append(b, template.HTMLEscapeString(it.Href)...)
	b = append(b, `" class="`+class+`"><rect`...)
	b = svgAttr(b, "x", x+overviewSlack)
	b = svgAttr(b, "y", overviewSlack)
	b = svgAttr(b, "width", w-2*overviewSlack)
	b = svgAttr(b, "height", it.h-2*overviewSlack)
	b = svgAttr(b, "rx", overviewRadius)
	b = append(b, ` fill="`+overviewPaper+`" stroke="`+overviewLink+`"`...)
	b = svgAttr(b, "stroke-width", overviewStroke)
	b = append(b, `/><text`...)
	b = svgAttr(b, "font-size", overviewFont)
	b = append(b, ` fill="`+overviewLink+`">`...)
	for i, l := range it.lines {
		// A no-break space ends every line but the last: the link's name
		// is its text, and the lines must not run together in it. (The
		// minifier drops plain spaces between tspans.) The baseline sits a
		// quarter of the font size above the foot of the line.
		b = append(b, `<tspan`...)
		b = svgAttr(b, "x", x+overviewPadX)
		b = svgAttr(b, "y", overviewPadY+float64((i+1)*overviewLineH)-0.25*overviewFont)
		b = append(b, '>')
		b = append(b, template.HTMLEscapeString(l)...)
		if i < len(it.lines)-1 {
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
