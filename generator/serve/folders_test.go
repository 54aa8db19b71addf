package serve

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/wizardsite/wizard/internal/sitetest"
)

// siteOps changes a served site folder as a writer's shell would.
type siteOps struct {
	t   *testing.T
	dir string
}

func (o siteOps) mv(from, to string) {
	o.t.Helper()
	if err := os.Rename(filepath.Join(o.dir, from), filepath.Join(o.dir, to)); err != nil {
		o.t.Fatal(err)
	}
}

func (o siteOps) rm(name string) {
	o.t.Helper()
	if err := os.RemoveAll(filepath.Join(o.dir, name)); err != nil {
		o.t.Fatal(err)
	}
}

func (o siteOps) save(name, title, body string) {
	o.t.Helper()
	sitetest.WriteFile(o.t, filepath.Join(o.dir, name), page(title, body))
}

// Folders renamed, swapped, deleted and made again, nested folders
// renamed and moved into others, each followed by saves in them: every
// time, once the events are taken, the preview is what a fresh build of
// the folder makes. A renamed folder's watch keeps its inode and, in
// fsnotify's books, its old name, so the saves in it went unseen or
// under a name the build no longer has.
func TestRenamedFolders(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, map[string]string{
		"site.yaml":                 "title: Mappen\nlanguage: nl\n",
		"content/_index.md":         page("Start", "Zie [menu B](b/_index.md)."),
		"content/b/_index.md":       page("Menu B", "Dit is menu B."),
		"content/b/q.md":            page("Vraag Q", "Eerste versie van Q."),
		"content/c/_index.md":       page("Menu C", "Dit is menu C."),
		"content/c/r.md":            page("Vraag R", "Eerste versie van R."),
		"content/d/_index.md":       page("Menu D", "Dit is menu D."),
		"content/d/e/_index.md":     page("Menu E", "Dit is menu E."),
		"content/d/e/f/_index.md":   page("Menu F", "Dit is menu F."),
		"content/d/e/f/blad.md":     page("Blad", "Eerste versie van het blad."),
		"content/d/e/f/g/_index.md": page("Menu G", "Dit is menu G."),
	})
	r := startServer(t, dir, nil)
	expectSettled(t, r)
	op := siteOps{t, dir}

	// The case: b renamed to x, then a save in x.
	op.mv("content/b", "content/x")
	op.save("content/_index.md", "Start", "Zie [menu X](x/_index.md).")
	expectSettled(t, r)
	op.save("content/x/q.md", "Vraag Q", "Tweede versie van Q, in x.")
	expectSettled(t, r)

	// Two folders swap names.
	op.mv("content/x", "content/tmp")
	op.mv("content/c", "content/x")
	op.mv("content/tmp", "content/c")
	expectSettled(t, r)
	op.save("content/c/q.md", "Vraag Q", "Derde versie van Q, nu in c.")
	op.save("content/x/r.md", "Vraag R", "Tweede versie van R, nu in x.")
	expectSettled(t, r)

	// A folder deleted, then made again under the same name.
	op.rm("content/c")
	expectSettled(t, r)
	op.save("content/c/_index.md", "Menu C", "Een nieuw menu C.")
	op.save("content/c/s/_index.md", "Menu S", "Een nieuw menu S.")
	expectSettled(t, r)
	op.save("content/c/s/t.md", "Vraag T", "Een vraag in de nieuwe map.")
	expectSettled(t, r)

	// Nested folders renamed, inner first and then outer.
	op.mv("content/d/e/f", "content/d/e/f2")
	op.mv("content/d", "content/h")
	expectSettled(t, r)
	op.save("content/h/e/f2/blad.md", "Blad", "Tweede versie van het blad.")
	op.save("content/h/e/f2/g/nieuw.md", "Nieuw", "Een vraag in g.")
	expectSettled(t, r)

	// A folder moved into another, and back out under a new name.
	op.mv("content/h/e", "content/x/e")
	expectSettled(t, r)
	op.save("content/x/e/f2/blad.md", "Blad", "Derde versie van het blad.")
	expectSettled(t, r)
	op.mv("content/x/e", "content/e2")
	expectSettled(t, r)
	op.save("content/e2/f2/g/nieuw.md", "Nieuw", "Tweede versie van nieuw.")
	expectSettled(t, r)

	// Swapped within one burst, with saves right after each rename.
	op.mv("content/x", "content/tmp")
	op.save("content/tmp/r.md", "Vraag R", "Derde versie van R.")
	op.mv("content/c", "content/x")
	op.save("content/x/s/t.md", "Vraag T", "Tweede versie van T.")
	op.mv("content/tmp", "content/c")
	op.save("content/c/r.md", "Vraag R", "Vierde versie van R.")
	expectSettled(t, r)
	op.save("content/c/r.md", "Vraag R", "Vijfde versie van R.")
	op.save("content/x/s/t.md", "Vraag T", "Derde versie van T.")
	expectSettled(t, r)
}

