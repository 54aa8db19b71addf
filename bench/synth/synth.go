// Package synth writes synthetic wizards of any size, to measure how
// build time and memory grow with the number of nodes, and the same
// wizard as a Hugo site, to build both side by side.
//
// # The wizard
//
// Write(dir, n, Wizard) writes a wizard of exactly n nodes in the content
// format of docs/content-format.md:
//
//	site.yaml
//	content/_index.md          the start page
//	content/_definitions.md    one definition per profile
//	content/<profile>/_index.md      up to ten profiles, "Ik ben een … …", prompt "… en ik wil:"
//	content/<profile>/<menu>/_index.md   menus, as many levels as it takes, ten choices each
//	content/…/<answer>.md      answers
//
// The nodes are spread evenly: a menu has up to ten choices, and menus
// get menus as choices until every node has a place, so the answers sit
// at about the same depth (three levels for 1,000 nodes, four for 10,000,
// five for 100,000). Each answer has about 150 words of Dutch-looking
// filler in three paragraphs, two external links, one cross-link to a
// sibling answer, and every third answer a [!NOTE]. Each profile offers
// the definitions as an [!OPTIONAL] action. The same n always gives the
// same bytes: the text comes from a fixed pseudo-random sequence seeded by
// each node's number.
//
// # The Hugo twin
//
// Write(dir, n, Hugo) writes the same wizard as a Hugo site, and
// WriteHugo(dir, src) turns any wizard in our format (such as the eGov
// site) into one:
//
//	hugo.toml                 site settings; interface strings as params.t
//	content/                  the same files and front matter (title, linkTitle
//	                          and weight are Hugo's own keys); links to nodes
//	                          become [label]({{< relref "/path.md" >}});
//	                          _definitions.md is kept out of lists and pages
//	layouts/                  templates that draw what our theme draws:
//	                          breadcrumbs from .Ancestors, the children as
//	                          choices, the definitions in a <div popover>,
//	                          external links with their icon (a link hook)
//	assets/, static/          the built-in theme's stylesheet and icons
//
// Build it with `hugo --minify`, since `wizard build` minifies too.
// Hugo before 0.132 shows a [!NOTE] as a plain block quote.
package synth

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// Format is the kind of site Write writes.
type Format int

const (
	Wizard Format = iota // our content format: site.yaml and content/
	Hugo                 // a Hugo site: hugo.toml, content/, layouts/, assets/
)

// ParseFormat reads "wizard" or "hugo".
func ParseFormat(s string) (Format, error) {
	switch s {
	case "wizard":
		return Wizard, nil
	case "hugo":
		return Hugo, nil
	}
	return 0, fmt.Errorf("format %q: want wizard or hugo", s)
}

// Write writes a wizard of n nodes (n ≥ 1, the start page included) in
// the given format into the folder dir, which must be absent or empty.
func Write(dir string, n int, format Format) error {
	if n < 1 {
		return fmt.Errorf("a wizard has at least 1 node, not %d", n)
	}
	files := wizardFiles(n)
	if format == Hugo {
		var err error
		if files, err = hugoFiles(files); err != nil {
			return err
		}
	}
	return writeFiles(dir, files)
}

// WriteHugo writes the Hugo twin of the wizard whose site root is src
// into the folder dir, which must be absent or empty.
func WriteHugo(dir string, src fs.FS) error {
	site, err := readSite(src)
	if err != nil {
		return err
	}
	files, err := hugoFiles(site)
	if err != nil {
		return err
	}
	return writeFiles(dir, files)
}

// writeFiles writes files below dir, refusing a folder that holds
// anything, so two sites never mix.
func writeFiles(dir string, files map[string][]byte) error {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s: the folder is not empty", dir)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
