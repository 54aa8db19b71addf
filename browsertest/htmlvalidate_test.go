package browsertest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// validateResult is one file of html-validate's JSON report.
type validateResult struct {
	FilePath string            `json:"filePath"`
	Messages []validateMessage `json:"messages"`
}

type validateMessage struct {
	RuleID   string `json:"ruleId"`
	Severity int    `json:"severity"` // 2 is an error, 1 a warning
	Message  string `json:"message"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
}

// htmlValidateCLI is html-validate's command line in node_modules/.
const htmlValidateCLI = "html-validate/bin/html-validate.mjs"

// htmlValidate runs html-validate's command line with the config of this
// package on the files, and returns its report.
func htmlValidate(t *testing.T, files []string) []validateResult {
	t.Helper()
	node := nodeBinary(t)
	cli := npmFile(t, htmlValidateCLI)
	args := append([]string{cli, "--config", ".htmlvalidate.json", "--formatter", "json"}, files...)
	cmd := exec.Command(node, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	// It exits 1 when it finds errors; the report says which.
	if _, isExit := err.(*exec.ExitError); err != nil && !isExit {
		t.Fatalf("run html-validate: %v", err)
	}
	var report []validateResult
	if jerr := json.Unmarshal(stdout.Bytes(), &report); jerr != nil {
		t.Fatalf("html-validate (%v) gave no report: %v\n%s\n%s", err, jerr, stdout.String(), stderr.String())
	}
	return report
}

// TestHTMLValidate checks every built page, the 404 page included, with
// html-validate's standard preset: no error.
func TestHTMLValidate(t *testing.T) {
	nodeBinary(t)
	npmFile(t, htmlValidateCLI)
	b := buildSite(t)
	var files []string
	for name := range b.site.Files {
		if strings.HasSuffix(name, ".html") {
			files = append(files, filepath.Join(b.dir, filepath.FromSlash(name)))
		}
	}
	slices.Sort(files)
	if len(files) != b.site.Pages {
		t.Fatalf("found %d HTML files, the build made %d pages", len(files), b.site.Pages)
	}
	report := htmlValidate(t, files)
	for _, r := range report {
		rel, _ := filepath.Rel(b.dir, r.FilePath)
		for _, m := range r.Messages {
			if m.Severity >= 2 {
				t.Errorf("%s:%d:%d: %s (%s)", filepath.ToSlash(rel), m.Line, m.Column, m.Message, m.RuleID)
			}
		}
	}
	// html-validate lists only the files with messages: that it reads
	// the files at all, TestHTMLValidateSeesErrors shows.
	t.Logf("html-validate checked %d pages", len(files))
}

// TestHTMLValidateSeesErrors shows the check can fail: a page with an
// unclosed element and no lang gives errors, each at its line.
func TestHTMLValidateSeesErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.html")
	page := "<!doctype html>\n<html>\n<head><title>x</title></head>\n<body><p><div>x</p></body>\n</html>\n"
	if err := os.WriteFile(bad, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	report := htmlValidate(t, []string{bad})
	var got []string
	for _, r := range report {
		for _, m := range r.Messages {
			got = append(got, fmt.Sprintf("%d:%s", m.Line, m.RuleID))
		}
	}
	for _, want := range []string{"2:element-required-attributes", "4:close-order"} {
		if !slices.Contains(got, want) {
			t.Errorf("html-validate did not report %s; it reported %q", want, got)
		}
	}
}
