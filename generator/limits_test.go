package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/wizardsite/wizard/theme"
)

// deepSite is a site whose nodes nest depth folders deep below content/,
// each the choice of the one above it.
func deepSite(depth int) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: Diep\nlanguage: nl\n")},
		"content/_index.md": {Data: []byte("---\ntitle: Start\n---\n")},
	}
	dir := "content"
	for i := 1; i <= depth; i++ {
		dir += "/a"
		fsys[dir+"/_index.md"] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Niveau %d\n---\n", i)}
	}
	return fsys
}

// errorLines are the lines of a build's error.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

// A site nested deeper than maxFolderDepth is refused, by a build and by
// a Builder (wizard serve), at the first folder too deep; one nested
// that deep builds. 2,000 folders deep, the old build took 54 s and
// wrote 4 GB.
func TestFolderDepthLimit(t *testing.T) {
	tooDeep := "site/content" + strings.Repeat("/a", maxFolderDepth+1) +
		": folder nested 33 deep: folders may nest at most 32 deep below content/; move its nodes up into fewer levels"
	for _, depth := range []int{maxFolderDepth + 1, 2000} {
		opts := Options{Source: deepSite(depth), SourceName: "site", Theme: theme.FS()}
		_, err := Generate(opts)
		if lines := errorLines(err); len(lines) != 1 || lines[0] != tooDeep {
			t.Errorf("depth %d: Generate: got %v, want only\n%s", depth, err, tooDeep)
		}
		_, err = NewBuilder(opts).Build()
		if lines := errorLines(err); len(lines) != 1 || lines[0] != tooDeep {
			t.Errorf("depth %d: Builder: got %v, want only\n%s", depth, err, tooDeep)
		}
	}
	opts := Options{Source: deepSite(maxFolderDepth), SourceName: "site", Theme: theme.FS()}
	site, err := Generate(opts)
	if err != nil {
		t.Fatalf("depth %d: %v", maxFolderDepth, err)
	}
	if len(site.Nodes) != maxFolderDepth+1 {
		t.Errorf("%d nodes, want %d", len(site.Nodes), maxFolderDepth+1)
	}
}

