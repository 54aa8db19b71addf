package generator

import (
	"bytes"
	"sort"
)

// lineIndex turns byte offsets of a body into lines. Counting the lines
// from the start for each link made a body of many links cost the
// square of its size: of the 5 s that a body of 85,000 links took, two
// thirds.
type lineIndex []int // the offset of each line's start

func newLineIndex(src []byte) lineIndex {
	x := make(lineIndex, 1, 1+bytes.Count(src, []byte("\n")))
	for at := 0; ; {
		i := bytes.IndexByte(src[at:], '\n')
		if i < 0 {
			return x
		}
		at += i + 1
		x = append(x, at)
	}
}

// line is the 1-based line of byte offset i.
func (x lineIndex) line(i int) int {
	return sort.Search(len(x), func(k int) bool { return x[k] > i })
}

// lineOf is the line of byte offset i of the body, with the index made
// when a line is first asked for.
func (bc *bodyContext) lineOf(i int) int {
	if bc.lines == nil {
		bc.lines = newLineIndex(bc.src)
	}
	return bc.lines.line(i)
}
