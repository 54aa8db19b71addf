package main

import (
	"io"

	"github.com/spf13/cobra"
)

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "wizard",
		Short: "Build guidance wizards from Markdown into static sites",
		Long: `wizard turns a folder of Markdown files, one per wizard node, into a static
site with breadcrumbs, choices, home and back links and a definitions popup.`,
		Example: `  wizard build                          # build ./content into ./public
  wizard build --source examples/site   # build another site root`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newBuildCmd(), newPackCmd(), newServeCmd(), newVersionCmd())
	root.AddCommand(newNewCmd(), newCheckCmd(), newGraphCmd())
	addCompletion(root)
	return root
}