// A node file larger than maxNodeFileSize is refused before it is
// parsed, by a build and by a save that the Builder takes; a file of
// that size builds, and a file of another kind is copied whatever its
// size. A 50 MB file of 850,000 links took the old build more than
// 300 s.
func TestNodeFileSizeLimit(t *testing.T) {
	dir, out, before := builtSmallSite(t)
	node := func(size int) string {
		head := "---\ntitle: Een\nweight: 1\n---\n"
		line := "Een regel tekst van een heel lange pagina.\n"
		body := strings.Repeat(line, (size-len(head))/len(line))
		return head + body + strings.Repeat("x", size-len(head)-len(body))
	}
	een := filepath.Join(dir, "content", "a", "een.md")
	write := func(data string) {
		t.Helper()
		if err := os.WriteFile(een, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tooLarge := "site/content/a/een.md: node file of 1025 KiB: a node file may be at most 1 MiB (1024 KiB); split it into nodes of their own"

	write(node(maxNodeFileSize + 1))
	_, err := Build(siteOptions(dir), out)
	if !slices.Contains(errorLines(err), tooLarge) {
		t.Errorf("build: got %v, want\n%s", err, tooLarge)
	}
	if !sameSnapshot(before, snapshot(t, out)) {
		t.Error("the failed build changed the previous output")
	}

	write(node(maxNodeFileSize))
	if err := os.WriteFile(filepath.Join(dir, "content", "a", "groot.pdf"), make([]byte, 3*maxNodeFileSize), 0o644); err != nil {
		t.Fatal(err)
	}
	b := NewBuilder(siteOptions(dir))
	if _, err := b.Build(); err != nil {
		t.Fatalf("a node file of %d bytes: %v", maxNodeFileSize, err)
	}
	write(node(maxNodeFileSize + 1)) // a save that keeps its place: the quick path
	_, err = b.Rebuild([]string{"content/a/een.md"})
	if !slices.Contains(errorLines(err), tooLarge) {
		t.Errorf("rebuild: got %v, want\n%s", err, tooLarge)
	}
}

// A body with more than maxLinks links, or an address longer than
// maxAddress, is refused at its line; a reference used again and again
// does not make the refused page large on its way.
func TestLinkLimits(t *testing.T) {
	longAddress := "https://example.org/" + strings.Repeat("a", maxAddress)
	cases := []struct {
		name string
		body string
		want string
	}{{
		name: "too many links",
		body: strings.Repeat("[tekst](twee.md)\n\n", maxLinks) + "\n[een te veel](twee.md)\n",
		want: "site/content/a/een.md:2007: more than 1000 links: a page may hold at most 1000 links and images; split it into nodes of their own",
	}, {
		name: "too many automatic links",
		body: strings.Repeat("https://example.org/\n\n", maxLinks+1),
		want: "site/content/a/een.md:2006: more than 1000 links: a page may hold at most 1000 links and images; split it into nodes of their own",
	}, {
		name: "address too long",
		body: "Zie [hier](" + longAddress + ").\n",
		want: "site/content/a/een.md:6: link address of 4116 characters: an address may be at most 4096; use a shorter one",
	}, {
		name: "a long address used again and again",
		body: "[r]: " + longAddress + "\n\n" + strings.Repeat("[tekst][r] [tekst][r]\n\n", 450),
		want: "site/content/a/een.md:8: link address of 4116 characters: an address may be at most 4096; use a shorter one",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := smallSite()
			files["content/a/een.md"] = "---\ntitle: Een\nweight: 1\n---\n\n" + c.body
			_, err := Generate(siteOptions(writeSite(t, files)))
			if !slices.Contains(errorLines(err), c.want) {
				t.Errorf("got %v, want\n%s", err, c.want)
			}
		})
	}
}

// What deepNesting lets through: shapes that a writer may well use, and
// that cost the parser no more than their size.
func TestDeepNestingLetsThrough(t *testing.T) {
	var nested4 strings.Builder // 16 lists deep, indented four columns a level
	for i := range 16 {
		nested4.WriteString(strings.Repeat("    ", i) + "- punt\n")
	}
	bodies := map[string]string{
		"a long thematic break": strings.Repeat("- ", 100) + "\n",
		"a list of 300 links":   strings.Repeat("- [tekst](a.md)\n", 300),
		"a table of 300 links":  "| a | b |\n|---|:-:|\n" + strings.Repeat("| [tekst](a.md) | x |\n", 300),
		"headings of links":     strings.Repeat("## [tekst](a.md)\n", 300),
		"paragraphs of links":   strings.Repeat("[tekst](a.md) [meer](b.md)\n\n", 300),
		"32 block quotes":       strings.Repeat("> ", 32) + "tekst\n",
		"escaped brackets":      strings.Repeat(`\[`, 300) + strings.Repeat(`\]`, 300) + "\n",
		"16 lists, 4 columns":   nested4.String(),
	}
	for name, body := range bodies {
		if line, msg := deepNesting([]byte(body)); line != 0 {
			t.Errorf("%s: refused at line %d: %s", name, line, msg)
		}
	}
	refused := map[string]string{
		"a table whose delimiter row does not match": "| a |\n|---|---|\n" + strings.Repeat("| [tekst](a.md) | x |\n", 300),
		"a block quote of links":                     strings.Repeat("> [tekst](a.md)\n", 300),
		"lists and quotes, 33 deep":                  strings.Repeat("- > ", 17) + "tekst\n",
	}
	for name, body := range refused {
		if line, _ := deepNesting([]byte(body)); line == 0 {
			t.Errorf("%s: let through", name)
		}
	}
}
