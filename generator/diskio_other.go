//go:build !unix

package generator

// openFast is the flag readDisk and writeDisk open files with: none here.
const openFast = 0
