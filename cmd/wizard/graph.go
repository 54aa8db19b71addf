package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/generator/author"
)

func newGraphCmd() *cobra.Command {
	var flags siteFlags
	var format, lang string
	cmd := &cobra.Command{
		Use:   "graph",
		Short: "Print the wizard's flow as a Mermaid or Graphviz DOT graph",
		Long: `graph prints the flow of the wizard: every node, its choices (solid arrows),
the links in its text (dashed), prev/next sequences (bold, dotted), and the
external addresses it links to as leaves. The output depends on the content
only, so it can be kept in version control and compared. In a site of several
languages it draws the default language's labels, or with --lang another's.

Mermaid renders on GitHub and GitLab in a fenced mermaid block; DOT renders
with Graphviz: wizard graph --format dot | dot -Tsvg > flow.svg`,
		Example: `  wizard graph > flow.mmd
  wizard graph --format dot | dot -Tsvg > flow.svg
  wizard graph --format dot --source examples/site --drafts
  wizard graph --lang fr`,
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
			nodes, err := languageNodes(site, lang)
			if err != nil {
				return err
			}
			flow := author.NewFlow(nodes)
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
	cmd.Flags().StringVar(&lang, "lang", "", "the language of the labels, such as fr (default: the site's language)")
	_ = cmd.MarkFlagDirname("source")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("mermaid", "dot"))
	return cmd
}

// languageNodes are the nodes of the site as the pages of the language
// lang show them; lang "" is the default language.
func languageNodes(site *generator.Site, lang string) ([]*generator.Node, error) {
	var codes []string
	for _, l := range site.Languages {
		if lang == "" || l.Code == lang {
			return l.Nodes, nil
		}
		codes = append(codes, l.Code)
	}
	return nil, fmt.Errorf("--lang %s: the site's languages are %s", lang, strings.Join(codes, ", "))
}
