// Package sitetest holds what the tests of several packages need to make
// a site root on disk and to read the output of a server or command that
// writes while the test reads.
package sitetest

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Write writes files (slash-separated paths below dir, and their text)
// into dir, making folders as needed.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		WriteFile(t, filepath.Join(dir, filepath.FromSlash(name)), body)
	}
}

// WriteFile writes one file, making its folder as needed.
func WriteFile(t testing.TB, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Snapshot hashes every file below dir, and lists every folder, so that
// a test can see whether something touched it: compare two with
// maps.Equal.
func Snapshot(t testing.TB, dir string) map[string][32]byte {
	t.Helper()
	files := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			files[rel+"/"] = [32]byte{}
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[rel] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// CopyTree copies a file or a folder with all below it, as a test's
// own copy of a site to edit.
func CopyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Buffer is an output that a test reads while another goroutine writes.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

// String returns what was written so far.
func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// small is a valid wizard of a few nodes, the site root of tests that
// change single files of it.
//
//go:embed all:testdata/small
var small embed.FS

// Small returns the small test wizard (testdata/small) as files by path
// in the site root, a new map each call.
func Small() map[string]string {
	files := map[string]string{}
	err := fs.WalkDir(small, "testdata/small", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := small.ReadFile(p)
		files[strings.TrimPrefix(p, "testdata/small/")] = string(data)
		return err
	})
	if err != nil {
		panic(err) // embedded: cannot fail
	}
	return files
}
