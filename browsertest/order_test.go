package browsertest

import (
	"strings"
	"testing"
)

// orderJS measures, on a page, where its first note and its choices
// start, and lists the optional actions that look like a placeholder: a
// dashed outline, or a label of their own above them.
const orderJS = `(() => {
	const top = sel => { const e = document.querySelector(sel); return e ? e.getBoundingClientRect().top + scrollY : -1; };
	const note = document.querySelector("main .note");
	const placeholders = [];
	for (const o of document.querySelectorAll("main .optional")) {
		const s = getComputedStyle(o);
		if ([s.borderTopStyle, s.borderRightStyle, s.borderBottomStyle, s.borderLeftStyle].includes("dashed"))
			placeholders.push("dashed outline: " + o.textContent.trim().slice(0, 40));
		if (o.querySelector("h2, h3, h4"))
			placeholders.push("a heading of its own: " + o.querySelector("h2, h3, h4").textContent.trim());
	}
	return {note: top("main .note"), choices: top("main .choices"), noteText: note ? note.textContent.trim() : "",
		optionals: document.querySelectorAll("main .optional").length, placeholders};
})()`

type pageOrder struct {
	Note         float64  `json:"note"`
	Choices      float64  `json:"choices"`
	NoteText     string   `json:"noteText"`
	Optionals    int      `json:"optionals"`
	Placeholders []string `json:"placeholders"`
}

// TestNoteBeforeChoices opens the Wettelijk Vertegenwoordiger's menu on
// a phone: its precondition speaks of the actions that follow, so it
// must stand above them. The optional action of "Ik ben een …" must
// look like ordinary secondary content, not like a placeholder.
func TestNoteBeforeChoices(t *testing.T) {
	_, o, tab := siteAt(t, 320, 640)
	for _, menu := range []struct{ page, note string }{
		{"nl/ik-ben-een/wettelijk-vertegenwoordiger/index.html", "Voor elke van de acties die hierna volgen"},
		{"fr/je-suis-un/representant-legal/index.html", "Pour chacune des actions qui suivent"},
	} {
		got := measure[pageOrder](t, tab, o.page(menu.page), orderJS)
		t.Logf("%s at 320 px: the note at %.0f px, the choices at %.0f px", menu.page, got.Note, got.Choices)
		if !strings.HasPrefix(got.NoteText, menu.note) {
			t.Errorf("%s: the menu's note says %q, want the KBO precondition", menu.page, got.NoteText)
		}
		if got.Note < 0 || got.Choices < 0 || got.Note > got.Choices {
			t.Errorf("%s: the note starts at %.0f px and the choices at %.0f px: want the note first", menu.page, got.Note, got.Choices)
		}
	}

	got := measure[pageOrder](t, tab, o.page("nl/ik-ben-een/index.html"), orderJS)
	if got.Optionals == 0 {
		t.Error("nl/ik-ben-een/index.html shows no optional action")
	}
	for _, p := range got.Placeholders {
		t.Errorf("nl/ik-ben-een/index.html: an optional action looks like a placeholder: %s", p)
	}
}
