package generator

import (
	"slices"
	"strings"
)

// A site in several languages: site.yaml's language is the default, and
// its languages are the others, each with its own texts.

// isLanguageCode reports whether s is written as a language code: two
// or three lower-case letters, and optionally subtags (pt-br, zh-Hant).
// The code names a folder of the output and ends a translation's name.
func isLanguageCode(s string) bool {
	main, rest, _ := strings.Cut(s, "-")
	if len(main) < 2 || len(main) > 3 || strings.IndexFunc(main, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return false
	}
	if !strings.Contains(s, "-") {
		return true
	}
	for sub := range strings.SplitSeq(rest, "-") {
		if len(sub) < 2 || len(sub) > 8 || strings.IndexFunc(sub, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
		}) >= 0 {
			return false
		}
	}
	return true
}

// multilingual reports whether the site has more than one language.
func (s *Settings) multilingual() bool { return len(s.others) > 0 }

// hasLanguage reports whether lang is one of the site's languages other
// than its default.
func (s *Settings) hasLanguage(lang string) bool {
	return slices.ContainsFunc(s.others, func(t siteTexts) bool { return t.s.Language == lang })
}

// languages are the settings of each of the site's languages, the
// default first, then the others by code: the default's settings, with
// the texts that site.yaml's languages gives each other language.
func (s *Settings) languages() []Settings {
	all := make([]Settings, 0, 1+len(s.others))
	def := *s
	def.others = nil
	all = append(all, def)
	for _, t := range s.others {
		o := def
		o.Language = t.s.Language
		for _, k := range t.keys {
			switch k {
			case "title":
				o.Title = t.s.Title
			case "subtitle":
				o.Subtitle = t.s.Subtitle
			case "tagline":
				o.Tagline = t.s.Tagline
			case "contact":
				o.Contact = t.s.Contact
			}
		}
		all = append(all, o)
	}
	return all
}

// checkLanguages reports what is wrong with site.yaml's languages as a
// whole: the default language named among the others, or a default
// language that cannot name a folder. line is where language: is.
func (s *Settings) checkLanguages(display string, line int, probs *problems) {
	if !s.multilingual() {
		return
	}
	s.others = slices.DeleteFunc(s.others, func(t siteTexts) bool {
		if t.s.Language != s.Language {
			return false
		}
		probs.add(display, t.line, "languages: %s is the site's default language (language: %s): its texts are the title, subtitle, tagline and contact at the top of site.yaml; remove it here", t.s.Language, s.Language)
		return true
	})
	if !isLanguageCode(s.Language) {
		probs.add(display, max(line, 1), "language %q: a site in several languages puts each in a folder named by its code: write a code of two or three lower-case letters, such as nl", s.Language)
	}
}
