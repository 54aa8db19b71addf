package generator

import (
	"html/template"
	"math"
	"strconv"
)

// The overview's map is one narrow column, which a phone shows at full
// width; on a wide screen it would be a strip thousands of pixels tall.
// The wide map (class overview-wide, shown instead from a width the
// stylesheet sets) draws the same boxes with the subtrees of one node,
// the spread node, side by side in columns: the four profiles of the
// eGov wizard. Its columns are the very frames of the narrow map, moved
// into place, so it costs little to draw.
const (
	overviewMaxColumns = 4  // columns in a row; more children take more rows
	overviewColumnGap  = 16 // between two columns
	overviewRowGap     = 28 // above a row of columns, where its connector runs
	// overviewWideScale is how many CSS px a unit of the wide map may
	// take at most: its labels are then 18 px, no larger than the text.
	overviewWideScale = 1.2
	// overviewWideMaxNodes is the most nodes a wizard may have for a wide
	// map: its columns copy the narrow map's bytes, which for thousands
	// of nodes are megabytes, for a map that no two screens hold anyway.
	overviewWideMaxNodes = 500
	// overviewDominant is the share of its siblings' height above which a
	// node's tree is the map's bulk: the spread node lies below it.
	overviewDominant = 0.6
)

// spreadNode finds the node whose children the wide map puts side by
// side: going down from the start page into the tallest subtree while
// it holds most of the map, the first node whose children share the
// height. Nothing may be drawn below it in the narrow part above the
// columns, so it and every node above it must be the last of their
// siblings; and it must have from 2 to 4 rows of columns. It returns nil
// when no node qualifies: the wide map is then left out.
func (f overviewFrames) spreadNode(root *Node) (*Node, int) {
	heights := map[*Node]float64{}
	n, depth := root, 0
	for {
		kids := n.Children
		if len(kids) == 0 {
			return nil, 0
		}
		var tallest *Node
		var most, total float64
		for _, c := range kids {
			t := f.height(c, depth+1, heights)
			total += t
			if t > most {
				tallest, most = c, t
			}
		}
		if len(kids) >= 2 && most <= overviewDominant*total {
			if len(kids) > overviewMaxColumns*4 {
				return nil, 0
			}
			return n, depth
		}
		if tallest != kids[len(kids)-1] {
			return nil, 0
		}
		n, depth = tallest, depth+1
	}
}

// height is the height of the tree of n at depth in the narrow map,
// with the gap below it: its frame's when f holds it, else worked out
// (and kept in memo) without drawing, for a build that keeps no frames.
func (f overviewFrames) height(n *Node, depth int, memo map[*Node]float64) float64 {
	if fr := f[n]; fr != nil {
		return fr.tree
	}
	if h, ok := memo[n]; ok {
		return h
	}
	_, h := overviewLabel(n, depth)
	h += overviewGap
	for _, c := range n.Children {
		h += f.height(c, depth+1, memo)
	}
	memo[n] = h
	return h
}

// overviewLabel is the label of n's box at depth, wrapped to the box's
// width, and the box's height.
func overviewLabel(n *Node, depth int) ([]string, float64) {
	w := float64(overviewWidth-overviewPad) - overviewX(depth)
	lines := wrapLabel(n.LinkTitle, max(overviewMinCol, int((w-2*overviewPadX)/overviewCharW)))
	return lines, float64(len(lines)*overviewLineH + 2*overviewPadY)
}

// drawTop draws the narrow map of the tree of n without the children of
// the spread node s, which the columns show, and returns where s's box
// is: its top and its height, in the frame.
func (f overviewFrames) drawTop(n *Node, depth int, s *Node, onPath map[*Node]bool) (fr *overviewFrame, sy, sh float64) {
	var kids []*overviewFrame
	down := -1 // the child on the way to s
	if n != s {
		for i, c := range n.Children {
			if onPath[c] {
				var k *overviewFrame
				k, sy, sh = f.drawTop(c, depth+1, s, onPath)
				kids, down = append(kids, k), i
				continue
			}
			kids = append(kids, f.draw(c, depth+1))
		}
	}
	lines, h := overviewLabel(n, depth)
	fr = &overviewFrame{h: h}
	dys := make([]float64, len(kids))
	fr.tree = fr.h + overviewGap
	for i, k := range kids {
		dys[i] = fr.tree
		fr.tree += k.tree
	}
	b := drawBox(nil, relURL(n.langDir+overviewDir, n.URL), n.Lang, lines, overviewX(depth), fr.h, true)
	b = drawLines(b, depth, fr.h, kids, dys)
	for i, k := range kids {
		b = appendFrame(b, dys[i], k.svg)
	}
	fr.svg = b
	if n == s {
		return fr, 0, fr.h
	}
	return fr, sy + dys[down], sh
}

