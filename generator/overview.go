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

	// Where the item landed, set as the map and the list are written.
	box, lines  span    // its box in the map, and the lines of its tree
	label, kids span    // its label in the list, and the list of its children
	h, x, top   float64 // the box's height and place
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
// narrow column that a phone shows at full width.
func overviewSVG(root *overviewItem, label string) template.HTML {
	// The SVG is written as compact as the minifier would make it, with
	// appends rather than fmt: on a large wizard it has thousands of boxes.
	// Sized for the whole tree at once: growing buffers of megabytes
	// step by step cost more than writing them.
	items := root.count()
	m := mapDrawing{boxes: make([]byte, 0, 400*items), lines: make([]byte, 0, 32*items), y: overviewPad}
	m.draw(root)
	height := m.y - overviewGap + overviewPad
	b := make([]byte, 0, len(m.lines)+len(m.boxes)+512)
	b = append(b, `<svg class="overview-map" viewBox="0 0 `...)
	b = strconv.AppendInt(b, overviewWidth, 10)
	b = append(b, ' ')
	b = svgNum(b, height)
	b = append(b, `" width="100%" role="group" aria-label="`...)
	b = append(b, template.HTMLEscapeString(label)...)
	b = append(b, `"><g class="overview-lines" fill="none" stroke="`+overviewLine+`" stroke-width="1.5" aria-hidden="true">`...)
	linesAt := len(b)
	b = append(b, m.lines...)
	b = append(b, `</g><g class="overview-boxes">`...)
	root.shiftMap(len(b), linesAt)
	b = append(b, m.boxes...)
	b = append(b, `</g></svg>`...)
	return template.HTML(b)
}

// mapDrawing is the map being drawn: its boxes and its connecting lines,
// each in the order the SVG holds them, and the top of the next box.
type mapDrawing struct {
	boxes, lines []byte
	y            float64
}

// draw appends the boxes and lines of the tree of it, with its box at
// the top m.y, notes in each item where its box and the lines of its
// tree landed, and returns the middle of its box.
func (m *mapDrawing) draw(it *overviewItem) (mid float64) {
	x := float64(overviewPad + it.depth*overviewIndent)
	top := m.y
	it.lines.start = len(m.lines)
	it.box.start = len(m.boxes)
	var h float64
	m.boxes, h = drawBox(m.boxes, it, x, top)
	it.box.end, it.h, it.x, it.top = len(m.boxes), h, x, top
	m.y += h + overviewGap
	if len(it.Children) > 0 {
		tick := x + overviewTick
		last := 0.0
		for _, c := range it.Children {
			cm := m.draw(c)
			m.lines = append(m.lines, `<path d="M`...)
			m.lines = svgNum(m.lines, tick)
			m.lines = append(m.lines, ' ')
			m.lines = svgNum(m.lines, cm)
			m.lines = append(m.lines, 'h')
			m.lines = svgNum(m.lines, x+overviewIndent-tick)
			m.lines = append(m.lines, `"/>`...)
			last = cm
		}
		m.lines = append(m.lines, `<path d="M`...)
		m.lines = svgNum(m.lines, tick)
		m.lines = append(m.lines, ' ')
		m.lines = svgNum(m.lines, top+h)
		m.lines = append(m.lines, 'v')
		m.lines = svgNum(m.lines, last-(top+h))
		m.lines = append(m.lines, `"/>`...)
	}
	it.lines.end = len(m.lines)
	return top + h/2
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

// drawBox appends the box of one item of the map, a link with its label
// wrapped to the width left at x, with its top at top, and returns the
// box's height.
func drawBox(b []byte, it *overviewItem, x, top float64) ([]byte, float64) {
	w := float64(overviewWidth-overviewPad) - x
	text := wrapLabel(it.Label, max(overviewMinCol, int((w-2*overviewPadX)/overviewCharW)))
	h := float64(len(text)*overviewLineH + 2*overviewPadY)
	class := "overview-page"
	if it.menu {
		class = "overview-menu"
	}
	b = append(b, `<a href="`...)
	b = append(b, template.HTMLEscapeString(it.Href)...)
	b = append(b, `" class="`+class+`"><rect`...)
	b = svgAttr(b, "x", x+overviewSlack)
	b = svgAttr(b, "y", top+overviewSlack)
	b = svgAttr(b, "width", w-2*overviewSlack)
	b = svgAttr(b, "height", h-2*overviewSlack)
	b = svgAttr(b, "rx", overviewRadius)
	b = append(b, ` fill="`+overviewPaper+`" stroke="`+overviewLink+`"`...)
	b = svgAttr(b, "stroke-width", overviewStroke)
	b = append(b, `/><text`...)
	b = svgAttr(b, "font-size", overviewFont)
	b = append(b, ` fill="`+overviewLink+`">`...)
	for i, l := range text {
		// A no-break space ends every line but the last: the link's name
		// is its text, and the lines must not run together in it. (The
		// minifier drops plain spaces between tspans.) The baseline sits a
		// quarter of the font size above the foot of the line.
		if i < len(text)-1 {
			l += "\u00a0"
		}
		b = append(b, `<tspan`...)
		b = svgAttr(b, "x", x+overviewPadX)
		b = svgAttr(b, "y", top+overviewPadY+float64((i+1)*overviewLineH)-0.25*overviewFont)
		b = append(b, '>')
		b = append(b, template.HTMLEscapeString(l)...)
		b = append(b, `</tspan>`...)
	}
	return append(b, `</text></a>`...), h
}

// shiftMap moves the box spans of the tree of it by boxes bytes, and
// its line spans by lines bytes.
func (it *overviewItem) shiftMap(boxes, lines int) {
	it.box.start += boxes
	it.box.end += boxes
	it.lines.start += lines
	it.lines.end += lines
	for _, c := range it.Children {
		c.shiftMap(boxes, lines)
	}
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
