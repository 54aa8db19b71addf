package author

import (
	"os"
	"testing"

	"github.com/wizardsite/wizard/generator"
	"github.com/wizardsite/wizard/theme"
)

// TestEGovPassesStrictCheck runs what `wizard check --strict` runs on
// the repository's own eGov site: the site that ships must give no
// error and no warning, so that a writer who copies it starts clean.
func TestEGovPassesStrictCheck(t *testing.T) {
	r, err := Check(generator.Options{Source: os.DirFS("../.."), SourceName: "../..", Theme: theme.FS()})
	if err != nil {
		t.Fatal(err)
	}
	if r.Nodes == 0 {
		t.Fatal("the eGov site did not build")
	}
	for _, p := range r.Problems {
		t.Errorf("%s", p)
	}
}
