package generator

import (
	"encoding/xml"
	"io"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// svgBox is one link of the overview map, as read back from the SVG.
type svgBox struct {
	Href       string
	Text       string // the lines joined by what stands between them
	X, Y, W, H float64
}

// svgLine is a line of the overview map, in the map's coordinates: a
// tick from (X, Y) dX to the right, or a drop from (X, Y) dY down.
type svgLine struct {
	X, Y, DX, DY float64
}

// readMap parses the <svg> of the overview page, the frames moved into
// place.
func readMap(t *testing.T, page string) (viewBox []float64, width string, boxes []svgBox) {
	viewBox, width, boxes, _ = readMapLines(t, page)
	return viewBox, width, boxes
}

// readMapLines is readMap, with the lines between the boxes.
func readMapLines(t *testing.T, page string) (viewBox []float64, width string, boxes []svgBox, lines []svgLine) {
	t.Helper()
	return readSVG(t, page, "overview-map", false)
}

// readSVG parses the <svg> of the given class of the overview page:
// the narrow map, whose frames move down only, or, across, the wide
// one, whose columns also move to the right.
func readSVG(t *testing.T, page, class string, across bool) (viewBox []float64, width string, boxes []svgBox, lines []svgLine) {
	t.Helper()
	start := strings.Index(page, `<svg class="`+class+`"`)
	end := strings.Index(page[max(start, 0):], "</svg>")
	if start < 0 || end < 0 {
		t.Fatalf("no %s in the page", class)
	}
	dec := xml.NewDecoder(strings.NewReader(page[start : start+end+len("</svg>")]))
	var cur *svgBox
	inText := false
	type offset struct{ x, y float64 }
	frames := []offset{{}} // the offset of each open group
	translate := regexp.MustCompile(`^translate\((-?[0-9.]+) (-?[0-9.]+)\)$`)
	pathCmd := regexp.MustCompile(`M(-?[0-9.]+) (-?[0-9.]+)([hv])(-?[0-9.]+)`)
	num := func(s string) float64 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("not a number in the map: %q", s)
		}
		return f
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the map is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Name.Local] = a.Value
			}
			switch tok.Name.Local {
			case "svg":
				for _, f := range strings.Fields(attr["viewBox"]) {
					viewBox = append(viewBox, num(f))
				}
				width = attr["width"]
			case "g":
				var by offset
				if tr, ok := attr["transform"]; ok {
					m := translate.FindStringSubmatch(tr)
					if m == nil || (!across && num(m[1]) != 0) {
						t.Fatalf("a group moved by %q, not translate(0 dy)", tr)
					}
					by = offset{num(m[1]), num(m[2])}
				}
				here := frames[len(frames)-1]
				frames = append(frames, offset{here.x + by.x, here.y + by.y})
			case "a":
				boxes = append(boxes, svgBox{Href: attr["href"]})
				cur = &boxes[len(boxes)-1]
			case "rect":
				if cur != nil {
					at := frames[len(frames)-1]
					cur.X, cur.Y, cur.W, cur.H = at.x+num(attr["x"]), at.y+num(attr["y"]), num(attr["width"]), num(attr["height"])
				}
			case "path":
				at := frames[len(frames)-1]
				d := attr["d"]
				if pathCmd.ReplaceAllString(d, "") != "" {
					t.Fatalf("a path of the map draws %q: want moves, each with one h or v", d)
				}
				for _, m := range pathCmd.FindAllStringSubmatch(d, -1) {
					l := svgLine{X: at.x + num(m[1]), Y: at.y + num(m[2])}
					if m[3] == "h" {
						l.DX = num(m[4])
					} else {
						l.DY = num(m[4])
					}
					lines = append(lines, l)
				}
			case "text":
				inText = true
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "g":
				frames = frames[:len(frames)-1]
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
	return viewBox, width, boxes, lines
}

