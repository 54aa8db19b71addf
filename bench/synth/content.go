package synth

import (
	"fmt"
	"path"
	"strconv"
	"strings"
)

// answerWords is about how many words an answer page has.
const answerWords = 150

// wizardFiles returns the files of a wizard of n nodes in our content
// format, by slash-separated path in the site root.
func wizardFiles(n int) map[string][]byte {
	root := plan(n)
	files := map[string][]byte{
		"site.yaml":               siteYAML(n),
		"content/_definitions.md": definitions(),
	}
	walk(root, func(nd *node) {
		files[path.Join("content", nd.file)] = []byte(nodeFile(nd, n))
	})
	return files
}

func siteYAML(n int) []byte {
	return []byte(`title: Synthetische wizard
subtitle: ` + strconv.Itoa(n) + ` knopen om de bouwtijd te meten
tagline: Wizard
language: nl
baseURL: ""
contact:
  label: het contactcenter van de synthetische dienst
  url: https://www.example.com/contact/
`)
}

// definitions is content/_definitions.md: one definition per profile.
func definitions() []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: " + strconv.Quote("Wat zijn de taken van een …") + "\n---\n")
	for i, r := range roles {
		f := newFiller(uint64(1_000_000 + i))
		fmt.Fprintf(&b, "\n%s\n: %s\n", r, strings.Join(f.paragraph(20), " "))
	}
	return []byte(b.String())
}

// nodeFile is the Markdown file of one node: front matter and body.
func nodeFile(nd *node, n int) string {
	var b strings.Builder
	b.WriteString("---\n")
	switch {
	case nd.depth == 0:
		writeKey(&b, "title", "Welkom bij de synthetische wizard")
		writeKey(&b, "linkTitle", nd.label)
		writeKey(&b, "description", fmt.Sprintf("Een synthetische wizard van %d knopen, om de bouwtijd te meten.", n))
	case nd.depth == 1 && nd.menu:
		writeKey(&b, "title", "Ik ben een "+nd.label+" …")
		writeKey(&b, "linkTitle", nd.label)
		fmt.Fprintf(&b, "weight: %d\n", nd.weight)
		writeKey(&b, "prompt", "… en ik wil:")
	case nd.menu:
		writeKey(&b, "title", "… en ik wil "+nd.label+" …")
		writeKey(&b, "linkTitle", nd.label)
		fmt.Fprintf(&b, "weight: %d\n", nd.weight)
		writeKey(&b, "prompt", "… en meer bepaald:")
	default:
		writeKey(&b, "title", "… en ik wil "+nd.label+".")
		writeKey(&b, "linkTitle", nd.label)
		fmt.Fprintf(&b, "weight: %d\n", nd.weight)
	}
	b.WriteString("---\n")
	f := newFiller(uint64(nd.seq))
	switch {
	case nd.depth == 0:
		b.WriteString("\n" + strings.Join(f.paragraph(40), " ") + "\n")
	case nd.depth == 1 && nd.menu:
		// A profile offers the definitions, as the eGov profiles do.
		b.WriteString("\n> [!OPTIONAL]\n> [Wat zijn de taken van een …](" + upTo(nd) + "_definitions.md)\n")
	case !nd.menu:
		answerBody(&b, nd, f)
	}
	return b.String()
}

// answerBody writes about answerWords words in three paragraphs, with two
// external links, one cross-link and, on every third answer, a note.
func answerBody(b *strings.Builder, nd *node, f *filler) {
	per := answerWords/3 - 8 // a paragraph ends with a whole sentence, some 8 words past its target
	p1 := f.paragraph(per)
	linkWords(p1, 1, "https://www.example.com/aanmelden/"+slug(nd.label)+"/")
	p2 := f.paragraph(per - 6)
	p3 := f.paragraph(per)
	linkWords(p3, len(p3)/2, "https://www.example.org/info/"+strconv.Itoa(nd.seq)+"?taal=nl")
	b.WriteString("\n" + strings.Join(p1, " ") + "\n")
	b.WriteString("\n" + strings.Join(p2, " ") + " Lees ook: [" + crossLabel(nd) + "](" + nd.crossLink + ").\n")
	b.WriteString("\n" + strings.Join(p3, " ") + "\n")
	if nd.seq%3 == 0 {
		b.WriteString("\n> [!NOTE]\n> " + strings.Join(f.sentence(12), " ") + "\n")
	}
}

// linkWords turns two parts of a paragraph, from about index i on, into
// a link that does not run across the end of a sentence.
func linkWords(parts []string, i int, url string) {
	i = min(i, len(parts)-2)
	for i > 0 && strings.HasSuffix(parts[i], ".") {
		i--
	}
	parts[i] = "[" + parts[i]
	end := strings.TrimRight(parts[i+1], ".,")
	parts[i+1] = end + "](" + url + ")" + parts[i+1][len(end):]
}

// crossLabel is the text of an answer's cross-link: the label of what it links to.
func crossLabel(nd *node) string {
	for _, c := range nd.parent.children {
		if !c.menu && path.Base(c.file) == nd.crossLink {
			return c.label
		}
	}
	return nd.parent.label
}

// writeKey writes one front matter line with a quoted string: Go's
// quoting is valid YAML for the text we write.
func writeKey(b *strings.Builder, key, value string) {
	b.WriteString(key + ": " + strconv.Quote(value) + "\n")
}
