package generator

import (
	"fmt"
	"strings"
)

// The random sites of TestBuilderRandomSaves in two languages: a third
// of the seeds give the site French too (stressSite.french), with
// translations of some of its nodes (x.fr.md), which the saves write,
// change and delete beside the nodes, now and then wrongly.

var stressFrenchWords = []string{"demande", "coûts", "rôle", "utilisateur", "gestion", "accès", "Été", "dossier", "« guillemets »", "x"}

// frenchTitle is a title in French.
func (st *stressSite) frenchTitle() string {
	n := 1 + st.r.IntN(3)
	var w []string
	for range n {
		w = append(w, stressFrenchWords[st.r.IntN(len(stressFrenchWords))])
	}
	return strings.Join(w, " ")
}

// translation is a new translation of the node file f: its texts, and
// at times its links again, with French labels.
func (st *stressSite) translation(f string) *stressNode {
	r := st.r
	s, tr := st.nodes[f], &stressNode{title: st.frenchTitle(), body: "\n" + st.body(f)}
	if s == nil { // a translation of a node that is not there
		s = &stressNode{}
	}
	if r.IntN(3) == 0 {
		tr.linkTitle = st.frenchTitle()
	}
	if s.prompt != "" && r.IntN(4) > 0 {
		tr.prompt = "… et je veux :"
	}
	if r.IntN(4) == 0 {
		tr.slug = []string{"apart", "a", "fr-" + strings.NewReplacer("/", "-", "_", "", ".", "").Replace(strings.TrimSuffix(f, ".md")), "s0"}[r.IntN(4)]
	}
	if s.hasChoices && r.IntN(2) == 0 {
		tr.hasChoices = true
		for _, c := range s.choices {
			tr.choices = append(tr.choices, stressLink{page: c.page, label: st.frenchTitle()})
		}
		if r.IntN(8) == 0 && len(tr.choices) > 0 { // a choice less: an error
			tr.choices = tr.choices[1:]
		}
	}
	for _, l := range []struct{ def, tr **stressLink }{{&s.prev, &tr.prev}, {&s.next, &tr.next}} {
		if *l.def != nil && r.IntN(2) == 0 {
			*l.tr = &stressLink{page: (*l.def).page, label: st.frenchTitle()}
		}
	}
	if r.IntN(30) == 0 { // a weight: an error
		tr.weight, tr.hasWeight = 1, true
	}
	return tr
}

// frenchFiles adds the French texts of the site to files.
func (st *stressSite) frenchFiles(files map[string]string) {
	if !st.french {
		return
	}
	files["site.yaml"] += "languages:\n  fr:\n    title: Stress FR\n"
	for f, tr := range st.trs {
		files["content/"+TranslationPath(f, "fr")] = tr.text()
	}
}

// initialFrench translates about half of the first site's nodes.
func (st *stressSite) initialFrench() {
	st.trs = map[string]*stressNode{}
	if !st.french {
		return
	}
	for _, f := range st.files() {
		if st.r.IntN(2) == 0 {
			st.trs[f] = &stressNode{title: st.frenchTitle(), body: "\nTexte.\n"} // a good first site
		}
	}
}

// saveFrench changes a translation: a new one, new texts, or none. It
// returns the file to write ("" deletes) and what it did.
func (st *stressSite) saveFrench() (file, text, what string) {
	fs := st.files()
	f := fs[st.r.IntN(len(fs))]
	if tr := st.trs[f]; tr != nil && st.r.IntN(3) == 0 {
		delete(st.trs, f)
		return "content/" + TranslationPath(f, "fr"), "", "delete translation of " + f
	}
	if st.r.IntN(12) == 0 { // a translation of a node that is not there
		f = "m1/nergens.md"
	}
	st.trs[f] = st.translation(f)
	return "content/" + TranslationPath(f, "fr"), st.trs[f].text(), "translate " + f
}

// keepFrench and repairFrench are keep and repair for the translations.
func (st *stressSite) keepFrench() {
	st.goodTrs = map[string]*stressNode{}
	for f, s := range st.trs {
		st.goodTrs[f] = s.clone()
	}
}

func (st *stressSite) repairFrench(writes map[string]string, hint []string) []string {
	for f, s := range st.trs {
		g, ok := st.goodTrs[f]
		name := "content/" + TranslationPath(f, "fr")
		switch {
		case !ok:
			writes[name] = ""
		case g.text() != s.text():
			writes[name] = g.text()
		default:
			continue
		}
		hint = append(hint, name)
	}
	for f, g := range st.goodTrs {
		if _, ok := st.trs[f]; !ok {
			name := "content/" + TranslationPath(f, "fr")
			writes[name] = g.text()
			hint = append(hint, name)
		}
	}
	st.trs = map[string]*stressNode{}
	for f, s := range st.goodTrs {
		st.trs[f] = s.clone()
	}
	return hint
}

// languagePages maps each node file of every language to its page: the
// default language's by the file, another's by its code, a zero byte
// and the file, as the memo keys their bodies.
func languagePages(site *Site) map[string]string {
	pages := map[string]string{}
	for i, l := range site.Languages {
		for _, n := range l.Nodes {
			key := n.File
			if i > 0 {
				key = l.Code + "\x00" + n.File
			}
			pages[key] = n.URL
		}
	}
	return pages
}

// languageSummary is nodeSummary of every language's nodes.
func languageSummary(site *Site) []string {
	var out []string
	for _, l := range site.Languages {
		for _, s := range nodeSummary(l.Nodes) {
			out = append(out, fmt.Sprintf("%s: %s", l.Code, s))
		}
	}
	return out
}
