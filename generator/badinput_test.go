package generator

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestBadInput walks the bad-input corpus, testdata/badinput: each
// archive there breaks the small site in one way, and the build must
// refuse it with the lines it names, and leave the previous output
// exactly as it was.
//
// An archive's files are written over the small site (as slash paths
// below the site root). Its comment holds one directive a line:
//
//	want: LINE            a line the error must hold, exactly
//	not: TEXT             a text that no line of the error may hold: a
//	                      misleading line that the cause would bring along
//	remove: PATH          a file of the small site to delete
//	symlink: PATH -> TO   a symbolic link to make
//	trim-final-newline    the files end where their text ends (txtar adds a newline)
//
// Lines starting with # are remarks: what the case is and why it fails.
func TestBadInput(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("testdata", "badinput", "*.txtar"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no bad-input corpus: %v", err)
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			c := readBadInput(t, name)
			dir, out, before := builtSmallSite(t)
			c.apply(t, dir)
			_, err := Build(siteOptions(dir), out)
			if err == nil {
				t.Fatal("the build succeeded, want an error")
			}
			lines := strings.Split(err.Error(), "\n")
			for _, w := range c.want {
				if !slices.Contains(lines, w) {
					t.Errorf("missing error line\n  want: %s\n  got:  %s", w, strings.Join(lines, "\n        "))
				}
			}
			for _, n := range c.not {
				for _, l := range lines {
					if strings.Contains(l, n) {
						t.Errorf("misleading error line (it holds %q)\n  got: %s", n, l)
					}
				}
			}
			if list := Errors(err); len(list) == 0 || list[0].File == "" {
				t.Errorf("the error carries no position: %#v", err)
			}
			if !sameSnapshot(before, snapshot(t, out)) {
				t.Error("the failed build changed the previous output")
			}
		})
	}
}

// badInput is one case of the corpus.
type badInput struct {
	files    []txtar.File
	want     []string
	not      []string // texts that no error line may hold
	remove   []string
	symlinks [][2]string // name, target
}

func readBadInput(t *testing.T, name string) badInput {
	t.Helper()
	a, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	c := badInput{files: a.Files}
	trim := false
	for _, line := range strings.Split(string(a.Comment), "\n") {
		key, value, _ := strings.Cut(line, ":")
		value = strings.TrimSpace(value)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == "trim-final-newline":
			trim = true
		case key == "want":
			c.want = append(c.want, value)
		case key == "not":
			if value == "" {
				t.Fatalf("%s: not: needs a text, or it would refuse every line", name)
			}
			c.not = append(c.not, value)
		case key == "remove":
			c.remove = append(c.remove, value)
		case key == "symlink":
			from, to, ok := strings.Cut(value, " -> ")
			if !ok {
				t.Fatalf("%s: symlink needs NAME -> TARGET: %q", name, line)
			}
			c.symlinks = append(c.symlinks, [2]string{from, to})
		default:
			t.Fatalf("%s: unknown directive %q", name, line)
		}
	}
	if len(c.want) == 0 {
		t.Fatalf("%s: no want: line, the case would prove nothing", name)
	}
	if trim {
		for i := range c.files {
			c.files[i].Data = []byte(strings.TrimSuffix(string(c.files[i].Data), "\n"))
		}
	}
	return c
}

// apply writes the case over the site root dir.
func (c badInput) apply(t *testing.T, dir string) {
	t.Helper()
	for _, name := range c.remove {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range c.files {
		full := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range c.symlinks {
		if err := os.Symlink(l[1], filepath.Join(dir, filepath.FromSlash(l[0]))); err != nil {
			t.Fatal(err)
		}
	}
}
