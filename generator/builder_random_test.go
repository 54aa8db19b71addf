package generator

// TestBuilderRandomSaves is a deterministic randomized test of
// Builder.Rebuild, its quick path above all: for each seed it builds a
// small three-level wizard, makes a short row of random saves (bodies
// with links, titles and link titles, weights, choices/prev/next, new and
// deleted answers, renames, several files in a hint, a file named twice)
// and after each save compares the rebuild with a build from scratch
// (sameAsScratch: the same error, or the same files, pages and graph).
//
//	WIZARD_RANDOM_SEEDS=n   number of seeds (default 150)
//	WIZARD_RANDOM_SEED=k    run only seed k, logging every save
//	WIZARD_RANDOM_FIRST=k   first seed (default 1)

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// contentFiles returns the files of content/ below the site root dir
// that a walk reads, by path in content/.
func contentFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	root := filepath.Join(dir, contentDir)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		if ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			files[filepath.ToSlash(rel)] = string(data)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// nodeSummary is the graph of nodes as text, a line each.
func nodeSummary(nodes []*Node) []string {
	var out []string
	for _, n := range nodes {
		s := fmt.Sprintf("%s url=%s t=%q lt=%q d=%q p=%q w=%d parent=%v body=%v ext=%v lang=%q tr=%q", n.File, n.URL, n.Title, n.LinkTitle, n.Description, n.Prompt, n.Weight, n.Parent != nil, n.HasBody(), n.External, n.Lang, n.Translation)
		for _, c := range n.Children {
			s += " child=" + c.File
		}
		for _, c := range n.Choices {
			s += " choice=" + c.Node.File + ":" + c.Label
		}
		if n.Prev != nil {
			s += " prev=" + n.Prev.Node.File + ":" + n.Prev.Label
		}
		if n.Next != nil {
			s += " next=" + n.Next.Node.File + ":" + n.Next.Label
		}
		for _, l := range n.Links {
			if l == nil {
				s += " link=<nil>"
			} else {
				s += " link=" + l.File
			}
		}
		out = append(out, s)
	}
	return out
}

// scratchDifference describes the first difference between a rebuild
// and a build from scratch, "" when there is none: the error's text, the
// files, the counts of pages and nodes, the graph, and what the
// writers' tools read of the files.
func scratchDifference(site *Site, err error, fresh *Site, freshErr error) string {
	switch {
	case err != nil && freshErr != nil:
		if err.Error() != freshErr.Error() {
			return fmt.Sprintf("error %q, a build from scratch says %q", err, freshErr)
		}
		return ""
	case err != nil:
		return fmt.Sprintf("rebuild error %q, a build from scratch builds", err)
	case freshErr != nil:
		return fmt.Sprintf("the rebuild builds, a build from scratch says %q", freshErr)
	}
	names := slices.Sorted(maps.Keys(fresh.Files))
	for n := range site.Files {
		if _, ok := fresh.Files[n]; !ok {
			return fmt.Sprintf("%s: made by the rebuild, not by a build from scratch", n)
		}
	}
	for _, n := range names {
		a, ok := site.Files[n]
		if !ok {
			return fmt.Sprintf("%s: made by a build from scratch, not by the rebuild", n)
		}
		if !bytes.Equal(a, fresh.Files[n]) {
			return fmt.Sprintf("%s differs from a build from scratch: %s", n, firstDifference(a, fresh.Files[n]))
		}
	}
	if site.Pages != fresh.Pages || len(site.Nodes) != len(fresh.Nodes) || site.FileCount != fresh.FileCount {
		return fmt.Sprintf("pages %d, nodes %d, files %d; a build from scratch: %d, %d, %d", site.Pages, len(site.Nodes), site.FileCount, fresh.Pages, len(fresh.Nodes), fresh.FileCount)
	}
	a, b := languageSummary(site), languageSummary(fresh)
	if len(a) != len(b) {
		return fmt.Sprintf("%d nodes in every language, a build from scratch %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			return fmt.Sprintf("node graph differs:\n  rebuild: %s\n  scratch: %s", a[i], b[i])
		}
	}
	if d := writtenDifference(site.Nodes, fresh.Nodes); d != "" {
		return d
	}
	return ""
}

