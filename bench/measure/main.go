//go:build linux

// Command measure runs a command and appends one line to a file: its
// wall time and its user and system CPU time in seconds, and its peak
// resident memory in KB, as bench/run.sh reads them:
//
//	measure -o times.txt -- wizard build --out /tmp/public
//
// GNU time prints its times in hundredths of a second: too coarse for a
// build that takes twenty milliseconds. The command's output goes to
// measure's; its exit status is measure's. Linux only: elsewhere the
// peak memory is not counted in KB.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	out := flag.String("o", "", "the file to append the figures to (required)")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: measure -o FILE -- COMMAND [ARG...]")
		os.Exit(2)
	}
	code, err := run(*out, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

// run runs args, appends its figures to the file out, and returns its
// exit status.
func run(out string, args []string) (int, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return 0, err
	}
	usage, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, errors.New("no resource usage on this system")
	}
	f, err := os.OpenFile(out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return 0, err
	}
	_, werr := fmt.Fprintf(f, "%.4f %.4f %.4f %d\n", wall.Seconds(),
		time.Duration(usage.Utime.Nano()).Seconds(), time.Duration(usage.Stime.Nano()).Seconds(), usage.Maxrss)
	if err := f.Close(); werr == nil {
		werr = err
	}
	return cmd.ProcessState.ExitCode(), werr
}
