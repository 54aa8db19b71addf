package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func TestCompletionCommand(t *testing.T) {
	tests := []struct {
		shell string
		want  string
	}{
		{"bash", "# bash completion V2 for wizard"},
		{"zsh", "#compdef wizard"},
		{"fish", "complete -c wizard"},
	}
	for _, tt := range tests {
		t.Run(tt.shell, func(t *testing.T) {
			code, stdout, stderr := runCmd("completion", tt.shell)
			if code != 0 || !strings.Contains(stdout, tt.want) {
				t.Fatalf("exit %d, stderr %q; the script lacks %q", code, stderr, tt.want)
			}
			// The shell that is installed must read the script.
			if path, err := exec.LookPath(tt.shell); err == nil {
				cmd := exec.Command(path, "-n")
				if tt.shell == "fish" {
					cmd = exec.Command(path, "--no-execute")
				}
				cmd.Stdin = strings.NewReader(stdout)
				var errOut bytes.Buffer
				cmd.Stderr = &errOut
				if err := cmd.Run(); err != nil {
					t.Errorf("%s -n: %v\n%s", tt.shell, err, errOut.String())
				}
			} else {
				t.Logf("%s is not installed: the script's syntax is not checked", tt.shell)
			}
		})
	}
	if code, _, stderr := runCmd("completion", "tcsh"); code != 1 || !strings.Contains(stderr, `unknown shell "tcsh"`) {
		t.Errorf("completion tcsh: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCmd("completion"); code != 1 || !strings.Contains(stderr, "name the shell") {
		t.Errorf("completion: exit %d, %q", code, stderr)
	}
}

// TestCompletionValues asks for completions as the shell scripts do.
func TestCompletionValues(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "check", "--format", ""}, []string{"text", "json"}},
		{[]string{"__complete", "graph", "--format", ""}, []string{"mermaid", "dot"}},
		{[]string{"__complete", "new", "x.md", "--kind", "a"}, []string{"answer"}},
		{[]string{"__complete", "ch"}, []string{"check"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runCmd(tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got []string
			for _, line := range strings.Split(stdout, "\n") {
				if line != "" && !strings.HasPrefix(line, ":") {
					got = append(got, strings.SplitN(line, "\t", 2)[0])
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("completions %q, want %q", got, tt.want)
			}
		})
	}
}

// TestEveryCommandHasAnExample walks the whole command tree: --help of
// every command shows an example.
func TestEveryCommandHasAnExample(t *testing.T) {
	var walk func(c *cobra.Command, path []string)
	seen := 0
	walk = func(c *cobra.Command, path []string) {
		if c.Hidden || c.Name() == cobra.ShellCompRequestCmd || c.Name() == cobra.ShellCompNoDescRequestCmd {
			return
		}
		seen++
		t.Run(strings.Join(append(path, "--help"), " "), func(t *testing.T) {
			code, stdout, stderr := runCmd(append(path, "--help")...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			i := strings.Index(stdout, "Examples:\n")
			if ex, _, _ := strings.Cut(stdout[i+1:], "\n\n"); i < 0 || !strings.Contains(ex, "wizard ") {
				t.Errorf("no example:\n%s", stdout)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub, append(path[:len(path):len(path)], sub.Name()))
		}
	}
	var out bytes.Buffer
	walk(newRootCmd(&out, &out), nil)
	// wizard, build, check, completion (+4 shells), graph, help, new, pack, serve, version
	if seen < 14 {
		t.Errorf("walked %d commands, want every one of at least 14", seen)
	}
}
