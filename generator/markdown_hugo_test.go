package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A shortcode shown as code, in a code span or a code block, is what the
// writer means to show: it is no error, and the page shows it as written.
func TestShortcodeInCodeIsText(t *testing.T) {
	files := smallSite()
	files["content/a/een.md"] = "---\ntitle: Een\nweight: 1\n---\n\nIn Hugo schrijf je `{{< ref \"twee.md\" >}}`.\n\n```\n{{% param \"naam\" %}}\n```\n"
	dir := writeSite(t, files)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(siteOptions(dir), out); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "a", "een", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<code>{{&lt; ref "twee.md" >}}</code>`, `<code>{{% param &quot;naam&quot; %}}`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page does not show %s:\n%s", want, page)
		}
	}
}
