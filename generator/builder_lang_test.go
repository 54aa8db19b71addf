package generator

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuilderTranslationSaves edits the eGov site in Dutch and French
// as a writer does while wizard serve runs: each save of a translation,
// or of a node file, shows at once in the pages of every language, and
// renders only those that show what changed (and the 404 and root pages,
// which the ordinary build always makes), byte for byte as a build from
// scratch.
func TestBuilderTranslationSaves(t *testing.T) {
	dir := copyBilingualSite(t)
	opts := siteOptions(dir)
	b := NewBuilder(opts)
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	const (
		fr   = "content/ik-ben-een/gebruiker/rol-stopzetten.fr.md"
		nl   = "content/ik-ben-een/gebruiker/rol-stopzetten.md"
		page = "fr/je-suis-un/utilisateur/fin-de-role/index.html"
	)
	steps := []struct {
		name         string
		edit         func()
		changed      []string
		wantRendered int
		wantIn       map[string]string
		wantMoved    map[string]string
	}{
		{name: "a translation's text", changed: []string{fr}, wantRendered: 1 + 2,
			edit:   func() { editFile(t, dir, fr, "Connectez-vous", "Connectez-vous donc") },
			wantIn: map[string]string{page: "Connectez-vous donc"}},
		// Its page, its parent's choices, the overview and its twin's
		// switch and alternates lead to the new address.
		{name: "a translation's slug", changed: []string{fr}, wantRendered: 4 + 2,
			edit:      func() { editFile(t, dir, fr, "slug: fin-de-role", "slug: arret-de-role") },
			wantIn:    map[string]string{"ik-ben-een/gebruiker/rol-stopzetten/index.html": "", "nl/ik-ben-een/gebruiker/rol-stopzetten/index.html": "fr/je-suis-un/utilisateur/arret-de-role/index.html"},
			wantMoved: map[string]string{page: "fr/je-suis-un/utilisateur/arret-de-role/index.html"}},
		// Without its translation, the French page shows the Dutch text,
		// marked, at the Dutch slug.
		{name: "a translation deleted", changed: []string{fr}, wantRendered: 4 + 2,
			edit:      func() { os.Rename(filepath.Join(dir, fr), filepath.Join(dir, fr+".bak")) },
			wantIn:    map[string]string{"fr/je-suis-un/utilisateur/rol-stopzetten/index.html": `<h1 lang="nl">`},
			wantMoved: map[string]string{"fr/je-suis-un/utilisateur/arret-de-role/index.html": "fr/je-suis-un/utilisateur/rol-stopzetten/index.html"}},
		{name: "a translation back", changed: []string{fr}, wantRendered: 4 + 2,
			edit:   func() { os.Rename(filepath.Join(dir, fr+".bak"), filepath.Join(dir, fr)) },
			wantIn: map[string]string{"fr/je-suis-un/utilisateur/arret-de-role/index.html": "Connectez-vous donc"}},
		// A Dutch weight orders the French choices too.
		{name: "a node's weight", changed: []string{nl}, wantRendered: 4 + 2,
			edit: func() { editFile(t, dir, nl, "weight: 3\n", "weight: 0\n") }},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			site := saveAndRebuild(t, b, s.edit, s.changed, s.wantRendered)
			for name, want := range s.wantIn {
				if want == "" {
					if _, ok := site.Files[name]; ok {
						t.Errorf("%s is built: the pages are in language folders", name)
					}
				} else if !strings.Contains(string(site.Files[name]), want) {
					t.Errorf("%s lacks %q", name, want)
				}
			}
			if s.wantMoved != nil && !maps.Equal(site.Moved, s.wantMoved) {
				t.Errorf("moved %v, want %v", site.Moved, s.wantMoved)
			}
			sameAsScratch(t, dir, site, nil)
		})
	}
}
