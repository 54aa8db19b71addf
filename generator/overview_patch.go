package generator

import (
	"bytes"
	"path"
	"slices"
)

// overviewLayout is where each node stands on the last overview page of
// a Builder: its frame, box and lines in the map, and its label in the
// list. After edits that keep the tree's folders, a quick rebuild draws
// again only the trees that changed, in their frames, and moves the
// frames after them, instead of drawing all of the page again, which
// on a large wizard took longer than the rest of the rebuild.
type overviewLayout struct {
	page   []byte
	height span           // the map's height, in its viewBox
	spots  []overviewSpot // in the order of the walk
}

// overviewSpot is one node's place on the overview page.
type overviewSpot struct {
	at, box, path, inner span // byte ranges in the page, as overviewItem has them
	label, kids          span
	file, href           string
	menu                 bool
	depth, count         int     // its depth, and the nodes of its tree
	h, tree, dy          float64 // as overviewItem has them
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
	// The height is the fourth number of the viewBox.
	const viewBox = `viewBox="0 0 `
	h := bytes.Index(svg, []byte(viewBox))
	if h < 0 {
		return nil
	}
	h += len(viewBox)
	h += bytes.IndexByte(svg[h:], ' ') + 1
	lay := &overviewLayout{page: page, height: span{mapAt + h, mapAt + h + bytes.IndexByte(svg[h:], '"')}}
	lay.spots = appendSpots(make([]overviewSpot, 0, root.count()), root, mapAt, listAt)
	return lay
}

// appendSpots appends the spots of the tree of it, in the order of the
// walk; its map spans are relative to a map at offset m of the page, its
// list spans to a list at offset l.
func appendSpots(spots []overviewSpot, it *overviewItem, m, l int) []overviewSpot {
	at := func(s span, base int) span { return span{base + s.start, base + s.end} }
	i := len(spots)
	spots = append(spots, overviewSpot{
		at: at(it.at, m), box: at(it.box, m), path: at(it.path, m), inner: at(it.inner, m),
		label: at(it.label, l), kids: at(it.kids, l),
		file: it.file, href: it.Href, menu: it.menu, depth: it.depth,
		h: it.h, tree: it.tree, dy: it.dy,
	})
	for _, c := range it.Children {
		spots = appendSpots(spots, c, m, l)
	}
	spots[i].count = len(spots) - i
	return spots
}

// spotsUp returns the spots of n and of its ancestors, n's first, found
// from the start page's down: each node's tree follows its own spot, its
// children's trees one after the other, in the order of the graph. That
// order is the page's for every node whose children did not change;
// each spot on the way is checked against its node. ok is false when the
// page does not have n where the graph puts it.
func (lay *overviewLayout) spotsUp(n *Node) ([]int, bool) {
	if n.Parent == nil {
		return []int{0}, len(lay.spots) > 0 && lay.spots[0].file == n.File
	}
	up, ok := lay.spotsUp(n.Parent)
	if !ok {
		return nil, false
	}
	kids, ok := lay.children(up[0], n.Parent)
	i := slices.Index(n.Parent.Children, n)
	if !ok || i < 0 {
		return nil, false
	}
	return append([]int{kids[i]}, up...), true
}

// children returns the spots of the children of p, whose spot is at,
// in the order of p.Children; ok is false when the page has others.
func (lay *overviewLayout) children(at int, p *Node) (kids []int, ok bool) {
	i, end := at+1, at+lay.spots[at].count
	kids = make([]int, len(p.Children))
	for j, c := range p.Children {
		if i >= end || lay.spots[i].file != c.File {
			return nil, false
		}
		kids[j] = i
		i += lay.spots[i].count
	}
	return kids, i == end
}

// splice is a replacement of a byte range.
type splice struct {
	span
	with []byte
}

