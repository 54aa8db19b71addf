package main

import "github.com/spf13/cobra"

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
  wizard completion fish > ~/.config/fish/completions/wizard.fish`
			examples := map[string]string{
				"bash":       "  source <(wizard completion bash)",
				"zsh":        `  wizard completion zsh > "${fpath[1]}/_wizard"`,
				"fish":       "  wizard completion fish > ~/.config/fish/completions/wizard.fish",
				"powershell": "  wizard completion powershell | Out-String | Invoke-Expression",
			}
			for _, sh := range c.Commands() {
				sh.Example = examples[sh.Name()]
			}
		}
	}
}
