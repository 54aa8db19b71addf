package generator

import "golang.org/x/sys/unix"

// exchangeDirs swaps two folders in one step, so that there is no moment
// without an output folder.
func exchangeDirs(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
