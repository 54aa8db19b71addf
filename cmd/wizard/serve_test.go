package main

import (
	"github.com/wizardsite/wizard/internal/sitetest"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// wizard serve --port 0 prints the address it got, serves the site
// without writing public/, and stops cleanly on SIGINT.
func TestServeCommand(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"site.yaml":         "title: Klein\n",
		"content/_index.md": "---\ntitle: Begin\n---\n\nHallo vanuit serve.\n",
	})
	var out, errOut sitetest.Buffer
	code := make(chan int, 1)
	go func() { code <- run([]string{"serve", "--source", dir, "--port", "0"}, &out, &errOut) }()

	var url string
	deadline := time.Now().Add(20 * time.Second)
	for url == "" {
		if time.Now().After(deadline) {
			t.Fatalf("no address printed:\n%s\n%s", out.String(), errOut.String())
		}
		url = regexp.MustCompile(`http://127\.0\.0\.1:[1-9][0-9]*/`).FindString(out.String())
		time.Sleep(10 * time.Millisecond)
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Hallo vanuit serve.") {
		t.Fatalf("GET %s: %s\n%s", url, resp.Status, body)
	}
	if strings.Contains(errOut.String(), "warning") {
		t.Fatalf("a warning for loopback: %s", errOut.String())
	}

	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-code:
		if c != 0 {
			t.Fatalf("exit %d after SIGINT:\n%s\n%s", c, out.String(), errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("wizard serve did not stop on SIGINT")
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Fatalf("serve wrote public/: %v", err)
	}
}

// Binding anything but loopback is warned about. 192.0.2.1 is a
// documentation address that this machine does not have, so the bind
// fails: nothing is exposed.
func TestServeWarnsOffLoopback(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"site.yaml":         "title: Klein\n",
		"content/_index.md": "---\ntitle: Begin\n---\n",
	})
	code, _, stderr := runCmd("serve", "--source", dir, "--bind", "192.0.2.1", "--port", "0")
	if code == 0 || !strings.Contains(stderr, "warning: --bind 192.0.2.1") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}
