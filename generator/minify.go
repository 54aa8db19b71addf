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
	m.Add("text/html", htmlOptions())
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return m
}

// htmlOptions are the minifier's options for HTML: the document keeps
// its structure, end tags, quotes and default attribute values, which
// readers of the source and some validators expect.
func htmlOptions() *html.Minifier {
	return &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true}
}

// newTemplateMinifier makes the minifier of the theme's templates: HTML
// whose {{actions}} it leaves as they are.
func newTemplateMinifier() *minify.M {
	o := htmlOptions()
	o.TemplateDelims = html.GoTemplateDelims
	m := minify.New()
	m.Add("text/html", o)
	return m
}

// minifyHTML minifies HTML that is not a whole file: a rendered body, or
// a template's source with a template minifier.
func minifyHTML(m *minify.M, src []byte) ([]byte, error) {
	return minifyFile(m, ".html", src)
}

// newBodyMinifier makes the minifier of rendered bodies: HTML alone,
// since their only inline SVG are the theme's icons, minified once when
// the theme is read. Minifying each icon on each of thousands of pages
// again cost a third of a large build.
func newBodyMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", htmlOptions())
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