func TestBuilderRandomSaves(t *testing.T) {
	seeds := 150
	if s := os.Getenv("WIZARD_RANDOM_SEEDS"); s != "" {
		seeds, _ = strconv.Atoi(s)
	}
	first := 1
	if s := os.Getenv("WIZARD_RANDOM_FIRST"); s != "" {
		first, _ = strconv.Atoi(s)
	}
	only := -1
	if s := os.Getenv("WIZARD_RANDOM_SEED"); s != "" {
		only, _ = strconv.Atoi(s)
		first, seeds = only, 1
	}
	var quick, full, failed, saves atomic.Int64
	var failures atomic.Int64
	t.Run("seeds", func(t *testing.T) {
		for seed := first; seed < first+seeds; seed++ {
			t.Run(strconv.Itoa(seed), func(t *testing.T) {
				t.Parallel()
				r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
				st := &stressSite{r: r, variant: seed % 4, french: seed%3 == 1}
				st.initial()
				dir := writeSite(t, st.siteFiles())
				opts := siteOptions(dir)
				opts.Drafts = st.variant == 3 // drafts are pages too
				b := NewBuilder(opts)
				first, err := b.Build()
				if err != nil {
					t.Fatalf("initial site: %v", err)
				}
				pages := languagePages(first)   // of the last good build
				sources := contentFiles(t, dir) // of the last good build
				st.keep()
				var log []string
				n := 2 + r.IntN(7)
				broken := false
				for step := range n {
					var writes map[string]string
					var hint, what []string
					if broken && r.IntN(10) < 7 {
						writes, hint, what = st.repair()
					} else {
						writes, hint, what = st.save()
					}
					var ws []string
					for _, f := range slices.Sorted(func(y func(string) bool) {
						for k := range writes {
							if !y(k) {
								return
							}
						}
					}) {
						full := filepath.Join(dir, filepath.FromSlash(f))
						data := writes[f]
						if data == "" {
							if err := os.Remove(full); err != nil && !os.IsNotExist(err) {
								t.Fatal(err)
							}
							ws = append(ws, fmt.Sprintf("    delete %s", f))
							continue
						}
						os.MkdirAll(filepath.Dir(full), 0o755)
						if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
							t.Fatal(err)
						}
						ws = append(ws, fmt.Sprintf("    write %s: %q", f, data))
					}
					log = append(log, fmt.Sprintf("  save %d (%s), hint %q:\n%s", step+1, strings.Join(what, "; "), hint, strings.Join(ws, "\n")))
					memo, before := b.memo, b.Last()
					site, err := b.Rebuild(hint)
					saves.Add(1)
					if err == nil && b.memo == memo {
						quick.Add(1)
					} else if err == nil {
						full.Add(1)
					} else {
						failed.Add(1)
						if b.Last() != before {
							t.Errorf("seed %d save %d: the failed build replaced the last site", seed, step+1)
						}
					}
					if only >= 0 {
						t.Logf("%s\n  -> err=%v quick=%v", log[len(log)-1], err, err == nil && b.memo == memo)
					}
					if err == nil && before != nil {
						if want := changedFiles(before, site); !slices.Equal(want, site.Changed) {
							failures.Add(1)
							t.Errorf("seed %d save %d: Changed %q, the files that differ %q\nsaves:\n%s", seed, step+1, site.Changed, want, strings.Join(log, "\n"))
							return
						}
						now, files := languagePages(site), contentFiles(t, dir)
						want := map[string]string{}
						went, came := map[string]string{}, map[string]string{}
						for file, was := range pages {
							if to, ok := now[file]; ok && to != was && site.Files[was] == nil {
								want[was] = to
							} else if _, still := files[file]; !ok && !still && site.Files[was] == nil && !strings.Contains(file, "\x00") {
								went[was] = sources[file] // deleted or renamed
							}
						}
						for file, to := range now {
							if _, known := sources[file]; !known && !strings.Contains(file, "\x00") {
								came[to] = files[file]
							}
						}
						// A page whose file went follows the one new file
						// that holds its bytes, when no other went or came
						// with them.
						for was, data := range went {
							var from, to []string
							for w, d := range went {
								if d == data {
									from = append(from, w)
								}
							}
							for c, d := range came {
								if d == data {
									to = append(to, c)
								}
							}
							if len(from) == 1 && len(to) == 1 && to[0] != was {
								want[was] = to[0]
							}
						}
						if !maps.Equal(want, site.Moved) {
							failures.Add(1)
							t.Errorf("seed %d save %d: Moved %q, want %q\nsaves:\n%s", seed, step+1, site.Moved, want, strings.Join(log, "\n"))
							return
						}
						pages, sources = now, files
					}
					broken = err != nil
					if err == nil {
						st.keep()
					}
					scratch := NewBuilder(opts)
					fresh, freshErr := scratch.Build()
					d := scratchDifference(site, err, fresh, freshErr)
					if d == "" && err == nil {
						// What the next rebuild starts from.
						d = memoDifference(b.memo, scratch.memo)
					}
					if d != "" {
						failures.Add(1)
						init := st0(seed)
						t.Errorf("seed %d save %d: %s\ninitial site:\n%s\nsaves:\n%s", seed, step+1, d, init, strings.Join(log, "\n"))
						return
					}
				}
			})
		}
	})
	t.Logf("%d saves: %d quick, %d usual, %d failed (as scratch); %d seeds failed", saves.Load(), quick.Load(), full.Load(), failed.Load(), failures.Load())
}

