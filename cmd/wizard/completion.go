package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
)

// addCompletion adds cobra's completion and help commands now rather than
// when the root runs, so that they carry examples like every command.
func addCompletion(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Example = "  wizard help check"
		case "completion":
			c.Example = `  source <(wizard completion bash)
  wizard completion zsh > "${fpath[1]}/_wizard"
  mkdir -p ~/.config/fish/completions && wizard completion fish > ~/.config/fish/completions/wizard.fish`
			examples := map[string]string{
				"bash":       "  source <(wizard completion bash)",
				"zsh":        `  wizard completion zsh > "${fpath[1]}/_wizard"`,
				"fish":       "  mkdir -p ~/.config/fish/completions && wizard completion fish > ~/.config/fish/completions/wizard.fish",
				"powershell": "  wizard completion powershell | Out-String | Invoke-Expression",
			}
			for _, sh := range c.Commands() {
				sh.Example = examples[sh.Name()]
			}
			// Without a Run, cobra answers an unknown shell with its help
			// and exit status 0; a script that pipes the output into a
			// file should see the mistake.
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) > 0 {
					return fmt.Errorf("unknown shell %q: choose bash, zsh, fish or powershell", args[0])
				}
				return errors.New("name the shell: wizard completion bash|zsh|fish|powershell")
			}
			c.Args = cobra.ArbitraryArgs
		}
	}
}
