package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/wizardsite/wizard/theme"
)

// TestSettingsAndStringsTakeAByteOrderMark: site.yaml and the interface
// strings are read as content is, a byte order mark first and all.
func TestSettingsAndStringsTakeAByteOrderMark(t *testing.T) {
	site := fstest.MapFS{
		"site.yaml":    {Data: []byte("\uFEFFtitle: Testwizard\nlanguage: nl\n")},
		"i18n/nl.yaml": {Data: []byte("\uFEFFhome: Thuis\r\nback: Terug\r\n")},
	}
	var probs problems
	s := loadSettings(site, "site", &probs)
	th := &themeLayers{base: theme.FS(), site: site, siteName: "site"}
	str := loadStrings(th, site, "site", s.Language, s.multilingual(), &probs)
	if err := probs.err(); err != nil {
		t.Fatal(err)
	}
	if s.Title != "Testwizard" || str.Home != "Thuis" || str.Back != "Terug" {
		t.Errorf("title %q, home %q, back %q; want Testwizard, Thuis, Terug", s.Title, str.Home, str.Back)
	}
}

// TestSettingsProblemsAlone: each problem of site.yaml is reported once,
// without the problems that would follow from it.
func TestSettingsProblemsAlone(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"a language that is a path", "title: T\nlanguage: ../nl\n",
			[]string{`site/site.yaml:2: language "../nl" is not a language code such as nl`}},
		{"a wrong value does not hide the next", "title: [T]\nlanguage: nl\nbaseURL: ftp://x\n",
			[]string{`site/site.yaml:1:8: title is a list: write it as text after the colon, in quotes if it holds a colon or starts with [ or {`,
				`site/site.yaml:3: baseURL: want an absolute address such as https://example.org/`}},
		{"a number is its digits", "title: 2024\nlanguage: nl\n", nil},
		{"an empty contact is none", "title: T\ncontact:\n", nil},
		{"an unknown key in contact", "title: T\ncontact:\n  label: Bel ons\n  adres: https://example.org/\n",
			[]string{`site/site.yaml:4:3: unknown field "adres": contact has label and url`}},
		{"contact as a list", "title: T\ncontact: [a, b]\n",
			[]string{`site/site.yaml:2:10: contact is a list: write label: and url: on the lines below it, indented`}},
		{"not a mapping", "just a sentence\n",
			[]string{`site/site.yaml:1:1: site.yaml must be a list of key: value lines`}},
		{"an anchor", "title: &t T\nsubtitle: *t\n", []string{
			`site/site.yaml:1:8: YAML anchors, aliases and merge keys (&name, *name, <<) are not used here: write the value out in full`,
			`site/site.yaml:2:11: YAML anchors, aliases and merge keys (&name, *name, <<) are not used here: write the value out in full`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := fstest.MapFS{"site.yaml": {Data: []byte(tt.yaml)}}
			var probs problems
			s := loadSettings(site, "site", &probs)
			th := &themeLayers{base: theme.FS(), site: site, siteName: "site"}
			loadStrings(th, site, "site", s.Language, s.multilingual(), &probs)
			var got []string
			for _, e := range probs.list.sort() {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// A site without site.yaml, or whose site.yaml names no language, speaks
// English, as a Hugo site does.
func TestDefaultLanguageIsEnglish(t *testing.T) {
	for name, settings := range map[string]string{"no site.yaml": "", "no language": "title: Klein\n"} {
		t.Run(name, func(t *testing.T) {
			files := map[string]string{
				"content/_index.md": "---\ntitle: Start\n---\n\n[Een](een.md)\n",
				"content/een.md":    "---\ntitle: Een\n---\n",
			}
			if settings != "" {
				files["site.yaml"] = settings
			}
			dir := writeSite(t, files)
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Build(siteOptions(dir), out); err != nil {
				t.Fatal(err)
			}
			page, err := os.ReadFile(filepath.Join(out, "een", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{`<html lang="en">`, ">Skip to content<"} {
				if !strings.Contains(string(page), want) {
					t.Errorf("the page lacks %s:\n%s", want, page)
				}
			}
		})
	}
}

// TestLanguageStringsOnlyForSeveralLanguages: the interface strings that
// only a site of several languages shows (the language's name, the
// notice, the heading of the root page) are not asked of a site in one
// language, whose own i18n file was written before they were; a site
// in several languages needs them in every language.
func TestLanguageStringsOnlyForSeveralLanguages(t *testing.T) {
	var old strings.Builder // every key of a language, but the language strings
	for _, line := range strings.Split(string(mustRead(t, theme.FS(), "i18n/en.yaml")), "\n") {
		key, _, _ := strings.Cut(line, ":")
		if line != "" && !languageStrings[key] {
			old.WriteString(line + "\n")
		}
	}
	for _, tt := range []struct {
		yaml string
		want []string
	}{
		{"title: T\nlanguage: de\n", nil},
		{"title: T\nlanguage: de\nlanguages:\n  fr:\n", []string{
			`site/i18n/de.yaml: interface string "languageName" is missing for language "de"`,
			`site/i18n/de.yaml: interface string "languages" is missing for language "de"`,
			`site/i18n/de.yaml: interface string "untranslated" is missing for language "de"`,
			`site/i18n/de.yaml: interface string "chooseLanguage" is missing for language "de"`,
		}},
	} {
		site := fstest.MapFS{"site.yaml": {Data: []byte(tt.yaml)}, "i18n/de.yaml": {Data: []byte(old.String())}}
		var probs problems
		environment(Options{Source: site, SourceName: "site", Theme: theme.FS()}, &probs, false)
		var got []string
		for _, e := range probs.list {
			got = append(got, e.Error())
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%q:\n  %s\nwant:\n  %s", tt.yaml, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
		}
	}
}

func mustRead(t *testing.T, fsys fs.FS, name string) []byte {
	t.Helper()
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSiteLanguages: the languages are the default, then the others by
// code; what a language leaves out of site.yaml is the default's.
func TestSiteLanguages(t *testing.T) {
	fsys := fstest.MapFS{"site.yaml": {Data: []byte("title: Wizard\nsubtitle: Ondertitel\nlanguage: nl\n" +
		"contact:\n  label: centrum\n  url: https://example.org/\nlanguages:\n  fr:\n    subtitle: Sous-titre\n  en:\n    title: Wizard EN\n    contact:\n      label: centre\n      url: https://example.org/en\n  de:\n")}}
	var probs problems
	s := loadSettings(fsys, "site", &probs)
	if err := probs.err(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range s.languages() {
		got = append(got, l.Language+"|"+l.Title+"|"+l.Subtitle+"|"+l.Contact.Label)
	}
	want := []string{"nl|Wizard|Ondertitel|centrum", "de|Wizard|Ondertitel|centrum", "en|Wizard EN|Ondertitel|centre", "fr|Wizard|Sous-titre|centrum"}
	if !slices.Equal(got, want) {
		t.Errorf("languages\n  %q\nwant\n  %q", got, want)
	}
}
