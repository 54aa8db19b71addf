package generator

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

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
}

// layers returns the built-in file and the site's override, those that exist.
func (t *themeLayers) layers(name string) []themeFile {
	var out []themeFile
	if data, err := fs.ReadFile(t.base, name); err == nil {
		out = append(out, themeFile{name, data, path.Join(themeDir, name)})
	}
	if t.site != nil {
		if data, err := fs.ReadFile(t.site, path.Join(themeDir, name)); err == nil {
			out = append(out, themeFile{name, data, joinDisplay(t.siteName, path.Join(themeDir, name))})
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

// templates parses templates/*.html. Each template is named after its
// file, so "page.html" calls {{template "breadcrumbs.html" .}}.
func (t *themeLayers) templates(funcs template.FuncMap, probs *problems) *template.Template {
	root := template.New("").Funcs(funcs)
	ok := true
	for _, name := range t.list("templates") {
		if path.Ext(name) != ".html" {
			continue
		}
		f, err := t.file(name)
		if err != nil {
			continue
		}
		if _, err := root.New(path.Base(name)).Parse(string(f.data)); err != nil {
			probs.addErr(templateError(err, f.display))
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return root
}

// templateError gives a template error the file it comes from. Templates
// are named after their files, so the message itself names the line.
func templateError(err error, display string) *Error {
	var te *template.Error
	if errors.As(err, &te) && te.Line > 0 {
		return &Error{File: display, Line: te.Line, Err: errors.New(te.Description)}
	}
	return &Error{File: display, Err: err}
}
