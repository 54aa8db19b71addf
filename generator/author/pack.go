package author

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/internal/scratch"
)

// packTime is the modification time of every entry of a pack: the
// earliest time a zip can hold, so that the same site gives the same
// bytes whenever it is packed.
var packTime = time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)

// zipMagic are the bytes a zip file starts with: a local file header, or
// the end record of an empty archive.
var zipMagic = [][]byte{[]byte("PK\x03\x04"), []byte("PK\x05\x06")}

// Pack writes the site as a zip archive to w, for browsing offline: the
// pages link to each other by file name, so the unzipped folder opens
// from file:// as it does from a host. index.html comes first, at the
// top of the archive, then every other file in path order, each with the
// same fixed time and mode: the same site gives the same bytes.
func Pack(site *generator.Site, w io.Writer) error {
	names := make([]string, 0, len(site.Files))
	for name := range site.Files {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "index.html":
			return -1
		case b == "index.html":
			return 1
		}
		return strings.Compare(a, b)
	})
	for _, name := range names {
		if err := checkZipName(name); err != nil {
			return err
		}
	}
	zw := zip.NewWriter(w)
	for _, name := range names {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: packTime}
		h.SetMode(0o644)
		f, err := zw.CreateHeader(h)
		if err != nil {
			return fmt.Errorf("pack %s: %w", name, err)
		}
		if _, err := f.Write(site.Files[name]); err != nil {
			return fmt.Errorf("pack %s: %w", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("pack: %w", err)
	}
	return nil
}

// checkZipName refuses a file name that some unzip tools would write
// outside the folder they unzip into, or that Windows cannot hold: a
// backslash (a folder separator there), a drive or stream colon, an
// absolute path or a ".." part.
func checkZipName(name string) error {
	bad := ""
	switch {
	case strings.Contains(name, `\`):
		bad = "a backslash, which Windows unzip tools read as a folder separator"
	case strings.Contains(name, ":"):
		bad = "a colon, which Windows reads as a drive or a stream"
	case strings.HasPrefix(name, "/") || slices.Contains(strings.Split(name, "/"), ".."):
		bad = "a path that leads out of the folder"
	default:
		return nil
	}
	return fmt.Errorf("pack %s: the name holds %s, so that unzipping could write outside the folder or fail; rename the file in content/", name, bad)
}

// packKind is how a pack knows its folders: the archive is written in a
// new folder beside its place, which holds this marker from its first
// moment, locked while the pack runs; a later pack removes the ones whose
// pack is gone (see package scratch).
var packKind = scratch.Kind{
	Marker: ".wizard-pack",
	Text:   "This folder is written by `wizard pack`; it holds an archive until the archive is complete.",
}

// PackFile writes the site as a zip archive to the file name, all or
// nothing: the archive is written in a new folder beside it and takes
// its place only when it is complete, so a failed pack, or one stopped
// through ctx (wizard pack on Ctrl+C; the error wraps
// context.Cause(ctx)), leaves an older archive as it was, and removes
// the new folder. A file that is not a zip archive is refused, never
// overwritten. New folders that earlier packs to the same name left when
// they were killed are removed first. The warnings say what could not
// be cleaned up; the archive is sound all the same.
func PackFile(ctx context.Context, site *generator.Site, name string) (warnings []string, err error) {
	if err := checkPackTarget(name); err != nil {
		return nil, err
	}
	dir, base := filepath.Dir(name), filepath.Base(name)
	warnings = packKind.Sweep(dir, base)
	tmp, err := packKind.Make(dir, base)
	if err != nil {
		return warnings, fmt.Errorf("pack %s: %w", name, err)
	}
	defer func() {
		if rmErr := tmp.Remove(packKind); rmErr != nil && err == nil {
			warnings = append(warnings, fmt.Sprintf("%s could not be removed (%v); the next pack removes it when it can", tmp.Path, rmErr))
		}
	}()
	archive := filepath.Join(tmp.Path, "archive.zip")
	err = writeArchive(ctx, site, archive)
	if cause := context.Cause(ctx); cause != nil {
		return warnings, fmt.Errorf("pack stopped (%w): nothing was written to %s", cause, name)
	}
	if err == nil {
		err = os.Rename(archive, name)
	}
	if err != nil {
		return warnings, fmt.Errorf("pack %s: %w", name, err)
	}
	return warnings, nil
}

// writeArchive writes the site as a zip archive to a new file, and
// stops between two writes when ctx is done.
func writeArchive(ctx context.Context, site *generator.Site, name string) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriter(stoppable{ctx, f})
	if err := Pack(site, bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Close()
}

// stoppable is a writer that fails once ctx is done.
type stoppable struct {
	ctx context.Context
	w   io.Writer
}

func (s stoppable) Write(p []byte) (int, error) {
	if err := context.Cause(s.ctx); err != nil {
		return 0, err
	}
	return s.w.Write(p)
}

// checkPackTarget refuses a path that holds something other than a zip
// archive: a folder, a device, or a file of another kind.
func checkPackTarget(name string) error {
	info, err := os.Lstat(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("pack %s: %w", name, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("pack %s: not a regular file; refusing to replace it", name)
	}
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("pack %s: %w", name, err)
	}
	defer f.Close()
	head := make([]byte, 4)
	if _, err := io.ReadFull(f, head); err == nil {
		for _, m := range zipMagic {
			if bytes.Equal(head, m) {
				return nil
			}
		}
	}
	return fmt.Errorf("pack %s: the file exists and is not a zip archive; refusing to overwrite it (choose another --out or remove it yourself)", name)
}
