package generator

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// writtenDifference describes the first node whose lines of front matter
// keys and of choices, or whose body, differ between two builds of the
// same files, "" when none does: what the writers' tools read through
// KeyLine, ChoiceLines and Body (check's warnings point at those lines).
func writtenDifference(rebuilt, fresh []*Node) string {
	for i := range rebuilt {
		a, b := writtenSummary(rebuilt[i]), writtenSummary(fresh[i])
		if a != b {
			return fmt.Sprintf("what the writers' tools read differs:\n  rebuild: %s\n  scratch: %s", a, b)
		}
	}
	return ""
}

func writtenSummary(n *Node) string {
	return fmt.Sprintf("%s lines=%v choices=%v body=%q", n.File, n.front.lines, ChoiceLines(n), Body(n))
}

func TestParseNode(t *testing.T) {
	src := "---\ntitle: Taak\nweight: 4\nchoices:\n  - een.md\n  - page: twee.md\n    label: Twee\n---\n\nTekst.\n"
	n, err := ParseNode("a/taak.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if n.File != "a/taak.md" || n.Title != "Taak" || n.LinkTitle != "Taak" || n.Weight != 4 {
		t.Errorf("file %q, title %q, linkTitle %q, weight %d", n.File, n.Title, n.LinkTitle, n.Weight)
	}
	if got := []int{KeyLine(n, "title"), KeyLine(n, "weight"), KeyLine(n, "choices"), KeyLine(n, "prompt")}; !slices.Equal(got, []int{2, 3, 4, 0}) {
		t.Errorf("lines of title, weight, choices, prompt: %v", got)
	}
	if got := ChoiceLines(n); !slices.Equal(got, []int{5, 6}) {
		t.Errorf("ChoiceLines = %v, want [5 6]", got)
	}
	if body := string(Body(n)); strings.Count(body, "\n") != strings.Count(src, "\n") || strings.TrimSpace(body) != "Tekst." {
		t.Errorf("body %q: want the text, on the lines of the file", body)
	}

	plain, err := ParseNode("los.md", []byte("Alleen tekst.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ChoiceLines(plain) != nil || KeyLine(plain, "title") != 0 || string(Body(plain)) != "Alleen tekst.\n" {
		t.Errorf("a file without front matter: choices %v, title line %d, body %q", ChoiceLines(plain), KeyLine(plain, "title"), Body(plain))
	}

	_, err = ParseNode("kapot.md", []byte("---\ntitle: [\n---\n"))
	var e *Error
	if !errors.As(err, &e) || e.File != "kapot.md" || e.Line == 0 {
		t.Errorf("err = %v, want an *Error in kapot.md with a line", err)
	}
}
