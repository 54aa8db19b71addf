package generator

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
)

// assetsDir is the output folder of the theme's stylesheets and scripts.
const assetsDir = "assets"

// Options say what to build.
type Options struct {
	// Source is the site root: content/, site.yaml, and optional i18n/
	// and theme/. A symbolic link in content/ that leads out of it is an
	// error at the link's path, so that no file from elsewhere is
	// published by mistake: the walk of content/ follows each link a
	// path part at a time (leadsOut) in any Source that reads links
	// (fs.ReadLinkFS: os.DirFS, an os.Root's FS, fstest.MapFS). wizard
	// build passes os.DirFS: an os.Root opens every folder on the path
	// of every file it reads, and made a build of 10,000 nodes a fifth
	// slower.
	Source     fs.FS
	SourceName string // the site root as the writer names it, put before paths in errors
	Theme      fs.FS  // the built-in theme (see package theme)
	BaseURL    string // overrides the baseURL of site.yaml when not empty
	Drafts     bool   // build draft nodes too
	DevScript  string // when not empty, the src of a script added to every page (wizard serve)

	// templatePages makes the pages through the templates even when
	// they are the built-in theme's, which builtin_theme.go writes in Go:
	// tests compare the two.
	templatePages bool
}

// Site is a built site, in memory.
type Site struct {
	Files map[string][]byte // every output file by path, slash-separated; nil after Build, which wrote them
	// FileCount is how many files the site has.
	FileCount int
	Pages     int     // how many HTML pages, the 404 page included
	Nodes     []*Node // the wizard's nodes, in path order: the default language's
	// Languages are the site's languages, the default first: one for a
	// site in one language.
	Languages []Language
	// Rendered is how many pages this build rendered anew; a Builder
	// reuses the pages whose inputs did not change.
	Rendered int
	// Changed lists the output files that differ from the Builder's
	// previous build, removed ones included; every file on a first build.
	Changed []string
	// Moved maps the pages of the Builder's previous build that are gone
	// to where the same node file's page is now, when it moved (a new
	// slug, say); nil when none did.
	Moved map[string]string
	// Warnings say what BuildContext could not clean up beside the
	// output, which is sound all the same: an earlier output that could
	// not be removed whole, say.
	Warnings []string
}

// Generate builds the site in memory. Its error is an ErrorList with
// every problem found, each at its file and line.
func Generate(opts Options) (*Site, error) {
	return NewBuilder(opts).Build()
}

// Build generates the site and writes it to the folder out. It is
// BuildContext without a way to stop it.
func Build(opts Options, out string) (*Site, error) {
	return BuildContext(context.Background(), opts, out)
}

// BuildContext generates the site and writes it to the folder out, all
// or nothing: into a new folder beside out, which takes out's place only
// when the whole site is written. An error means that out is as it was,
// and that the new folder is removed; that includes a build stopped
// through ctx (wizard build on Ctrl+C), whose error wraps
// context.Cause(ctx). Success means that out is the new site; what could
// not be removed of the old one is in the Site's Warnings.
//
// New folders that earlier builds of out left beside it, when killed,
// are removed first (see outputKind).
//
// Pages go to the disk as they are rendered, so that a large wizard is
// never held in memory whole; the returned Site has no Files.
func BuildContext(ctx context.Context, opts Options, out string) (*Site, error) {
	o, err := startOutput(ctx, out)
	if err != nil {
		return nil, err
	}
	run := &buildRun{ctx: ctx, opts: opts, probs: &problems{}, out: o}
	site, _, err := run.build()
	if cause := context.Cause(ctx); cause != nil {
		o.abort()
		return nil, fmt.Errorf("build stopped (%w): nothing was written to %s", cause, o.dir)
	}
	if err != nil {
		o.abort()
		return nil, err
	}
	if err := o.commit(); err != nil {
		return nil, err
	}
	site.Warnings = append(site.Warnings, o.warnings...)
	return site, nil
}

// staticAssets adds the theme's static files to files: stylesheets and
// scripts under assets/ with a fingerprint in their name, so that hosts
// may cache them for long; the rest at the site root. A site of several
// languages has languages.css at the end of its style.css. It returns the
// output path of each by its name in static/.
func staticAssets(th *themeLayers, files map[string][]byte, multilingual bool) map[string]string {
	assets := map[string]string{}
	for _, name := range th.list("static") {
		f, err := th.file(name)
		base := path.Base(name)
		if err != nil || base == languagesCSS {
			continue
		}
		if base == "style.css" && multilingual {
			f.data = withLanguagesCSS(th, f.data)
		}
		out := base
		switch ext := path.Ext(base); ext {
		case ".css", ".js":
			sum := sha256.Sum256(f.data)
			out = path.Join(assetsDir, strings.TrimSuffix(base, ext)+"."+hex.EncodeToString(sum[:5])+ext)
		}
		files[out] = f.data
		assets[base] = out
	}
	return assets
}

// sitemap lists every page at its absolute address; in a site of
// several languages, the page that lets the visitor choose, and with
// each node's page the same page in every language, as alternates.
func sitemap(rs []*pageRenderer) []byte {
	s := rs[0].site
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if len(rs) == 1 {
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for _, n := range rs[0].w.nodes {
			b.WriteString("<url><loc>")
			template.HTMLEscape(&b, []byte(s.absoluteURL(prettyPath(n.URL))))
			b.WriteString("</loc></url>\n")
		}
		b.WriteString("</urlset>\n")
		return []byte(b.String())
	}
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	b.WriteString("<url><loc>")
	template.HTMLEscape(&b, []byte(s.absoluteURL("")))
	b.WriteString("</loc></url>\n")
	for _, r := range rs {
		for _, n := range r.w.nodes {
			b.WriteString("<url><loc>")
			template.HTMLEscape(&b, []byte(s.absoluteURL(prettyPath(n.URL))))
			b.WriteString("</loc>")
			for _, o := range rs {
				b.WriteString(`<xhtml:link rel="alternate" hreflang="`)
				template.HTMLEscape(&b, []byte(o.site.Language))
				b.WriteString(`" href="`)
				template.HTMLEscape(&b, []byte(s.absoluteURL(prettyPath(o.w.byFile[n.File].URL))))
				b.WriteString(`"/>`)
			}
			b.WriteString("</url>\n")
		}
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}
