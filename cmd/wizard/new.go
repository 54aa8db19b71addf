package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wizardsite/wizard/generator/author"
)

func newNewCmd() *cobra.Command {
	var source, kind, title string
	cmd := &cobra.Command{
		Use:   "new PATH",
		Short: "Create a node file with front matter and a body stub",
		Long: `new creates the node that PATH names in content/: a file such as
ik-ben-een/gebruiker/nieuwe-taak.md, or a folder such as ik-ben-een/nieuw-profiel/
(a path without .md is a folder), whose node is its _index.md.

The file gets a title and linkTitle made from its name (or --title), a weight
one above its siblings' highest, so it comes last among its parent's choices,
and a Dutch body stub with tips in a comment that the page does not show.
A menu also gets a prompt. Folders on the way that have no _index.md get one.
new never overwrites a file.

Kinds: menu (a folder whose nodes are its choices; the default for a folder),
answer (the end of a path: what to do for one task; the default for a file),
info (a page of explanation, such as a page of a prev/next sequence).`,
		Example: `  wizard new ik-ben-een/gebruiker/nieuwe-taak.md
  wizard new ik-ben-een/nieuw-profiel/ --title "Ik ben een Nieuw Profiel …"
  wizard new about/privacy.md --kind info --source examples/site`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			res, err := author.NewNode(author.NewNodeOptions{
				Root:     source,
				RootName: filepath.ToSlash(filepath.Clean(source)),
				Path:     args[0],
				Kind:     author.NodeKind(kind),
				Title:    title,
			})
			if res != nil {
				for _, f := range res.Created {
					fmt.Fprintln(cmd.OutOrStdout(), "created", f)
				}
				for _, n := range res.Notes {
					fmt.Fprintln(cmd.ErrOrStderr(), "note:", n)
				}
			}
			return err
		},
	}
	cmd.Flags().StringVar(&source, "source", ".", "the site root: the folder that holds content/")
	cmd.Flags().StringVar(&kind, "kind", "", "menu, answer or info (default: menu for a folder, answer for a file)")
	cmd.Flags().StringVar(&title, "title", "", "the title (default: made from the name)")
	_ = cmd.MarkFlagDirname("source")
	_ = cmd.RegisterFlagCompletionFunc("kind", fixedCompletion(kindNames()...))
	return cmd
}

func kindNames() []string {
	var names []string
	for _, k := range author.NodeKinds() {
		names = append(names, string(k))
	}
	return names
}

// fixedCompletion completes a flag from a fixed list of values.
func fixedCompletion(values ...string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, v := range values {
			if strings.HasPrefix(v, toComplete) {
				out = append(out, v)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
