package serve

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/theme"
)

// freshBuild builds the site folder dir from scratch, as `wizard build`
// does, with the live-reload script that serve adds: the files it wrote
// by path, or the problems it printed.
func freshBuild(t testing.TB, dir string) (map[string][]byte, []string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	opts := generator.Options{Source: os.DirFS(dir), SourceName: dir, Theme: theme.FS(), DevScript: scriptPath}
	if _, err := generator.Build(opts, out); err != nil {
		return nil, errorLines(err)
	}
	files := map[string][]byte{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ".wizard-output" { // the mark of a folder a build wrote
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, nil
}

// versionMark is what serve adds to the script of every page it serves:
// the version of the site the page comes from.
var versionMark = regexp.MustCompile(regexp.QuoteMeta(scriptPath) + `#\d+`)

// unlike says how the served site differs from a fresh build (files, or
// the problems when it failed), "" when it does not. Each file is
// fetched over HTTP; the names are those of the served snapshot.
func (r *running) unlike(t testing.TB, files map[string][]byte, problems []string) string {
	t.Helper()
	snap := r.cur.Load()
	if problems != nil {
		if !slices.Equal(snap.errs, problems) {
			return fmt.Sprintf("the preview shows the problems\n%s\nwhere the build gives\n%s", strings.Join(snap.errs, "\n"), strings.Join(problems, "\n"))
		}
		return ""
	}
	if snap.errs != nil {
		return "the preview shows problems where the build has none:\n" + strings.Join(snap.errs, "\n")
	}
	served := slices.Sorted(maps.Keys(snap.files))
	if want := slices.Sorted(maps.Keys(files)); !slices.Equal(served, want) {
		return fmt.Sprintf("the preview serves\n%s\nwhere the build writes\n%s", strings.Join(served, "\n"), strings.Join(want, "\n"))
	}
	for _, name := range served {
		resp, err := http.Get(r.URL() + (&url.URL{Path: name}).EscapedPath())
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		got = versionMark.ReplaceAll(got, []byte(scriptPath))
		if resp.StatusCode != http.StatusOK || !bytes.Equal(got, files[name]) {
			return fmt.Sprintf("%s is served as (%s)\n%s\nwhere the build writes\n%s", name, resp.Status, got, files[name])
		}
	}
	return ""
}

// expectSettled waits until the served site is what a fresh build of
// the site folder makes now, and fails the test when that does not
// come within 15 s: a save that the preview missed keeps it stale for
// ever.
func expectSettled(t testing.TB, r *running) {
	t.Helper()
	files, problems := freshBuild(t, r.dir)
	deadline := time.Now().Add(15 * time.Second)
	for {
		diff := r.unlike(t, files, problems)
		if diff == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the preview never became what a fresh build makes: %s", diff)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
