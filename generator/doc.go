// Package generator turns a wizard written as Markdown files into a static
// site: one page per node, linked by breadcrumbs, choices, home and back
// links, prev/next sequences and a definitions popup.
//
// # Input
//
// Generate reads a site root through an fs.FS (os.DirFS for a folder,
// fstest.MapFS in tests) and never the working directory:
//
//	site.yaml                 Settings: title, subtitle, tagline, language, baseURL, contact
//	content/_index.md         the start page
//	content/_definitions.md   the definitions popup (not a node)
//	content/<dir>/_index.md   a node with nodes below it
//	content/<dir>/<name>.md   a node without nodes below it
//	content/<other files>     copied to the same place in the output
//	i18n/<language>.yaml      the site's own interface strings (see Strings)
//	theme/<path>              replaces the built-in theme's file of that path
//
// A symbolic link in content/ that leads out of the site root is an
// error at its path, whatever the fs.FS, so that no file from elsewhere
// is published by mistake.
//
// docs/content-format.md in the repository is the writers' manual: front
// matter keys (title, linkTitle, weight, draft, description, prompt,
// choices, prev, next, slug), links between nodes, notes (> [!NOTE]),
// optional actions (> [!OPTIONAL]) and icons (:external: and others).
//
// # The graph
//
// Folders make the tree: a node's parent is the _index.md of its folder
// (of the folder above, for an _index.md). Children are ordered by weight,
// then label. A node's choices are its children, less those that continue
// a sequence (those with prev), unless its front matter lists choices.
// Every node must be reachable from the start page through choices,
// prev/next and links in bodies.
//
// # Output
//
// Each node becomes <folder>/<slug>/index.html; every internal reference
// is relative and names a file, so the output works from any host and
// from file://. Stylesheets get a fingerprint in their name under assets/.
// With a base URL the build adds sitemap.xml, robots.txt and canonical
// links. HTML, CSS, SVG and XML are minified. The same input gives the
// same bytes.
//
// # Errors
//
// Every problem is an *Error printed as file:line:col: message; Generate
// reports all of them at once as an ErrorList. Write (and Build) replace
// the output folder atomically and only when the whole build succeeded,
// and refuse a non-empty folder that no build wrote.
//
// Build, which writes to disk, holds less than Generate: each page goes
// to the disk as it is rendered, and each file's bytes are dropped once
// parsed, each source once rendered (TestBuildWritesWhatGenerateMakes
// holds it to Generate, errors included).
//
// # Rebuilding
//
// A Builder keeps what its last good build made, for `wizard serve`.
// Rebuild, told which files changed, reads only those. When they are
// node files whose edits keep the folders (the body; the title, link
// title, description or prompt; the weight; the choices, prev and next;
// a new answer in a folder that has its node; an answer deleted that
// nothing but its folder's choices leads to; an answer's slug, which
// moves its page, also renders the pages that lead to it; an answer made
// a draft goes as a deleted one, and one that is no draft now comes as a
// new one; a new folder of node files, or a node in a folder that was
// empty, as new nodes below its parent folder's), it renders, on the
// last build's graph, only the pages that can show the edit. The definitions, saved alone, change every page:
// with the built-in theme, and when they hold no link relative to the
// page, the new popup is put in the place of the old in each page of the
// last build. A settings, strings or theme file saved with what it meant
// (a comment more) renders nothing. A folder's slug or draft flag, a
// folder deleted or moved, a new folder in a new folder or holding other
// files, other edits of the definitions, the settings and the theme take
// the usual build. With the built-in
// theme the last overview page is patched: each tree of the map is drawn
// in a group of its own, moved down to its place, so the trees that
// changed are drawn again and the groups after them moved, not the whole
// map. Otherwise, and whenever something is wrong (so that the error
// lists all that is wrong), it builds again and renders only the pages
// whose signature changed. Either way the result is byte for byte what a
// build from scratch makes, or the same error (the tests and two fuzzers
// compare them).
//
// # Templates
//
// The theme's templates/*.html are html/template files named after their
// files ("page.html" calls {{template "breadcrumbs.html" .}}). A page
// template gets a *pageData: .Site (Settings), .T (Strings), .Node,
// .Title, .Home, .Back, .Crumbs, .Context, .Prompt, .Choices, .Prev,
// .Next, .Body (.Content, .Notes, .Actions), .Definitions, .Canonical,
// .Contact and .DevScript, and the method .Asset "style.css" for the
// relative href of a theme asset. The template function icon "name"
// inserts icons/<name>.svg inline, hidden from screen readers.
//
// What surrounds the node (.Site, .T, .Home, .Back, .Definitions,
// .Contact, .DevScript, .Asset, .OverviewHref, .OverviewCurrent) is the
// page's chrome, one value for all the pages where it is the same.
// {{.Render "titlebar.html"}} runs a template with the chrome as its
// data once for all those pages, and inserts the result: the built-in
// theme renders its title bar and its bottom.html (footer, definitions)
// so. Such a template sees only the chrome; {{template "x.html" .}}
// runs a template for each page and sees everything.
//
// Templates are minified once when they are read, and each body once
// when it is rendered; pages are not minified again. The built-in
// theme's trim markers ({{- and -}}) are placed so that its pages come
// out exactly as minified (a test checks it).
//
// While the site has no template of its own, no template runs: the
// pages come from builtin_theme.go, which writes what the built-in
// templates would, escaped as html/template escapes, and the templates
// are not even parsed. html/template calls an escaper by reflection for
// every value of every page. This twin of the templates stays because
// it pays: with the templates alone, a cold build of 10,000 nodes took
// 1.46 times as long (wall; 1.53 times the CPU), which would put its
// 0.63 s past the 0.8 s limit, and the eGov site's 1.11 times. Sharing
// more of a page through .Render (its stylesheet links, the breadcrumbs
// above it) still left 1.41 times; a page template of nothing but the
// page's own values, 1.37. TestBuiltInThemeIsTheTemplates and
// FuzzGenerate build sites both ways and compare every byte; a change
// to a built-in template fails them until builtin_theme.go makes the
// same change. A site with any file in theme/templates/ that differs
// from the built-in one gets all its pages from the templates.
//
// A Builder renders a page again only when its signature changes: the
// page's own fields above, and of other nodes the titles and addresses
// that those fields show (parent, children, ancestors, choices, prev and
// next). Templates of one's own may reach further through .Node (the
// siblings in .Node.Parent.Children, their weights, the nodes a body
// links to): with them, the signatures also hold all that .Node leads to
// of every node, so that any change to it renders every page again,
// while an edit of a body's text alone renders its page. Left out are
// the lines of other nodes' external links (.Line), which are for
// messages and move with every line written above them.
package generator
