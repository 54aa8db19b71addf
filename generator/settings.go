package generator

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
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
		if p.key != "contact" {
			r.textField(p, fields, "site.yaml has title, subtitle, tagline, language, baseURL and contact")
			return
		}
		v, ok := r.plain(p.value)
		switch {
		case !ok || v.Type() == ast.NullType:
		case !isMapping(v):
			r.add(start(v), "contact is %s: write label: and url: on the lines below it, indented", kindOf(v))
		default:
			for _, q := range r.pairs(v) {
				lines = append(lines, keyLine{q.key, r.line(q.tok)})
				r.textField(q, contact, "contact has label and url")
			}
		}
	})
	return lines
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

// environment reads what every page depends on besides content/: the
// settings, the interface strings and the theme, and with sum, sums them
// up with the options.
func environment(opts Options, probs *problems, sum bool) (Settings, *Strings, *themeLayers, [32]byte) {
	settings := loadSettings(opts.Source, opts.SourceName, probs)
	if opts.BaseURL != "" {
		if err := checkBaseURL(opts.BaseURL); err != nil {
			probs.add("--base-url", 0, "%v", err)
		}
		settings.BaseURL = opts.BaseURL
	}
	th := &themeLayers{base: opts.Theme, site: opts.Source, siteName: opts.SourceName}
	t := loadStrings(th, opts.Source, opts.SourceName, settings.Language, probs)
	var env [32]byte
	if !sum {
		return settings, t, th, env
	}
	h := sha256.New()
	th.sign(h)
	fmt.Fprintf(h, "%+v\x00%+v\x00%v\x00%s\x00", settings, *t, opts.Drafts, opts.DevScript)
	h.Sum(env[:0])
	return settings, t, th, env
}
