package generator

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2/svg"
)

// themeDir is the folder of a site root whose files replace the
// built-in theme's files of the same path.
const themeDir = "theme"

// themeLayers is the built-in theme with the site's own theme files over it.
type themeLayers struct {
	base     fs.FS  // the built-in theme: templates/, static/, icons/, i18n/
	site     fs.FS  // the site root, whose theme/ folder overrides base
	siteName string // the site root as the writer names it
}

// themeFile is one file of the theme and where it came from.
type themeFile struct {
	name    string // path in the theme, such as "templates/page.html"
	data    []byte // its bytes
	display string // its path as printed in errors
	// builtIn is whether the file is the built-in theme's as it is: not
	// overridden, or overridden by the same bytes.
	builtIn bool
}

// layers returns the built-in file and the site's override, those that exist.
func (t *themeLayers) layers(name string) []themeFile {
	var out []themeFile
	if data, err := fs.ReadFile(t.base, name); err == nil {
		out = append(out, themeFile{name, data, path.Join(themeDir, name), true})
	}
	if t.site != nil {
		if data, err := fs.ReadFile(t.site, path.Join(themeDir, name)); err == nil {
			same := len(out) == 1 && bytes.Equal(out[0].data, data)
			out = append(out, themeFile{name, data, joinDisplay(t.siteName, path.Join(themeDir, name)), same})
		}
	}
	return out
}

// file returns the site's version of a theme file, or the built-in one.
func (t *themeLayers) file(name string) (themeFile, error) {
	l := t.layers(name)
	if len(l) == 0 {
		return themeFile{}, fmt.Errorf("theme file %s: %w", name, fs.ErrNotExist)
	}
	return l[len(l)-1], nil
}

