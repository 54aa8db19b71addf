package serve

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/fsnotify/fsnotify"
	"github.com/wizardsite/wizard/generator"
)

// watchedDirs are the folders of a site root whose changes rebuild the
// site, with everything below them. site.yaml is watched through the
// root folder itself, which also sees these folders come and go.
var watchedDirs = [...]string{"content", "theme", "i18n"}

// watcher turns file changes in a site root into signals on changes.
// It uses fsnotify, and polls instead when a watch cannot be added.
type watcher struct {
	dir     string
	real    string // dir with its symbolic links resolved
	log     io.Writer
	changes chan struct{} // one pending signal at most: a burst is one signal

	mu    sync.Mutex
	paths map[string]bool // what changed since the last take, relative to dir
	all   bool            // something changed that paths cannot name
	add   func(string) error
	fsw   *fsnotify.Watcher
	stop  chan struct{}
	wg    sync.WaitGroup

	// The watched folders by name, and their names by folder (see
	// watchdirs.go). Only newWatcher and then loop use them.
	byPath map[string]folderID
	byID   map[folderID]string
	// What fsnotify sent that loop has not taken yet (see pump), and a
	// signal that there is some.
	qmu    sync.Mutex
	queue  []notice
	queued chan struct{}

	// linked holds the names at the root that symbolic links below the
	// watched folders lead into (or to), which the build reads too.
	linked map[string]bool
}

// newWatcher watches the site root dir. add, when not nil, replaces the
// fsnotify watch adder (tests make it fail to check the fallback).
func newWatcher(dir string, log io.Writer, add func(string) error) (*watcher, error) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	w := &watcher{
		dir: dir, real: real, log: log, changes: make(chan struct{}, 1), stop: make(chan struct{}),
		byPath: map[string]folderID{}, byID: map[folderID]string{}, linked: map[string]bool{},
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		w.fallBack(fmt.Sprintf("cannot watch files: %v", err))
		return w, nil
	}
	w.fsw = fsw
	w.add = fsw.Add
	if add != nil {
		w.add = add
	}
	if err := w.addAll(); err != nil {
		fsw.Close()
		w.fallBack(err.Error())
		return w, nil
	}
	w.queued = make(chan struct{}, 1)
	w.wg.Add(2)
	go w.pump()
	go w.loop()
	return w, nil
}

// close stops watching and waits for the watcher's goroutines.
func (w *watcher) close() {
	close(w.stop)
	if w.fsw != nil {
		w.fsw.Close()
	}
	w.wg.Wait()
}

// signal tells the build loop that something changed, without saying
// what: the next build reads every file.
func (w *watcher) signal() {
	w.mu.Lock()
	w.all = true
	w.mu.Unlock()
	w.wake()
}

// signalPath tells the build loop that the file name changed, so that a
// build may read that file alone.
func (w *watcher) signalPath(name string) {
	rel, err := filepath.Rel(w.dir, name)
	w.mu.Lock()
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		w.all = true
	} else {
		if w.paths == nil {
			w.paths = map[string]bool{}
		}
		w.paths[filepath.ToSlash(rel)] = true
	}
	w.mu.Unlock()
	w.wake()
}

// take returns what changed since the last take: the paths, or nil when
// the build must read every file.
func (w *watcher) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	all, paths := w.all, w.paths
	w.all, w.paths = false, nil
	if all {
		return nil
	}
	list := make([]string, 0, len(paths))
	for p := range paths {
		list = append(list, p)
	}
	slices.Sort(list)
	return list
}

// wake sends the build loop a signal; one already pending covers this
// change too.
func (w *watcher) wake() {
	select {
	case w.changes <- struct{}{}:
	default:
	}
}

// addAll watches the root and every folder below the watched folders.
func (w *watcher) addAll() error {
	if err := w.watch(w.dir); err != nil {
		return err
	}
	for _, d := range watchedDirs {
		if err := w.addTree(filepath.Join(w.dir, d)); err != nil {
			return err
		}
	}
	return nil
}

// addTree watches dir and the folders below it, and the folders that
// symbolic links below it lead to inside the site root, which the build
// follows too. Folders that vanish meanwhile are no error: their
// removal is an event of its own.
func (w *watcher) addTree(dir string) error { return w.addTreeOnce(dir, map[string]bool{}) }

func (w *watcher) addTreeOnce(dir string, seen map[string]bool) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return w.followLink(p, seen)
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir // .git and the like: the build ignores them too
		}
		return w.watch(p)
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// followLink watches what the symbolic link at p leads to inside the
// site root, which the build reads through it: a folder and the
// folders below it, or a file, by the folder it is in. The folders
// above are watched too, and the name at the root that the way there
// starts with is relevant: their renames break the link, or mend it.
func (w *watcher) followLink(p string, seen map[string]bool) error {
	target, err := filepath.EvalSymlinks(p)
	if err != nil || !inside(w.real, target) || seen[target] {
		return nil // broken, leading out (not built), or seen: a loop
	}
	// Named from dir, as the folders below the watched ones are, so that
	// each folder has one name in the books.
	rel, _ := filepath.Rel(w.real, target)
	w.linked[strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]] = true
	if err := w.watchAbove(rel); err != nil {
		return err
	}
	if info, err := os.Stat(target); err == nil && info.IsDir() {
		seen[target] = true
		return w.addTreeOnce(filepath.Join(w.dir, rel), seen)
	}
	return nil
}