func TestOverviewPage(t *testing.T) {
	files := smallSite()
	files["content/a/_index.md"] = "---\ntitle: Menu A\nlinkTitle: \"Een heel lang label voor een menu, met ‘quotes’ & <tekens> die de kaart moet afbreken\"\nweight: 1\n---\n"
	files["content/a/b/_index.md"] = "---\ntitle: Diep\nweight: 3\n---\n"
	files["content/a/b/c.md"] = "---\ntitle: Dieper\n---\n\nKlaar.\n"
	site, err := Generate(siteOptions(writeSite(t, files)))
	if err != nil {
		t.Fatal(err)
	}
	if site.Pages != len(site.Nodes)+2 {
		t.Errorf("Pages = %d, want the nodes, 404.html and the overview: %d", site.Pages, len(site.Nodes)+2)
	}
	page := string(site.Files[overviewPage])
	if page == "" {
		t.Fatalf("no %s", overviewPage)
	}
	for _, want := range []string{
		"<title>Overzicht van de wizard – Testwizard</title>",
		"<h1>Overzicht van de wizard</h1>",
		`aria-label="Kaart van de wizard"`,
		`<a href="index.html" aria-current="page">Overzicht van de wizard</a>`, // the footer's link
		`<summary>Toon het overzicht als lijst</summary>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the overview lacks %s", want)
		}
	}
	if strings.Contains(page, "<script") || regexp.MustCompile(`(src|href)="(https?:)?//`).MatchString(page) {
		t.Error("the overview loads something from outside the site")
	}

	viewBox, width, boxes, lines := readMapLines(t, page)
	if len(viewBox) != 4 || viewBox[2] != overviewWidth || width != "100%" {
		t.Fatalf("viewBox %v, width %q: want a map %d units wide that fills the page", viewBox, width, overviewWidth)
	}
	if len(boxes) != len(site.Nodes) {
		t.Fatalf("%d links in the map for %d nodes", len(boxes), len(site.Nodes))
	}
	var hrefs []string
	for i, b := range boxes {
		target := path.Join(path.Dir(overviewPage), b.Href)
		if _, ok := site.Files[target]; !ok || !strings.HasSuffix(b.Href, "index.html") {
			t.Errorf("map link %q leads to %s, which the site does not have", b.Href, target)
		}
		hrefs = append(hrefs, target)
		if b.X < 0 || b.Y < 0 || b.X+b.W > viewBox[2] || b.Y+b.H > viewBox[3] {
			t.Errorf("box %q lies outside the map", b.Text)
		}
		if i > 0 && b.Y < boxes[i-1].Y+boxes[i-1].H {
			t.Errorf("box %q overlaps the one above", b.Text)
		}
		for _, line := range strings.Split(b.Text, "\u00a0") {
			if w := float64(len([]rune(line)))*overviewCharW + 2*overviewPadX; w > b.W+0.01 {
				t.Errorf("line %q is wider than its box", line)
			}
		}
	}
	var nodes []string
	for _, n := range site.Nodes {
		nodes = append(nodes, n.URL)
	}
	slices.Sort(hrefs)
	slices.Sort(nodes)
	if !slices.Equal(hrefs, nodes) {
		t.Errorf("the map links to %q, want every node %q", hrefs, nodes)
	}
	// Depth-first, in weight order: the start page, then menu A with
	// its pages and the folder below it.
	var order []string
	for _, b := range boxes {
		order = append(order, strings.ReplaceAll(b.Text, "\u00a0", " "))
	}
	want := []string{
		"Welkom",
		"Een heel lang label voor een menu, met ‘quotes’ & <tekens> die de kaart moet afbreken",
		"Een", "Twee", "Diep", "Dieper",
	}
	if !slices.Equal(order, want) {
		t.Errorf("map order %q, want %q", order, want)
	}
	if n := strings.Count(boxes[1].Text, "\u00a0"); n < 2 {
		t.Errorf("the long label is on %d lines, want it wrapped to 3 or more", n+1)
	}

	// Lines: a tick to the middle of every box but the start page's, from
	// its parent's drop, which runs from the parent's box down to the
	// tick of its last child.
	var ticks, drops []svgLine
	for _, l := range lines {
		if l.DX != 0 {
			ticks = append(ticks, l)
		} else {
			drops = append(drops, l)
		}
	}
	if len(ticks) != len(boxes)-1 {
		t.Errorf("%d ticks for %d boxes below the start page", len(ticks), len(boxes)-1)
	}
	for _, b := range boxes[1:] {
		left, mid := b.X-overviewSlack, b.Y+b.H/2
		if !slices.ContainsFunc(ticks, func(l svgLine) bool { return l.X+l.DX == left && l.Y == mid }) {
			t.Errorf("no tick reaches box %q at (%g, %g): %v", b.Text, left, mid, ticks)
		}
	}
	menus := 0
	for i, b := range boxes {
		if i+1 == len(boxes) || boxes[i+1].X <= b.X {
			continue // no children
		}
		menus++
		x, bottom := b.X-overviewSlack+overviewTick, b.Y+b.H+overviewSlack
		drop := slices.IndexFunc(drops, func(l svgLine) bool { return l.X == x && l.Y == bottom })
		if drop < 0 {
			t.Errorf("no line drops from box %q at (%g, %g): %v", b.Text, x, bottom, drops)
			continue
		}
		end := drops[drop].Y + drops[drop].DY
		if !slices.ContainsFunc(ticks, func(l svgLine) bool { return l.X == x && l.Y == end }) {
			t.Errorf("the line from box %q ends at %g, where no tick starts", b.Text, end)
		}
	}
	if len(drops) != menus {
		t.Errorf("%d drops for %d boxes with boxes below them", len(drops), menus)
	}

	// The same tree as a nested list.
	list := page[strings.Index(page, "<details"):]
	if got := strings.Count(list, "<li><a href="); got != len(site.Nodes) {
		t.Errorf("%d list items for %d nodes", got, len(site.Nodes))
	}
	if !strings.Contains(list, `<li><a href="../a/b/index.html">Diep</a><ul><li><a href="../a/b/c/index.html">Dieper</a></li></ul></li>`) {
		t.Errorf("the list does not nest Dieper under Diep:\n%s", list)
	}
}

