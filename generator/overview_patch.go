package generator

import (
	"bytes"
	"maps"
	"path"
	"slices"
)

// overviewLayout is where each node stands on the last overview page of
// a Builder: its box in the map and its label in the list. After an edit
// that changed link titles or the order of siblings alone, a quick
// rebuild splices the new boxes, lines and labels into the page instead
// of drawing all of it again, which on a large wizard took longer than
// the rest of the rebuild.
type overviewLayout struct {
	page  []byte
	spots []overviewSpot // in the order of the walk
	index map[string]int // each node file's spot; shared by layouts in the same order
}

// overviewSpot is one node's place on the overview page.
type overviewSpot struct {
	box, lines  span // byte ranges in the page: its box, and the lines of its tree
	label, kids span // its label in the list, and the list of its children
	file, href  string
	menu        bool
	depth       int
	h, x, top   float64 // the box's height and place in the map
}

// layOut records where the items of the tree stand on page, whose map
// and list are svg and list. It returns nil when the page does not hold
// them once each, in that order.
func layOut(page []byte, root *overviewItem, svg, list []byte) *overviewLayout {
	mapAt := bytes.Index(page, svg[:min(len(svg), 64)])
	if mapAt < 0 || !bytes.HasPrefix(page[mapAt:], svg) {
		return nil
	}
	after := mapAt + len(svg)
	listAt := bytes.Index(page[after:], list)
	if listAt < 0 {
		return nil
	}
	listAt += after
	n := root.count()
	lay := &overviewLayout{page: page, spots: appendSpots(make([]overviewSpot, 0, n), root, mapAt, mapAt, listAt), index: make(map[string]int, n)}
	for i, s := range lay.spots {
		lay.index[s.file] = i
	}
	return lay
}

// appendSpots appends the spots of the tree of it, in the order of the
// walk, whose spans are relative to the boxes, the lines and the list
// that hold them, which stand at those offsets in the page.
func appendSpots(spots []overviewSpot, it *overviewItem, boxes, lines, list int) []overviewSpot {
	spots = append(spots, overviewSpot{
		box:   span{boxes + it.box.start, boxes + it.box.end},
		lines: span{lines + it.lines.start, lines + it.lines.end},
		label: span{list + it.label.start, list + it.label.end},
		kids:  span{list + it.kids.start, list + it.kids.end},
		file:  it.file, href: it.Href, menu: it.menu, depth: it.depth,
		h: it.h, x: it.x, top: it.top,
	})
	for _, c := range it.Children {
		spots = appendSpots(spots, c, boxes, lines, list)
	}
	return spots
}

// splice is a replacement of a byte range.
type splice struct {
	span
	with []byte
}

// patch returns the page with the new link titles of nodes, and the
// layout of that page. ok is false when a node is not on the page, or
// its new label wraps to another number of lines, which moves every box
// below it: then the page must be drawn again.
func (lay *overviewLayout) patch(nodes []*Node) (next *overviewLayout, ok bool) {
	var splices []splice
	for _, n := range nodes {
		i, found := lay.index[n.File]
		if !found {
			return nil, false
		}
		spot := lay.spots[i]
		box, h := drawBox(nil, &overviewItem{Href: spot.href, Label: n.LinkTitle, menu: spot.menu}, spot.x, spot.top)
		if h != spot.h {
			return nil, false
		}
		splices = append(splices, splice{spot.box, box}, splice{spot.label, appendHTML(nil, n.LinkTitle)})
	}
	next, _ = lay.splice(splices)
	return next, true
}

// redraw returns the page with the tree below p drawn again, in the
// order of its children now, and the layout of that page. ok is false
// when p is not on the page, or its tree no longer has the size it had
// there: then the page must be drawn again.
func (lay *overviewLayout) redraw(p *Node) (next *overviewLayout, ok bool) {
	i, found := lay.index[p.File]
	if !found {
		return nil, false
	}
	spot := lay.spots[i]
	root := overviewTree(p, path.Dir(overviewPage), spot.depth)
	n := root.count()
	if i+n > len(lay.spots) || root.Href != spot.href {
		return nil, false
	}
	last := lay.spots[i+n-1]
	m := mapDrawing{y: spot.top}
	m.draw(root)
	if m.y != last.top+last.h+overviewGap {
		return nil, false
	}
	kids := appendList(nil, root.Children)
	next, at := lay.splice([]splice{
		{spot.lines, m.lines},
		{span{spot.box.start, last.box.end}, m.boxes},
		{spot.kids, kids},
	})
	fresh := appendSpots(make([]overviewSpot, 0, n), root, at[1], at[0], at[2])
	// Root's own label and list are where they were, with the old
	// boxes' shift.
	fresh[0].label, fresh[0].kids = next.spots[i].label, next.spots[i].kids
	copy(next.spots[i:], fresh)
	next.index = maps.Clone(lay.index)
	for j, s := range fresh {
		next.index[s.file] = i + j
	}
	return next, true
}

// splice returns the page with splices made, in the order of the page
// and not overlapping, and its layout, in which every offset moved by
// what the splices before it added or took; at is where each splice's
// bytes start in the new page.
func (lay *overviewLayout) splice(splices []splice) (next *overviewLayout, at []int) {
	slices.SortFunc(splices, func(a, b splice) int { return a.start - b.start })
	grow := 0
	for _, s := range splices {
		grow += len(s.with) - (s.end - s.start)
	}
	page := make([]byte, 0, len(lay.page)+max(grow, 0))
	from := 0
	for _, s := range splices {
		page = append(page, lay.page[from:s.start]...)
		at = append(at, len(page))
		page = append(page, s.with...)
		from = s.end
	}
	page = append(page, lay.page[from:]...)

	shift := func(off int) int {
		moved := off
		for _, s := range splices {
			if s.end <= off {
				moved += len(s.with) - (s.end - s.start)
			}
		}
		return moved
	}
	move := func(s span) span { return span{shift(s.start), shift(s.end)} }
	next = &overviewLayout{page: page, spots: slices.Clone(lay.spots), index: lay.index}
	for i := range next.spots {
		spot := &next.spots[i]
		spot.box, spot.lines = move(spot.box), move(spot.lines)
		spot.label, spot.kids = move(spot.label), move(spot.kids)
	}
	return next, at
}
