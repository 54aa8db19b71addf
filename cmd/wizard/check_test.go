package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/generator/author"
)

func TestCheckCommand(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout []string // each must appear, in this order
		wantStderr string
	}{
		{name: "the eGov content passes check --strict",
			args:       []string{"check", "--source", "../..", "--strict"},
			wantCode:   0,
			wantStdout: []string{"checked 26 nodes in 2 languages: 0 errors, 0 warnings\n"}},
		{name: "warnings fail with --strict",
			args:       []string{"check", "--source", "testdata/warnings", "--strict"},
			wantCode:   1,
			wantStdout: []string{"answer page with no way onward", "uses http://", "is not a full host name", "empty page", "same label"},
			wantStderr: "error: check failed: 0 errors, 5 warnings\n"},
		{name: "a site with warnings only",
			args:     []string{"check", "--source", "testdata/warnings"},
			wantCode: 0,
			wantStdout: []string{
				"testdata/warnings/content/alleen.md:2: warning: answer page with no way onward",
				`testdata/warnings/content/menu/aanvragen.md:7: warning: external link "http://example.be/aanvragen" uses http://`,
				`testdata/warnings/content/menu/einde.md:7: warning: external link "https://intranet/start": "intranet" is not a full host name`,
				"testdata/warnings/content/menu/leeg.md:2: warning: empty page: no text and no choices",
				`testdata/warnings/content/menu/leeg.md:3: warning: same label "Iets aanvragen" as its sibling content/menu/aanvragen.md`,
				"checked 6 nodes: 0 errors, 5 warnings\n",
			}},
		{name: "a broken site",
			args:     []string{"check", "--source", "testdata/broken"},
			wantCode: 1,
			wantStdout: []string{
				`testdata/broken/content/_index.md:5: link to "weg.md": no such node or file`,
				`testdata/broken/content/stap.md:2:1: front matter: unknown field "titel"`,
			},
			wantStderr: "error: check failed: 2 errors, 0 warnings\n"},
		{name: "a bad base URL is checked as the build does",
			args:       []string{"check", "--source", "../..", "--base-url", "example.org"},
			wantCode:   1,
			wantStdout: []string{"--base-url: want an absolute address"},
			wantStderr: "check failed: 1 error, 0 warnings"},
		{name: "an unknown format",
			args: []string{"check", "--format", "xml"}, wantCode: 1, wantStderr: "--format xml: choose text or json"},
		{name: "no such site root",
			args: []string{"check", "--source", "testdata/nergens"}, wantCode: 1, wantStderr: "--source testdata/nergens"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, stdout, stderr)
			}
			rest := stdout
			for _, want := range tt.wantStdout {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Errorf("stdout lacks, or has out of order:\n  %s\nstdout:\n%s", want, stdout)
					break
				}
				rest = rest[i+len(want):]
			}
			if got := strings.Count(stdout, "\n"); got != len(tt.wantStdout) {
				t.Errorf("stdout has %d lines, want %d:\n%s", got, len(tt.wantStdout), stdout)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.wantStderr)
			}
		})
	}
}

func TestCheckCommandJSON(t *testing.T) {
	tests := []struct {
		source    string
		wantCode  int
		wantCount map[author.Severity]int
		wantFirst author.Problem
	}{
		{source: "testdata/broken", wantCode: 1,
			wantCount: map[author.Severity]int{author.SeverityError: 2},
			wantFirst: author.Problem{File: "testdata/broken/content/_index.md", Line: 5, Severity: "error",
				Message: `link to "weg.md": no such node or file (content/weg.md)`}},
		{source: "testdata/warnings", wantCode: 0,
			wantCount: map[author.Severity]int{author.SeverityWarning: 5},
			wantFirst: author.Problem{File: "testdata/warnings/content/alleen.md", Line: 2, Severity: "warning",
				Message: "answer page with no way onward: no choices, no next, no links; visitors can only go back"}},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			code, stdout, stderr := runCmd("check", "--format", "json", "--source", tt.source)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d; stderr: %s", code, tt.wantCode, stderr)
			}
			var list []author.Problem
			if err := json.Unmarshal([]byte(stdout), &list); err != nil {
				t.Fatalf("stdout is not a JSON list of problems: %v\n%s", err, stdout)
			}
			got := map[author.Severity]int{}
			for _, p := range list {
				got[p.Severity]++
			}
			if len(got) != len(tt.wantCount) || got[author.SeverityError] != tt.wantCount[author.SeverityError] || got[author.SeverityWarning] != tt.wantCount[author.SeverityWarning] {
				t.Errorf("severities %v, want %v", got, tt.wantCount)
			}
			if len(list) == 0 || list[0] != tt.wantFirst {
				t.Errorf("first problem %+v, want %+v", list, tt.wantFirst)
			}
			for _, key := range []string{`"file"`, `"line"`, `"col"`, `"severity"`, `"message"`} {
				if !strings.Contains(stdout, key) {
					t.Errorf("the JSON has no %s", key)
				}
			}
		})
	}
	// A clean site gives an empty list, not null.
	dir := writeFiles(t, map[string]string{
		"content/_index.md": "---\ntitle: Start\n---\n\n[Verder](stap.md)\n",
		"content/stap.md":   "---\ntitle: Stap\n---\n\nZie [de site](https://example.be/).\n",
	})
	code, stdout, _ := runCmd("check", "--format", "json", "--source", dir)
	if code != 0 || strings.TrimSpace(stdout) != "[]" {
		t.Errorf("clean site: exit %d, stdout %q; want 0 and []", code, stdout)
	}
}
