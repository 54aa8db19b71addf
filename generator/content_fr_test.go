package generator_test

import (
	"slices"
	"strings"
	"testing"
)

// inFrench is the French side of a Dutch address of the services the
// eGov wizard links to: site_fr on socialsecurity.be, language=fr on the
// eGov applications, lang=fr on the company register's search.
var inFrench = strings.NewReplacer("/site_nl/", "/site_fr/", "language=nl", "language=fr", "lang=nl", "lang=fr")

// TestEGovFrenchLinksAreTheDutchInFrench: the seed's addresses are
// Dutch (testdata/seed/urls.txt, which TestEGovHasEverySeedURL checks);
// the French wizard has every node translated, and each French page
// links, in the same order, to the French side of the addresses that its
// Dutch page links to, no Dutch address among them, and so does its
// footer's contact link.
func TestEGovFrenchLinksAreTheDutchInFrench(t *testing.T) {
	site := buildRepoSite(t)
	if len(site.Languages) != 2 || site.Languages[1].Code != "fr" {
		t.Fatalf("the eGov site's languages are %v, want nl and fr", site.Languages)
	}
	nl, fr := site.Languages[0], site.Languages[1]
	if len(fr.Missing) > 0 {
		t.Errorf("files without a French translation: %q", fr.Missing)
	}
	for i, n := range fr.Nodes {
		d := nl.Nodes[i]
		var got, want []string
		for _, e := range n.External {
			got = append(got, e.URL)
		}
		for _, e := range d.External {
			want = append(want, inFrench.Replace(e.URL))
		}
		if !slices.Equal(got, want) {
			t.Errorf("content/%s links to\n  %q\nwant the French side of content/%s's\n  %q", n.Translation, got, d.File, want)
		}
		for _, u := range got {
			if inFrench.Replace(u) != u {
				t.Errorf("content/%s links to the Dutch side: %s", n.Translation, u)
			}
		}
		page := string(site.Files[n.URL])
		if contact := "https://www.socialsecurity.be/site_fr/employer/general/contactcenter/index.htm"; !strings.Contains(page, `href="`+contact+`"`) {
			t.Errorf("%s does not link to the French contact centre", n.URL)
		}
		if strings.Contains(page, "site_nl") {
			t.Errorf("%s links to the Dutch side of socialsecurity.be", n.URL)
		}
	}
}
