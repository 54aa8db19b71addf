package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackCommand runs `wizard pack` on the repository's site as a user
// would, then again over a file that is not an archive.
func TestPackCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "egov.zip")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"pack", "--source", "../..", "--out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "packed ") {
		t.Errorf("stdout %q does not report the pack", stdout.String())
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatalf("the output is no zip archive: %v", err)
	}
	defer zr.Close()
	if len(zr.File) < 2 || zr.File[0].Name != "index.html" {
		t.Fatalf("archive does not start with index.html")
	}

	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("keep me\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := run([]string{"pack", "--source", "../..", "--out", notes}, &stdout, &stderr); code == 0 {
		t.Fatal("pack over a text file succeeded")
	}
	if !strings.Contains(stderr.String(), "not a zip archive") {
		t.Errorf("stderr %q does not say why", stderr.String())
	}
	if data, _ := os.ReadFile(notes); string(data) != "keep me\n" {
		t.Errorf("the text file was changed to %q", data)
	}
}
