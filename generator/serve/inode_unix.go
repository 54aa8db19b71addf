//go:build unix

package serve

import (
	"io/fs"
	"syscall"
)

// inode is the file's inode number: a rename-save gives the same name a
// new inode even when size and time look the same.
func inode(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}

// folderOf names the folder behind info whatever its path: a renamed
// folder keeps it.
func folderOf(info fs.FileInfo) folderID {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return folderID{dev: uint64(st.Dev), ino: uint64(st.Ino)}
	}
	return folderID{}
}
