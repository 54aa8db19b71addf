// Package generator turns a wizard written as Markdown files into a static
// site: one page per node, linked by breadcrumbs, choices, home and back
// links, prev/next sequences and a definitions popup.
//
// # Input
//
// Generate reads a site root through an fs.FS (os.DirFS for a folder,
// fstest.MapFS in tests) and never the working directory:
//
//	site.yaml                 Settings: title, subtitle, tagline, language, baseURL, contact, languages
//	content/_index.md         the start page
//	content/_definitions.md   the definitions popup (not a node)
//	content/<dir>/_index.md   a node with nodes below it
//	content/<dir>/<name>.md   a node without nodes below it
//	content/<path>.<lang>.md  the translation of content/<path>.md into another language, lang
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
// optional actions (> [!OPTIONAL]), the place of the choices
// (<!-- choices -->, choices_marker.go), icons (:external: and others),
// translations, and the limits of a site (limits.go): folders nest at
// most 32 deep, a node file holds at most 1 MiB, a page at most 1,000
// links, and lists, block quotes and brackets nest at most 32 deep, so
// that the time and the output of a build grow in proportion to its
// input.
//
// # The pipeline
//
// One build runs in phases, listed in buildRun.build (pipeline.go), each
// in files of its own: settings (settings.go, i18n.go, theme.go), load
// (load.go, builder_load.go, frontmatter*.go, limits.go), graph
// (graph.go, and for the other languages translate*.go), bodies
// (bodies.go, markdown*.go, lines.go), pages (pages.go, render.go,
// chrome.go, builtin_theme.go, languages_pages.go), overview
// (overview.go, overview_wide.go) and write (names.go, swap.go,
// write.go). Settings and load share text.go (what a text file must be)
// and yamlread.go (YAML read key by key, every problem at its line).
// Where the files go is a sink given to the build: memory, for Generate
// and a Builder, or the output folder, for Build.
//
// The writers' tools (check, new, graph, pack) are in package author.
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
// # Languages
//
// site.yaml's language is the default language; its languages give the
// others, each with its own title, subtitle, tagline and contact. The
// wizard is one graph, the default language's (languages.go). A file
// beside a node file with a language code before .md (x.fr.md,
// _index.fr.md, index.fr.md, _definitions.fr.md) is its translation: it
// gives texts (title, linkTitle, description, prompt, slug, a body, and
// the labels of the choices, prev and next its node has, which it may
// write again, naming the same pages in the same order) and nothing
// else. For each other language the build makes a copy of the graph
// (translate.go): the same nodes, order and choices, with the texts of
// the translations; a node without one keeps its own, and Node.Lang says
// so. A link in any language's text names a node by its file and leads
// to the node's page in the language of the page. Every language's pages
// are made by the same renderer, one per language (Site.Languages).
//
// # Output
//
// Each node becomes <folder>/<slug>/index.html; every internal reference
// is relative and names a file, so the output works from any host and
// from file://. A site of several languages puts each language's pages,
// and its overview, in a folder named by its code (nl/, fr/); the root
// index.html lets the visitor choose (templates/languages.html), one
// 404.html speaks every language, every page links to the same page in
// the other languages and lists them as alternates, and the sitemap
// lists the alternates of every page. The files of content/ are copied
// once, into the default language's folder. A site of one language has
// no such folders, links or page. The 404 page, which a host shows at any address, is the
// exception: its links start at the base URL, or at the root of the
// host. Stylesheets get a fingerprint in their name under assets/.
// With a base URL the build adds sitemap.xml, robots.txt and canonical
// links. HTML, CSS, SVG and XML are minified. The same input gives the
// same bytes.
//
// # Errors
//
// Every problem is an *Error printed as file:line:col: message; Generate
// reports all of them at once as an ErrorList. Build replaces
// the output folder atomically and only when the whole build succeeded,
// and refuses a non-empty folder that no build wrote. An error from
// Build or BuildContext means the output is as it was, a build stopped
// through its context included; success means the output is the new
// site, and what could not be removed of the old one is a warning
// (Site.Warnings), left beside it under a name a later build removes
// (swap.go, and package internal/scratch for the marker and its lock).
//
// Build, which writes to disk, keeps nothing for a next build and so
// holds less than Generate: each page goes to the disk as it is rendered, and each file's bytes are dropped once
// parsed, each source once rendered (TestBuildWritesWhatGenerateMakes
// holds it to Generate, errors included).
//
// # Rebuilding
//
// A Builder keeps what its last good build made (its memo), for `wizard
// serve`. Rebuild is told which files changed; inPlace (changes.go)
// tells whether the quick path can take them:
//
//   - The quick path (quick.go) takes a save of node files that keep
//     their place: each was read by the last build, and its slug and
//     draft flag are the same, so every page keeps its address. It reads
//     those files, applies them to the last build's graph (one deferred
//     undo takes them out again if a step gives up), renders the pages
//     that may show them and whose signature changed, and puts the
//     overview together from the frames of its subtrees, drawing anew
//     only those of the nodes whose tree changed and the nodes above them.
//   - Every other save takes the ordinary build, with the memo: it walks
//     content/ and reads every file, but a file whose bytes did not
//     change is not parsed again, a body is not rendered again when its
//     bytes, folder and links are the same, and a page is not rendered
//     again when its signature (all it shows) is.
//
// In a site of several languages, every save takes the ordinary build:
// each language's pages show the default language's graph, which the
// quick path edits in place.
//
// Either way the result is byte for byte what a build from scratch makes,
// or the same error: random saves and fuzzers compare them
// (builder_random_test.go, fuzz_test.go). What a save renders, and how
// long a rebuild takes (BenchmarkRebuildOneFile, on the synthetic
// wizards of bench/synth, on a two-core machine):
//
//	save of one answer          path      renders                                   1,000     10,000 nodes
//	body text                   quick     its page                                  0.3 ms    0.6 ms
//	title                       quick     its page, its parent's                    0.3 ms    0.7 ms
//	link title                  quick     the pages leading to it, the overview     1.4 ms    11.8 ms
//	weight (a new order)        quick     its parent's page, the overview           0.2 ms    10.8 ms
//	next added or taken out     quick     its page                                  0.4 ms    1.6 ms
//	slug                        ordinary  the pages showing its address, overview   21 ms     188 ms
//	new answer, then deleted    ordinary  its page, its parent's, the overview      22 ms     217 ms
//	draft flag                  ordinary  as a new or a deleted answer              21 ms     236 ms
//	the definitions             ordinary  every page                                30 ms     249 ms
//	a new folder with its node  ordinary  its page, its parent's, the overview      19 ms     196 ms
//
// (TMPDIR=/dev/shm go test -run '^$' -bench RebuildOneFile -benchtime
// 15x -count 3 ./generator: the median of three.)
//
// The ordinary build also renders the 404 page. Settings, strings and
// theme files take the ordinary build too, and render the pages whose
// signature they change.
//
// A page's signature holds the page's own fields, and of other nodes the
// titles and addresses that those fields show (parent, children,
// ancestors, choices, prev and next). Templates of one's own may reach
// further through .Node (the siblings in .Node.Parent.Children, their
// weights, the nodes a body links to): with them, the signatures also
// hold all that .Node leads to of every node, so that any change to it
// renders every page again, and the quick path gives way to the ordinary
// build, while an edit of a body's text alone renders its page. The line
// of an external link, which moves with every line written above it, is
// for messages (ExternalLine), and templates cannot show it.
//
// # Templates
//
// The theme's templates/*.html are html/template files named after their
// files ("page.html" calls {{template "breadcrumbs.html" .}}). A page
// template gets a *pageData: .Site (Settings), .T (Strings), .Node,
// .Title, .Home, .Back, .Crumbs, .Context, .Prompt, .Choices, .Prev,
// .Next, .Body (.Content, .Notes, .Actions, and .After, what stands
// below a <!-- choices --> line), .Above and .Below (what the page shows
// of .Body before the choices and after them, as .Body, with .T: the
// data of page.html's "body-part"), .Definitions,
// .Canonical, .Contact (nil on a page whose text links the same
// address) and .DevScript, and the method .Asset "style.css" for the
// relative href of a theme asset. In a site of several languages, .Site
// and .T are the page's language's; .Switch lists the same page in the
// other languages and .Alternates in every one (each a link with .Href,
// .Label, the language's name, and .Lang); a node shown untranslated has
// .ContentLang, the language of its texts, as .ContextLang is of
// .Context, and a link's .Lang is that of its label when it is not the
// page's. 404.html gets .Others, the other languages (.Lang, .Site, .T,
// .Home), and languages.html, the root page that lets the visitor
// choose, .Languages, all of them. The template function icon "name"
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
// While the site has no template of its own, the pages of the nodes
// come from builtin_theme.go, which writes what page.html (with
// top.html, head.html and breadcrumbs.html) would, escaped as
// html/template escapes; the 404 page, the overview and the parts that
// .Render makes once for many pages (the title bar, the bottom with the
// definitions) come from the templates. html/template calls an escaper
// by reflection for every value of every page. This twin of the node
// page's templates stays because it pays: with the templates alone, a cold build of 10,000 nodes took
// 1.46 times as long (wall; 1.53 times the CPU), which would put its
// 0.63 s past the 0.8 s limit, and the eGov site's 1.11 times. Sharing
// more of a page through .Render (its stylesheet links, the breadcrumbs
// above it) still left 1.41 times; a page template of nothing but the
// page's own values, 1.37. TestBuiltInThemeIsTheTemplates and
// FuzzGenerate build sites both ways and compare every byte; a change
// to a built-in template fails them until builtin_theme.go makes the
// same change. A site with any file in theme/templates/ that differs
// from the built-in one gets all its pages from the templates. The twins
// of the 404 page, the overview and the .Render parts were dropped: a
// few hundred renders a build, they spared the 10,000-node build 2% of
// its CPU and the eGov site 1.8 ms (of 15.9).
package generator
