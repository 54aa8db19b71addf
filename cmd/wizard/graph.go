package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/generator/author"
)

func newGraphCmd() *cobra.Command {
	var flags siteFlags
	var format string
	cmd := &cobra.Command{
		Use:   "graph",
		Short: "Print the wizard's flow as a Mermaid or Graphviz DOT graph",
		Long: `graph prints the flow of the wizard: every node, its choices (solid arrows),
the links in its text (dashed), prev/next sequences (bold, dotted), and the
external addresses it links to as leaves. The output depends on the content
only, so it can be kept in version control and compared.

Mermaid renders on GitHub and GitLab in a fenced mermaid block; DOT renders
with Graphviz: wizard graph --format dot | dot -Tsvg > flow.svg`,
		Example: `  wizard graph > flow.mmd
  wizard graph --format dot | dot -Tsvg > flow.svg
  wizard graph --format dot --source examples/site --drafts`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "mermaid" && format != "dot" {
				return fmt.Errorf("--format %s: choose mermaid or dot", format)
			}
			opts, err := flags.options()
			if err != nil {
				return err
			}
			site, err := generator.Generate(opts)
			if err != nil {
				return err
			}
			flow := author.NewFlow(site.Nodes)
			text := flow.Mermaid()
			if format == "dot" {
				text = flow.DOT()
			}
			_, err = io.WriteString(cmd.OutOrStdout(), text)
			return err
		},
	}
	cmd.Flags().StringVar(&flags.source, "source", ".", "the site root: the folder that holds content/ and site.yaml")
	cmd.Flags().BoolVar(&flags.drafts, "drafts", false, "draw draft nodes too")
	cmd.Flags().StringVar(&format, "format", "mermaid", "mermaid or dot")
	_ = cmd.MarkFlagDirname("source")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("mermaid", "dot"))
	return cmd
}
