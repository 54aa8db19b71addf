// Package wizard_test checks the files at the repository's root that
// hosts read: netlify.toml.
package wizard_test

import (
	"os"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/mod/modfile"
)

type netlifyConfig struct {
	Build struct {
		Command     string            `toml:"command"`
		Publish     string            `toml:"publish"`
		Environment map[string]string `toml:"environment"`
	} `toml:"build"`
	Headers []struct {
		For    string            `toml:"for"`
		Values map[string]string `toml:"values"`
	} `toml:"headers"`
}

func TestNetlifyConfig(t *testing.T) {
	var cfg netlifyConfig
	if _, err := toml.DecodeFile("netlify.toml", &cfg); err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	if cfg.Build.Publish != "public" {
		t.Errorf("publish = %q, want public", cfg.Build.Publish)
	}
	if !strings.HasPrefix(cfg.Build.Command, "go run ./cmd/wizard build") {
		t.Errorf("command = %q, want the repository's own Go code", cfg.Build.Command)
	}
	data, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	mod, err := modfile.ParseLax("go.mod", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := cfg.Build.Environment["GO_VERSION"], mod.Go.Version; got != want {
		t.Errorf("GO_VERSION = %q, want go.mod's %q", got, want)
	}
	headers := map[string]map[string]string{}
	for _, h := range cfg.Headers {
		headers[h.For] = h.Values
	}
	all := headers["/*"]
	csp := all["Content-Security-Policy"]
	for _, want := range []string{"default-src 'none'", "style-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("Content-Security-Policy allows inline code: %q", csp)
	}
	if all["X-Content-Type-Options"] != "nosniff" || all["Referrer-Policy"] == "" {
		t.Errorf("headers for /*: %v", all)
	}
	if cc := headers["/assets/*"]["Cache-Control"]; !strings.Contains(cc, "immutable") {
		t.Errorf("fingerprinted assets are not cached for long: %q", cc)
	}
}
