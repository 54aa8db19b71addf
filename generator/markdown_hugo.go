package generator

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// Hugo's shortcodes ({{< name … >}} and {{% name … %}}) are not Markdown:
// a page brought over from a Hugo site would show them as text. Each one
// is an error that names it and says what to write instead.

// shortcodeAdvice is what to write instead of the shortcodes that Hugo
// sites use most; any other gets shortcodeDefault.
var shortcodeAdvice = map[string]string{
	"ref":       "a relative link to the node's file, such as [text](../folder/page.md)",
	"relref":    "a relative link to the node's file, such as [text](../folder/page.md)",
	"figure":    "an image, such as ![what it shows](picture.png), with the caption as text below it",
	"highlight": "a fenced code block: ``` and the language on the line before the code, ``` after it",
	"youtube":   "a link to the video, such as [the video's title](https://…): a page of the wizard loads nothing from other sites",
	"vimeo":     "a link to the video, such as [the video's title](https://…): a page of the wizard loads nothing from other sites",
	"tweet":     "a link to the post, such as [the post](https://…): a page of the wizard loads nothing from other sites",
	"x":         "a link to the post, such as [the post](https://…): a page of the wizard loads nothing from other sites",
	"instagram": "a link to the post, such as [the post](https://…): a page of the wizard loads nothing from other sites",
	"gist":      "a fenced code block with the code, or a link to the gist",
	"param":     "the value itself",
	"details":   "the text itself, or a > [!NOTE] block quote",
}

const shortcodeDefault = "what it stands for, in Markdown"

// shortcodes reports the Hugo shortcodes that start in the text t. The
// text of {{< name >}} ends before its "<", where goldmark looks for HTML,
// so the source is read past the text's end. Only the opening of a paired
// shortcode is reported ({{< /name >}} closes one), so that each is
// named once.
func (bc *bodyContext) shortcodes(t *ast.Text) {
	if _, code := t.Parent().(*ast.CodeSpan); code {
		return
	}
	for i, stop := t.Segment.Start, t.Segment.Stop; i < stop; {
		j := bytes.Index(bc.src[i:stop], []byte("{{"))
		if j < 0 {
			return
		}
		i += j
		if i+2 < len(bc.src) && (bc.src[i+2] == '<' || bc.src[i+2] == '%') {
			bc.shortcode(i)
		}
		i += 2
	}
}

// opensShortcode reports whether the raw HTML at offset start of the
// source is the "<" of a "{{<" that shortcodes reports.
func opensShortcode(src []byte, start int) bool {
	return start >= 2 && src[start-1] == '{' && src[start-2] == '{'
}

// shortcode reports the shortcode whose "{{" is at offset start.
func (bc *bodyContext) shortcode(start int) {
	rest := bc.src[start:]
	open := string(rest[:3])
	name := bytes.TrimLeft(rest[3:], " \t")
	if bytes.HasPrefix(name, []byte("/*")) { // {{</* name */>}}: Hugo's way to show a shortcode as text
		name = bytes.TrimLeft(name[2:], " \t")
	} else if bytes.HasPrefix(name, []byte("/")) {
		return
	}
	end := bytes.IndexFunc(name, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '.' || r == '/' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	})
	if end >= 0 {
		name = name[:end]
	}
	advice, ok := shortcodeAdvice[string(name)]
	if !ok {
		advice = shortcodeDefault
	}
	closing := ">}}"
	if open == "{{%" {
		closing = "%}}"
	}
	bc.probs.add(bc.file, lineAt(bc.src, start),
		"Hugo shortcode %s %s %s is not Markdown and would show as text: write %s", open, name, closing, advice)
}
