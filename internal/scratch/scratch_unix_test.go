//go:build unix

package scratch

import (
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// TestSweepSkipsPipeMarker: a marker that is a named pipe is not ours,
// and the sweep neither waits on it nor removes its folder.
func TestSweepSkipsPipeMarker(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, ".out.new-pipe")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, testKind.Marker), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if left := testKind.Sweep(parent, "out"); len(left) > 0 {
		t.Errorf("sweep: %v", left)
	}
	if got := entries(t, parent); !slices.Equal(got, []string{".out.new-pipe"}) {
		t.Errorf("after the sweep: %v", got)
	}
}
