// Command wizard builds guidance wizards, such as the Belgian
// "Mijn eGov-rollenbeheer" wizard, from Markdown files into static sites.
//
// The commands only read flags and call package generator; see
// docs/content-format.md for how a wizard is written.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/wizardsite/wizard/generator"
)

// version is set at link time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit status: 0, 1
// on error, or 128 plus the signal's number for a build or pack stopped
// by a signal, as a shell reports a program the signal ended.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		printError(stderr, err)
		var s stopped
		if errors.As(err, &s) {
			return 128 + int(s.sig)
		}
		return 1
	}
	return 0
}

// printError prints each problem of err on a line of its own.
func printError(w io.Writer, err error) {
	if list := generator.Errors(err); len(list) > 0 {
		for _, e := range list {
			fmt.Fprintln(w, e)
		}
		fmt.Fprintf(w, "%d problem(s); nothing was written\n", len(list))
		return
	}
	fmt.Fprintln(w, "error:", err)
}
