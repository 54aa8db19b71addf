//go:build !linux

package generator

import "errors"

// exchangeDirs is not available here; swap renames twice instead.
func exchangeDirs(a, b string) error { return errors.New("no atomic exchange on this system") }
