package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/wizardsite/wizard/generator/author"
)

func newCheckCmd() *cobra.Command {
	var flags siteFlags
	var format string
	var strict bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check the site as the build does, and warn about likely mistakes, writing nothing",
		Long: `check runs every validation of the build without writing anything and prints
each problem as file:line: message (errors, which stop the build) or
file:line: warning: message (warnings). Warnings are for what builds but is
probably a mistake: a page with no text and no choices, an answer page with no
way onward other than back, siblings with the same label, an external link that
is not a valid absolute address, an http:// link; in a site of several
languages, every language's pages, and each node file without a translation.
Warnings need a site that builds, so they appear once the errors are fixed.

Exit status: 0 when there are no errors (warnings alone do not fail, unless
--strict), 1 when there are. --format json prints a JSON list of objects with
file, line, col, severity and message, for editors and CI.`,
		Example: `  wizard check
  wizard check --strict                         # warnings fail too
  wizard check --format json --source examples/site`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("--format %s: choose text or json", format)
			}
			opts, err := flags.options()
			if err != nil {
				return err
			}
			report, err := author.Check(opts)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				list := report.Problems
				if list == nil {
					list = []author.Problem{}
				}
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(list); err != nil {
					return err
				}
			} else {
				for _, p := range report.Problems {
					fmt.Fprintln(out, p)
				}
			}
			errs, warns := report.Count(author.SeverityError), report.Count(author.SeverityWarning)
			if errs > 0 || (strict && warns > 0) {
				return fmt.Errorf("check failed: %s", counted(errs, warns))
			}
			if format == "text" {
				in := ""
				if report.Languages > 1 {
					in = fmt.Sprintf(" in %d languages", report.Languages)
				}
				fmt.Fprintf(out, "checked %d nodes%s: %s\n", report.Nodes, in, counted(errs, warns))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&flags.source, "source", ".", "the site root: the folder that holds content/ and site.yaml")
	cmd.Flags().StringVar(&flags.baseURL, "base-url", "", "check this base URL too, as wizard build --base-url does")
	cmd.Flags().BoolVar(&flags.drafts, "drafts", false, "check draft nodes too")
	cmd.Flags().StringVar(&format, "format", "text", "text (file:line: message) or json")
	cmd.Flags().BoolVar(&strict, "strict", false, "exit 1 on warnings too")
	_ = cmd.MarkFlagDirname("source")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("text", "json"))
	return cmd
}

// counted says how many errors and warnings there are, in words.
func counted(errs, warns int) string {
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	return plural(errs, "error", "errors") + ", " + plural(warns, "warning", "warnings")
}
