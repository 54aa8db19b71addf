package generator

// TestBuilderRandomSaves is a deterministic randomized test of
// Builder.Rebuild, its quick path above all: for each seed it builds a
// small three-level wizard, makes a short row of random saves (bodies
// with links, titles and link titles, weights, choices/prev/next, new and
// deleted answers, renames, several files in a hint, a file named twice)
// and after each save compares the rebuild with a build from scratch
// (sameAsScratch: the same error, or the same files, pages and graph).
//
//	WIZARD_RANDOM_SEEDS=n   number of seeds (default 150)
//	WIZARD_RANDOM_SEED=k    run only seed k, logging every save
//	WIZARD_RANDOM_FIRST=k   first seed (default 1)

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

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

// contentFiles returns the files of content/ below the site root dir
// that a walk reads, by path in content/.
func contentFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	root := filepath.Join(dir, contentDir)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		if ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			files[filepath.ToSlash(rel)] = string(data)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// nodeSummary is the graph of nodes as text, a line each.
func nodeSummary(nodes []*Node) []string {
	var out []string
	for _, n := range nodes {
		s := fmt.Sprintf("%s url=%s t=%q lt=%q d=%q p=%q w=%d parent=%v body=%v ext=%v", n.File, n.URL, n.Title, n.LinkTitle, n.Description, n.Prompt, n.Weight, n.Parent != nil, n.HasBody(), n.External)
		for _, c := range n.Children {
			s += " child=" + c.File
		}
		for _, c := range n.Choices {
			s += " choice=" + c.Node.File + ":" + c.Label
		}
		if n.Prev != nil {
			s += " prev=" + n.Prev.Node.File + ":" + n.Prev.Label
		}
		if n.Next != nil {
			s += " next=" + n.Next.Node.File + ":" + n.Next.Label
		}
		for _, l := range n.Links {
			if l == nil {
				s += " link=<nil>"
			} else {
				s += " link=" + l.File
			}
		}
		out = append(out, s)
	}
	return out
}

// scratchDifference describes the first difference between a rebuild
// and a build from scratch, "" when there is none: the error's text, the
// files, the counts of pages and nodes, the graph, and what the
// writers' tools read of the files.
func scratchDifference(site *Site, err error, fresh *Site, freshErr error) string {
	switch {
	case err != nil && freshErr != nil:
		if err.Error() != freshErr.Error() {
			return fmt.Sprintf("error %q, a build from scratch says %q", err, freshErr)
		}
		return ""
	case err != nil:
		return fmt.Sprintf("rebuild error %q, a build from scratch builds", err)
	case freshErr != nil:
		return fmt.Sprintf("the rebuild builds, a build from scratch says %q", freshErr)
	}
	names := slices.Sorted(maps.Keys(fresh.Files))
	for n := range site.Files {
		if _, ok := fresh.Files[n]; !ok {
			return fmt.Sprintf("%s: made by the rebuild, not by a build from scratch", n)
		}
	}
	for _, n := range names {
		a, ok := site.Files[n]
		if !ok {
			return fmt.Sprintf("%s: made by a build from scratch, not by the rebuild", n)
		}
		if !bytes.Equal(a, fresh.Files[n]) {
			return fmt.Sprintf("%s differs from a build from scratch: %s", n, firstDifference(a, fresh.Files[n]))
		}
	}
	if site.Pages != fresh.Pages || len(site.Nodes) != len(fresh.Nodes) || site.FileCount != fresh.FileCount {
		return fmt.Sprintf("pages %d, nodes %d, files %d; a build from scratch: %d, %d, %d", site.Pages, len(site.Nodes), site.FileCount, fresh.Pages, len(fresh.Nodes), fresh.FileCount)
	}
	a, b := nodeSummary(site.Nodes), nodeSummary(fresh.Nodes)
	for i := range a {
		if a[i] != b[i] {
			return fmt.Sprintf("node graph differs:\n  rebuild: %s\n  scratch: %s", a[i], b[i])
		}
	}
	if d := writtenDifference(site.Nodes, fresh.Nodes); d != "" {
		return d
	}
	return ""
}

