package generator

import (
	"bytes"
	"maps"
	"path"
)

// movedPages finds, among the pages that site no longer has, those
// whose node file has its page elsewhere now: by the folders of the
// bodies in the last build's memo old and in this build's memo; and
// those whose node file is gone, when a new file holds its bytes
// (renamedPages).
func movedPages(old, memo *buildMemo, site *Site) map[string]string {
	var gone []string
	for _, name := range site.Changed {
		if _, ok := site.Files[name]; !ok && path.Base(name) == "index.html" {
			gone = append(gone, name)
		}
	}
	if old == nil || len(gone) == 0 {
		return nil
	}
	files := make(map[string]string, len(old.bodies)) // node file by page
	for file, b := range old.bodies {
		files[pageIn(b.dir)] = file
	}
	moved := map[string]string{}
	went, came := map[string][]byte{}, map[string][]byte{}
	for _, name := range gone {
		file := files[name]
		b, ok := memo.bodies[file]
		if to := pageIn(b.dir); ok && to != name && site.Files[to] != nil {
			moved[name] = to
		} else if leftFor(old.files, memo.files, file) {
			went[name] = old.files[file].data
		}
	}
	if len(went) > 0 {
		for file, b := range memo.bodies {
			if leftFor(memo.files, old.files, file) {
				came[pageIn(b.dir)] = memo.files[file].data
			}
		}
		maps.Copy(moved, renamedPages(went, came))
	}
	if len(moved) == 0 {
		return nil
	}
	return moved
}

// leftFor reports whether file, a key of the memo's bodies, is a file that
// from has and to has not. The body of a page in another language than
// the default has its language before the file in its key, and no file.
func leftFor(from, to map[string]memoFile, file string) bool {
	_, was := from[file]
	_, still := to[file]
	return was && !still
}

// renamedPages pairs pages that went (by their node files' bytes) with
// pages that came whose node files hold the same bytes: a file renamed,
// or moved to another folder, whose page a browser on the old address
// may follow. Bytes that more than one file held or holds pair nothing.
func renamedPages(went, came map[string][]byte) map[string]string {
	byBytes := func(pages map[string][]byte) map[string][]string {
		m := map[string][]string{}
		for page, data := range pages {
			m[string(data)] = append(m[string(data)], page)
		}
		return m
	}
	from, to := byBytes(went), byBytes(came)
	moved := map[string]string{}
	for data, pages := range from {
		if len(pages) == 1 && len(to[data]) == 1 && pages[0] != to[data][0] {
			moved[pages[0]] = to[data][0]
		}
	}
	return moved
}

// pageIn is the page of a node whose page folder is dir.
func pageIn(dir string) string {
	if dir == "" {
		return "index.html"
	}
	return dir + "/index.html"
}

// sameBytes is bytes.Equal, quick when both are the same memory, as the
// pages a Builder reused are.
func sameBytes(a, b []byte) bool {
	if len(a) == len(b) && len(a) > 0 && &a[0] == &b[0] {
		return true
	}
	return bytes.Equal(a, b)
}
