package generator

import (
	"errors"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/goccy/go-yaml"
)

// settingsFile is the site settings file in the site root.
const settingsFile = "site.yaml"

// Settings are the site-wide values from site.yaml.
type Settings struct {
	Title    string  `yaml:"title"`    // the name in the title bar and in window titles
	Subtitle string  `yaml:"subtitle"` // the line under the title
	Tagline  string  `yaml:"tagline"`  // the small word beside the title, such as "Wizard"
	Language string  `yaml:"language"` // the <html lang> and the i18n file used; "nl" when absent
	BaseURL  string  `yaml:"baseURL"`  // the address the site is served from; enables sitemap.xml and robots.txt
	Contact  Contact `yaml:"contact"`  // the contact link in every footer
}

// Contact is where visitors with questions are sent.
type Contact struct {
	Label string `yaml:"label"` // the link text
	URL   string `yaml:"url"`   // an absolute https:// address
}

// loadSettings reads site.yaml. A site without one (a plain Hugo tree)
// takes its title from the start page later.
func loadSettings(fsys fs.FS, name string, probs *problems) Settings {
	s := Settings{Language: "nl"}
	display := joinDisplay(name, settingsFile)
	data, err := fs.ReadFile(fsys, settingsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return s
	}
	if err != nil {
		probs.add(display, 0, "cannot read file: %v", unwrapPathError(err))
		return s
	}
	if err := yaml.UnmarshalWithOptions(data, &s, yaml.DisallowUnknownField()); err != nil {
		e := yamlError(err, 1)
		e.File = display
		probs.addErr(e)
		return s
	}
	if s.Language == "" {
		s.Language = "nl"
	}
	if s.Language != path.Base(s.Language) || strings.ContainsAny(s.Language, `/\.`) {
		probs.add(display, 0, "language %q is not a language code such as nl", s.Language)
	}
	if s.BaseURL != "" {
		if err := checkBaseURL(s.BaseURL); err != nil {
			probs.add(display, 0, "baseURL: %v", err)
		}
	}
	if s.Contact.URL != "" && !isExternal(s.Contact.URL) {
		probs.add(display, 0, "contact url %q is not an absolute http(s) address", s.Contact.URL)
	}
	return s
}

// checkBaseURL accepts an absolute http(s) address.
func checkBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("want an absolute address such as https://example.org/")
	}
	return nil
}

// absoluteURL joins the base URL and a path of the site.
func (s *Settings) absoluteURL(p string) string {
	return strings.TrimSuffix(s.BaseURL, "/") + "/" + p
}
