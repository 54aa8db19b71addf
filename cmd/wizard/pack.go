package main

import (
	"context"

	"github.com/spf13/cobra"
	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/generator/author"
)

func newPackCmd() *cobra.Command {
	var flags siteFlags
	var out string
	cmd := &cobra.Command{
		Use:   "pack",
		Short: "Build the site into a zip archive for offline browsing",
		Long: `pack builds the site in memory, as build does, and writes it as one zip
archive with index.html at its top. Unzipped, the site opens from the file
system (file://) in any browser, without a server. The same site always gives
the same bytes. The archive is written aside and takes the place of the old
one only when complete, so a failed or interrupted pack leaves it as it was; a
file at --out that is not a zip archive is refused.`,
		Example: `  wizard pack                    # writes site.zip in the site root
  wizard pack --out egov.zip
  wizard pack --out egov.zip && unzip -q egov.zip -d egov   # then open egov/index.html`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return flags.produce(cmd, out, "site.zip", "packed %d pages (%d files) into %s in %s\n",
				func(ctx context.Context, opts generator.Options, out string) (*generator.Site, error) {
					site, err := generator.Generate(opts)
					if err != nil {
						return nil, err
					}
					warnings, err := author.PackFile(ctx, site, out)
					site.Warnings = append(site.Warnings, warnings...)
					return site, err
				})
		},
	}
	flags.register(cmd)
	cmd.Flags().StringVar(&out, "out", "", "the zip archive to write (default: site.zip in the site root)")
	return cmd
}
