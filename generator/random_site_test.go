package generator

import (
	"fmt"
	"math/rand/v2"
	"path"
	"slices"
	"strconv"
	"strings"
)

// The random sites of TestBuilderRandomSaves: a small three-level wizard
// (stressSite) and the random saves made to it, each a few files written
// or deleted and the hint that serve would give.

type stressLink struct{ page, label string }

type stressNode struct {
	title, linkTitle, desc, prompt, slug string
	weight                               int
	hasWeight                            bool
	choices                              []stressLink
	hasChoices                           bool
	prev, next                           *stressLink
	body                                 string
	draft                                bool
	shuffle                              uint64 // key order
}

func (s *stressNode) clone() *stressNode {
	c := *s
	c.choices = slices.Clone(s.choices)
	if s.prev != nil {
		p := *s.prev
		c.prev = &p
	}
	if s.next != nil {
		p := *s.next
		c.next = &p
	}
	return &c
}

func yq(s string) string { return strconv.Quote(s) }

func (s *stressNode) text() string {
	var keys []string
	keys = append(keys, "title: "+yq(s.title)+"\n")
	if s.linkTitle != "" {
		keys = append(keys, "linkTitle: "+yq(s.linkTitle)+"\n")
	}
	if s.desc != "" {
		keys = append(keys, "description: "+yq(s.desc)+"\n")
	}
	if s.prompt != "" {
		keys = append(keys, "prompt: "+yq(s.prompt)+"\n")
	}
	if s.hasWeight {
		keys = append(keys, fmt.Sprintf("weight: %d\n", s.weight))
	}
	if s.slug != "" {
		keys = append(keys, "slug: "+s.slug+"\n")
	}
	if s.draft {
		keys = append(keys, "draft: true\n")
	}
	link := func(l *stressLink, indent string) string {
		if l.label == "" {
			return l.page + "\n"
		}
		return "\n" + indent + "page: " + l.page + "\n" + indent + "label: " + yq(l.label) + "\n"
	}
	if s.hasChoices {
		c := "choices:\n"
		for _, l := range s.choices {
			if l.label == "" {
				c += "  - " + l.page + "\n"
			} else {
				c += "  - page: " + l.page + "\n    label: " + yq(l.label) + "\n"
			}
		}
		if len(s.choices) == 0 {
			c = "choices: []\n"
		}
		keys = append(keys, c)
	}
	if s.prev != nil {
		keys = append(keys, "prev: "+link(s.prev, "  "))
	}
	if s.next != nil {
		keys = append(keys, "next: "+link(s.next, "  "))
	}
	if s.shuffle != 0 {
		r := rand.New(rand.NewPCG(s.shuffle, 7))
		r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	}
	return "---\n" + strings.Join(keys, "") + "---\n" + s.body
}

// relTo is the relative path from the folder fromDir of content/ to the
// content path target.
func relTo(fromDir, target string) string {
	var from []string
	if fromDir != "." && fromDir != "" {
		from = strings.Split(fromDir, "/")
	}
	to := strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	var parts []string
	for range from[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, to[i:]...)
	return strings.Join(parts, "/")
}

type stressSite struct {
	variant  int // 0: plain; 1: a base URL; 2: footer and breadcrumbs templates of the site's own; 3: drafts built
	r        *rand.Rand
	good     map[string]*stressNode // the model of the last good build
	goodDefs string
	nodes    map[string]*stressNode // by content path
	defs     string                 // the definitions' text; "" none
	menus    []string               // content folders with an _index.md

	french  bool                   // the site is in French too (random_site_lang_test.go)
	trs     map[string]*stressNode // the French translations, by the node file they translate
	goodTrs map[string]*stressNode // those of the last good build
}

var stressWords = []string{"aanvraag", "kosten", "rol", "gebruiker", "beheer", "toegang", "Één", "zaak", "melding", "e-loket", "Kosten & baten", "a < b", `"citaat"`, "ärger", "x"}

func (st *stressSite) title() string {
	r := st.r
	switch r.IntN(6) {
	case 0: // long: wraps in the overview
		n := 5 + r.IntN(10)
		var w []string
		for range n {
			w = append(w, stressWords[r.IntN(len(stressWords))])
		}
		return strings.Join(w, " ")
	case 1:
		return strings.Repeat("Lang", 3+r.IntN(8)) // one word longer than a line
	case 2:
		return []string{"Aa", "Bb", "Zz", "Een", "Twee"}[r.IntN(5)] // ties
	}
	n := 1 + r.IntN(3)
	var w []string
	for range n {
		w = append(w, stressWords[r.IntN(len(stressWords))])
	}
	return strings.Join(w, " ")
}

func (st *stressSite) files() []string {
	return slices.Sorted(func(yield func(string) bool) {
		for f := range st.nodes {
			if !yield(f) {
				return
			}
		}
	})
}

