package generator

import (
	"cmp"
	"path"
	"strings"
)

// addTranslation puts a file written for a language into the source:
// rel, written for the node file node in the language lang; n is what
// was read of it, nil when it could not be read (its own error says
// why).
func (l *loader) addTranslation(rel, node, lang string, n *Node) {
	def := "nl"
	if l.site != nil {
		def = l.site.Language
	}
	switch {
	case lang == def:
		l.probs.add(l.displayPath(rel), 0, "%s is the site's default language, whose text is in the node's own file: name this file %s", lang, path.Base(node))
	case l.site == nil || !l.site.hasLanguage(lang):
		l.probs.add(l.displayPath(rel), 0, "%s is not a language of this site (a name that ends in .%s.md is a translation into it): add %s under languages: in site.yaml, or rename the file", lang, lang, lang)
	case n == nil:
	default:
		if l.src.translations == nil {
			l.src.translations = map[string]map[string]*Node{}
		}
		if l.src.translations[lang] == nil {
			l.src.translations[lang] = map[string]*Node{}
		}
		l.src.translations[lang][node] = n
	}
}

// translate makes the graph of another language, whose pages go into
// the folder dir ("fr/"): a copy of w, each node with the texts of its
// translation in trs (by the node file it is written for), or with its
// own, in the default language def, where it has none. The copy keeps w's tree, order and
// choices, and its nodes keep their files: a link to x.md, in any
// language's text, leads to x.md's page in the language of the page.
func (w *wizard) translate(def, dir string, trs map[string]*Node, l *loader) *wizard {
	w2 := &wizard{byFile: make(map[string]*Node, len(w.byFile)), assets: w.assets, broken: w.broken, lang: strings.TrimSuffix(dir, "/")}
	if w.root == nil {
		return w2
	}
	of := w.translations(trs, l)
	twin := make(map[*Node]*Node, len(w.nodes)+1)
	var copyTree func(n *Node) *Node
	copyTree = func(n *Node) *Node {
		c := translated(n, of[n], def, dir)
		twin[n] = c
		c.Children = make([]*Node, len(n.Children))
		for i, child := range n.Children {
			c.Children[i] = copyTree(child)
			c.Children[i].Parent = c
		}
		return c
	}
	w2.root = copyTree(w.root)
	for file, n := range w.byFile {
		if c := twin[n]; c != nil {
			w2.byFile[file] = c
		}
	}
	w2.nodes = make([]*Node, len(w.nodes))
	for i, n := range w.nodes {
		w2.nodes[i] = twin[n]
	}
	if w.definitions != nil {
		w2.definitions = translated(w.definitions, of[w.definitions], def, dir)
	}
	w2.placeTranslated(dir, l)
	for _, n := range w.nodes {
		w2.linkTranslated(twin[n], n, of[n], l)
	}
	return w2
}

// translations finds the node of w that each translation is written
// for, and reports the translations that have none.
func (w *wizard) translations(trs map[string]*Node, l *loader) map[*Node]*Node {
	of := make(map[*Node]*Node, len(trs))
	for file, t := range trs {
		n := w.byFile[file]
		if file == definitionsFile {
			n = w.definitions
		}
		switch {
		case n == nil && (l.drafted(file) || w.broken[file]):
			// A draft's translation is left out with it; a broken
			// node's own error comes first.
		case n == nil:
			l.probs.add(l.displayPath(t.File), 0, "a translation of content/%s, which is not a node of the site: a translation sits beside the node file it translates, named after it (x.md, x.fr.md)", file)
		case of[n] != nil:
			first, second := of[n], t
			if second.File < first.File {
				first, second = second, first
			}
			l.probs.add(l.displayPath(second.File), 0, "a second translation of content/%s, beside content/%s: keep one of them", n.File, first.File)
		default:
			for _, key := range []string{"weight", "draft"} {
				if line := t.front.lines.at(key); line > 0 {
					l.probs.add(l.displayPath(t.File), line, "%s: a translation takes its node's place and flag from content/%s: remove the line (a translation gives title, linkTitle, description, prompt, slug, and the labels of choices, prev and next)", key, n.File)
				}
			}
			of[n] = t
		}
	}
	return of
}

// translated is the copy of n in another language: with the texts of
// its translation t, or without one, with its own texts, marked with
// their language, def. Its address and links are set later.
func translated(n, t *Node, def, dir string) *Node {
	c := &Node{
		File: n.File, Weight: n.Weight, Draft: n.Draft, Lang: def,
		Title: n.Title, LinkTitle: n.LinkTitle, Description: n.Description, Prompt: n.Prompt,
		front: n.front, body: n.body, hasBody: n.hasBody, langDir: dir,
	}
	if t != nil {
		c.Title, c.LinkTitle, c.Description, c.Prompt = t.Title, t.LinkTitle, t.Description, t.Prompt
		c.front, c.body, c.hasBody = t.front, t.body, t.hasBody
		c.front.Slug = cmp.Or(t.front.Slug, n.front.Slug)
		c.Lang, c.Translation = "", t.File
	}
	return c
}

// placeTranslated gives every node of a translated graph its address
// in the folder dir: its translation's slug, or its node's.
func (w *wizard) placeTranslated(dir string, l *loader) {
	w.root.URL = dir + "index.html"
	urls := map[string]*Node{w.root.URL: w.root}
	var place func(p *Node)
	place = func(p *Node) {
		for _, n := range p.Children {
			url, badSlug := n.address(p)
			if badSlug && n.Translation != "" && n.front.lines.at("slug") > 0 {
				l.probs.add(l.displayPath(n.Translation), n.front.lines.at("slug"), "slug %q: use lower-case letters, digits and hyphens only", n.front.Slug)
			}
			if other := urls[url]; other != nil && !w.broken[n.File] {
				l.probs.add(l.displayPath(n.source()), n.front.lines.at("slug"), "same address %s as content/%s: give one of them another slug", url, other.source())
			} else {
				urls[url] = n
			}
			n.URL = url
			place(n)
		}
	}
	place(w.root)
}

// source is the file that n's texts come from: its translation, or its
// own file.
func (n *Node) source() string { return cmp.Or(n.Translation, n.File) }
