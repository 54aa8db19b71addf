//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly || solaris

package scratch

import (
	"os"

	"golang.org/x/sys/unix"
)

// openFlags keep a marker's open from following a link or waiting on a
// pipe that was put in its place.
const openFlags = unix.O_NOFOLLOW | unix.O_NONBLOCK

// lock locks f for this process alone; with wait false it fails at once
// when another holds it. The system lets go when the process ends.
func lock(f *os.File, wait bool) error {
	how := unix.LOCK_EX
	if !wait {
		how |= unix.LOCK_NB
	}
	for {
		err := unix.Flock(int(f.Fd()), how)
		if err != unix.EINTR {
			return err
		}
	}
}