func TestBuilderRandomSaves(t *testing.T) {
	seeds := 150
	if s := os.Getenv("WIZARD_RANDOM_SEEDS"); s != "" {
		seeds, _ = strconv.Atoi(s)
	}
	first := 1
	if s := os.Getenv("WIZARD_RANDOM_FIRST"); s != "" {
		first, _ = strconv.Atoi(s)
	}
	only := -1
	if s := os.Getenv("WIZARD_RANDOM_SEED"); s != "" {
		only, _ = strconv.Atoi(s)
		first, seeds = only, 1
	}
	var quick, full, failed, saves atomic.Int64
	var failures atomic.Int64
	t.Run("seeds", func(t *testing.T) {
		for seed := first; seed < first+seeds; seed++ {
			t.Run(strconv.Itoa(seed), func(t *testing.T) {
				t.Parallel()
				r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
				st := &stressSite{r: r, variant: seed % 4}
				st.initial()
				dir := writeSite(t, st.siteFiles())
				opts := siteOptions(dir)
				opts.Drafts = st.variant == 3 // drafts are pages too
				b := NewBuilder(opts)
				first, err := b.Build()
				if err != nil {
					t.Fatalf("initial site: %v", err)
				}
				pages := pagesByFile(first.Nodes) // of the last good build
				sources := contentFiles(t, dir)   // of the last good build
				st.keep()
				var log []string
				n := 2 + r.IntN(7)
				broken := false
				for step := range n {
					var writes map[string]string
					var hint, what []string
					if broken && r.IntN(10) < 7 {
						writes, hint, what = st.repair()
					} else {
						writes, hint, what = st.save()
					}
					var ws []string
					for _, f := range slices.Sorted(func(y func(string) bool) {
						for k := range writes {
							if !y(k) {
								return
							}
						}
					}) {
						full := filepath.Join(dir, filepath.FromSlash(f))
						data := writes[f]
						if data == "" {
							if err := os.Remove(full); err != nil && !os.IsNotExist(err) {
								t.Fatal(err)
							}
							ws = append(ws, fmt.Sprintf("    delete %s", f))
							continue
						}
						os.MkdirAll(filepath.Dir(full), 0o755)
						if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
							t.Fatal(err)
						}
						ws = append(ws, fmt.Sprintf("    write %s: %q", f, data))
					}
					log = append(log, fmt.Sprintf("  save %d (%s), hint %q:\n%s", step+1, strings.Join(what, "; "), hint, strings.Join(ws, "\n")))
					memo, before := b.memo, b.Last()
					site, err := b.Rebuild(hint)
					saves.Add(1)
					if err == nil && b.memo == memo {
						quick.Add(1)
					} else if err == nil {
						full.Add(1)
					} else {
						failed.Add(1)
						if b.Last() != before {
							t.Errorf("seed %d save %d: the failed build replaced the last site", seed, step+1)
						}
					}
					if only >= 0 {
						t.Logf("%s\n  -> err=%v quick=%v", log[len(log)-1], err, err == nil && b.memo == memo)
					}
					if err == nil && before != nil {
						if want := changedFiles(before, site); !slices.Equal(want, site.Changed) {
							failures.Add(1)
							t.Errorf("seed %d save %d: Changed %q, the files that differ %q\nsaves:\n%s", seed, step+1, site.Changed, want, strings.Join(log, "\n"))
							return
						}
						now, files := pagesByFile(site.Nodes), contentFiles(t, dir)
						want := map[string]string{}
						went, came := map[string]string{}, map[string]string{}
						for file, was := range pages {
							if to, ok := now[file]; ok && to != was && site.Files[was] == nil {
								want[was] = to
							} else if _, still := files[file]; !ok && !still && site.Files[was] == nil {
								went[was] = sources[file] // deleted or renamed
							}
						}
						for file, to := range now {
							if _, known := sources[file]; !known {
								came[to] = files[file]
							}
						}
						// A page whose file went follows the one new file
						// that holds its bytes, when no other went or came
						// with them.
						for was, data := range went {
							var from, to []string
							for w, d := range went {
								if d == data {
									from = append(from, w)
								}
							}
							for c, d := range came {
								if d == data {
									to = append(to, c)
								}
							}
							if len(from) == 1 && len(to) == 1 && to[0] != was {
								want[was] = to[0]
							}
						}
						if !maps.Equal(want, site.Moved) {
							failures.Add(1)
							t.Errorf("seed %d save %d: Moved %q, want %q\nsaves:\n%s", seed, step+1, site.Moved, want, strings.Join(log, "\n"))
							return
						}
						pages, sources = now, files
					}
					broken = err != nil
					if err == nil {
						st.keep()
					}
					scratch := NewBuilder(opts)
					fresh, freshErr := scratch.Build()
					d := scratchDifference(site, err, fresh, freshErr)
					if d == "" && err == nil {
						// What the next rebuild starts from.
						d = memoDifference(b.memo, scratch.memo)
					}
					if d != "" {
						failures.Add(1)
						init := st0(seed)
						t.Errorf("seed %d save %d: %s\ninitial site:\n%s\nsaves:\n%s", seed, step+1, d, init, strings.Join(log, "\n"))
						return
					}
				}
			})
		}
	})
	t.Logf("%d saves: %d quick, %d usual, %d failed (as scratch); %d seeds failed", saves.Load(), quick.Load(), full.Load(), failed.Load(), failures.Load())
}

