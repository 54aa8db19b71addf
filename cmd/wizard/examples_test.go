package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/wizardsite/wizard/internal/sitetest"
)

// TestHelpExamplesWork runs every example of every command's --help as
// printed, with bash, in a copy of the repository's sites (the eGov
// wizard at the root, and examples/site), and wants each to succeed. A
// serve example succeeds when it answers with an address; it is then
// stopped. The examples for zsh, fish and PowerShell need a shell that
// the machine may not have: their wizard command runs alone, and must
// print a script.
func TestHelpExamplesWork(t *testing.T) {
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "wizard"), ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	env := append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	var commands []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		commands = append(commands, c)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd(&bytes.Buffer{}, &bytes.Buffer{}))
	completion := regexp.MustCompile(`wizard completion ([a-z]+)`)
	for _, c := range commands {
		for _, line := range strings.Split(c.Example, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			t.Run(line, func(t *testing.T) {
				dir := t.TempDir()
				for _, name := range []string{"content", "site.yaml", "examples"} {
					sitetest.CopyTree(t, filepath.Join("..", "..", name), filepath.Join(dir, name))
				}
				env := append(env, "HOME="+t.TempDir())
				if strings.HasPrefix(line, "wizard serve") {
					runServeExample(t, dir, env, line)
					return
				}
				if m := completion.FindStringSubmatch(line); m != nil && m[1] != "bash" {
					line = m[0]
				}
				cmd := exec.Command("bash", "-c", "set -o pipefail; "+line)
				cmd.Dir, cmd.Env = dir, env
				out, err := cmd.CombinedOutput()
				if err != nil {
					t.Fatalf("%s: %v\n%s", line, err, out)
				}
				if strings.HasPrefix(line, "wizard completion ") && !bytes.Contains(out, []byte("wizard")) {
					t.Fatalf("%s printed no script:\n%s", line, out)
				}
			})
		}
	}
}

// runServeExample starts a serve example, waits for the address it
// prints, and stops it.
func runServeExample(t *testing.T, dir string, env []string, line string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", "exec "+line)
	cmd.Dir, cmd.Env = dir, env
	var out sitetest.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/`)
	for !addr.MatchString(out.String()) {
		if ctx.Err() != nil {
			t.Fatalf("%s: no address printed:\n%s", line, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
