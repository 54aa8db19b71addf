package generator

import (
	"slices"
	"strings"
)

// A site in several languages has one graph, the default language's:
// its nodes, their order and their choices. Each other language has a
// translated copy of it (translate.go), whose texts come from the
// translations beside the node files (x.fr.md beside x.md), and whose
// pages are made by the same renderer as the default language's, into a
// folder of their own (nl/…, fr/…).

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

// languageSuffix splits the name of a file written for a language,
// a/x.fr.md, into the node file it is written for, a/x.md, and the
// language, fr. ok is false for a name without a language code before
// .md.
func languageSuffix(rel string) (node, lang string, ok bool) {
	stem, isMD := strings.CutSuffix(rel, ".md")
	dot := strings.LastIndexByte(stem, '.')
	slash := strings.LastIndexByte(stem, '/')
	if !isMD || dot <= slash+1 || !isLanguageCode(stem[dot+1:]) {
		return "", "", false
	}
	return stem[:dot] + ".md", stem[dot+1:], true
}

// specialTranslation reports whether name is the translation of a
// folder's node or of the definitions (_index.fr.md,
// _definitions.fr.md): names that start with _ but are not ignored.
func specialTranslation(name string) bool {
	node, _, ok := languageSuffix(name)
	return ok && (node == sectionFile || node == definitionsFile)
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

// langDir is the folder of the default language's pages: "nl/" in a
// site of several languages, "" in a site of one.
func (l *loader) langDir() string {
	if l.site == nil || !l.site.multilingual() {
		return ""
	}
	return l.site.Language + "/"
}