// redraw returns the page with the tree of n drawn again as the graph
// has it now (its label, its children, their order, nodes come or gone),
// the frames after it moved by what it grew, and the layout of that
// page. ok is false when n is not on the page.
func (lay *overviewLayout) redraw(n *Node) (next *overviewLayout, ok bool) {
	up, found := lay.spotsUp(n)
	if !found {
		return nil, false
	}
	i, ancestors := up[0], up[1:] // its parent's first
	old := lay.spots[i]
	it := overviewTree(n, path.Dir(overviewPage), old.depth)
	if it.Href != old.href {
		return nil, false
	}
	it.dy = old.dy
	grow := it.measure() - old.tree
	frame := drawFrame(nil, it)
	var kids []byte // the list of its children, as appendList writes it in the page's list
	if len(it.Children) > 0 {
		kids = appendList(nil, it.Children)
	}
	splices := []splice{
		{old.inner, frame},
		{old.label, appendHTML(nil, it.Label)},
		{old.kids, kids},
	}
	// Its ancestors' trees grow with it (in height and in nodes), and
	// the frames after it in each of them move down.
	moved := map[int]float64{}
	if grow != 0 || it.h != old.h {
		// The frames after it move, and its parent's tick to it follows
		// its box's middle.
		child, h := n, it.h
		for k, a := 0, n.Parent; a != nil; k, a = k+1, a.Parent {
			ai := ancestors[k]
			// The children of a as they will stand: after child, moved.
			items := make([]*overviewItem, len(a.Children))
			after := false
			kids, ok := lay.children(ai, a)
			if !ok {
				return nil, false
			}
			for j, c := range a.Children {
				ci := kids[j]
				s := lay.spots[ci]
				items[j] = &overviewItem{dy: s.dy, h: s.h}
				if c == child {
					items[j].h = h
					after = true
				} else if after {
					items[j].dy += grow
					moved[ci] = items[j].dy
					splices = append(splices, splice{s.at, svgNum(nil, items[j].dy)})
				}
			}
			as := lay.spots[ai]
			splices = append(splices, splice{as.path, drawLines(nil, as.depth, as.h, items)})
			if grow == 0 {
				break // only its parent's tick moved
			}
			child, h = a, as.h
		}
		if grow != 0 {
			height := overviewPad + lay.spots[0].tree + grow - overviewGap + overviewPad
			splices = append(splices, splice{lay.height, svgNum(nil, height)})
		}
	}

	page, at, move := splicePage(lay.page, splices)
	// The tree's own spots, from what was just drawn: its frame's dy
	// where it was, its frame and its list where they were spliced in.
	fresh := appendSpots(nil, it, at[0], at[2])
	fresh[0].at = move(old.at)
	fresh[0].label = span{at[1], at[1] + len(splices[1].with)}
	fresh[0].kids = span{at[2], at[2] + len(kids)}
	next = &overviewLayout{page: page, height: move(lay.height), spots: make([]overviewSpot, 0, len(lay.spots)-old.count+len(fresh))}
	for j, s := range lay.spots {
		switch {
		case j == i:
			next.spots = append(next.spots, fresh...)
			continue
		case j > i && j < i+old.count:
			continue
		}
		s.at, s.box, s.path, s.inner = move(s.at), move(s.box), move(s.path), move(s.inner)
		s.label, s.kids = move(s.label), move(s.kids)
		if len(moved) > 0 {
			if dy, ok := moved[j]; ok {
				s.dy = dy
			}
		}
		if j < i && slices.Contains(ancestors, j) {
			s.tree += grow
			s.count += len(fresh) - old.count
		}
		next.spots = append(next.spots, s)
	}
	return next, true
}

// splicePage returns page with splices made, which must not overlap;
// at is where each splice's bytes start in the new page, in the order of
// splices as given, and move moves a span of the old page to where its
// bytes are in the new: by what the splices that end at or before each
// of its ends added or took.
func splicePage(page []byte, splices []splice) (out []byte, at []int, move func(span) span) {
	order := make([]int, len(splices))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return splices[a].start - splices[b].start })
	grow := 0
	for _, s := range splices {
		grow += len(s.with) - (s.end - s.start)
	}
	out = make([]byte, 0, len(page)+max(grow, 0))
	at = make([]int, len(splices))
	from := 0
	ends := make([]int, len(order))
	sums := make([]int, len(order))
	sum := 0
	for k, i := range order {
		s := splices[i]
		out = append(out, page[from:s.start]...)
		at[i] = len(out)
		out = append(out, s.with...)
		from = s.end
		sum += len(s.with) - (s.end - s.start)
		ends[k], sums[k] = s.end, sum
	}
	out = append(out, page[from:]...)

	last := len(ends) - 1
	shift := func(off int) int {
		switch {
		case last < 0 || off < ends[0]:
			return off
		case off > ends[last]:
			return off + sums[last]
		}
		k, found := slices.BinarySearch(ends, off)
		for found && k+1 < len(ends) && ends[k+1] == off {
			k++
		}
		switch {
		case found:
			return off + sums[k]
		case k == 0:
			return off
		}
		return off + sums[k-1]
	}
	return out, at, func(s span) span { return span{shift(s.start), shift(s.end)} }
}
