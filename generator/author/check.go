package author

import (
	"cmp"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/wizardsite/wizard/generator"
)

// Severity tells a problem that stops the build from one that does not.
type Severity string

// The severities of a Problem.
const (
	SeverityError   Severity = "error"   // the build refuses the site
	SeverityWarning Severity = "warning" // the site builds, but this is probably a mistake
)

// Problem is one finding of Check, at a place a writer can go to.
type Problem struct {
	File     string   `json:"file"`     // as the writer names it: site root, content/, path
	Line     int      `json:"line"`     // 1-based; 0 when the problem is the whole file
	Col      int      `json:"col"`      // 1-based; 0 when not known
	Severity Severity `json:"severity"` // "error" or "warning"
	Message  string   `json:"message"`  // what is wrong, and what to do
}

// String prints an error as the build does, "file:line:col: message",
// and a warning as "file:line:col: warning: message".
func (p Problem) String() string {
	e := generator.Error{File: p.File, Line: p.Line, Col: p.Col, Err: stringError(p.Message)}
	if p.Severity == SeverityWarning {
		e.Err = stringError("warning: " + p.Message)
	}
	return e.Error()
}

type stringError string

func (s stringError) Error() string { return string(s) }

// Report is what Check found.
type Report struct {
	Problems  []Problem // sorted by file, line and column
	Nodes     int       // the nodes checked; 0 when the build failed
	Languages int       // the languages checked, in each of which every node is; 0 when the build failed
}

// Count returns how many problems have severity s.
func (r *Report) Count(s Severity) int {
	n := 0
	for _, p := range r.Problems {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// Check runs every validation of the build, writing nothing, and when
// the site builds, looks for what is probably a mistake: a page without
// text or choices, an answer page that leads nowhere, siblings with the
// same label, an external address that is not valid, an http:// link.
// Warnings need the whole node graph, so they appear once the errors are
// fixed. The error is for a failure that has no place in the content.
func Check(opts generator.Options) (*Report, error) {
	site, err := generator.Generate(opts)
	if err != nil {
		list := generator.Errors(err)
		if list == nil {
			return nil, err
		}
		r := &Report{}
		for _, e := range list {
			r.Problems = append(r.Problems, Problem{File: e.File, Line: e.Line, Col: e.Col, Severity: SeverityError, Message: e.Err.Error()})
		}
		return r, nil
	}
	r := &Report{Problems: warnings(site.Nodes, opts.SourceName), Nodes: len(site.Nodes), Languages: len(site.Languages)}
	for _, lang := range site.Languages[1:] {
		r.Problems = append(r.Problems, warnings(lang.Nodes, opts.SourceName)...)
		r.Problems = append(r.Problems, translationWarnings(site.Languages[0], lang, opts.SourceName)...)
	}
	slices.SortStableFunc(r.Problems, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Message, b.Message))
	})
	// A node shown untranslated in another language's pages is the
	// default language's node again: it is warned about once.
	r.Problems = slices.Compact(r.Problems)
	return r, nil
}

// translationWarnings looks at a language other than the default, lang,
// beside the default, def: a file without a translation, whose page
// shows the default language's text, and a translation that leaves out
// the question above its node's choices, or its description.
func translationWarnings(def, lang generator.Language, siteName string) []Problem {
	var out []Problem
	for _, file := range lang.Missing {
		out = append(out, Problem{
			File: generator.ContentPath(siteName, file), Line: 1, Severity: SeverityWarning,
			Message: fmt.Sprintf("no translation into %s (content/%s): the %s pages show it in %s, with a notice", lang.Code, generator.TranslationPath(file, lang.Code), lang.Code, def.Code),
		})
	}
	for i, n := range lang.Nodes {
		d := def.Nodes[i] // the same node: a translated graph keeps the default's order
		if n.Translation == "" {
			continue
		}
		for _, f := range []struct{ key, mine, theirs string }{{"prompt", n.Prompt, d.Prompt}, {"description", n.Description, d.Description}} {
			if f.mine == "" && f.theirs != "" {
				out = append(out, Problem{
					File: generator.ContentPath(siteName, n.Translation), Line: cmp.Or(generator.KeyLine(n, "title"), 1), Severity: SeverityWarning,
					Message: fmt.Sprintf("no %s, where content/%s has one: give its translation", f.key, d.File),
				})
			}
		}
	}
	return out
}

