//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRun runs real commands and reads the figures they leave.
func TestRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "times")
	cases := []struct {
		args []string
		code int
	}{
		{[]string{"sh", "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done"}, 0},
		{[]string{"sh", "-c", "exit 3"}, 3},
	}
	for _, c := range cases {
		code, err := run(out, c.args)
		if err != nil || code != c.code {
			t.Fatalf("%v: exit %d, %v; want exit %d", c.args, code, err, c.code)
		}
	}
	if _, err := run(out, []string{filepath.Join(t.TempDir(), "no-such-command")}); err == nil {
		t.Error("a command that cannot start: no error")
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != len(cases) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(cases), data)
	}
	fields := strings.Fields(lines[0])
	if len(fields) != 4 {
		t.Fatalf("want wall user sys KB, got %q", lines[0])
	}
	var nums [4]float64
	for i, f := range fields {
		if nums[i], err = strconv.ParseFloat(f, 64); err != nil {
			t.Fatalf("%q: %v", lines[0], err)
		}
	}
	if nums[0] <= 0 || nums[1]+nums[2] <= 0 || nums[3] < 100 {
		t.Errorf("a shell that counts to 20,000 took %v s wall, %v s CPU and %v KB", nums[0], nums[1]+nums[2], nums[3])
	}
}
