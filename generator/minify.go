package generator

import (
	"bytes"
	"path"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// minifier minifies the files of a build; it is safe for concurrent use.
type minifier = *minify.M

// newMinifier makes the minifier of a build, for HTML (with its inline
// SVG), CSS, JavaScript, SVG and XML.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return m
}

// newPageMinifier makes the minifier of node pages: HTML alone, since
// their only inline SVG are the theme's icons, minified once when the
// theme is read. Minifying each icon on each of thousands of pages
// again cost a third of a large build.
func newPageMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	return m
}

// mediaType is the type the minifier knows a file by, or "".
func mediaType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html"
	case ".css":
		return "text/css"
	case ".svg":
		return "image/svg+xml"
	case ".js":
		return "application/javascript"
	case ".xml":
		return "application/xml"
	}
	return ""
}

// minifyFile returns the minified bytes of a file the build wrote.
func minifyFile(m *minify.M, name string, data []byte) ([]byte, error) {
	mt := mediaType(name)
	if mt == "" {
		return data, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(data))
	if err := m.Minify(mt, &buf, bytes.NewReader(data)); err != nil {
		return nil, err
	}
	// The buffer was grown for the input; keep only what the output needs.
	return bytes.Clone(buf.Bytes()), nil
}
