//go:build !linux

package sitetest

import (
	"errors"
	"os"
)

func setImmutable(f *os.File, on bool) error { return errors.ErrUnsupported }
