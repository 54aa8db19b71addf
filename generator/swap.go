package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/wizardsite/wizard/internal/scratch"
)

// swap puts the new folder in the place of the output folder, and
// returns the old output where it now is, held so that no other build
// removes it meanwhile: Path is empty when there was none. On error the
// output folder is as it was.
func (o *output) swap() (*scratch.Folder, error) {
	if !o.existed {
		return &scratch.Folder{}, os.Rename(o.tmp.Path, o.dir)
	}
	old, err := outputKind.Hold(o.dir)
	if err != nil {
		return nil, err
	}
	if o.exchange(o.tmp.Path, o.dir) == nil {
		old.Path = o.tmp.Path
		return old, nil
	}
	if old.Path, err = asideName(o.dir); err != nil {
		old.Release()
		return nil, err
	}
	if err := os.Rename(o.dir, old.Path); err != nil {
		old.Release()
		return nil, err
	}
	if err := os.Rename(o.tmp.Path, o.dir); err != nil {
		defer old.Release()
		if back := os.Rename(old.Path, o.dir); back != nil {
			return nil, fmt.Errorf("%w; the earlier output is now in %s and could not be moved back (%v): move it back yourself", err, old.Path, back)
		}
		return nil, err
	}
	return old, nil
}

// asideName returns a free name for an old output beside dir:
// .base.old-<random>, a name the next build knows to look at.
func asideName(dir string) (string, error) {
	name, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".old-")
	if err != nil {
		return "", err
	}
	return filepath.Clean(name), os.Remove(name)
}

// removeOld removes the old output, which the new one replaced. What
// cannot be removed keeps the marker, under a name that says it is an
// old output, and the build says where it is: the next build removes it
// when it can.
func (o *output) removeOld(old *scratch.Folder) {
	defer old.Release()
	if old.Path == "" {
		return
	}
	err := outputKind.RemoveMarked(old.Path)
	if err == nil {
		return
	}
	left := old.Path
	if !strings.HasPrefix(filepath.Base(left), "."+filepath.Base(o.dir)+".old-") {
		if aside, rerr := asideName(o.dir); rerr == nil && os.Rename(left, aside) == nil {
			left = aside
		}
	}
	o.warnings = append(o.warnings, fmt.Sprintf(
		"the new site is in %s, but the earlier output could not be removed whole (%v): what is left of it is in %s, which the next build removes when it can",
		o.dir, err, left))
}