// watchAbove watches the folders between the root and rel, where a
// symbolic link leads, which may be outside the watched folders.
func (w *watcher) watchAbove(rel string) error {
	for up := filepath.Dir(rel); up != "." && up != string(filepath.Separator); up = filepath.Dir(up) {
		if err := w.watch(filepath.Join(w.dir, up)); err != nil {
			return err
		}
	}
	return nil
}

// notice is one thing fsnotify sent: an event, or an error.
type notice struct {
	ev  fsnotify.Event
	err error
}

// pump reads fsnotify's events and errors as they come, into the queue
// that loop takes them from. fsnotify sends some errors while it holds
// the lock that adding and removing a watch take: read by loop, which
// adds and removes watches, they stopped the watcher for good.
func (w *watcher) pump() {
	defer w.wg.Done()
	for {
		var n notice
		select {
		case <-w.stop:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			n.ev = ev
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			n.err = err
		}
		w.qmu.Lock()
		w.queue = append(w.queue, n)
		w.qmu.Unlock()
		select {
		case w.queued <- struct{}{}:
		default:
		}
	}
}

// loop takes what pump read, in order, until close.
func (w *watcher) loop() {
	defer w.wg.Done()
	for {
		select {
		case <-w.stop:
			return
		case <-w.queued:
		}
		w.qmu.Lock()
		queue := w.queue
		w.queue = nil
		w.qmu.Unlock()
		for _, n := range queue {
			var err error
			if n.err != nil {
				err = w.lost(n.err)
			} else {
				err = w.handle(n.ev)
			}
			if err != nil {
				w.fsw.Close()
				w.fallBack(err.Error())
				w.signal()
				return
			}
		}
	}
}

// lost takes an error of fsnotify, after which events may be lost: a
// queue that overflowed lost them. The watches whose folders were
// renamed or deleted meanwhile are taken off, the folders made or
// renamed meanwhile watched, and the site built. Other errors come of
// fsnotify's own books (a moved folder deleted before fsnotify took
// its move, whose watch the system had dropped already): the same is
// done, but they mean nothing to the writer.
func (w *watcher) lost(err error) error {
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		fmt.Fprintf(w.log, "warning: file watching: %v; rebuilding to be sure\n", err)
	}
	w.prune()
	if err := w.addAll(); err != nil {
		return err
	}
	w.signal()
	return nil
}

// handle takes one event: it keeps the watches up with the folders, and
// tells the build loop what changed. An error means that watching
// cannot go on.
func (w *watcher) handle(ev fsnotify.Event) error {
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if _, ok := w.byPath[ev.Name]; ok {
			// A watched folder went, with all below it: the build walks
			// content/ again. Its new name, if any, is a Create.
			w.unwatchTree(ev.Name)
			w.signal()
			return nil
		}
	}
	if ev.Op == fsnotify.Chmod {
		return nil
	}
	if !w.relevant(ev.Name) {
		if ev.Has(fsnotify.Create) && filepath.Dir(ev.Name) == filepath.Clean(w.dir) {
			return w.linkedFolder(ev.Name)
		}
		return nil
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && (info.IsDir() || info.Mode()&fs.ModeSymlink != 0) {
			// Watch the new folder first: files written in it from now
			// on are seen. Named as it is, it has the build walk
			// content/, which finds the files written in it before. A
			// symbolic link, which may lead anywhere, is read by a full
			// build.
			if err := w.addTree(ev.Name); err != nil {
				return err
			}
			if !info.IsDir() {
				w.signal()
			}
		}
	}
	w.signalPath(ev.Name)
	return nil
}

// linkedFolder takes a file or folder made at the root beside the
// watched folders: symbolic links in content/ that were broken may lead
// into it now. Their folders are watched then, and the site built.
func (w *watcher) linkedFolder(name string) error {
	if err := w.addAll(); err != nil {
		return err
	}
	if w.linked[filepath.Base(name)] {
		w.signal()
	}
	return nil
}

// relevant reports whether a changed path can change the site: site.yaml,
// the watched folders and the names that symbolic links lead into at
// the root, and below them anything that the build reads.
func (w *watcher) relevant(name string) bool {
	rel, err := filepath.Rel(w.dir, name)
	if err != nil || rel == "." {
		return false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if len(parts) == 1 {
		if parts[0] == "site.yaml" {
			return true
		}
		for _, d := range watchedDirs {
			if parts[0] == d {
				return true
			}
		}
		return w.linked[parts[0]]
	}
	if !slices.Contains(watchedDirs[:], parts[0]) {
		return true // read through a symbolic link, under the link's name
	}
	// The build leaves out editors' swap, backup and temporary files,
	// and only those may be left out here: vim's 4913, which a build
	// that runs while it is there reads as any file, must be seen to go.
	return !generator.Ignored(parts[len(parts)-1])
}

// fallBack says why files cannot be watched, and polls them instead.
func (w *watcher) fallBack(why string) {
	fmt.Fprintf(w.log, "warning: %s\nwarning: checking the site for changes every %s instead (raise fs.inotify.max_user_watches to watch)\n",
		why, pollEvery)
	w.wg.Add(1)
	go w.poll()
}

// inside reports whether target is root or below it.
func inside(root, target string) bool {
	rel, err := filepath.Rel(root, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
