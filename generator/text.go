package generator

import (
	"bytes"
	"unicode/utf8"
)

// readText checks that data, a file the build reads as text (a node
// file, site.yaml, interface strings), is UTF-8 text, and returns it
// without the byte order mark that some editors put first. what names
// the file in the message, such as "a node file".
func readText(data []byte, display, what string, probs *problems) ([]byte, bool) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		probs.add(display, lineAt(data, i), "binary file: %s must be UTF-8 text", what)
		return nil, false
	}
	if !utf8.Valid(data) {
		probs.add(display, lineAt(data, firstInvalidUTF8(data)), "invalid UTF-8: save the file as UTF-8 text")
		return nil, false
	}
	return bytes.TrimPrefix(data, []byte("\uFEFF")), true
}
