package browsertest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// npmFile returns the path of a file of an npm package installed in
// node_modules/ here. When it is missing the test says so loudly and
// skips, or fails in CI (CI set, as `.ci/run` sets it), where `.ci/run`
// must have installed it.
func npmFile(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join("node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		missing(t, fmt.Sprintf("browsertest/%s is missing (run `npm ci` in browsertest/): %v", filepath.ToSlash(p), err))
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// nodeBinary returns the path of node, or skips loudly (fails in CI).
func nodeBinary(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		missing(t, "node is not installed (apt-get install nodejs npm): "+err.Error())
	}
	return p
}

func missing(t *testing.T, why string) {
	t.Helper()
	fmt.Fprintln(os.Stderr, "!!!!!!!! "+why+" !!!!!!!!")
	if os.Getenv("CI") != "" {
		t.Fatalf("CI: %s", why)
	}
	t.Skipf("SKIPPED, NO NPM PACKAGES: %s", why)
}
