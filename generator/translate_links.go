package generator

import (
	"fmt"
	"path"
)

// linkTranslated gives c, the copy of n in a translated graph w, the
// choices, prev and next of n, leading to the copies of their targets.
// A translation t may write them again to give their labels in its
// language, but it must name the same pages in the same order: the
// default language's file makes the graph. A label that neither gives
// is the target's link title in the page's language.
func (w *wizard) linkTranslated(c, n, t *Node, l *loader) {
	var tf *frontMatter
	if t != nil {
		tf = &t.front
	}
	if n.front.Choices == nil {
		if tf != nil && tf.Choices != nil {
			l.probs.add(l.displayPath(t.File), tf.lines.at("choices"), "choices: content/%s lists none (its choices are the nodes of its folder): a translation has the choices of its node; remove the list", n.File)
		}
		for _, ch := range n.Choices {
			to := w.byFile[ch.Node.File]
			c.Choices = append(c.Choices, Link{Node: to, Label: to.LinkTitle, lang: to.Lang})
		}
	} else {
		var own []linkSpec
		if tf != nil && tf.Choices != nil {
			own = tf.Choices
			if len(own) != len(n.front.Choices) {
				l.probs.add(l.displayPath(t.File), tf.lines.at("choices"), "choices: content/%s lists %d, this translation %d: a translation lists the same choices in the same order, with their labels in its language", n.File, len(n.front.Choices), len(own))
				own = nil
			}
		}
		for i := range n.front.Choices {
			var mine *linkSpec
			if own != nil {
				mine = &own[i]
			}
			if lk := w.translatedLink(fmt.Sprintf("choice %d", i+1), c, &n.front.Choices[i], t, mine, l); lk != nil {
				c.Choices = append(c.Choices, *lk)
			}
		}
	}
	var prev, next *linkSpec
	if tf != nil {
		prev, next = tf.Prev, tf.Next
	}
	c.Prev = w.translatedLink("prev", c, n.front.Prev, t, prev, l)
	c.Next = w.translatedLink("next", c, n.front.Next, t, next, l)
}

// translatedLink is a link of a node's front matter, def, for its copy
// c in a translated graph w: with the label of mine, the same link as
// c's translation t writes it, when it does. key names the link in
// messages. It is nil when the node has no such link, or when the link
// leads nowhere, which the default language's graph reports.
func (w *wizard) translatedLink(key string, c *Node, def *linkSpec, t *Node, mine *linkSpec, l *loader) *Link {
	if def == nil {
		if mine != nil {
			l.probs.add(l.displayPath(t.File), mine.Line, "%s: content/%s has none: a translation leads where its node leads; remove it", key, c.File)
		}
		return nil
	}
	to := w.resolve(path.Join(c.dir(), def.Page)).node
	if to == nil {
		return nil
	}
	lk := &Link{Node: to, Label: to.LinkTitle, lang: to.Lang}
	switch {
	case mine != nil:
		full := path.Join(parentDir(t.File), mine.Page)
		switch other := w.resolve(full).node; {
		case other == nil:
			l.probs.add(l.displayPath(t.File), mine.Line, "%s: link to %q: no such node (content/%s)", key, mine.Page, full)
		case other != to:
			l.probs.add(l.displayPath(t.File), mine.Line, "%s leads to content/%s, where content/%s's leads to content/%s: a translation leads where its node leads, and gives the label in its language", key, other.File, c.File, to.File)
		case mine.Label != "":
			lk.Label, lk.lang = mine.Label, ""
		}
	case c.Lang != "" && def.Label != "":
		lk.Label, lk.lang = def.Label, c.Lang
	}
	return lk
}
