package generator

import "strings"

// The escapers of html/template, for the parts of the built-in theme
// that the generator writes in Go (builtin_theme.go, the overview's
// list): the same bytes as the templates, without a call by reflection
// per value. TestEscapersAreHTMLTemplates holds them to html/template.

// htmlEscapes is html/template's replacement table for text, quoted
// attribute values and <title>: NUL and the six characters that can end
// or start markup there.
var htmlEscapes = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// appendHTML appends s escaped as html/template escapes a string in
// text ({{.}} in an element), in a quoted attribute value and in <title>.
func appendHTML(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		if r := htmlEscapes[s[i]]; r != "" {
			b = append(b, s[start:i]...)
			b = append(b, r...)
			start = i + 1
		}
	}
	return append(b, s[start:]...)
}

// appendURL appends s as html/template writes a string in a quoted
// href: a URL whose scheme is not http, https or mailto becomes
// "#ZgotmplZ"; bytes that may not stand in a URL are percent-encoded
// (valid escapes are kept); then it is escaped for the attribute.
func appendURL(b []byte, s string) []byte {
	if !safeURL(s) {
		return append(b, "#ZgotmplZ"...)
	}
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if urlPlain[c] {
			continue // most bytes of most URLs
		}
		if urlKeeps(s, i) {
			if r := htmlEscapes[c]; r != "" { // & and + are kept in a URL
				b = append(b, s[start:i]...)
				b = append(b, r...)
				start = i + 1
			}
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, '%', hex[c>>4], hex[c&15])
		start = i + 1
	}
	return append(b, s[start:]...)
}

// urlPlain are the bytes that appendURL writes as they are, whatever
// follows them: those urlKeeps keeps, less % (kept only before two hex
// digits) and & and + (escaped for the attribute).
var urlPlain = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = urlKeeps(string([]byte{byte(c)}), 0) && c != '%' && htmlEscapes[c] == ""
	}
	return t
}()

// safeURL reports whether html/template lets a URL through: relative,
// or with the scheme http, https or mailto.
func safeURL(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '/':
			return true
		case ':':
			scheme := s[:i]
			return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
		}
	}
	return true
}

// urlKeeps reports whether html/template's URL normalizer keeps the byte
// s[i] as it is: letters, digits, the unreserved and reserved characters
// of RFC 3986 but quotes and parentheses, and a % that starts an escape.
func urlKeeps(s string, i int) bool {
	c := s[i]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']', '-', '.', '_', '~':
		return true
	case '%':
		return i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2])
	}
	return false
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