// Random renames, swaps, deletions, new folders and saves, from fixed
// seeds: whenever the test stops to look, and at the end, the preview
// is what a fresh build makes. The sequence of changes is the same on
// every run; how the events fall into bursts is not, and some runs
// also met fsnotify's error for a folder moved and deleted at once,
// which it sends holding the lock that adding a watch takes. More seeds:
//
//	WIZARD_SEEDS=50 go test -run TestRandomFolderChanges ./generator/serve
func TestRandomFolderChanges(t *testing.T) {
	seeds := 5
	if n, err := strconv.Atoi(os.Getenv("WIZARD_SEEDS")); err == nil {
		seeds = n
	}
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			dir := t.TempDir()
			sitetest.Write(t, dir, map[string]string{
				"site.yaml":         "title: Willekeurig\nlanguage: nl\n",
				"content/_index.md": page("Start", "De start."),
			})
			r := startServer(t, dir, nil)
			c := &changer{op: siteOps{t, dir}, rnd: rand.New(rand.NewPCG(seed, 0))}
			for range 8 {
				c.newFolder()
			}
			expectSettled(t, r)
			for i := range 80 {
				c.change(i)
				if c.rnd.IntN(4) == 0 {
					expectSettled(t, r)
				}
			}
			expectSettled(t, r)
		})
	}
}

// changer makes random changes to a site's content/ folder.
type changer struct {
	op  siteOps
	rnd *rand.Rand
}

// folders lists the folders below content/, by path in the site root,
// in path order.
func (c *changer) folders() []string {
	var list []string
	root := filepath.Join(c.op.dir, "content")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != root {
			rel, _ := filepath.Rel(c.op.dir, p)
			list = append(list, filepath.ToSlash(rel))
		}
		return nil
	})
	return list
}

// pick returns a folder below content/, or content itself when there
// is none or when root says it may.
func (c *changer) pick(root bool) string {
	list := c.folders()
	if root {
		list = append(list, "content")
	}
	if len(list) == 0 {
		return "content"
	}
	return list[c.rnd.IntN(len(list))]
}

// name is a name for a new folder: few of them, so that a name comes
// back after it was renamed away. Pages have names of their own: a page
// named as a folder beside it would take its address.
func (c *changer) name() string { return fmt.Sprintf("m%d", c.rnd.IntN(6)) }

func (c *changer) exists(name string) bool {
	_, err := os.Lstat(filepath.Join(c.op.dir, name))
	return err == nil
}

func (c *changer) newFolder() {
	d := path.Join(c.pick(true), c.name())
	if !c.exists(d) {
		c.op.save(d+"/_index.md", "Menu "+path.Base(d), "Een menu.")
	}
}

// change makes the i-th change: a folder renamed, moved elsewhere,
// swapped with a sibling, deleted or made anew, or a page saved, made
// or deleted.
func (c *changer) change(i int) {
	switch c.rnd.IntN(8) {
	case 0: // renamed in its folder
		from := c.pick(false)
		if to := path.Join(path.Dir(from), c.name()); !c.exists(to) && from != "content" {
			c.op.mv(from, to)
		}
	case 1: // moved into another folder
		from, into := c.pick(false), c.pick(true)
		to := path.Join(into, c.name())
		if from != "content" && !c.exists(to) && !strings.HasPrefix(into+"/", from+"/") {
			c.op.mv(from, to)
		}
	case 2: // swapped with a sibling
		a := c.pick(false)
		b := path.Join(path.Dir(a), c.name())
		if a != "content" && a != b && c.exists(b) && !c.exists("content/tmp") {
			c.op.mv(a, "content/tmp")
			c.op.mv(b, a)
			c.op.mv("content/tmp", b)
		}
	case 3: // deleted
		if d := c.pick(false); d != "content" && c.rnd.IntN(2) == 0 {
			c.op.rm(d)
		}
	case 4:
		c.newFolder()
	default: // a page saved, made or deleted
		p := path.Join(c.pick(true), fmt.Sprintf("p%d.md", c.rnd.IntN(4)))
		if c.exists(p) && c.rnd.IntN(3) == 0 {
			c.op.rm(p)
			return
		}
		c.op.save(p, "Pagina "+path.Base(p), fmt.Sprintf("Versie %d.", i))
	}
}

