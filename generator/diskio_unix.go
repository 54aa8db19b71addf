//go:build unix

package generator

import "syscall"

// openFast is the flag readDisk and writeDisk open files with.
const openFast = syscall.O_NONBLOCK