// list returns the names of the files in a theme folder, from both layers.
func (t *themeLayers) list(dir string) []string {
	var names []string
	layers := []struct {
		fsys fs.FS
		dir  string
	}{{t.base, dir}, {t.site, path.Join(themeDir, dir)}}
	for _, layer := range layers {
		if layer.fsys == nil {
			continue
		}
		entries, err := fs.ReadDir(layer.fsys, layer.dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !e.IsDir() && !ignored(e.Name()) {
				names = append(names, path.Join(dir, e.Name()))
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// sign adds every file of the theme, both layers, to h: a page need not
// be rendered again while its theme is the same.
func (t *themeLayers) sign(h io.Writer) {
	for _, dir := range []string{"templates", "static", "icons", "i18n"} {
		for _, name := range t.list(dir) {
			for _, f := range t.layers(name) {
				fmt.Fprintf(h, "%s\x00%d\x00", f.display, len(f.data))
				h.Write(f.data)
			}
		}
	}
}

// icons reads icons/*.svg: each becomes an inline <svg> hidden from
// screen readers, to stand beside a text that says what it means.
func (t *themeLayers) icons(probs *problems) map[string]string {
	icons := map[string]string{}
	for _, name := range t.list("icons") {
		if path.Ext(name) != ".svg" {
			continue
		}
		f, err := t.file(name)
		if err != nil {
			continue
		}
		var min bytes.Buffer
		if err := svg.Minify(nil, &min, bytes.NewReader(f.data), nil); err != nil {
			probs.add(f.display, 1, "not an SVG file: %v", err)
			continue
		}
		svg := min.String()
		i := strings.Index(svg, "<svg")
		if i < 0 {
			probs.add(f.display, 1, "not an SVG file: no <svg element")
			continue
		}
		// In HTML the namespace of an inline <svg> goes without saying.
		svg = strings.Replace(svg[i:], ` xmlns="http://www.w3.org/2000/svg"`, "", 1)
		icons[strings.TrimSuffix(path.Base(name), ".svg")] = `<svg class="icon" aria-hidden="true" focusable="false"` + svg[len("<svg"):]
	}
	return icons
}

// templates reads templates/*.html. Each template is named after its
// file, so "page.html" calls {{template "breadcrumbs.html" .}}.
//
// The templates are minified before they are parsed. Minifying the
// templates once, and each body once when it is rendered, leaves nothing
// to minify in a page: minifying every page of a large wizard whole cost
// about a fifth of its build. The templates as written are parsed only
// for an error, so that it names the writer's line.
//
// The templates are parsed when one first runs, once: when every
// template is the built-in theme's, builtin_theme.go writes the pages of
// the nodes, and the templates make the rest.
func (t *themeLayers) templates(funcs template.FuncMap, probs *problems) *themeTemplates {
	tt := &themeTemplates{funcs: funcs, display: map[string]string{}}
	for _, name := range t.list("templates") {
		if path.Ext(name) != ".html" {
			continue
		}
		f, err := t.file(name)
		if err != nil {
			continue
		}
		base := path.Base(name)
		tt.display[base] = f.display
		tt.modified = tt.modified || !f.builtIn
		tt.written = append(tt.written, writtenTemplate{base, string(f.data)})
	}
	if !tt.modified {
		return tt
	}
	if err := tt.parse(); err != nil {
		for _, e := range Errors(err) {
			probs.addErr(e)
		}
		return nil
	}
	return tt
}

// parse minifies and parses the templates into tt.exec, once, and
// returns what was wrong with them, each at its file and line.
func (tt *themeTemplates) parse() error {
	tt.parseOnce.Do(func() {
		tt.exec = template.New("").Funcs(tt.funcs)
		m := newTemplateMinifier()
		probs := &problems{}
		defer func() { tt.parseErr = probs.err() }()
		for _, w := range tt.written {
			src := []byte(w.src)
			if min, err := minifyHTML(m, src); err == nil {
				src = min
			}
			if _, err := tt.exec.New(w.name).Parse(string(src)); err == nil {
				continue
			}
			// The template as written tells where it is wrong; when it
			// parses, the minifier broke it, and it is used as written.
			if _, err := template.New(w.name).Funcs(tt.funcs).Parse(w.src); err != nil {
				probs.addErr(tt.error(err, w.name))
			} else if _, err := tt.exec.New(w.name).Parse(w.src); err != nil {
				probs.addErr(tt.error(err, w.name))
			}
		}
	})
	return tt.parseErr
}

// themeTemplates are the templates of a theme, minified, and the means
// to run them as written.
type themeTemplates struct {
	display map[string]string // each template's file, as the writer names it
	written []writtenTemplate // the templates as written, in the order they are parsed
	funcs   template.FuncMap
	// modified is whether any template differs from the built-in theme's:
	// then the generator knows less of what the pages show.
	modified bool

	parseOnce sync.Once
	exec      *template.Template // minified: what the pages are made with; nil until parse
	parseErr  error              // what parse found wrong; nil when every template parsed

	rawOnce sync.Once
	raw     *template.Template // written, parsed on the first error
}

// writtenTemplate is a template's source as its file holds it.
type writtenTemplate struct{ name, src string }

// execute runs the named template into w. When it fails, it runs the
// template as written, so that the error names the line of the file
// and not of its minified copy.
func (tt *themeTemplates) execute(w io.Writer, name string, data any) error {
	if err := tt.parse(); err != nil {
		return err
	}
	err := tt.exec.ExecuteTemplate(w, name, data)
	if err == nil {
		return nil
	}
	tt.rawOnce.Do(func() {
		raw := template.New("").Funcs(tt.funcs)
		for _, t := range tt.written {
			if _, err := raw.New(t.name).Parse(t.src); err != nil {
				return // parsed minified, so this does not happen; keep the first error
			}
		}
		tt.raw = raw
	})
	if tt.raw == nil {
		return err
	}
	if rawErr := tt.raw.ExecuteTemplate(io.Discard, name, data); rawErr != nil {
		return rawErr
	}
	return err
}

// templatePos is the position text/template puts at the head of its
// messages: "template: footer.html:5:7: executing …".
var templatePos = regexp.MustCompile(`^template: ([^:\s]+):(\d+)(?::(\d+))?: (?s:(.*))$`)

// templateError gives a template error the file and line it comes from.
// Templates are named after their files; display maps each name to the
// file as the writer names it, and name is the template that was run,
// for an error that names none.
func templateError(err error, name string, display map[string]string) *Error {
	file := func(n string) string {
		if d, ok := display[n]; ok {
			return d
		}
		return path.Join(themeDir, "templates", n)
	}
	var inner *Error
	if errors.As(err, &inner) {
		return inner // positioned where it happened, in a template run by .Render
	}
	var te *template.Error
	if errors.As(err, &te) && te.Line > 0 {
		return &Error{File: file(cmp.Or(te.Name, name)), Line: te.Line, Err: errors.New(te.Description)}
	}
	if m := templatePos.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return &Error{File: file(m[1]), Line: line, Col: col, Err: errors.New(m[4])}
	}
	return &Error{File: file(name), Err: err}
}

// error is templateError for the templates of this theme.
func (tt *themeTemplates) error(err error, name string) *Error {
	return templateError(err, name, tt.display)
}
