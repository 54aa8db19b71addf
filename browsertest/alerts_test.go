package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/internal/sitetest"
	"github.com/wizardsite/wizard/theme"
)

// GitHub's alerts, task lists and footnotes, as writers write them on a
// code host, are boxes, check boxes and notes in the browser, not text,
// and leave no WCAG violation.
func TestAlertsTaskListsFootnotes(t *testing.T) {
	files := sitetest.Small()
	files["content/a/een.md"] = "---\ntitle: Een\nweight: 1\n---\n\nEerst, zie [twee](twee.md).\n\n" +
		"> [!WARNING]\n> Doe dit **niet** zonder toegang.\n\n> [!TIP]\n> Handig.\n\n" +
		"> [!IMPORTANT]\n> Lees dit.\n\n> [!CAUTION]\n> Gevaar.\n\n" +
		"- [x] gedaan\n- [ ] nog niet\n\nEen voetnoot[^1].\n\n[^1]: De noot.\n"
	src := t.TempDir()
	sitetest.Write(t, src, files)
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(generator.Options{Source: os.DirFS(src), SourceName: "site", Theme: theme.FS()}, dir); err != nil {
		t.Fatal(err)
	}
	o := serveHTTP(t, dir)
	tab := chrome.Tab(t)
	open(t, tab, o.page("a/een/index.html"))
	type box struct {
		Title  string `json:"title"`
		Border string `json:"border"`
	}
	got := measure[struct {
		Boxes      []box  `json:"boxes"`
		Checkboxes int    `json:"checkboxes"`
		Footnote   bool   `json:"footnote"`
		Text       string `json:"text"`
	}](t, tab, o.page("a/een/index.html"), `({
		boxes: [...document.querySelectorAll("main .alert")].map(b => ({
			title: b.querySelector(".alert-title").textContent,
			border: getComputedStyle(b).borderLeftWidth})),
		checkboxes: document.querySelectorAll("main input[type=checkbox]").length,
		footnote: !!document.querySelector("main .footnotes li#fn\\:1"),
		text: document.querySelector("main").innerText,
	})`)
	want := []string{"Waarschuwing", "Tip", "Belangrijk", "Opgelet"}
	if len(got.Boxes) != len(want) {
		t.Fatalf("boxes %+v, want %v", got.Boxes, want)
	}
	for i, b := range got.Boxes {
		if b.Title != want[i] || b.Border != "6px" {
			t.Errorf("box %d: %+v, want title %s and a 6px border", i, b, want[i])
		}
	}
	if got.Checkboxes != 2 || !got.Footnote {
		t.Errorf("%d check boxes, footnote %v; want 2 and a footnote", got.Checkboxes, got.Footnote)
	}
	for _, raw := range []string{"[!WARNING]", "[!TIP]", "[x]", "[^1]"} {
		if strings.Contains(got.Text, raw) {
			t.Errorf("the page shows %s as text:\n%s", raw, got.Text)
		}
	}
	axe, err := os.ReadFile(npmFile(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	if res := runAxe(t, tab, string(axe)); len(res.Violations) > 0 || res.Passes == 0 {
		t.Errorf("%d WCAG violations (%d rules passed):\n%s", len(res.Violations), res.Passes, formatViolations(res.Violations))
	}
}
