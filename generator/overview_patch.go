package generator

import (
	"bytes"
	"slices"
)

// overviewLayout is where each node stands on the last overview page of
// a Builder: its box in the map and its label in the list. After an edit
// that changed link titles alone, a quick rebuild splices the new boxes
// and labels into the page instead of drawing all of it again, which on
// a large wizard took longer than the rest of the rebuild.
type overviewLayout struct {
	page  []byte
	spots []overviewSpot // in the order of the walk
	index map[string]int // each node file's spot; shared by the layouts of later patches
}

// overviewSpot is one node's place on the overview page.
type overviewSpot struct {
	box, label span // byte ranges in the page
	href       string
	menu       bool
	h, x, top  float64 // the box's height and place in the map
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
	lay := &overviewLayout{page: page, spots: make([]overviewSpot, 0, n), index: make(map[string]int, n)}
	var walk func(it *overviewItem)
	walk = func(it *overviewItem) {
		lay.index[it.file] = len(lay.spots)
		lay.spots = append(lay.spots, overviewSpot{
			box:   span{mapAt + it.box.start, mapAt + it.box.end},
			label: span{listAt + it.label.start, listAt + it.label.end},
			href:  it.Href, menu: it.menu, h: it.h, x: it.x, top: it.top,
		})
		for _, c := range it.Children {
			walk(c)
		}
	}
	walk(root)
	return lay
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
	slices.SortFunc(splices, func(a, b splice) int { return a.start - b.start })
	page := make([]byte, 0, len(lay.page)+1024)
	at := 0
	for _, s := range splices {
		page = append(page, lay.page[at:s.start]...)
		page = append(page, s.with...)
		at = s.end
	}
	page = append(page, lay.page[at:]...)

	// Every offset moves by what the splices before it added or took,
	// measured on the old page.
	shift := func(off int) int {
		moved := off
		for _, s := range splices {
			if s.end <= off {
				moved += len(s.with) - (s.end - s.start)
			}
		}
		return moved
	}
	next = &overviewLayout{page: page, spots: slices.Clone(lay.spots), index: lay.index}
	for i := range next.spots {
		spot := &next.spots[i]
		spot.box = span{shift(spot.box.start), shift(spot.box.end)}
		spot.label = span{shift(spot.label.start), shift(spot.label.end)}
	}
	return next, true
}
