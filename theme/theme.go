// Package theme is the built-in look of a wizard: HTML templates, the
// stylesheet, icons and interface strings, embedded in the binary.
//
// A site replaces single files by putting a file of the same path under
// its own theme/ folder:
//
//	templates/page.html         a node's page; it calls the other templates by file name
//	templates/404.html          the page a host shows for an unknown address, in every language
//	templates/languages.html    the root page of a site in several languages: a link to each
//	templates/switch.html       the links to the same page in the other languages
//	templates/overview.html     the map of the whole wizard (overzicht/)
//	templates/top.html          the start of every page: <head>, skip link, title bar
//	templates/bottom.html       the end of every page: footer, definitions popup
//	templates/head.html         <head>: title, alternates, stylesheet, favicon
//	templates/titlebar.html     site name, home, back and definitions controls
//	templates/breadcrumbs.html  the path from the start page
//	templates/definitions.html  the definitions popup
//	templates/footer.html       the contact line and the link to the overview
//	static/style.css            the stylesheet (fingerprinted into assets/)
//	static/languages.css        added to style.css in a site of several languages
//	static/favicon.svg          the favicon
//	icons/<name>.svg            inline icons: home, back, definitions, external, close
//	i18n/<language>.yaml        interface strings, one file per language
package theme

import (
	"embed"
	"io/fs"
)

//go:embed templates static icons i18n
var files embed.FS

// FS returns the built-in theme's files.
func FS() fs.FS { return files }
