package synth

import (
	"path"
	"strconv"
	"strings"
)

// fanOut is the most choices a menu has: a menu with more nodes below it
// than that gets menus as choices, level after level.
const fanOut = 10

// node is one node of the synthetic wizard as planned, before it is
// written in either format.
type node struct {
	file      string // path in content/: "_index.md", "a/_index.md", "a/b.md"
	label     string // the linkTitle: the label in breadcrumbs and choices
	weight    int    // 1 for the first sibling
	depth     int    // 0 for the start page, 1 for the profiles
	seq       int    // number in pre-order, the seed of the node's text
	menu      bool   // it has nodes below it: an _index.md of its own folder
	parent    *node
	children  []*node
	crossLink string // a sibling answer (or the parent menu) the body links to, relative to dir
}

// dir is the content folder of the node's file.
func (n *node) dir() string { return path.Dir(n.file) }

// plan lays out a wizard of exactly n nodes: the start page, up to fanOut
// profiles, then menus of up to fanOut choices down to the answers, the
// nodes spread as evenly as possible so that all answers sit at about the
// same depth, as in a real wizard.
func plan(n int) *node {
	root := &node{file: "_index.md", label: "Welkom", menu: true}
	seq := 0
	var grow func(p *node, below int)
	grow = func(p *node, below int) {
		if below == 0 {
			return
		}
		count := min(fanOut, below)
		base, extra := below/count, below%count
		used := map[string]bool{}
		for i := range count {
			size := base
			if i < extra {
				size++
			}
			seq++
			c := &node{weight: i + 1, depth: p.depth + 1, seq: seq, menu: size > 1, parent: p}
			c.label = label(c, i)
			name := slug(c.label)
			for k := 2; used[name]; k++ {
				name = slug(c.label) + "-" + strconv.Itoa(k)
			}
			used[name] = true
			if c.menu {
				c.file = path.Join(p.dir(), name, "_index.md")
			} else {
				c.file = path.Join(p.dir(), name+".md")
			}
			p.children = append(p.children, c)
			grow(c, size-1)
		}
	}
	grow(root, n-1)
	walk(root, linkSiblings)
	return root
}

// label is the linkTitle of the i-th child of its parent.
func label(c *node, i int) string {
	if c.depth == 1 && c.menu {
		return roles[i]
	}
	f := newFiller(uint64(c.seq))
	noun := f.pick(taskNouns)
	if c.menu {
		return noun + "en " + f.pick(taskVerbs)
	}
	return "een " + noun + " " + f.pick(taskVerbs)
}

// linkSiblings picks the cross-link of each answer below p: the next
// answer among its siblings, or the parent menu for an only answer.
func linkSiblings(p *node) {
	var answers []*node
	for _, c := range p.children {
		if !c.menu {
			answers = append(answers, c)
		}
	}
	for i, a := range answers {
		if len(answers) == 1 {
			a.crossLink = path.Base(p.file)
			continue
		}
		a.crossLink = path.Base(answers[(i+1)%len(answers)].file)
	}
}

// walk calls f on n and every node below it, in pre-order.
func walk(n *node, f func(*node)) {
	f(n)
	for _, c := range n.children {
		walk(c, f)
	}
}

// upTo is the relative path from a node's folder up to content/.
func upTo(n *node) string { return strings.Repeat("../", strings.Count(n.file, "/")) }
