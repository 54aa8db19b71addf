package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Why the watcher keeps books of its own: inotify watches a folder, not
// a name, and a renamed folder is the same folder. fsnotify records each
// watch under the name it was added by, and gives the same watch back,
// old name and all, when the folder is added again under its new name.
// So after `mv content/b content/x` the saves in x were reported as
// saves in b, which the build no longer has, or not at all once
// fsnotify dropped the watch on seeing b's move. The watcher knows each
// watched folder by its device and inode, and takes a watch off before
// the same folder is watched under another name.

// folderID is a folder as the file system knows it, whatever its name;
// the zero folderID where the system does not say.
type folderID struct{ dev, ino uint64 }

// watch watches the folder dir. A watch of the same folder under
// another name, or of another folder under this name, is taken off
// first: fsnotify would keep it, and report dir's files under the old
// name.
func (w *watcher) watch(dir string) error {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // gone meanwhile: its removal is an event of its own
	}
	if err != nil {
		return fmt.Errorf("cannot watch %s: %w", dir, err)
	}
	id := folderOf(info)
	if old, ok := w.byID[id]; ok && old != dir && id != (folderID{}) {
		w.unwatch(old)
	}
	if had, ok := w.byPath[dir]; ok && had != id {
		w.unwatch(dir)
	}
	if err := w.add(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("cannot watch %s: %w", dir, err)
	}
	w.byPath[dir] = id
	if id != (folderID{}) {
		w.byID[id] = dir
	}
	return nil
}

// unwatch takes the watch of name off. fsnotify may have dropped it
// already, when the folder was deleted or moved: that is no error.
func (w *watcher) unwatch(name string) {
	w.fsw.Remove(name)
	id, ok := w.byPath[name]
	delete(w.byPath, name)
	if ok && w.byID[id] == name {
		delete(w.byID, id)
	}
}

// unwatchTree takes off the watches of dir and of every folder below
// it: dir was renamed or deleted, and none of those names holds the
// folder it was watched for any more. The folders, wherever they went,
// are watched again when their new names are reported.
func (w *watcher) unwatchTree(dir string) {
	below := dir + string(filepath.Separator)
	for name := range w.byPath {
		if name == dir || strings.HasPrefix(name, below) {
			w.unwatch(name)
		}
	}
}

// prune takes off every watch whose name no longer holds the folder it
// was added for: after lost events, the renames and deletions are not
// known.
func (w *watcher) prune() {
	for name, id := range w.byPath {
		info, err := os.Stat(name)
		if err != nil || !info.IsDir() || folderOf(info) != id {
			w.unwatch(name)
		}
	}
}
