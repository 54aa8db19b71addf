package main

import (
	"fmt"
	"io"
	"net"
	"os/exec"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/wizardsite/wizard/generator/serve"
)

func newServeCmd() *cobra.Command {
	var flags siteFlags
	var bind string
	var port int
	var open bool
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Preview the site: serve it and update open pages on every save",
		Long: `serve builds the site in memory (public/ is left alone), serves it over HTTP
and watches content/, theme/, i18n/ and site.yaml. After each save the site is
rebuilt and every open page reloads by itself, keeping its scroll position (a
page whose slug changed, or whose file was renamed, goes to its new address);
a stylesheet change is applied without reload. When a build fails, the last
good site stays served and the problems are shown over the page and printed
here as file:line: message. Stop with Ctrl+C.`,
		Example: `  wizard serve
  wizard serve --source examples/site --port 8080 --open --drafts`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := flags.options()
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if ip := net.ParseIP(bind); bind != "localhost" && (ip == nil || !ip.IsLoopback()) {
				fmt.Fprintf(cmd.ErrOrStderr(), "warning: --bind %s: the preview is reachable from other machines\n", bind)
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			s, err := serve.New(opts, serve.Config{
				Dir:  flags.source,
				Addr: net.JoinHostPort(bind, strconv.Itoa(port)),
				Log:  out,
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "serving %s at %s (Ctrl+C to stop)\n", flags.source, s.URL())
			if open {
				openBrowser(out, s.URL())
			}
			err = s.Run(ctx)
			fmt.Fprintln(out, "stopped")
			return err
		},
	}
	cmd.Flags().StringVar(&flags.source, "source", ".", "the site root: the folder that holds content/ and site.yaml")
	cmd.Flags().BoolVar(&flags.drafts, "drafts", false, "build draft nodes too")
	cmd.Flags().StringVar(&bind, "bind", "127.0.0.1", "the address to listen on; anything but loopback exposes the preview")
	cmd.Flags().IntVar(&port, "port", 1313, "the port to listen on; 0 picks a free one")
	cmd.Flags().BoolVar(&open, "open", false, "open the site in the browser (with xdg-open)")
	return cmd
}

// openBrowser opens url with xdg-open when there is one; a preview
// without a browser still runs.
func openBrowser(out io.Writer, url string) {
	path, err := exec.LookPath("xdg-open")
	if err != nil {
		fmt.Fprintln(out, "--open: no xdg-open here; open the address yourself")
		return
	}
	c := exec.Command(path, url)
	if err := c.Start(); err != nil {
		fmt.Fprintf(out, "--open: %v\n", err)
		return
	}
	go c.Wait() // reap it; its exit status does not matter
}
