package generator

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// settingsFile is the site settings file in the site root.
const settingsFile = "site.yaml"

// Settings are the site-wide values from site.yaml.
type Settings struct {
	Title    string  `yaml:"title"`    // the name in the title bar and in window titles
	Subtitle string  `yaml:"subtitle"` // the line under the title
	Tagline  string  `yaml:"tagline"`  // the small word beside the title, such as "Wizard"
	Language string  `yaml:"language"` // the <html lang> and the i18n file used; defaultLanguage when absent
	BaseURL  string  `yaml:"baseURL"`  // the address the site is served from; enables sitemap.xml and robots.txt
	Contact  Contact `yaml:"contact"`  // the contact link in every footer

	// others are the site's other languages, in the order of their
	// codes: site.yaml's languages, each with the texts it gives.
	others []siteTexts
}

// siteTexts are the texts that site.yaml's languages gives one other
// language: what it leaves out is the default language's.
type siteTexts struct {
	s    Settings // the texts given, and Language, the code
	keys []string // the keys given: title, subtitle, tagline, contact
	line int      // where the language is named, for messages
}

// Contact is where visitors with questions are sent.
type Contact struct {
	Label string `yaml:"label"` // the link text
	URL   string `yaml:"url"`   // an absolute https:// address
}

// defaultLanguage is the language of a site that names none, as Hugo's is.
const defaultLanguage = "en"

// loadSettings reads site.yaml. A site without one (a plain Hugo tree)
// takes its title from the start page later.
func loadSettings(fsys fs.FS, name string, probs *problems) Settings {
	s := Settings{Language: defaultLanguage}
	display := joinDisplay(name, settingsFile)
	data, err := fs.ReadFile(fsys, settingsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return s
	}
	if err != nil {
		probs.add(display, 0, "cannot read file: %v", unwrapPathError(err))
		return s
	}
	data, ok := readText(data, display, settingsFile, probs)
	if !ok {
		return s
	}
	r := &yamlReader{what: settingsFile, firstLine: 1}
	lines := s.read(r, data)
	r.report(display, probs)
	if s.Language == "" {
		s.Language = defaultLanguage
	}
	if s.Language != path.Base(s.Language) || strings.ContainsAny(s.Language, `/\.`) {
		probs.add(display, lines.at("language"), "language %q is not a language code such as nl", s.Language)
		s.Language = defaultLanguage // not to look for interface strings in a path made of it too
	}
	if s.BaseURL != "" {
		if err := checkBaseURL(s.BaseURL); err != nil {
			probs.add(display, lines.at("baseURL"), "baseURL: %v", err)
		}
	}
	if s.Contact.URL != "" && !isExternal(s.Contact.URL) {
		probs.add(display, lines.at("url"), "contact url %q is not an absolute http(s) address", s.Contact.URL)
	}
	s.checkLanguages(display, lines.at("language"), probs)
	return s
}

// read reads the settings of data key by key, and returns the line of
// each key; the problems are in r.
func (s *Settings) read(r *yamlReader, data []byte) keyLines {
	fields := map[string]*string{"title": &s.Title, "subtitle": &s.Subtitle, "tagline": &s.Tagline,
		"language": &s.Language, "baseURL": &s.BaseURL}
	contact := map[string]*string{"label": &s.Contact.Label, "url": &s.Contact.URL}
	var lines keyLines
	r.each(data, func(p yamlPair) {
		lines = append(lines, keyLine{p.key, r.line(p.tok)})
		switch p.key {
		case "contact":
			lines = append(lines, r.contact(p, contact)...)
		case "languages":
			s.others = r.languages(p)
		default:
			r.textField(p, fields, "site.yaml has title, subtitle, tagline, language, baseURL, contact and languages")
		}
	})
	return lines
}

// contact reads the contact: mapping of p into its fields, and returns
// the line of each key.
func (r *yamlReader) contact(p yamlPair, fields map[string]*string) keyLines {
	v, ok := r.plain(p.value)
	switch {
	case !ok || v.Type() == ast.NullType:
	case !isMapping(v):
		r.add(start(v), "%s is %s: write label: and url: on the lines below it, indented", p.key, kindOf(v))
	default:
		var lines keyLines
		for _, q := range r.pairs(v) {
			lines = append(lines, keyLine{q.key, r.line(q.tok)})
			r.textField(q, fields, "contact has label and url")
		}
		return lines
	}
	return nil
}

