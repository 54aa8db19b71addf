package main

import (
	"bytes"
	"github.com/wizardsite/wizard/internal/sitetest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFiles writes a site root under a new temporary folder.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	sitetest.Write(t, dir, files)
	return dir
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestBuildCommand(t *testing.T) {
	good := map[string]string{
		"site.yaml":         "title: Klein\n",
		"content/_index.md": "---\ntitle: Start\n---\n\n[Verder](stap.md)\n",
		"content/stap.md":   "---\ntitle: Stap\n---\n\nKlaar.\n",
	}
	tests := []struct {
		name       string
		files      map[string]string
		args       func(dir string) []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{name: "builds into public of the site root", files: good,
			args:     func(dir string) []string { return []string{"build", "--source", dir} },
			wantCode: 0, wantStdout: "wrote 4 pages (6 files) to "},
		{name: "with a base URL", files: good,
			args: func(dir string) []string {
				return []string{"build", "--source", dir, "--base-url", "https://example.org/"}
			},
			wantCode: 0, wantStdout: "wrote 4 pages (8 files)"},
		{name: "bad base URL", files: good,
			args:     func(dir string) []string { return []string{"build", "--source", dir, "--base-url", "example.org"} },
			wantCode: 1, wantStderr: "--base-url: want an absolute address"},
		{name: "broken front matter",
			files: map[string]string{"content/_index.md": "---\ntitle: Start\n\nTekst\n"},
			args:  func(dir string) []string { return []string{"build", "--source", dir} }, wantCode: 1,
			wantStderr: "/content/_index.md:1: front matter is not closed"},
		{name: "missing source",
			args:     func(dir string) []string { return []string{"build", "--source", filepath.Join(dir, "nergens")} },
			wantCode: 1, wantStderr: "--source"},
		{name: "unknown flag",
			args:     func(dir string) []string { return []string{"build", "--snel"} },
			wantCode: 1, wantStderr: "unknown flag: --snel"},
		{name: "stray argument", files: good,
			args:     func(dir string) []string { return []string{"build", "extra"} },
			wantCode: 1, wantStderr: "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			code, stdout, stderr := runCmd(tt.args(dir)...)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.wantStdout) {
				t.Errorf("stdout %q lacks %q", stdout, tt.wantStdout)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.wantStderr)
			}
		})
	}
}

func TestBuildRefusesForeignOut(t *testing.T) {
	dir := writeFiles(t, map[string]string{"content/_index.md": "---\ntitle: Start\n---\n"})
	out := writeFiles(t, map[string]string{"notes.txt": "keep me"})
	code, _, stderr := runCmd("build", "--source", dir, "--out", out)
	if code != 1 || !strings.Contains(stderr, "refusing to replace it") {
		t.Fatalf("exit %d, stderr %q: want a refusal", code, stderr)
	}
	if data, err := os.ReadFile(filepath.Join(out, "notes.txt")); err != nil || string(data) != "keep me" {
		t.Fatalf("the foreign folder was touched: %v %q", err, data)
	}
}

// TestOutputInsideContentRefused: an output inside content/ would be
// read back in by every later build (7, 14, then 21 files), and pack
// would zip the last zip; both are refused, and content/ stays as it
// was.
func TestOutputInsideContentRefused(t *testing.T) {
	dir := writeFiles(t, map[string]string{"content/_index.md": "---\ntitle: Start\n---\n"})
	if err := os.Symlink(filepath.Join(dir, "content"), filepath.Join(dir, "inhoud")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"build", "--out", filepath.Join(dir, "content", "pub")},
		{"build", "--out", filepath.Join(dir, "content")},
		{"build", "--out", filepath.Join(dir, "inhoud", "pub")}, // through a link
		{"pack", "--out", filepath.Join(dir, "content", "site.zip")},
	} {
		code, _, stderr := runCmd(append(args, "--source", dir)...)
		if code != 1 || !strings.Contains(stderr, "read this output back in") {
			t.Errorf("%v: exit %d, stderr %q: want a refusal", args, code, stderr)
		}
	}
	entries, err := os.ReadDir(filepath.Join(dir, "content"))
	if err != nil || len(entries) != 1 {
		t.Errorf("content/ holds %d entries (%v), want its one node file", len(entries), err)
	}
	for _, args := range [][]string{
		{"build", "--out", filepath.Join(dir, "public")},
		{"build", "--out", filepath.Join(dir, "content-uit")},
	} {
		if code, _, stderr := runCmd(append(args, "--source", dir)...); code != 0 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

func TestHelpHasExamples(t *testing.T) {
	root := newRootCmd(&bytes.Buffer{}, &bytes.Buffer{})
	for _, c := range root.Commands() {
		if c.Hidden || c.Name() == "help" {
			continue
		}
		if strings.TrimSpace(c.Example) == "" {
			t.Errorf("wizard %s --help has no example", c.Name())
		}
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCmd("version")
	if code != 0 || !strings.HasPrefix(stdout, "wizard ") {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
}
