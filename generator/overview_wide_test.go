package generator

import (
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// readWideMap parses the wide map of an overview page: its viewBox and
// its boxes, each moved by the groups around it; ok is false when the
// page has none.
func readWideMap(t *testing.T, page string) (viewBox []float64, boxes []svgBox, ok bool) {
	t.Helper()
	if !strings.Contains(page, `<svg class="overview-wide"`) {
		return nil, nil, false
	}
	viewBox, _, boxes, _ = readSVG(t, page, "overview-wide", true)
	return viewBox, boxes, true
}

// TestOverviewWideMap builds a wizard whose last menu holds most of it:
// the wide map must show every node once, its boxes apart and inside
// the map, with that menu's children side by side in rows of at most
// four.
func TestOverviewWideMap(t *testing.T) {
	files := smallSite()
	files["content/b/_index.md"] = "---\ntitle: Menu B\nweight: 2\n---\n"
	for i, name := range []string{"een", "twee", "drie", "vier", "vijf"} {
		files["content/b/"+name+"/_index.md"] = "---\ntitle: Profiel " + name + " met een label dat over meer regels loopt\nweight: " + strconv.Itoa(i) + "\n---\n"
		files["content/b/"+name+"/taak.md"] = "---\ntitle: Een taak\n---\n\nTekst.\n"
		files["content/b/"+name+"/nog.md"] = "---\ntitle: Nog een taak\n---\n\nTekst.\n"
	}
	site, err := Generate(siteOptions(writeSite(t, files)))
	if err != nil {
		t.Fatal(err)
	}
	viewBox, boxes, ok := readWideMap(t, string(site.Files[overviewPage]))
	if !ok {
		t.Fatal("no wide map")
	}
	seen := map[string]int{}
	for i, b := range boxes {
		seen[path.Join(path.Dir(overviewPage), b.Href)]++
		if b.X < 0 || b.Y < 0 || b.X+b.W > viewBox[2] || b.Y+b.H > viewBox[3] {
			t.Errorf("box %q lies outside the map %v", b.Text, viewBox)
		}
		for _, o := range boxes[:i] {
			if b.X < o.X+o.W && o.X < b.X+b.W && b.Y < o.Y+o.H && o.Y < b.Y+b.H {
				t.Errorf("boxes %q and %q overlap", b.Text, o.Text)
			}
		}
	}
	for _, n := range site.Nodes {
		if seen[n.URL] != 1 {
			t.Errorf("%s is in the wide map %d times, want once", n.URL, seen[n.URL])
		}
	}
	tops := map[float64][]string{}
	for _, b := range boxes {
		if strings.HasPrefix(b.Text, "Profiel") {
			tops[b.Y] = append(tops[b.Y], b.Href)
		}
	}
	if len(tops) != 2 {
		t.Errorf("the five profiles stand in %d rows, want 2 (3 and 2): %v", len(tops), tops)
	}
	for _, row := range tops {
		if len(row) > 3 {
			t.Errorf("a row of %d profiles: %v", len(row), row)
		}
	}
}

// TestOverviewWideMapLeftOut wants no wide map where the columns would
// have a box of the narrow part below them: the menu that holds most of
// the wizard comes before a sibling.
func TestOverviewWideMapLeftOut(t *testing.T) {
	files := smallSite()
	files["content/b/_index.md"] = "---\ntitle: Menu B\nweight: 0\n---\n"
	for _, name := range []string{"een", "twee", "drie"} {
		files["content/b/"+name+"/_index.md"] = "---\ntitle: Profiel " + name + "\n---\n"
		files["content/b/"+name+"/taak.md"] = "---\ntitle: Een taak\n---\n\nTekst.\n"
	}
	site, err := Generate(siteOptions(writeSite(t, files)))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := readWideMap(t, string(site.Files[overviewPage])); ok {
		t.Error("a wide map, though menu B, which holds most of the wizard, comes before menu A")
	}
}

// TestOverviewWideMapTooLarge wants no wide map for a wizard of more
// than overviewWideMaxNodes nodes, whose columns would copy megabytes.
func TestOverviewWideMapTooLarge(t *testing.T) {
	files := smallSite()
	files["content/b/_index.md"] = "---\ntitle: Menu B\nweight: 2\n---\n"
	for _, name := range []string{"een", "twee", "drie"} {
		files["content/b/"+name+"/_index.md"] = "---\ntitle: Profiel " + name + "\n---\n"
	}
	site, err := Generate(siteOptions(writeSite(t, files)))
	if err != nil {
		t.Fatal(err)
	}
	root := site.Nodes[slices.IndexFunc(site.Nodes, func(n *Node) bool { return n.Parent == nil })]
	if overviewFrames(nil).overviewWide(root, len(site.Nodes), "Kaart") == "" {
		t.Fatal("no wide map for the small wizard")
	}
	if got := overviewFrames(nil).overviewWide(root, overviewWideMaxNodes+1, "Kaart"); got != "" {
		t.Errorf("a wide map for %d nodes", overviewWideMaxNodes+1)
	}
}
