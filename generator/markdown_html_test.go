package generator

import (
	"strings"
	"testing"
)

// TestCommentsAreLeftOut checks that HTML comments, notes for writers,
// are allowed wherever Markdown may hold them, and that the page shows
// neither them nor what they say, while the text around them stays.
func TestCommentsAreLeftOut(t *testing.T) {
	tests := []struct{ name, body string }{
		{"a block", "<!-- geheim -->\n\nZichtbaar."},
		{"two on a line", "<!-- geheim --> <!-- geheim -->\n\nZichtbaar."},
		{"over lines", "<!-- geheim\nnog geheim\n-->\nZichtbaar."},
		{"in a paragraph", "Zicht<!-- geheim -->baar."},
		{"in a list item", "- Zichtbaar.\n- <!-- geheim -->"},
		{"in a table cell", "| Kop |\n|-----|\n| <!-- geheim -->Zichtbaar. |"},
		{"in a note", "Zichtbaar.\n\n> [!NOTE]\n> <!-- geheim -->\n> Ook zichtbaar."},
		{"the shortest", "<!-->\n\n<!--->\n\nZichtbaar."},
		{"dashes inside", "<!-- geheim -- geheim -->\n\nZichtbaar."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := smallSite()
			files["content/a/een.md"] = "---\ntitle: Een\n---\n\n" + tt.body + "\n"
			site, err := Generate(siteOptions(writeSite(t, files)))
			if err != nil {
				t.Fatal(err)
			}
			page := string(site.Files["a/een/index.html"])
			if !strings.Contains(page, "Zichtbaar.") {
				t.Errorf("the text around the comment is gone:\n%s", page)
			}
			if strings.Contains(page, "geheim") || strings.Contains(page, "<!--") {
				t.Errorf("the page shows a comment:\n%s", page)
			}
		})
	}
}
