package serve

import (
	"bytes"
	"path"
	"regexp"
	"slices"
	"strings"
)

// change is how open tabs catch up with a new build.
type change struct {
	kind  string // "" (nothing to show), "css" or "reload"
	swaps []swap // for "css": each stylesheet's old and new path
}

// fingerprint is the content hash the generator puts in the names of
// stylesheets (style.0123456789.css), so that hosts may cache them.
var fingerprint = regexp.MustCompile(`\.[0-9a-f]{10}(\.css)$`)

// fingerprinted matches the theme's stylesheets and scripts, whose
// names change with their bytes.
var fingerprinted = regexp.MustCompile(`^assets/.*\.[0-9a-f]{10}\.(css|js)$`)

// classify compares two builds. When only stylesheets changed, pages
// differ only in the fingerprinted names of those stylesheets: then the
// tabs can swap the stylesheet and keep the page. Anything else, or
// anything unsure, is a reload.
func classify(old, cur map[string][]byte, changed []string) change {
	if old == nil {
		return change{kind: "reload"}
	}
	if len(changed) == 0 {
		return change{}
	}
	// Pair the changed stylesheets by their name without fingerprint.
	type pair struct{ old, new string }
	pairs := map[string]*pair{}
	var pages []string
	for _, name := range changed {
		switch path.Ext(name) {
		case ".css":
			key := fingerprint.ReplaceAllString(name, "$1")
			p := pairs[key]
			if p == nil {
				p = &pair{}
				pairs[key] = p
			}
			if _, ok := old[name]; ok {
				p.old = name
			}
			if _, ok := cur[name]; ok {
				p.new = name
			}
		case ".html":
			pages = append(pages, name)
		default:
			return change{kind: "reload"}
		}
	}
	var swaps []swap
	var renames []string // old base name, new base name, … for strings.Replacer
	for _, p := range pairs {
		if p.old == "" || p.new == "" {
			return change{kind: "reload"} // a stylesheet came or went: pages link it or not
		}
		swaps = append(swaps, swap{Old: p.old, New: p.new})
		if p.old != p.new {
			renames = append(renames, path.Base(p.old), path.Base(p.new))
		}
	}
	if len(swaps) == 0 {
		return change{kind: "reload"}
	}
	r := strings.NewReplacer(renames...)
	for _, name := range pages {
		before, ok := old[name]
		if !ok || len(renames) == 0 {
			return change{kind: "reload"}
		}
		if !bytes.Equal([]byte(r.Replace(string(before))), cur[name]) {
			return change{kind: "reload"}
		}
	}
	slices.SortFunc(swaps, func(a, b swap) int { return strings.Compare(a.Old, b.Old) })
	return change{kind: "css", swaps: swaps}
}