// overviewWide draws the wide map of a wizard of the given number of
// nodes, or returns "" when it has too many or no spread node.
func (f overviewFrames) overviewWide(root *Node, nodes int, label string) template.HTML {
	if nodes > overviewWideMaxNodes {
		return ""
	}
	s, depth := f.spreadNode(root)
	if s == nil {
		return ""
	}
	onPath := map[*Node]bool{s: true}
	for _, a := range s.Ancestors() {
		onPath[a] = true
	}
	top, sy, sh := f.drawTop(root, 0, s, onPath)

	kids := s.Children
	rows := (len(kids) + overviewMaxColumns - 1) / overviewMaxColumns
	perRow := (len(kids) + rows - 1) / rows
	left := overviewX(depth + 1)                      // where the columns' boxes start in their frames
	colW := float64(overviewWidth-overviewPad) - left // a column's width
	tick := overviewX(depth) + overviewTick           // where the spread node's line runs down
	width := left + float64(perRow)*(colW+overviewColumnGap) - overviewColumnGap + overviewPad
	width = math.Max(width, overviewWidth)

	var cols, lines []byte
	y := top.tree - overviewGap // the foot of the narrow part
	bus := 0.0
	for r := 0; r < rows; r++ {
		row := kids[r*perRow : min(len(kids), (r+1)*perRow)]
		bus = y + overviewRowGap/2
		y += overviewRowGap
		tallest := 0.0
		for i, c := range row {
			fr := f.draw(c, depth+1)
			dx := float64(i) * (colW + overviewColumnGap)
			cols = appendColumn(cols, dx, y, fr.svg)
			lines = svgSegment(lines, left+dx+overviewTick, bus, 'v', y-bus)
			tallest = max(tallest, fr.tree)
		}
		last := float64(len(row)-1)*(colW+overviewColumnGap) + left + overviewTick
		lines = svgSegment(lines, tick, bus, 'h', last-tick)
		y += tallest - overviewGap
	}
	lines = svgSegment(lines, tick, sy+sh, 'v', bus-sy-sh)
	height := overviewPad + y + overviewPad

	b := make([]byte, 0, 256+len(top.svg)+len(cols)+len(lines))
	b = append(b, `<svg class="overview-wide" viewBox="0 0 `...)
	b = svgNum(b, width)
	b = append(b, ' ')
	b = svgNum(b, height)
	b = append(b, `" width="`...)
	b = strconv.AppendInt(b, int64(math.Ceil(width*overviewWideScale)), 10)
	b = append(b, `" role="group" aria-label="`...)
	b = append(b, template.HTMLEscapeString(label)...)
	b = append(b, `"><g transform="translate(0 `...)
	b = svgNum(b, overviewPad)
	b = append(b, `)"><path class="overview-lines" d="`...)
	b = append(b, lines...)
	b = append(b, `" fill="none" stroke="`+overviewLine+`" stroke-width="1.5" aria-hidden="true"/>`...)
	b = append(b, top.svg...)
	b = append(b, cols...)
	return template.HTML(append(b, `</g></svg>`...))
}

// appendColumn appends a column's frame, moved dx right and dy down.
func appendColumn(b []byte, dx, dy float64, svg []byte) []byte {
	b = append(b, `<g transform="translate(`...)
	b = svgNum(b, dx)
	b = append(b, ' ')
	b = svgNum(b, dy)
	b = append(b, `)">`...)
	b = append(b, svg...)
	return append(b, `</g>`...)
}
