package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewCommand(t *testing.T) {
	site := map[string]string{
		"site.yaml":                 "title: Klein\n",
		"content/_index.md":         "---\ntitle: Start\n---\n",
		"content/profiel/_index.md": "---\ntitle: Profiel\nweight: 4\nprompt: \"… en ik wil:\"\n---\n",
		"content/profiel/taak.md":   "---\ntitle: Taak\nweight: 2\n---\n\n[Meld je aan](https://example.be/).\n",
	}
	tests := []struct {
		name       string
		args       []string // after new, --source is added
		wantCode   int
		wantStdout string
		wantStderr string
		wantFile   string // a file that must exist afterwards, with this in it
		wantText   string
	}{
		{name: "an answer page",
			args: []string{"profiel/nieuwe-taak.md"}, wantCode: 0,
			wantStdout: "created {root}/content/profiel/nieuwe-taak.md\n",
			wantFile:   "content/profiel/nieuwe-taak.md", wantText: "title: \"Nieuwe taak\"\nlinkTitle: \"Nieuwe taak\"\nweight: 3\n---\n\nHier lees je hoe je deze taak uitvoert."},
		{name: "a menu with its folder on the way",
			args: []string{"nieuw/profiel/", "--title", "Ik ben een Nieuw Profiel …"}, wantCode: 0,
			wantStdout: "created {root}/content/nieuw/_index.md\ncreated {root}/content/nieuw/profiel/_index.md\n",
			wantFile:   "content/nieuw/profiel/_index.md", wantText: "title: \"Ik ben een Nieuw Profiel …\"\nlinkTitle: \"Ik ben een Nieuw Profiel …\"\nweight: 1\nprompt: \"Wat wil je doen?\"\n"},
		{name: "an info page",
			args: []string{"over.md", "--kind", "info"}, wantCode: 0,
			wantStdout: "created {root}/content/over.md\n",
			wantFile:   "content/over.md", wantText: "weight: 5\n---\n\nHier lees je wat je moet weten"},
		{name: "an existing file",
			args: []string{"profiel/taak.md"}, wantCode: 1,
			wantStderr: "error: {root}/content/profiel/taak.md already exists: choose another name",
			wantFile:   "content/profiel/taak.md", wantText: "[Meld je aan]"},
		{name: "outside content",
			args: []string{"../buiten.md"}, wantCode: 1, wantStderr: "error: ../buiten.md: leads outside content/"},
		{name: "a menu that is a file",
			args: []string{"menu.md", "--kind", "menu"}, wantCode: 1, wantStderr: "a menu is a folder, so that nodes can go below it: write menu/"},
		{name: "no path",
			args: []string{}, wantCode: 1, wantStderr: "accepts 1 arg(s), received 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, site)
			root := filepath.ToSlash(filepath.Clean(dir))
			code, stdout, stderr := runCmd(append(append([]string{"new"}, tt.args...), "--source", dir)...)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, stdout, stderr)
			}
			if want := strings.ReplaceAll(tt.wantStdout, "{root}", root); stdout != want {
				t.Errorf("stdout %q, want %q", stdout, want)
			}
			if want := strings.ReplaceAll(tt.wantStderr, "{root}", root); !strings.Contains(stderr, want) || (want == "" && stderr != "") {
				t.Errorf("stderr %q, want …%s…", stderr, want)
			}
			if tt.wantFile != "" {
				data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tt.wantFile)))
				if err != nil || !strings.Contains(string(data), tt.wantText) {
					t.Errorf("%s: %v\n%s\nwant …%s…", tt.wantFile, err, data, tt.wantText)
				}
			}
			if code == 0 {
				// What new writes builds: check finds no error.
				code, stdout, stderr := runCmd("check", "--source", dir)
				if code != 0 || strings.Contains(stdout, ": error") {
					t.Errorf("check after new: exit %d\n%s%s", code, stdout, stderr)
				}
			}
		})
	}
}

// TestNewCommandNote: in the eGov content the start page lists its own
// choices, so a node made beside them needs the writer to add it there.
func TestNewCommandNote(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"content/_index.md":     "---\ntitle: Welkom\nchoices:\n  - page: a/_index.md\n    label: Start\n---\n",
		"content/a/_index.md":   "---\ntitle: A\n---\n",
		"content/a/antwoord.md": "---\ntitle: Antwoord\n---\n\nKlaar.\n",
	})
	code, stdout, stderr := runCmd("new", "los.md", "--source", dir)
	if code != 0 || !strings.HasSuffix(stdout, "/content/los.md\n") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	if !strings.Contains(stderr, "note: ") || !strings.Contains(stderr, "/content/_index.md:3: this node lists its own choices: add los.md there") {
		t.Errorf("stderr %q lacks the note", stderr)
	}
	code, stdout, _ = runCmd("check", "--source", dir)
	if code != 1 || !strings.Contains(stdout, "los.md:1: not reachable from the start page") {
		t.Errorf("check: exit %d\n%s", code, stdout)
	}
}
