package generator_test

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	titleTag  = regexp.MustCompile(`<title>([^<]*)</title>`)
	crumbList = regexp.MustCompile(`<nav class="breadcrumbs"[^>]*><ol>(.*?)</ol></nav>`)
	crumbHref = regexp.MustCompile(`<li><a href="([^"]+)"`)
	toolHref  = regexp.MustCompile(`<a class="tool" href="([^"]+)"`)
)

// TestEGovTitlesAreUnique wants a window title of its own for every page
// of the eGov site, so that tabs, history and bookmarks tell them apart,
// and a task page's title to name the profile whose question it answers.
func TestEGovTitlesAreUnique(t *testing.T) {
	site := buildRepoSite(t)
	byTitle := map[string][]string{}
	for name, data := range site.Files {
		if path.Ext(name) != ".html" {
			continue
		}
		m := titleTag.FindSubmatch(data)
		if m == nil {
			t.Errorf("%s has no <title>", name)
			continue
		}
		byTitle[string(m[1])] = append(byTitle[string(m[1])], name)
	}
	for title, pages := range byTitle {
		if len(pages) > 1 {
			slices.Sort(pages)
			t.Errorf("%d pages share the title %q: %s", len(pages), title, strings.Join(pages, ", "))
		}
	}
	tasks := 0
	for _, n := range site.Nodes {
		if n.Parent == nil || n.Parent.Prompt == "" {
			continue
		}
		tasks++
		profile := strings.TrimSpace(strings.TrimSuffix(n.Parent.Title, "…"))
		title := string(titleTag.FindSubmatch(site.Files[n.URL])[1])
		if !strings.Contains(title, htmlText(profile)) {
			t.Errorf("%s: title %q does not name the profile %q", n.URL, title, profile)
		}
	}
	if tasks == 0 {
		t.Fatal("no task page: no node's parent asks a question")
	}
}

// TestEGovNoControlTwice wants each way onward shown where it adds a
// place to go: no breadcrumbs of the start page alone (Home leads
// there), no Terug that leads where Home does, and breadcrumbs that end
// at the parent rather than repeat the page's own heading.
func TestEGovNoControlTwice(t *testing.T) {
	site := buildRepoSite(t)
	for _, n := range site.Nodes {
		page := string(site.Files[n.URL])
		tools := toolHref.FindAllStringSubmatch(page, -1)
		if len(tools) == 0 {
			t.Errorf("%s: no Home in the title bar", n.URL)
			continue
		}
		if len(tools) > 1 && tools[0][1] == tools[1][1] {
			t.Errorf("%s: Home and Terug both lead to %s", n.URL, tools[0][1])
		}
		m := crumbList.FindStringSubmatch(page)
		if m == nil {
			if n.Parent != nil && n.Parent.Parent != nil {
				t.Errorf("%s: no breadcrumbs, %d levels below the start page", n.URL, len(n.Ancestors()))
			}
			continue
		}
		var crumbs []string
		for _, c := range crumbHref.FindAllStringSubmatch(m[1], -1) {
			crumbs = append(crumbs, path.Join(path.Dir(n.URL), c[1]))
		}
		switch {
		case len(crumbs) < 2:
			t.Errorf("%s: breadcrumbs of %d item: the title bar's Home leads there already", n.URL, len(crumbs))
		case slices.Contains(crumbs, n.URL):
			t.Errorf("%s: the breadcrumbs lead to the page itself", n.URL)
		case crumbs[len(crumbs)-1] != n.Parent.URL:
			t.Errorf("%s: the breadcrumbs end at %s, not at the parent %s", n.URL, crumbs[len(crumbs)-1], n.Parent.URL)
		}
	}
}

// contactCentre is the contact address of the eGov site.yaml, which
// the footer links to.
const contactCentre = "https://www.socialsecurity.be/site_nl/employer/general/contactcenter/index.htm"

// TestEGovContactOnce wants every page of the eGov site to link the
// contact centre exactly once: in its own text, or else in the footer.
func TestEGovContactOnce(t *testing.T) {
	site := buildRepoSite(t)
	for _, n := range site.Nodes {
		if got := strings.Count(string(site.Files[n.URL]), `href="`+contactCentre+`"`); got != 1 {
			t.Errorf("%s links the contact centre %d times, want once", n.URL, got)
		}
	}
}

// TestEGovNoStoryboardLabels wants no page to show the original
// slides' label for optional actions: they are ordinary secondary
// content on the site.
func TestEGovNoStoryboardLabels(t *testing.T) {
	site := buildRepoSite(t)
	for name, data := range site.Files {
		if path.Ext(name) == ".html" && strings.Contains(string(data), "Optionele actie") {
			t.Errorf("%s shows the label \"Optionele actie\"", name)
		}
	}
}

var (
	definitionsButton = regexp.MustCompile(`<button type="button" class="tool" popovertarget="definitions">.*?<span class="tool-label">([^<]*)</span></button>`)
	definitionsTitle  = regexp.MustCompile(`<h2 id="definitions-title">([^<]*)</h2>`)
)

// TestEGovDefinitionsButtonSaysItsHeading wants the title bar's button
// that opens the definitions to say what the popup's heading says: the
// seed's question "Wat zijn de taken van een …".
func TestEGovDefinitionsButtonSaysItsHeading(t *testing.T) {
	site := buildRepoSite(t)
	for _, n := range site.Nodes {
		page := string(site.Files[n.URL])
		button, heading := definitionsButton.FindStringSubmatch(page), definitionsTitle.FindStringSubmatch(page)
		if button == nil || heading == nil {
			t.Fatalf("%s: no definitions button or popup heading", n.URL)
		}
		if button[1] != heading[1] || heading[1] != "Wat zijn de taken van een …" {
			t.Errorf("%s: the button says %q, the popup's heading %q; want both to ask \"Wat zijn de taken van een …\"", n.URL, button[1], heading[1])
		}
	}
}
