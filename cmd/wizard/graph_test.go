package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

func TestGraphCommand(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout []string
		wantStderr string
	}{
		{name: "Mermaid of the eGov content", args: []string{"graph", "--source", "../.."}, wantCode: 0,
			wantStdout: []string{
				"flowchart TD\n",
				"  n0[\"Welkom\"]\n",
				"  n0 -->|\"Start de wizard\"| n1\n",
				"==>|\"Ga verder met de wizard\"| n1\n",
				"([\"kbopub.economie.fgov.be/kbopub/zoekwoor…\"])",
				"  class n0 start\n",
			}},
		{name: "DOT of the eGov content", args: []string{"graph", "--format", "dot", "--source", "../.."}, wantCode: 0,
			wantStdout: []string{
				"digraph wizard {\n",
				"  n0 [label=\"Welkom\", tooltip=\"content/_index.md\", peripheries=2];\n",
				"  n0 -> n1 [label=\"Start de wizard\"];\n",
				"URL=\"https://iamapps.belgium.be/sma/generalinfo?language=nl&amp;redirectUrl=/\"",
			}},
		{name: "Mermaid of the eGov content in French", args: []string{"graph", "--source", "../..", "--lang", "fr"}, wantCode: 0,
			wantStdout: []string{
				"  %% n0: content/_index.fr.md\n",
				"  n0[\"Bienvenue\"]\n",
				"  n0 -->|\"Démarrer l'assistant\"| n1\n",
				"==>|\"Continuer avec l'assistant\"| n1\n",
			}},
		{name: "a language the site has not", args: []string{"graph", "--source", "../..", "--lang", "de"}, wantCode: 1,
			wantStderr: "--lang de: the site's languages are nl, fr"},
		{name: "a broken site", args: []string{"graph", "--source", "testdata/broken"}, wantCode: 1,
			wantStderr: "testdata/broken/content/stap.md:2:1: front matter: unknown field \"titel\""},
		{name: "an unknown format", args: []string{"graph", "--format", "svg"}, wantCode: 1,
			wantStderr: "--format svg: choose mermaid or dot"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d\nstderr: %s", code, tt.wantCode, stderr)
			}
			for _, want := range tt.wantStdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q", want)
				}
			}
			if tt.wantStdout == nil && stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.wantStderr)
			}
		})
	}
}

// TestGraphCommandDot pipes wizard graph --format dot into Graphviz, as
// the help says to.
func TestGraphCommandDot(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("SKIPPED, NO GRAPHVIZ: `dot` is not installed (apt-get install graphviz)")
	}
	for _, source := range []string{"../..", "testdata/warnings"} {
		t.Run(source, func(t *testing.T) {
			code, stdout, stderr := runCmd("graph", "--format", "dot", "--source", source)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = strings.NewReader(stdout)
			var out, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			if err := cmd.Run(); err != nil || errOut.Len() > 0 {
				t.Fatalf("dot -Tsvg: %v\n%s", err, errOut.String())
			}
			if !strings.Contains(out.String(), "<svg") {
				t.Errorf("dot wrote no SVG")
			}
		})
	}
}
