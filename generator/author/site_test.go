package author

import (
	"maps"
	"os"
	"testing"

	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/internal/sitetest"
	"github.com/wizardsite/wizard/theme"
)

// smallSite is the small wizard of internal/sitetest/testdata/small, as files by path in the
// site root. Tests change single files of it.
func smallSite() map[string]string { return sitetest.Small() }

// writeSite writes files under a new temporary folder and returns it.
func writeSite(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	sitetest.Write(t, dir, files)
	return dir
}

// siteOptions are the options to build the site root dir, named "site"
// in error messages, read as wizard build reads it.
func siteOptions(dir string) generator.Options {
	return generator.Options{Source: os.DirFS(dir), SourceName: "site", Theme: theme.FS()}
}

// eGovSite builds the repository's own eGov site, afresh each call.
func eGovSite(t *testing.T) *generator.Site {
	t.Helper()
	site, err := generator.Generate(generator.Options{Source: os.DirFS("../.."), SourceName: "../..", Theme: theme.FS()})
	if err != nil {
		t.Fatalf("build the eGov site:\n%v", err)
	}
	return site
}

// unchanged reports whether dir holds what the snapshot before saw.
func unchanged(t *testing.T, dir string, before map[string][32]byte) bool {
	t.Helper()
	return maps.Equal(before, sitetest.Snapshot(t, dir))
}
