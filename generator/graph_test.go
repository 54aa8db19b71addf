package generator

import (
	"testing"
)

// TestUnreadableFileIsNotMissing checks that a file that is there but
// cannot be read is reported once, as unreadable, and not again as
// missing by every link that names it.
func TestUnreadableFileIsNotMissing(t *testing.T) {
	tests := []struct {
		name       string
		unreadable string // a file of the site
		linkedFrom string // a node file that links to it, and what it says
		body       string
	}{
		{"a node", "content/a/twee.md", "content/a/een.md", "---\ntitle: Een\n---\n\n[twee](twee.md)\n"},
		{"a folder node", "content/a/_index.md", "content/a/een.md", "---\ntitle: Een\n---\n\n[terug](_index.md)\n"},
		{"the start page", "content/_index.md", "content/a/een.md", "---\ntitle: Een\n---\n\n[begin](../_index.md)\n"},
		{"another file", "content/a/plan.pdf", "content/a/een.md", "---\ntitle: Een\n---\n\n[plan](plan.pdf)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := smallSite()
			files[tt.linkedFrom] = tt.body
			files["content/a/plan.pdf"] = "%PDF-1.4\n"
			opts := siteOptions(writeSite(t, files))
			opts.Source = unreadableFS{FS: opts.Source, name: tt.unreadable}
			_, err := Generate(opts)
			want := "site/" + tt.unreadable + ": cannot read file: permission denied"
			if err == nil || err.Error() != want {
				t.Errorf("error =\n%v\nwant only\n%s", err, want)
			}
		})
	}
}