// warnings looks at the nodes of a site that builds.
func warnings(nodes []*generator.Node, siteName string) []Problem {
	var out []Problem
	warn := func(n *generator.Node, line int, format string, args ...any) {
		if line == 0 {
			line = 1
		}
		out = append(out, Problem{
			File: generator.ContentPath(siteName, cmp.Or(n.Translation, n.File)), Line: line,
			Severity: SeverityWarning, Message: fmt.Sprintf(format, args...),
		})
	}
	for _, n := range nodes {
		titleLine := generator.KeyLine(n, "title")
		switch {
		case !hasText(generator.Body(n)) && len(n.Choices) == 0:
			warn(n, titleLine, "empty page: no text and no choices; write the body, or add nodes in its folder")
		case len(n.Children) == 0 && len(n.Choices) == 0 && n.Next == nil && len(n.Links) == 0 && len(n.External) == 0:
			warn(n, titleLine, "answer page with no way onward: no choices, no next, no links; visitors can only go back")
		}

		seen := map[string]*generator.Node{}
		for _, c := range n.Children {
			key := labelKey(c.LinkTitle)
			if first, ok := seen[key]; ok {
				line := cmp.Or(generator.KeyLine(c, "linkTitle"), generator.KeyLine(c, "title"))
				warn(c, line, "same label %q as its sibling content/%s: visitors cannot tell them apart; change linkTitle", c.LinkTitle, cmp.Or(first.Translation, first.File))
				continue
			}
			seen[key] = c
		}
		if choiceLines := generator.ChoiceLines(n); choiceLines != nil {
			labels := map[string]int{}
			for i, c := range n.Choices {
				key := labelKey(c.Label)
				if j, ok := labels[key]; ok {
					warn(n, choiceLines[i], "choices: the label %q is used twice (items %d and %d): visitors cannot tell them apart", c.Label, j+1, i+1)
					continue
				}
				labels[key] = i
			}
		}

		for _, e := range n.External {
			if msg := externalProblem(e.URL); msg != "" {
				warn(n, generator.ExternalLine(e), "external link %q: %s", e.URL, msg)
			}
			if u, err := url.Parse(e.URL); err == nil && strings.EqualFold(u.Scheme, "http") {
				warn(n, generator.ExternalLine(e), "external link %q uses http://: use https:// when the site offers it, so that the visit stays private", e.URL)
			}
		}
	}
	return out
}

// labelKey is a label as a visitor tells labels apart: without case and
// extra spaces.
func labelKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// hasText reports whether a body holds text outside HTML comments, which
// the page does not show.
func hasText(body []byte) bool {
	s := string(body)
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			break
		}
		if strings.TrimSpace(s[:i]) != "" {
			return true
		}
		end := strings.Index(s[i+4:], "-->")
		if end < 0 {
			return false
		}
		s = s[i+4+end+3:]
	}
	return strings.TrimSpace(s) != ""
}

// externalProblem says what is wrong with an address that the build
// accepts as an external link, or "" when it is a valid absolute URL.
func externalProblem(raw string) string {
	if strings.ContainsFunc(raw, unicode.IsSpace) {
		return "it contains a space: write %20"
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "not a valid address"
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if msg := hostProblem(u.Hostname()); msg != "" {
			return msg
		}
	case "mailto":
		addr, _, _ := strings.Cut(u.Opaque, "?")
		local, domain, ok := strings.Cut(addr, "@")
		if !ok || local == "" || hostProblem(domain) != "" {
			return fmt.Sprintf("%q is not an e-mail address", addr)
		}
	case "tel":
		digits := 0
		for _, r := range u.Opaque {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case strings.ContainsRune("+-.()", r):
			default:
				return fmt.Sprintf("%q is not a telephone number", u.Opaque)
			}
		}
		if digits < 3 {
			return fmt.Sprintf("%q is not a telephone number", u.Opaque)
		}
	}
	return ""
}

// hostProblem says what is wrong with the host of an address: it must be
// an IP address or a full domain name, such as www.example.be.
func hostProblem(host string) string {
	if net.ParseIP(host) != nil {
		return ""
	}
	name := strings.TrimSuffix(host, ".")
	labels := strings.Split(name, ".")
	if name == "" || len(labels) < 2 {
		return fmt.Sprintf("%q is not a full host name, such as www.example.be", host)
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return fmt.Sprintf("%q is not a valid host name", host)
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return fmt.Sprintf("%q is not a valid host name: %q is not allowed", host, r)
			}
		}
	}
	if tld := labels[len(labels)-1]; strings.IndexFunc(tld, unicode.IsLetter) < 0 {
		return fmt.Sprintf("%q is not a valid host name", host)
	}
	return ""
}
