//go:build !unix

package serve

import "io/fs"

// inode is 0 where the system does not say: size, time and bytes remain.
func inode(fs.FileInfo) uint64 { return 0 }

// folderOf is the zero folderID where the system does not say: watches
// are then known by their path alone.
func folderOf(fs.FileInfo) folderID { return folderID{} }