// Folders and files that symbolic links in content/ lead to, outside
// the watched folders: renamed away and back, a folder above them too,
// and one made only after the link. The links break and work again,
// and the saves after that are seen.
func TestLinkedFolderRenamed(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, fixture)
	sitetest.WriteFile(t, filepath.Join(dir, "gedeeld/diep/map/vast.txt"), "versie 1")
	sitetest.WriteFile(t, filepath.Join(dir, "gedeeld/logo.txt"), "logo 1")
	sitetest.WriteFile(t, filepath.Join(dir, "boven.txt"), "boven 1")
	for link, to := range map[string]string{
		"content/map":       "../gedeeld/diep/map",
		"content/logo.txt":  "../gedeeld/logo.txt",
		"content/boven.txt": "../boven.txt",
		"content/later":     "../later", // broken until later/ is made
	} {
		if err := os.Symlink(to, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	r := startServer(t, dir, nil)
	expectSettled(t, r)
	op := siteOps{t, dir}
	write := func(name, text string) {
		t.Helper()
		sitetest.WriteFile(t, filepath.Join(dir, name), text)
	}
	sitetest.WriteFile(t, filepath.Join(dir, "later/laat.txt"), "laat 1")
	expectSettled(t, r)
	write("later/laat.txt", "laat 2")
	expectSettled(t, r)
	for i, mv := range [][2]string{
		{"gedeeld/diep/map", "gedeeld/diep/map2"},
		{"gedeeld/diep", "gedeeld/diep2"},
		{"gedeeld", "gedeeld2"},
		{"gedeeld/logo.txt", "gedeeld/logo2.txt"},
		{"boven.txt", "boven2.txt"},
		{"later", "later2"},
	} {
		op.mv(mv[0], mv[1])
		expectSettled(t, r) // a broken link
		op.mv(mv[1], mv[0])
		expectSettled(t, r)
		v := fmt.Sprint(" ", i+2)
		write("gedeeld/diep/map/vast.txt", "versie"+v)
		write("gedeeld/logo.txt", "logo"+v)
		write("boven.txt", "boven"+v)
		write("later/laat.txt", "laat"+v)
		expectSettled(t, r)
	}
}

// The watched folders themselves renamed away and back, a node file
// become a folder of that name and back, a folder become a file and
// back, and a folder renamed over an empty one.
func TestRenamedWatchedFolders(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, fixture)
	sitetest.WriteFile(t, filepath.Join(dir, "theme/static/style.css"), "body{color:red}")
	r := startServer(t, dir, nil)
	expectSettled(t, r)
	op := siteOps{t, dir}
	for _, d := range []string{"content", "theme"} {
		op.mv(d, d+"2")
		expectSettled(t, r)
		op.mv(d+"2", d)
		expectSettled(t, r)
	}
	op.save("content/a/one.md", "Antwoord een", "Na de terugkeer van content.")
	sitetest.WriteFile(t, filepath.Join(dir, "theme/static/style.css"), "body{color:blue}")
	expectSettled(t, r)

	op.rm("content/b.md")
	op.save("content/b.md/_index.md", "Map B", "Een map die b.md heet.")
	expectSettled(t, r)
	op.save("content/b.md/c.md", "Pagina C", "In de map b.md.")
	expectSettled(t, r)
	op.rm("content/b.md")
	op.save("content/b.md", "Pagina B", "Weer een bestand.")
	expectSettled(t, r)

	op.rm("content/a")
	sitetest.WriteFile(t, filepath.Join(dir, "content/a"), "een bestand waar een map was")
	expectSettled(t, r)
	op.rm("content/a")
	op.save("content/a/_index.md", "Menu A", "Weer een map.")
	expectSettled(t, r)
	op.save("content/a/x.md", "Pagina X", "In de nieuwe map a.")
	expectSettled(t, r)

	// rename(2) replaces an empty folder (os.Rename refuses to).
	if err := os.Mkdir(filepath.Join(dir, "content/leeg"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Rename(filepath.Join(dir, "content/a"), filepath.Join(dir, "content/leeg")); err != nil {
		t.Fatal(err)
	}
	expectSettled(t, r)
	op.save("content/leeg/x.md", "Pagina X", "In de map die leeg was.")
	expectSettled(t, r)
}