// languages reads site.yaml's languages: each other language by its
// code, with its texts, in the order of the codes.
func (r *yamlReader) languages(p yamlPair) []siteTexts {
	v, ok := r.plain(p.value)
	switch {
	case !ok || v.Type() == ast.NullType:
		return nil
	case !isMapping(v):
		r.add(start(v), "languages is %s: write each other language's code on a line below it, indented, such as   fr:", kindOf(v))
		return nil
	}
	var out []siteTexts
	for _, q := range r.pairs(v) {
		if !isLanguageCode(q.key) {
			r.add(q.tok, "languages: %q is not a language code: write a code of two lower-case letters, such as fr, or with a region, such as pt-br", q.key)
			continue
		}
		t := siteTexts{s: Settings{Language: q.key}, line: r.line(q.tok)}
		fields := map[string]*string{"title": &t.s.Title, "subtitle": &t.s.Subtitle, "tagline": &t.s.Tagline}
		contact := map[string]*string{"label": &t.s.Contact.Label, "url": &t.s.Contact.URL}
		lv, ok := r.plain(q.value)
		switch {
		case !ok:
			continue
		case lv.Type() == ast.NullType: // the default language's texts
		case !isMapping(lv):
			r.add(start(lv), "languages: %s is %s: write its title:, subtitle:, tagline: and contact: on the lines below it, indented", q.key, kindOf(lv))
			continue
		default:
			for _, f := range r.pairs(lv) {
				t.keys = append(t.keys, f.key)
				if f.key == "contact" {
					for _, kl := range r.contact(f, contact) {
						if kl.key == "url" && t.s.Contact.URL != "" && !isExternal(t.s.Contact.URL) {
							r.errs = append(r.errs, &Error{Line: kl.line, Err: fmt.Errorf("contact url %q is not an absolute http(s) address", t.s.Contact.URL)})
						}
					}
					continue
				}
				r.textField(f, fields, "a language has title, subtitle, tagline and contact")
			}
		}
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b siteTexts) int { return strings.Compare(a.s.Language, b.s.Language) })
	return out
}

// checkBaseURL accepts an absolute http(s) address without a query, a
// fragment, credentials, or characters that a URL must escape: it is
// written as it is into robots.txt, the sitemap and every canonical link.
func checkBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("want an absolute address such as https://example.org/")
	}
	switch {
	case u.RawQuery != "" || u.ForceQuery || strings.Contains(s, "#"):
		return fmt.Errorf("%q: an address with a query or a fragment (? or #) cannot start the pages' addresses", s)
	case u.User != nil:
		return fmt.Errorf("%q: a name or password in the address would be published on every page", s)
	case strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f || strings.ContainsRune(`"'<>\^`+"`{|}", r) }):
		return fmt.Errorf("%q: write the address with its special characters escaped (%%20 for a space)", s)
	}
	return nil
}

// absoluteURL joins the base URL and a path of the site.
func (s *Settings) absoluteURL(p string) string {
	return strings.TrimSuffix(s.BaseURL, "/") + "/" + p
}

// language is one language of a build: the settings and the interface
// strings of its pages.
type language struct {
	site Settings
	t    *Strings
}

// environment reads what every page depends on besides content/: the
// settings and the interface strings of each language, the default
// first, and the theme, and with sum, sums them up with the options.
func environment(opts Options, probs *problems, sum bool) (Settings, []language, *themeLayers, [32]byte) {
	settings := loadSettings(opts.Source, opts.SourceName, probs)
	if opts.BaseURL != "" {
		if err := checkBaseURL(opts.BaseURL); err != nil {
			probs.add("--base-url", 0, "%v", err)
		}
		settings.BaseURL = opts.BaseURL
	}
	th := &themeLayers{base: opts.Theme, site: opts.Source, siteName: opts.SourceName}
	var langs []language
	for _, s := range settings.languages() {
		langs = append(langs, language{site: s, t: loadStrings(th, opts.Source, opts.SourceName, s.Language, settings.multilingual(), probs)})
	}
	var env [32]byte
	if !sum {
		return settings, langs, th, env
	}
	h := sha256.New()
	th.sign(h)
	fmt.Fprintf(h, "%+v\x00%v\x00%s\x00", settings, opts.Drafts, opts.DevScript)
	for _, l := range langs {
		fmt.Fprintf(h, "%+v\x00", *l.t)
	}
	h.Sum(env[:0])
	return settings, langs, th, env
}
