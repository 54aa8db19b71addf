package generator

import (
	"maps"
	"os"
	"testing"

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
// in error messages.
// It reads the folder as wizard build does.
func siteOptions(dir string) Options {
	return Options{Source: os.DirFS(dir), SourceName: "site", Theme: theme.FS()}
}

// snapshot hashes every file below dir, to see whether a failed build
// touched it.
func snapshot(t testing.TB, dir string) map[string][32]byte {
	t.Helper()
	return sitetest.Snapshot(t, dir)
}

func sameSnapshot(a, b map[string][32]byte) bool { return maps.Equal(a, b) }