// memoDifference says how the memo of a rebuild differs from a build
// from scratch's: in the files read, the rendered bodies and the pages
// with their signatures; "" when it does not. The overview's frames are
// left out: a quick rebuild keeps those of the trees that did not change.
func memoDifference(got, want *buildMemo) string {
	if got.env != want.env || got.links != want.links {
		return "memo environment or links differ"
	}
	sameFile := func(g, w memoFile) bool {
		if !bytes.Equal(g.data, w.data) || !bytes.Equal(g.read.asset, w.read.asset) || (g.read.node == nil) != (w.read.node == nil) {
			return false
		}
		gn, wn := g.read.node, w.read.node
		return gn == nil || (gn.Draft == wn.Draft && gn.Title == wn.Title && reflect.DeepEqual(gn.front, wn.front) && bytes.Equal(gn.body, wn.body))
	}
	sameBody := func(g, w memoBody) bool {
		return g.key == w.key && reflect.DeepEqual(g.body, w.body) && slices.Equal(g.links, w.links) &&
			slices.Equal(g.resolved, w.resolved) && g.dir == w.dir
	}
	samePage := func(g, w memoPage) bool { return g.key == w.key && bytes.Equal(g.html, w.html) }
	if d := mapDifference("files", got.files, want.files, sameFile); d != "" {
		return d
	}
	if d := mapDifference("bodies", got.bodies, want.bodies, sameBody); d != "" {
		return d
	}
	return mapDifference("pages", got.pages, want.pages, samePage)
}

// mapDifference names the first key, in order, that one memo map has and
// the other has not, or whose values differ; "" when none.
func mapDifference[V any](what string, got, want map[string]V, same func(g, w V) bool) string {
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[k]; !ok {
			return fmt.Sprintf("memo %s lacks %s", what, k)
		} else if !same(g, want[k]) {
			return fmt.Sprintf("memo %s differ at %s", what, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[k]; !ok {
			return fmt.Sprintf("memo %s has %s, which a build from scratch has not", what, k)
		}
	}
	return ""
}

// st0 is the initial site of a seed, as text.
func st0(seed int) string {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	st := &stressSite{r: r, variant: seed % 4, french: seed%3 == 1}
	st.initial()
	files := st.siteFiles()
	var b strings.Builder
	for _, f := range slices.Sorted(func(y func(string) bool) {
		for k := range files {
			if !y(k) {
				return
			}
		}
	}) {
		fmt.Fprintf(&b, "    %s: %q\n", f, files[f])
	}
	return b.String()
}
