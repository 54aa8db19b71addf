package generator

import (
	"bytes"
	"slices"
)

// Builder builds one site again and again, as `wizard serve` does after
// each save. A Builder is not safe for concurrent use.
type Builder struct {
	opts Options
	last *Site // the last good build, nil before the first
}

// NewBuilder returns a Builder for the site that opts describe.
func NewBuilder(opts Options) *Builder { return &Builder{opts: opts} }

// Build builds the site from what is on disk now. On failure the last
// good site stays the Builder's, and the error lists every problem.
func (b *Builder) Build() (*Site, error) {
	site, err := Generate(b.opts)
	if err != nil {
		return nil, err
	}
	site.Changed = changedFiles(b.last, site)
	b.last = site
	return site, nil
}

// Last returns the last good build, or nil.
func (b *Builder) Last() *Site { return b.last }

// changedFiles lists the output paths whose bytes differ between two
// builds, removed ones included, in path order.
func changedFiles(old, cur *Site) []string {
	var changed []string
	for name, data := range cur.Files {
		if old == nil || !bytes.Equal(old.Files[name], data) {
			changed = append(changed, name)
		}
	}
	if old != nil {
		for name := range old.Files {
			if _, ok := cur.Files[name]; !ok {
				changed = append(changed, name)
			}
		}
	}
	slices.Sort(changed)
	return changed
}
