package synth_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/wizardsite/wizard/bench/synth"
	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/theme"
)

var (
	mdLink = regexp.MustCompile(`\]\(([^()\s]+)\)`)
	relref = regexp.MustCompile(`\{\{< relref "/([^"#]+)(#[^"]*)?" >\}\}`)
	href   = regexp.MustCompile(`(?:href|src)="?([^"\s>]+)`)
)

// readTree returns every file below dir by slash-separated path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// body is a node file without its front matter.
func body(data []byte) string {
	_, rest, _ := strings.Cut(string(data), "\n---\n")
	return rest
}

func TestWriteWizard(t *testing.T) {
	// 1,000 nodes are the smoke test of package generator.
	for _, n := range []int{1, 2, 11, 26, 137} {
		t.Run("n="+strconv.Itoa(n), func(t *testing.T) {
			dir := t.TempDir()
			if err := synth.Write(dir, n, synth.Wizard); err != nil {
				t.Fatal(err)
			}
			files := readTree(t, dir)
			for _, want := range []string{"site.yaml", "content/_index.md", "content/_definitions.md"} {
				if files[want] == nil {
					t.Errorf("no %s", want)
				}
			}
			nodes, answers := 0, 0
			for name, data := range files {
				if !strings.HasPrefix(name, "content/") || name == "content/_definitions.md" {
					continue
				}
				nodes++
				var external, internal int
				for _, m := range mdLink.FindAllStringSubmatch(body(data), -1) {
					if strings.HasPrefix(m[1], "https://") {
						external++
						continue
					}
					internal++
					target := path.Join(path.Dir(name), m[1])
					if files[target] == nil {
						t.Errorf("%s: link to %s: no such file", name, target)
					}
				}
				if path.Base(name) != "_index.md" {
					answers++
					if external != 2 || internal != 1 {
						t.Errorf("%s: %d external and %d internal links, want 2 and 1", name, external, internal)
					}
					if words := len(strings.Fields(body(data))); words < 110 || words > 210 {
						t.Errorf("%s: %d words, want about 150", name, words)
					}
				}
			}
			if nodes != n {
				t.Errorf("%d node files, want %d", nodes, n)
			}
			if n > 1 && answers == 0 {
				t.Errorf("no answer pages")
			}
			site, err := generator.Generate(generator.Options{Source: os.DirFS(dir), SourceName: dir, Theme: theme.FS()})
			if err != nil {
				t.Fatalf("wizard build: %v", err)
			}
			if len(site.Nodes) != n {
				t.Errorf("built %d nodes, want %d", len(site.Nodes), n)
			}
			for _, nd := range site.Nodes {
				if site.Files[nd.URL] == nil {
					t.Errorf("content/%s: no page %s", nd.File, nd.URL)
				}
			}
		})
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := synth.Write(dir, 137, synth.Hugo); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two writes", name)
		}
	}
}

func TestWriteRefuses(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		n    int
	}{
		{"no nodes", t.TempDir(), 0},
		{"folder not empty", full, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := synth.Write(tt.dir, tt.n, synth.Wizard); err == nil {
				t.Errorf("Write(%d nodes) into %s: no error", tt.n, tt.name)
			}
		})
	}
	if data, err := os.ReadFile(filepath.Join(full, "keep.txt")); err != nil || string(data) != "mine" {
		t.Errorf("the file in the folder was touched: %q, %v", data, err)
	}
}

func TestWriteHugo(t *testing.T) {
	tests := []struct {
		name  string
		write func(dir string) error
		pages int // pages Hugo writes: one per node
	}{
		{"synthetic", func(dir string) error { return synth.Write(dir, 137, synth.Hugo) }, 137},
		// The repository's own eGov wizard, two folders up.
		{"egov", func(dir string) error { return synth.WriteHugo(dir, os.DirFS(filepath.Join("..", ".."))) }, 26},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := tt.write(dir); err != nil {
				t.Fatal(err)
			}
			files := readTree(t, dir)
			for _, want := range []string{"hugo.toml", "layouts/_default/baseof.html", "layouts/partials/breadcrumbs.html", "assets/style.css", "assets/icons/home.svg"} {
				if files[want] == nil {
					t.Errorf("no %s", want)
				}
			}
			if !bytes.Contains(files["content/_definitions.md"], []byte("render: never")) {
				t.Errorf("content/_definitions.md is not kept out of the pages:\n%s", files["content/_definitions.md"])
			}
			nodes, refs := 0, 0
			for name, data := range files {
				if !strings.HasPrefix(name, "content/") || path.Ext(name) != ".md" || name == "content/_definitions.md" {
					continue
				}
				nodes++
				for _, m := range relref.FindAllStringSubmatch(string(data), -1) {
					refs++
					if files["content/"+m[1]] == nil {
						t.Errorf("%s: relref to %s: no such file", name, m[1])
					}
				}
				for _, m := range mdLink.FindAllStringSubmatch(body(data), -1) {
					if strings.HasSuffix(strings.SplitN(m[1], "#", 2)[0], ".md") {
						t.Errorf("%s: link %s is not a relref", name, m[1])
					}
				}
			}
			if nodes != tt.pages || refs == 0 {
				t.Errorf("%d node files with %d relrefs, want %d files and some relrefs", nodes, refs, tt.pages)
			}
			buildWithHugo(t, dir, tt.pages)
		})
	}
}

// buildWithHugo builds the Hugo site in dir with the hugo on the PATH,
// and checks it wrote a page per node and that every link of every page
// leads to a file of the output.
func buildWithHugo(t *testing.T, dir string, pages int) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("SKIPPED: hugo is not on the PATH (apt-get install hugo); the Hugo twin was not built")
	}
	out := t.TempDir()
	cmd := exec.Command(hugo, "--source", dir, "--destination", out, "--minify", "--quiet")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, msg)
	}
	site := readTree(t, out)
	got := 0
	for name, data := range site {
		if path.Ext(name) != ".html" {
			continue
		}
		if path.Base(name) == "index.html" {
			got++
			if !bytes.Contains(data, []byte(`aria-current=page`)) || !bytes.Contains(data, []byte(`popover`)) {
				t.Errorf("%s: no breadcrumbs or no definitions popover", name)
			}
		}
		for _, m := range href.FindAllStringSubmatch(string(data), -1) {
			ref := strings.SplitN(m[1], "#", 2)[0]
			if ref == "" || strings.Contains(ref, ":") {
				continue
			}
			target := strings.TrimPrefix(ref, "/")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if site[target] == nil {
				t.Errorf("%s: link to %s: not in the output", name, m[1])
			}
		}
	}
	if got != pages {
		t.Errorf("hugo wrote %d pages, want %d", got, pages)
	}
}
