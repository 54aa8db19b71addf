package generator

import "testing"

// The line index gives the line that counting the newlines gives.
func TestLineIndex(t *testing.T) {
	for _, src := range []string{"", "a", "\n", "a\nb", "a\n\nb\n", "\n\n\nx"} {
		x := newLineIndex([]byte(src))
		for i := 0; i <= len(src); i++ {
			if got, want := x.line(i), lineAt([]byte(src), i); got != want {
				t.Errorf("%q at %d: line %d, want %d", src, i, got, want)
			}
		}
	}
}