// TestOverviewFooterLink wants the link to the overview in the footer of
// every page, relative to the page, and marked current on the overview.
func TestOverviewFooterLink(t *testing.T) {
	site, err := Generate(siteOptions(writeSite(t, smallSite())))
	if err != nil {
		t.Fatal(err)
	}
	footer := regexp.MustCompile(`<p class="footer-overview"><a href="([^"]+)"( aria-current="page")?>Overzicht van de wizard</a></p>`)
	pages := 0
	for name, data := range site.Files {
		if path.Ext(name) != ".html" {
			continue
		}
		pages++
		m := footer.FindStringSubmatch(string(data))
		if m == nil {
			t.Errorf("%s has no link to the overview in its footer", name)
			continue
		}
		if got := path.Join(path.Dir(name), m[1]); got != overviewPage {
			t.Errorf("%s: the footer link %q leads to %s", name, m[1], got)
		}
		if (m[2] != "") != (name == overviewPage) {
			t.Errorf("%s: aria-current=%q", name, m[2])
		}
	}
	if pages != site.Pages {
		t.Errorf("%d HTML files, %d pages", pages, site.Pages)
	}
}

func TestOverviewAddressTaken(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{name: "a folder named overzicht",
			files: map[string]string{"content/overzicht/_index.md": "---\ntitle: Overzicht\n---\n\nTekst.\n"},
			want:  "site/content/overzicht/_index.md:1: address overzicht/index.html is the overview of the wizard, which the generator writes: rename the folder or set a slug"},
		{name: "a page named overzicht",
			files: map[string]string{"content/overzicht.md": "---\ntitle: Overzicht\n---\n\nTekst.\n"},
			want:  "site/content/overzicht.md:1: address overzicht/index.html is the overview"},
		{name: "a slug",
			files: map[string]string{"content/kaart.md": "---\ntitle: Kaart\nslug: overzicht\n---\n\nTekst.\n"},
			want:  "site/content/kaart.md:1: address overzicht/index.html is the overview"},
		{name: "a file in content/",
			files: map[string]string{"content/overzicht/index.html": "<p>eigen</p>"},
			want:  "site/content/overzicht/index.html: this file would overwrite overzicht/index.html, the overview of the wizard"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := smallSite()
			files["content/_index.md"] = "---\ntitle: Welkom\n---\n\nZie [overzicht](overzicht.md).\n"
			for k, v := range tt.files {
				files[k] = v
			}
			if _, ok := tt.files["content/overzicht.md"]; !ok {
				files["content/_index.md"] = "---\ntitle: Welkom\n---\n\nKies.\n"
			}
			_, err := Generate(siteOptions(writeSite(t, files)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant …%s…", err, tt.want)
			}
		})
	}
}

func TestWrapLabel(t *testing.T) {
	tests := []struct {
		in   string
		cols int
		want []string
	}{
		{"Welkom", 10, []string{"Welkom"}},
		{"een Lokale Beheerder aanstellen", 12, []string{"een Lokale", "Beheerder", "aanstellen"}},
		{"Medeverantwoordelijke Toegangen", 10, []string{"Medeverant", "woordelijk", "e", "Toegangen"}},
		{"  veel   spaties  ", 20, []string{"veel spaties"}},
		{"", 10, []string{""}},
		{"‘één’ … twee", 5, []string{"‘één’", "…", "twee"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := wrapLabel(tt.in, tt.cols); !slices.Equal(got, tt.want) {
				t.Errorf("wrapLabel(%q, %d) = %q, want %q", tt.in, tt.cols, got, tt.want)
			}
		})
	}
}

// TestSVGNumIsShortestG: the integer shortcut of svgNum writes what
// strconv's shortest 'g' form writes.
func TestSVGNumIsShortestG(t *testing.T) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -1, 7.5, 12, 999999, -999999, 1e6, 2e6, 1234567, 0.25, 1e-5, 3e21, math.Inf(1), math.NaN()} {
		want := strconv.FormatFloat(v, 'g', -1, 64)
		if got := string(svgNum(nil, v)); got != want {
			t.Errorf("svgNum(%v) = %q, want %q", v, got, want)
		}
	}
	for i := -2_000_000; i <= 2_000_000; i += 997 {
		v := float64(i) / 2
		if got, want := string(svgNum(nil, v)), strconv.FormatFloat(v, 'g', -1, 64); got != want {
			t.Fatalf("svgNum(%v) = %q, want %q", v, got, want)
		}
	}
}
