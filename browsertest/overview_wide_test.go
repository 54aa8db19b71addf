package browsertest

import "testing"

// wideOverview is what the overview's map measures on a desktop screen.
type wideOverview struct {
	Class      string             `json:"class"`      // of the map on screen
	Width      float64            `json:"width"`      // the map on screen, in CSS px
	Height     float64            `json:"height"`     //
	Room       float64            `json:"room"`       // the width of the page's content
	LabelPx    float64            `json:"labelPx"`    // a label's font size on screen
	BodyPx     float64            `json:"bodyPx"`     // the text's font size
	LabelBold  bool               `json:"labelBold"`  // labels heavier than the text
	Links      int                `json:"links"`      // links in the map on screen
	Overflow   []string           `json:"overflow"`   // labels whose text sticks out of their box
	Outside    []string           `json:"outside"`    // links past the right edge of the window
	BoxTop     map[string]float64 `json:"boxTop"`     // the top of each box on screen, by label
	ScrollWide bool               `json:"scrollWide"` // the page scrolls sideways
}

const measureWideOverviewJS = `(() => {
	const svg = [...document.querySelectorAll("svg.overview-map, svg.overview-wide")].find(s => s.checkVisibility());
	if (!svg) return {class: ""};
	const r = svg.getBoundingClientRect(), scale = r.width / svg.viewBox.baseVal.width;
	const page = document.querySelector(".page"), ps = getComputedStyle(page);
	const text = svg.querySelector("text"), body = document.querySelector("main .content p");
	const out = {class: svg.getAttribute("class"), width: r.width, height: r.height,
		room: page.clientWidth - parseFloat(ps.paddingLeft) - parseFloat(ps.paddingRight),
		labelPx: parseFloat(getComputedStyle(text).fontSize) * scale,
		bodyPx: parseFloat(getComputedStyle(body).fontSize),
		labelBold: parseInt(getComputedStyle(text).fontWeight) > parseInt(getComputedStyle(body).fontWeight),
		links: 0, overflow: [], outside: [], boxTop: {},
		scrollWide: document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth};
	for (const a of svg.querySelectorAll("a")) {
		out.links++;
		const box = a.querySelector("rect").getBBox(), t = a.querySelector("text").getBBox();
		const label = a.textContent.replace(/\s+/g, " ").trim();
		if (t.x < box.x || t.y < box.y || t.x + t.width > box.x + box.width || t.y + t.height > box.y + box.height)
			out.overflow.push(label);
		const br = a.querySelector("rect").getBoundingClientRect();
		if (br.right > innerWidth) out.outside.push(label);
		out.boxTop[label] = Math.round(br.top);
	}
	return out;
})()`

// TestOverviewOnDesktop opens the overview at 1280 × 800: the map must
// use the width of the page, with the four profiles side by side, fit
// in about two screens, and have labels no larger and no bolder than
// the text, each inside its box.
func TestOverviewOnDesktop(t *testing.T) {
	b, o, tab := siteAt(t, 1280, 800)
	m := measure[wideOverview](t, tab, o.page("nl/overzicht/index.html"), measureWideOverviewJS)
	if m.Class == "" {
		t.Fatal("no map on screen")
	}
	t.Logf("at 1280 px: %s %.0f × %.0f px in %.0f px of room, labels %.1f px, text %.1f px", m.Class, m.Width, m.Height, m.Room, m.LabelPx, m.BodyPx)
	if m.Width < 0.8*m.Room {
		t.Errorf("the map is %.0f px wide in %.0f px: it leaves most of the width unused", m.Width, m.Room)
	}
	if m.Height > 2*800 {
		t.Errorf("the map is %.0f px tall: more than two screens of 800 px", m.Height)
	}
	if m.LabelPx > m.BodyPx+0.01 || m.LabelBold {
		t.Errorf("labels are %.1f px (bolder: %v), the text %.1f px: labels must be no larger nor bolder", m.LabelPx, m.LabelBold, m.BodyPx)
	}
	if m.Links != len(b.site.Nodes) {
		t.Errorf("%d links in the map on screen, want one for each of the %d nodes", m.Links, len(b.site.Nodes))
	}
	for _, l := range m.Overflow {
		t.Errorf("label %q sticks out of its box", l)
	}
	for _, l := range m.Outside {
		t.Errorf("box %q reaches past the edge of the window", l)
	}
	if m.ScrollWide {
		t.Error("the overview scrolls sideways")
	}
	profiles := []string{"Wettelijk Vertegenwoordiger", "Verantwoordelijke Toegangen Entiteit (VTE)", "Lokale Beheerder", "Gebruiker"}
	top, ok := m.BoxTop[profiles[0]]
	for _, p := range profiles {
		if got, found := m.BoxTop[p]; !ok || !found || got != top {
			t.Errorf("the profiles are not side by side: tops %v", m.BoxTop)
			break
		}
	}
}
