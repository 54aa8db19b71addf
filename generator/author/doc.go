// Package author holds the writers' tools: what helps a writer make a
// wizard, beside the build that package generator does. Each tool is a
// command of cmd/wizard, which parses the flags and calls one function
// here; none of them writes the site's output folder.
//
// # check
//
// Check(opts) runs every validation of the build (generator.Generate),
// writing nothing, and returns a Report: every Problem, sorted by file,
// line and column, and how many nodes were checked. A problem of
// severity error is one of the build's errors; once there are none, the
// node graph is looked at for warnings, what builds but is probably a
// mistake:
//
//   - a page with no text (HTML comments do not count) and no choices
//   - an answer page with no way onward: no choices, no next, no links
//   - siblings, or the choices of one node, with the same label (without
//     case and extra spaces)
//   - an external address that is not valid: a host that is not a full
//     domain name, a mailto: that is not an e-mail address, a tel: that
//     is not a telephone number, an address with a space in it
//   - an http:// link
//
// In a site of several languages, the nodes of every language are looked
// at (a node shown untranslated is warned about once), and also:
//
//   - a node file, or _definitions.md, without a translation into a
//     language, whose pages then show it in the default language
//   - a translation without the prompt or the description that its node
//     file has
//
// A Problem prints as the build prints its errors, "file:line:col:
// message", and a warning as "file:line:col: warning: message"; it is
// also JSON (file, line, col, severity, message) for editors and CI.
//
//	wizard check [--strict] [--format json] [--source DIR] [--base-url URL] [--drafts]
//
// exits 1 when there are errors, or with --strict warnings.
//
// # new
//
// NewNode writes a node file of content/ with front matter (a title and
// link title made from its name, a weight one above its siblings', and
// for a menu a prompt) and a Dutch body stub whose tips are in an HTML
// comment, which the page does not show. A path that ends in .md is a
// page; any other path is a folder, whose node is its _index.md. The
// kind (NodeKind: menu, answer or info) picks the stub. Every folder on
// the way without an _index.md gets one, a menu. NewNode never
// overwrites a file, and refuses a path outside content/, a name the
// build skips, and a page beside a folder of the same name. When the
// parent lists its own choices, the result has a note: the new node is
// not reachable until it is added there.
//
//	wizard new PATH [--kind menu|answer|info] [--title TITLE] [--source DIR]
//
// prints "created FILE" for each file written, and each note on the
// standard error.
//
// # graph
//
// NewFlow draws the nodes of a built site (generator.Site.Nodes, or a
// language's generator.Site.Languages[i].Nodes) as a Flow: every node, and every way from one to another (choices, links
// in the text, next, a prev that no next mirrors, external addresses as
// leaves), in an order that depends on the content only. Flow.Mermaid
// writes it as a Mermaid flowchart, Flow.DOT as a Graphviz digraph.
//
//	wizard graph [--format mermaid|dot] [--lang CODE] [--source DIR] [--drafts]
//
// prints the graph; wizard graph --format dot | dot -Tsvg > flow.svg
// draws it.
//
// # pack
//
// Pack writes a built site (generator.Site.Files), every language of it,
// as a zip archive, index.html first, every entry with the same time and mode, so that the
// same site gives the same bytes; unzipped, it opens from file://.
// PackFile writes the archive to a file atomically, all or nothing, a
// pack stopped through its context included, and refuses a file that is
// not a zip archive.
//
//	wizard pack [--out FILE] [--source DIR] [--base-url URL] [--drafts]
//
// writes site.zip in the site root by default.
//
// # What they read of package generator
//
// Only its exported API: Generate and Options, the nodes, languages and
// files of a Site, Error and Errors for positions, the names of the
// content format (ContentDir, SectionFile, DefinitionsFile, Ignored,
// ContentPath, TranslationPath), and
// what a node file says where (ParseNode, KeyLine, ChoiceLines, Body).
package author
