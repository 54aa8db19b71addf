package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/theme"
)

// siteFlags are the flags of every command that reads a site.
type siteFlags struct {
	source  string
	baseURL string
	drafts  bool
}

func (f *siteFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.source, "source", ".", "the site root: the folder that holds content/ and site.yaml")
	cmd.Flags().StringVar(&f.baseURL, "base-url", "", "the address the site is served from, such as https://example.org/ (adds sitemap.xml and robots.txt)")
	cmd.Flags().BoolVar(&f.drafts, "drafts", false, "build draft nodes too")
}

// options are the generator's options for these flags. The site root is
// read through os.DirFS: a symbolic link in content/ that leads out of it
// is an error (see generator.Options).
func (f *siteFlags) options() (generator.Options, error) {
	info, err := os.Stat(f.source)
	if err != nil {
		return generator.Options{}, fmt.Errorf("--source %s: %w", f.source, err)
	}
	if !info.IsDir() {
		return generator.Options{}, fmt.Errorf("--source %s: not a folder", f.source)
	}
	return generator.Options{
		Source:     os.DirFS(f.source),
		SourceName: filepath.ToSlash(filepath.Clean(f.source)),
		Theme:      theme.FS(),
		BaseURL:    f.baseURL,
		Drafts:     f.drafts,
	}, nil
}

// produce builds the site into out (default: the site root's
// defaultName) with write, and prints the warnings and a summary in the
// words of format. A first SIGINT or SIGTERM tells write to stop (see
// stopOnSignal).
func (f *siteFlags) produce(cmd *cobra.Command, out, defaultName, format string,
	write func(context.Context, generator.Options, string) (*generator.Site, error)) error {
	opts, err := f.options()
	if err != nil {
		return err
	}
	if out == "" {
		out = filepath.Join(f.source, defaultName)
	}
	if err := generator.CheckOutsideContent(f.source, out); err != nil {
		return err
	}
	start := time.Now()
	ctx, stop := stopOnSignal(cmd.Context())
	defer stop()
	site, err := write(ctx, opts, out)
	if err != nil {
		return err
	}
	for _, w := range site.Warnings {
		fmt.Fprintln(cmd.ErrOrStderr(), "warning:", w)
	}
	fmt.Fprintf(cmd.OutOrStdout(), format, site.Pages, site.FileCount, out, time.Since(start).Round(time.Millisecond))
	return nil
}

func newBuildCmd() *cobra.Command {
	var flags siteFlags
	var out string
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the site into a folder (public/ by default)",
		Long: `build reads the site root (content/, site.yaml, optional i18n/ and theme/) and
writes the whole site to the output folder. The site is built aside and takes
the place of the old output only when every page was built, so a failed or
interrupted build leaves the old output as it was. Problems are printed as
file:line: message.`,
		Example: `  wizard build
  wizard build --source examples/site --out example-public --base-url https://example.org/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return flags.produce(cmd, out, "public", "wrote %d pages (%d files) to %s in %s\n", generator.BuildContext)
		},
	}
	flags.register(cmd)
	cmd.Flags().StringVar(&out, "out", "", "the output folder (default: public/ in the site root)")
	return cmd
}
