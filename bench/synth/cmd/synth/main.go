// Command synth writes a synthetic wizard of N nodes, in our content
// format or as its Hugo twin, to measure builds (see bench/run.sh):
//
//	synth -n 10000 -out /tmp/w10k              our format: site.yaml, content/
//	synth -n 10000 -format hugo -out /tmp/h10k the same wizard as a Hugo site
//	synth -from . -out /tmp/egov-hugo          the Hugo twin of an existing wizard
//
// The output folder must be absent or empty. The same N always gives the
// same files.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/wizardsite/wizard/bench/synth"
)

func main() {
	n := flag.Int("n", 1000, "the number of nodes, the start page included")
	format := flag.String("format", "wizard", "wizard (our content format) or hugo (a Hugo site)")
	from := flag.String("from", "", "write the Hugo twin of the wizard in this site root instead of a synthetic one")
	out := flag.String("out", "", "the output folder (required; absent or empty)")
	flag.Parse()
	if err := run(*n, *format, *from, *out); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func run(n int, format, from, out string) error {
	if out == "" || flag.NArg() > 0 {
		return fmt.Errorf("usage: synth [-n N] [-format wizard|hugo] [-from SITE] -out DIR")
	}
	if from != "" {
		return synth.WriteHugo(out, os.DirFS(from))
	}
	f, err := synth.ParseFormat(format)
	if err != nil {
		return err
	}
	return synth.Write(out, n, f)
}
