package generator

import (
	"strings"
	"testing"
)

// TestChoicesMarker builds a menu whose body places its choices, and
// wants each part where the writer put it.
func TestChoicesMarker(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		order []string // in this order on the page
	}{
		{"without a marker, notes and optional actions follow the choices",
			"Tekst.\n\n> [!NOTE]\n> Een opmerking.\n\n> [!OPTIONAL]\n> Een actie.\n",
			[]string{"<p>Tekst.</p>", `<nav class="choices"`, `<aside class="note" aria-label="Opmerking"><p>Een opmerking.</p></aside>`, `<div class="optional"><p>Een actie.</p></div>`}},
		{"a note above the marker stands before the choices",
			"> [!NOTE]\n> Voor alle acties hierna.\n\n<!-- choices -->\n",
			[]string{`<aside class="note" aria-label="Opmerking"><p>Voor alle acties hierna.</p></aside>`, `<nav class="choices"`}},
		{"text, notes and actions keep their side of the marker",
			"Boven.\n\n> [!NOTE]\n> Noot boven.\n\n<!--  Choices  -->\n\nOnder.\n\n> [!NOTE]\n> Noot onder.\n\n> [!OPTIONAL]\n> Actie onder.\n",
			[]string{"<p>Boven.</p>", "Noot boven.", `<nav class="choices"`, "<p>Onder.</p>", "Noot onder.", "Actie onder."}},
		{"text below the marker alone",
			"<!-- choices -->\n\nNa de keuzes.\n",
			[]string{`<nav class="choices"`, `<div class="content"><p>Na de keuzes.</p></div>`}},
		{"another comment is no marker",
			"Tekst.\n\n<!-- keuzes -->\n\n> [!NOTE]\n> Noot.\n",
			[]string{"<p>Tekst.</p>", `<nav class="choices"`, "Noot."}},
		{"a marker inside a list is no marker",
			"- een\n\n  <!-- choices -->\n- twee\n\n> [!NOTE]\n> Noot.\n",
			[]string{"<li><p>twee</p></li>", `<nav class="choices"`, "Noot."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, templates := range []bool{false, true} {
				files := smallSite()
				files["content/a/_index.md"] = "---\ntitle: Menu A\nprompt: \"… en ik wil:\"\nweight: 1\n---\n\n" + tt.body
				opts := siteOptions(writeSite(t, files))
				opts.templatePages = templates
				site, err := Generate(opts)
				if err != nil {
					t.Fatal(err)
				}
				page := string(site.Files["a/index.html"])
				main := page[strings.Index(page, "<main"):strings.Index(page, "</main>")]
				at := 0
				for _, want := range tt.order {
					i := strings.Index(main[at:], want)
					if i < 0 {
						t.Fatalf("templates %v: the page lacks, or has out of order, %s:\n%s", templates, want, main)
					}
					at += i + len(want)
				}
				if strings.Contains(main, "choices -->") || strings.Contains(main, "raw HTML") {
					t.Errorf("the marker shows on the page:\n%s", main)
				}
			}
		})
	}
}
