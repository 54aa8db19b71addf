package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
)

// Strings are the words of the interface in one language, from the
// theme's i18n/<language>.yaml and the site's own i18n/<language>.yaml.
type Strings struct {
	Home           string `yaml:"home"`           // the home link in the title bar
	Back           string `yaml:"back"`           // the back link in the title bar
	Definitions    string `yaml:"definitions"`    // the control that opens the definitions
	Close          string `yaml:"close"`          // the close button of the definitions
	Breadcrumbs    string `yaml:"breadcrumbs"`    // the name of the breadcrumb trail
	Previous       string `yaml:"previous"`       // before the previous page of a sequence
	Next           string `yaml:"next"`           // before the next page of a sequence
	SkipToContent  string `yaml:"skipToContent"`  // the skip link
	Choices        string `yaml:"choices"`        // the name of the list of choices without a prompt
	External       string `yaml:"external"`       // hidden text after an external link
	ExternalIcon   string `yaml:"externalIcon"`   // the name of the external icon used in text
	HomeIcon       string `yaml:"homeIcon"`       // the name of the home icon used in text
	BackIcon       string `yaml:"backIcon"`       // the name of the back icon used in text
	DefinitionsTip string `yaml:"definitionsTip"` // the name of the definitions icon used in text
	OptionalAction string `yaml:"optionalAction"` // the heading of an optional-action box
	Note           string `yaml:"note"`           // the name of a note
	Tip            string `yaml:"tip"`            // the heading of a > [!TIP] box
	Important      string `yaml:"important"`      // the heading of a > [!IMPORTANT] box
	Warning        string `yaml:"warning"`        // the heading of a > [!WARNING] box
	Caution        string `yaml:"caution"`        // the heading of a > [!CAUTION] box
	TaskDone       string `yaml:"taskDone"`       // the name of a ticked box of a task list (- [x])
	TaskToDo       string `yaml:"taskToDo"`       // the name of an empty box of a task list (- [ ])
	Sequence       string `yaml:"sequence"`       // the name of the previous/next navigation
	Contact        string `yaml:"contact"`        // the sentence before the contact link
	NotFoundTitle  string `yaml:"notFoundTitle"`  // the heading of the 404 page
	NotFoundText   string `yaml:"notFoundText"`   // the text of the 404 page
	ToStart        string `yaml:"toStart"`        // the link to the start page on the 404 page
	OverviewTitle  string `yaml:"overviewTitle"`  // the heading of the overview page and its link in the footer
	OverviewIntro  string `yaml:"overviewIntro"`  // the sentence above the map
	OverviewMap    string `yaml:"overviewMap"`    // the name of the map for screen readers
	OverviewAsList string `yaml:"overviewAsList"` // the control that shows the map as a list
	LanguageName   string `yaml:"languageName"`   // the language's own name, on the links to its pages: Nederlands, Français
	Languages      string `yaml:"languages"`      // the name of the links to the same page in the other languages
	Untranslated   string `yaml:"untranslated"`   // above a page shown in the default language among another's pages
	ChooseLanguage string `yaml:"chooseLanguage"` // the heading of the root page that lets the visitor choose a language
}

// languageStrings are the keys that only a site of several languages
// shows: a site of one language need not give them.
var languageStrings = map[string]bool{"languageName": true, "languages": true, "untranslated": true, "chooseLanguage": true}

// loadStrings reads the theme's strings for lang, then the site's; every
// key must have a value, but languageStrings in a site of one language.
func loadStrings(t *themeLayers, siteFS fs.FS, siteName, lang string, multilingual bool, probs *problems) *Strings {
	var s Strings
	name := "i18n/" + lang + ".yaml"
	found, good := false, true
	for _, layer := range t.layers(name) {
		found = true
		good = s.read(layer.data, layer.display, probs) && good
	}
	siteFile := joinDisplay(siteName, name)
	data, err := fs.ReadFile(siteFS, name)
	switch {
	case err == nil:
		found = true
		good = s.read(data, siteFile, probs) && good
	case !errors.Is(err, fs.ErrNotExist):
		probs.add(siteFile, 0, "cannot read file: %v", unwrapPathError(err))
	}
	if !found {
		probs.add(siteFile, 0, "no interface strings for language %q: add %s", lang, name)
		return &s
	}
	if !good {
		return &s
	}
	v := reflect.ValueOf(s)
	for i := range v.NumField() {
		if key := v.Type().Field(i).Tag.Get("yaml"); v.Field(i).String() == "" && (multilingual || !languageStrings[key]) {
			probs.add(siteFile, 0, "%s", fmt.Sprintf("interface string %q is missing for language %q", key, lang))
		}
	}
	return &s
}

// read reads one file of interface strings over s, key by key; false
// when it has problems, which are in probs.
func (s *Strings) read(data []byte, display string, probs *problems) bool {
	data, ok := readText(data, display, "a file of interface strings", probs)
	if !ok {
		return false
	}
	v := reflect.ValueOf(s).Elem()
	fields := make(map[string]*string, v.NumField())
	for i := range v.NumField() {
		fields[v.Type().Field(i).Tag.Get("yaml")] = v.Field(i).Addr().Interface().(*string)
	}
	r := &yamlReader{what: "a file of interface strings", firstLine: 1}
	r.each(data, func(p yamlPair) {
		r.textField(p, fields, "see docs/content-format.md for the interface strings")
	})
	return r.report(display, probs)
}