// memoDifference says how the memo of a rebuild differs from a build
// from scratch's: in the files read, their order, the folders, the
// rendered bodies and the pages with their signatures; "" when it does
// not. The overview's memo is left out: a quick rebuild patches it, and
// the next usual build draws it anew.
func memoDifference(got, want *buildMemo) string {
	if !slices.Equal(got.order, want.order) {
		return fmt.Sprintf("memo order %q, from scratch %q", got.order, want.order)
	}
	if !slices.Equal(got.dirs, want.dirs) {
		return fmt.Sprintf("memo folders %q, from scratch %q", got.dirs, want.dirs)
	}
	if got.env != want.env || got.links != want.links {
		return "memo environment or links differ"
	}
	sameFile := func(g, w memoFile) bool {
		if !bytes.Equal(g.data, w.data) || !bytes.Equal(g.read.asset, w.read.asset) || (g.read.node == nil) != (w.read.node == nil) {
			return false
		}
		gn, wn := g.read.node, w.read.node
		return gn == nil || (gn.Draft == wn.Draft && gn.Title == wn.Title && reflect.DeepEqual(gn.front, wn.front) && bytes.Equal(gn.body, wn.body))
	}
	sameBody := func(g, w memoBody) bool {
		return g.key == w.key && reflect.DeepEqual(g.body, w.body) && slices.Equal(g.links, w.links) &&
			slices.Equal(g.resolved, w.resolved) && g.dir == w.dir
	}
	samePage := func(g, w memoPage) bool { return g.key == w.key && bytes.Equal(g.html, w.html) }
	if d := mapDifference("files", got.files, want.files, sameFile); d != "" {
		return d
	}
	if d := mapDifference("bodies", got.bodies, want.bodies, sameBody); d != "" {
		return d
	}
	return mapDifference("pages", got.pages, want.pages, samePage)
}

// mapDifference names the first key, in order, that one memo map has and
// the other has not, or whose values differ; "" when none.
func mapDifference[V any](what string, got, want map[string]V, same func(g, w V) bool) string {
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[k]; !ok {
			return fmt.Sprintf("memo %s lacks %s", what, k)
		} else if !same(g, want[k]) {
			return fmt.Sprintf("memo %s differ at %s", what, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[k]; !ok {
			return fmt.Sprintf("memo %s has %s, which a build from scratch has not", what, k)
		}
	}
	return ""
}

// pagesByFile maps each node file to its page.
func pagesByFile(nodes []*Node) map[string]string {
	pages := make(map[string]string, len(nodes))
	for _, n := range nodes {
		pages[n.File] = n.URL
	}
	return pages
}

// st0 is the initial site of a seed, as text.
func st0(seed int) string {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	st := &stressSite{r: r, variant: seed % 4}
	st.initial()
	files := st.siteFiles()
	var b strings.Builder
	for _, f := range slices.Sorted(func(y func(string) bool) {
		for k := range files {
			if !y(k) {
				return
			}
		}
	}) {
		fmt.Fprintf(&b, "    %s: %q\n", f, files[f])
	}
	return b.String()
}