func (st *stressSite) answers() []string {
	var a []string
	for _, f := range st.files() {
		if path.Base(f) != "_index.md" {
			a = append(a, f)
		}
	}
	return a
}

// target picks a node to lead to, now and then one that does not exist.
func (st *stressSite) target(from string) string {
	r := st.r
	fs := st.files()
	if r.IntN(25) == 0 {
		return relTo(path.Dir(from), "m1/nergens.md")
	}
	t := fs[r.IntN(len(fs))]
	if path.Base(t) == "_index.md" && t != "_index.md" && r.IntN(2) == 0 {
		return relTo(path.Dir(from), path.Dir(t)) // the folder
	}
	return relTo(path.Dir(from), t)
}

func (st *stressSite) body(from string) string {
	r := st.r
	var b strings.Builder
	n := r.IntN(4)
	for i := range n {
		b.WriteString("\n")
		fmt.Fprintf(&b, "Alinea %d over %s.", i, stressWords[r.IntN(len(stressWords))])
		switch r.IntN(5) {
		case 0, 1:
			fmt.Fprintf(&b, " Zie [dit](%s).", st.target(from))
		case 2:
			b.WriteString(" Zie [de site](https://example.org/).")
		case 3:
			fmt.Fprintf(&b, " Zie [de termen](%s).", relTo(path.Dir(from), "_definitions.md"))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func (st *stressSite) link(from string) *stressLink {
	l := &stressLink{page: st.target(from)}
	if st.r.IntN(3) == 0 {
		l.label = st.title()
	}
	return l
}

func (st *stressSite) newNode(rel string, menu bool) *stressNode {
	r := st.r
	s := &stressNode{title: st.title()}
	if r.IntN(3) == 0 {
		s.linkTitle = st.title()
	}
	if r.IntN(2) == 0 {
		s.weight, s.hasWeight = r.IntN(6)-1, true
	}
	if menu && r.IntN(2) == 0 {
		s.prompt = "… en ik wil:"
	}
	if !menu && r.IntN(6) == 0 {
		// continues a sequence of a sibling
		var sibs []string
		for _, a := range st.answers() {
			if path.Dir(a) == path.Dir(rel) && a != rel {
				sibs = append(sibs, a)
			}
		}
		if len(sibs) > 0 {
			s.prev = &stressLink{page: path.Base(sibs[r.IntN(len(sibs))])}
		}
	}
	s.body = "\n" + st.body(rel)
	return s
}

// initial is the first site: a start page, 2–3 menus, a sub-menu with
// answers, the definitions.
func (st *stressSite) initial() {
	r := st.r
	st.nodes = map[string]*stressNode{}
	st.nodes["_index.md"] = &stressNode{title: "Start", body: "\nKies.\n"}
	nm := 2 + r.IntN(2)
	for i := 1; i <= nm; i++ {
		m := fmt.Sprintf("m%d", i)
		st.menus = append(st.menus, m)
		st.nodes[m+"/_index.md"] = &stressNode{title: st.title(), weight: r.IntN(4), hasWeight: r.IntN(2) == 0, prompt: []string{"", "Wat wil je?"}[r.IntN(2)], body: "\n"}
		na := 1 + r.IntN(3)
		for j := range na {
			rel := fmt.Sprintf("%s/%c.md", m, 'a'+j)
			st.nodes[rel] = &stressNode{title: st.title(), weight: r.IntN(4), hasWeight: r.IntN(2) == 0, body: "\nTekst.\n"}
		}
	}
	st.menus = append(st.menus, ".")
	sub := "m2/sub"
	st.menus = append(st.menus, sub)
	st.nodes[sub+"/_index.md"] = &stressNode{title: st.title(), prompt: "… en ik:", body: "\n"}
	for j := range 2 + r.IntN(3) {
		rel := fmt.Sprintf("%s/s%d.md", sub, j)
		st.nodes[rel] = &stressNode{title: st.title(), weight: r.IntN(4), hasWeight: r.IntN(2) == 0, body: "\nTekst.\n"}
	}
	// Some bodies link to other nodes (all reachable anyway).
	for _, f := range st.files() {
		if r.IntN(3) == 0 {
			st.nodes[f].body = "\n" + st.body(f)
			if strings.Contains(st.nodes[f].body, "nergens") {
				st.nodes[f].body = "\nTekst.\n"
			}
		}
	}
	st.defs = "---\ntitle: Definities\n---\n\nTerm\n: uitleg\n"
	st.initialFrench()
}

func (st *stressSite) siteFiles() map[string]string {
	files := map[string]string{"site.yaml": "title: Stress\nlanguage: nl\n"}
	switch st.variant {
	case 1:
		files["site.yaml"] += "baseURL: https://example.org/wiz/\n"
	case 2:
		files["theme/templates/footer.html"] = "<footer class=\"footer\"><p><a href=\"{{.OverviewHref}}\">{{.T.OverviewTitle}}</a> · eigen</p></footer>"
		// What the graph holds beyond a page's own: its siblings, their
		// weights, its parent's links.
		files["theme/templates/breadcrumbs.html"] = "<nav>{{with .Node}}{{with .Parent}}{{range .Children}}<span>{{.LinkTitle}} {{.Weight}} {{.URL}}</span>{{end}}" +
			"{{range .Links}}<i>{{.Title}}</i>{{end}}{{range .External}}<b>{{.URL}}</b>{{end}}{{end}}{{end}}</nav>"
	}
	for f, s := range st.nodes {
		files["content/"+f] = s.text()
	}
	if st.defs != "" {
		files["content/_definitions.md"] = st.defs
	}
	st.frenchFiles(files)
	return files
}

var stressNewNames = []string{"nieuw.md", "zeta.md", "c-d.md", "b.md", "s1.md", "Hoofd Letter.md", "x.md"}

// keep records the model as the last good build's.
func (st *stressSite) keep() {
	st.good = map[string]*stressNode{}
	for f, s := range st.nodes {
		st.good[f] = s.clone()
	}
	st.goodDefs = st.defs
	st.keepFrench()
}

// repair goes back to the last good build's files, in one save.
func (st *stressSite) repair() (writes map[string]string, hint []string, what []string) {
	writes = map[string]string{}
	for f, s := range st.nodes {
		g, ok := st.good[f]
		switch {
		case !ok:
			writes["content/"+f] = ""
		case g.text() != s.text():
			writes["content/"+f] = g.text()
		default:
			continue
		}
		hint = append(hint, "content/"+f)
	}
	for f, g := range st.good {
		if _, ok := st.nodes[f]; !ok {
			writes["content/"+f] = g.text()
			hint = append(hint, "content/"+f)
		}
	}
	if st.defs != st.goodDefs {
		writes["content/_definitions.md"] = st.goodDefs
		hint = append(hint, "content/_definitions.md")
	}
	st.nodes = map[string]*stressNode{}
	for f, s := range st.good {
		st.nodes[f] = s.clone()
	}
	st.defs = st.goodDefs
	hint = st.repairFrench(writes, hint)
	slices.Sort(hint)
	st.r.Shuffle(len(hint), func(i, j int) { hint[i], hint[j] = hint[j], hint[i] })
	return writes, hint, []string{"repair"}
}

// save changes the model and returns what to write ("" deletes) and the
// hint.
func (st *stressSite) save() (writes map[string]string, hint []string, what []string) {
	r := st.r
	writes = map[string]string{}
	ops := 1
	if r.IntN(3) == 0 {
		ops = 2 + r.IntN(2)
	}
	touch := func(rel string) {
		c := "content/" + rel
		hint = append(hint, c)
	}
	for range ops {
		if st.french && r.IntN(4) == 0 {
			file, text, w := st.saveFrench()
			writes[file], hint, what = text, append(hint, file), append(what, w)
			continue
		}
		fs := st.files()
		ans := st.answers()
		f := fs[r.IntN(len(fs))]
		s := st.nodes[f]
		op := r.IntN(19)
		switch op {
		case 0, 1: // body
			s.body = "\n" + st.body(f)
			what = append(what, "body "+f)
		case 2, 3: // title
			s.title = st.title()
			what = append(what, "title "+f)
		case 4: // linkTitle
			if s.linkTitle != "" && r.IntN(2) == 0 {
				s.linkTitle = ""
			} else {
				s.linkTitle = st.title()
			}
			what = append(what, "linkTitle "+f)
		case 5: // weight
			if s.hasWeight && r.IntN(3) == 0 {
				s.hasWeight, s.weight = false, 0
			} else {
				s.hasWeight, s.weight = true, r.IntN(6)-1
			}
			what = append(what, "weight "+f)
		case 6: // description, prompt
			if r.IntN(2) == 0 {
				s.desc = []string{"", "Uitleg", "Meer uitleg"}[r.IntN(3)]
			} else {
				s.prompt = []string{"", "Wat wil je?", "… en ik wil:"}[r.IntN(3)]
			}
			what = append(what, "desc/prompt "+f)
		case 7: // choices
			if s.hasChoices && r.IntN(2) == 0 {
				s.hasChoices, s.choices = false, nil
			} else {
				s.hasChoices, s.choices = true, nil
				for range 1 + r.IntN(3) {
					s.choices = append(s.choices, *st.link(f))
				}
			}
			what = append(what, "choices "+f)
		case 8: // prev
			if s.prev != nil && r.IntN(2) == 0 {
				s.prev = nil
			} else if f != "_index.md" {
				s.prev = st.link(f)
			}
			what = append(what, "prev "+f)
		case 9: // next
			if s.next != nil && r.IntN(2) == 0 {
				s.next = nil
			} else {
				s.next = st.link(f)
			}
			what = append(what, "next "+f)
		case 10, 11: // a new answer
			m := st.menus[r.IntN(len(st.menus))]
			name := stressNewNames[r.IntN(len(stressNewNames))]
			rel := path.Join(m, name)
			if _, ok := st.nodes[rel]; ok {
				s.title = st.title()
				what = append(what, "title "+f)
				break
			}
			st.nodes[rel] = st.newNode(rel, false)
			if r.IntN(8) == 0 {
				st.nodes[rel].slug = []string{"a", "s0", "nieuw", "apart"}[r.IntN(4)]
			}
			f = rel
			what = append(what, "new "+rel)
		case 12, 13: // delete an answer
			if len(ans) == 0 {
				continue
			}
			f = ans[r.IntN(len(ans))]
			delete(st.nodes, f)
			writes["content/"+f] = ""
			touch(f)
			what = append(what, "delete "+f)
			continue
		case 14: // rename an answer
			if len(ans) == 0 {
				continue
			}
			old := ans[r.IntN(len(ans))]
			name := stressNewNames[r.IntN(len(stressNewNames))]
			rel := path.Join(path.Dir(old), name)
			if _, ok := st.nodes[rel]; ok {
				continue
			}
			st.nodes[rel] = st.nodes[old]
			delete(st.nodes, old)
			writes["content/"+old] = ""
			touch(old)
			f = rel
			what = append(what, "rename "+old+" -> "+rel)
		case 15: // rarer: key order, definitions, slug, saved as it was
			switch r.IntN(4) {
			case 0:
				s.shuffle = r.Uint64() | 1
				what = append(what, "key order "+f)
			case 1:
				switch r.IntN(4) {
				case 0, 1: // the same on every page: the popup is put in
					st.defs = fmt.Sprintf("---\ntitle: Definities %d\n---\n\nTerm\n: uitleg %d\n", r.IntN(2), r.IntN(3))
				case 2:
					st.defs = "---\ntitle: Definities\n---\n\nTerm\n: zie [de site](https://example.org/)\n"
				default: // a link relative to each page
					st.defs = "---\ntitle: Definities\n---\n\nTerm\n: zie [dit](" + st.target("_definitions.md") + ")\n"
				}
				writes["content/_definitions.md"] = st.defs
				hint = append(hint, "content/_definitions.md")
				what = append(what, "definitions")
				continue
			case 2:
				if path.Base(f) != "_index.md" {
					s.slug = []string{"", "apart", "a"}[r.IntN(3)]
					what = append(what, "slug "+f)
				}
			case 3:
				what = append(what, "same "+f)
			}
		case 16: // a slug, of an answer mostly
			if path.Base(f) != "_index.md" || r.IntN(4) == 0 {
				s.slug = []string{"", "apart", "a", "s0", "verplaatst", "nieuw"}[r.IntN(6)]
				what = append(what, "slug "+f)
			}
		case 17: // a draft, or no longer one
			s.draft = !s.draft
			what = append(what, fmt.Sprintf("draft %v %s", s.draft, f))
		case 18: // a new menu: a folder with its node, at times an answer in it too
			dir := path.Join(st.menus[r.IntN(len(st.menus))], []string{"nieuw-menu", "extra", "b", "_concept"}[r.IntN(4)])
			if slices.Contains(st.menus, dir) {
				s.title = st.title()
				what = append(what, "title "+f)
				break
			}
			st.menus = append(st.menus, dir)
			f = path.Join(dir, "_index.md")
			st.nodes[f] = st.newNode(f, true)
			what = append(what, "new menu "+dir)
			if r.IntN(2) == 0 {
				hint = append(hint, "content/"+dir) // as serve names a new folder
			}
			if r.IntN(2) == 0 {
				a := path.Join(dir, "a.md")
				st.nodes[a] = st.newNode(a, false)
				writes["content/"+a] = st.nodes[a].text()
				touch(a)
				what = append(what, "new "+a)
			}
		}
		writes["content/"+f] = st.nodes[f].text()
		touch(f)
	}
	if r.IntN(6) == 0 && len(hint) > 0 {
		hint = append(hint, hint[r.IntN(len(hint))]) // a file named twice
	}
	if r.IntN(10) == 0 {
		hint = append(hint, "content/m1/x.md~") // a backup
	}
	r.Shuffle(len(hint), func(i, j int) { hint[i], hint[j] = hint[j], hint[i] })
	return writes, hint, what
}
