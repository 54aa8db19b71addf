package generator

import (
	"encoding/xml"
	"io"
	"path"
	"regexp"
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
	start := strings.Index(page, `<svg class="overview-wide"`)
	if start < 0 {
		return nil, nil, false
	}
	end := strings.Index(page[start:], "</svg>")
	dec := xml.NewDecoder(strings.NewReader(page[start : start+end+len("</svg>")]))
	translate := regexp.MustCompile(`^translate\((-?[0-9.]+) (-?[0-9.]+)\)$`)
	num := func(s string) float64 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("not a number in the wide map: %q", s)
		}
		return f
	}
	type offset struct{ x, y float64 }
	groups := []offset{{}}
	inText := false
	var cur *svgBox
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the wide map is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Name.Local] = a.Value
			}
			here := groups[len(groups)-1]
			switch tok.Name.Local {
			case "svg":
				for _, f := range strings.Fields(attr["viewBox"]) {
					viewBox = append(viewBox, num(f))
				}
			case "g":
				m := translate.FindStringSubmatch(attr["transform"])
				if m == nil {
					t.Fatalf("a group of the wide map moved by %q", attr["transform"])
				}
				groups = append(groups, offset{here.x + num(m[1]), here.y + num(m[2])})
			case "a":
				boxes = append(boxes, svgBox{Href: attr["href"]})
				cur = &boxes[len(boxes)-1]
			case "rect":
				cur.X, cur.Y = here.x+num(attr["x"]), here.y+num(attr["y"])
				cur.W, cur.H = num(attr["width"]), num(attr["height"])
			case "text":
				inText = true
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "g":
				groups = groups[:len(groups)-1]
			case "a":
				cur = nil
			case "text":
				inText = false
			}
		case xml.CharData:
			if inText && cur != nil {
				cur.Text += string(tok)
			}
		}
	}
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
