package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/wizardsite/wizard/bench/synth"
	"github.com/wizardsite/wizard/internal/sitetest"
)

// The latency benchmark: save-to-screen time in real Chromium over 50
// edits of the eGov site, saves 1 s and 50 ms apart. It is a measure,
// not a test of speed: it asserts only that no save is lost.
//
//	WIZARD_LATENCY=1 go test -run TestLatency -v ./generator/serve
//
// With WIZARD_LATENCY_NODES=10000 it edits an answer of a synthetic
// wizard of that many nodes (bench/synth) instead; with
// WIZARD_LATENCY_EDIT=label it edits the answer's link title, which its
// parent's choices and the overview show, rather than its text; with
// WIZARD_LATENCY_EDIT=new each save is a new answer beside it, and the
// tab shows their menu, whose choices list them; with
// WIZARD_LATENCY_EDIT=slug each save gives the answer another slug (and
// text), and the tab follows its page to each new address.
//
// A save's latency is from just before the file is written to the first
// paint of a page that shows that save or a later one (a newer save
// contains the older one, as a writer's file does). "Never shown" counts
// the saves that no painted page ever reflected: it must be 0. "Not
// painted as such" counts the saves overtaken by the next one before
// their own page was painted, which saves 50 ms apart can be.

// paintLog records, in every document of the tab, the edit its page
// shows and when it was first painted, in sessionStorage, which lives
// across reloads.
const paintLog = `(() => {
  const record = () => {
    const ms = document.body ? [...document.body.innerText.matchAll(/wizard-latency-edit-(\d+)/g)] : [];
    const log = JSON.parse(sessionStorage.getItem("wizard-latency") || "[]");
    log.push({n: ms.length ? Math.max(...ms.map(m => Number(m[1]))) : -1, t: performance.timeOrigin + performance.now()});
    sessionStorage.setItem("wizard-latency", JSON.stringify(log));
  };
  const later = () => requestAnimationFrame(() => setTimeout(record, 0));
  document.addEventListener("DOMContentLoaded", () => {
    later();
    // The live-reload script swaps the body in place when only it changed.
    new MutationObserver(later).observe(document.documentElement, {childList: true});
  });
})();`

type paint struct {
	N int     `json:"n"` // the edit shown, -1 for none
	T float64 `json:"t"` // Unix milliseconds
}

func TestLatency(t *testing.T) {
	if os.Getenv("WIZARD_LATENCY") == "" {
		t.Skip("a benchmark: run with WIZARD_LATENCY=1")
	}
	for _, gap := range []time.Duration{time.Second, 50 * time.Millisecond} {
		t.Run(gap.String(), func(t *testing.T) { measureLatency(t, gap, 50) })
	}
}

func measureLatency(t *testing.T, gap time.Duration, edits int) {
	edit := os.Getenv("WIZARD_LATENCY_EDIT")
	tab := chrome.Tab(t)
	dir := t.TempDir()
	node := "content/ik-ben-een/gebruiker/rol-stopzetten.md"
	if n, _ := strconv.Atoi(os.Getenv("WIZARD_LATENCY_NODES")); n > 0 {
		if err := synth.Write(dir, n, synth.Wizard); err != nil {
			t.Fatal(err)
		}
		node = syntheticAnswer(t, dir)
	} else {
		sitetest.CopyTree(t, filepath.Join("..", "..", "content"), filepath.Join(dir, "content"))
		sitetest.CopyTree(t, filepath.Join("..", "..", "site.yaml"), filepath.Join(dir, "site.yaml"))
	}
	// Node files are named as their slugs: the page is the file's path.
	url := strings.TrimSuffix(strings.TrimPrefix(node, "content/"), ".md") + "/"
	if edit == "new" {
		url = path.Dir(strings.TrimSuffix(url, "/")) + "/" // the menu, whose choices list each new answer
	}
	orig, err := os.ReadFile(filepath.Join(dir, node))
	if err != nil {
		t.Fatal(err)
	}
	label := edit == "label"
	if label && !strings.Contains(string(orig), `linkTitle: "`) {
		t.Fatalf("%s has no linkTitle to edit", node)
	}
	r := startServer(t, dir, nil)
	events := listen(t, r.URL())

	addScript := func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: paintLog})
		return err
	}
	if err := chromedp.Do(tab, chromedp.Func(addScript), chromedp.Navigate(r.URL()+url)); err != nil {
		t.Fatal(err)
	}
	waitClients(t, r.hub, 2) // the tab and the test's own listener

	saved := make([]float64, edits+1)
	pushed := make([]float64, 0, edits)
	for i := 1; i <= edits; i++ {
		body := fmt.Sprintf("%s\nwizard-latency-edit-%d\n", orig, i)
		switch edit {
		case "label":
			body = strings.Replace(string(orig), `linkTitle: "`, fmt.Sprintf(`linkTitle: "wizard-latency-edit-%d `, i), 1)
		case "slug":
			body = strings.Replace(body, "\n---\n", fmt.Sprintf("\nslug: bewerkt-%d\n---\n", i), 1)
		}
		file := node
		if edit == "new" {
			file = path.Join(path.Dir(node), fmt.Sprintf("nieuw-%d.md", i))
			body = fmt.Sprintf("---\ntitle: \"wizard-latency-edit-%d\"\n---\n\nNieuw antwoord.\n", i)
		}
		saved[i] = unixMillis(time.Now())
		sitetest.WriteFile(t, filepath.Join(dir, file), body)
		end := time.Now().Add(gap)
		for time.Now().Before(end) {
			select {
			case ev := <-events.events:
				if ev.name == "reload" {
					pushed = append(pushed, unixMillis(time.Now()))
				}
			case <-time.After(time.Until(end)):
			}
		}
	}
	waitTrue(t, tab, fmt.Sprintf(`document.body.innerText.includes("wizard-latency-edit-%d")`, edits))
	time.Sleep(200 * time.Millisecond) // the last paint record
	log := eval[[]paint](t, tab, `JSON.parse(sessionStorage.getItem("wizard-latency") || "[]")`)

	// Where the time goes: save to reload event (watching, building),
	// event to paint (the script and Chromium).
	var toPush, toPaint []float64
	for _, p := range log {
		if p.N < 1 || p.N > edits {
			continue
		}
		for _, at := range pushed {
			if at >= saved[p.N] && at <= p.T {
				toPush = append(toPush, at-saved[p.N])
				toPaint = append(toPaint, p.T-at)
				break
			}
		}
	}
	t.Logf("medians: save to reload event %.1f ms, reload event to paint %.1f ms", medianOf(toPush), medianOf(toPaint))

	var lat []float64
	never, overtaken := 0, 0
	for i := 1; i <= edits; i++ {
		first, exact := -1.0, false
		for _, p := range log {
			if p.N >= i && p.T >= saved[i] && first < 0 {
				first = p.T - saved[i]
			}
			exact = exact || p.N == i
		}
		if first < 0 {
			never++
			continue
		}
		if !exact {
			overtaken++
		}
		lat = append(lat, first)
	}
	slices.Sort(lat)
	median, maxv := 0.0, 0.0
	if len(lat) > 0 {
		median, maxv = lat[len(lat)/2], lat[len(lat)-1]
		if len(lat)%2 == 0 {
			median = (lat[len(lat)/2-1] + lat[len(lat)/2]) / 2
		}
	}
	t.Logf("saves %s apart: %d edits, median %.1f ms, max %.1f ms, never shown %d, not painted as such %d, paints %d, reload events %d, builds %d",
		gap, edits, median, maxv, never, overtaken, len(log), len(pushed), r.Builds())
	t.Logf("build times: %s", buildTimes(r.log.String()))
	if never != 0 {
		t.Fatalf("%d saves were never shown", never)
	}
}

// syntheticAnswer returns the path in the site root of the last answer
// page of a synthetic wizard, in the order of the walk.
func syntheticAnswer(t *testing.T, dir string) string {
	t.Helper()
	var found string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasPrefix(d.Name(), "_") {
			rel, _ := filepath.Rel(dir, p)
			found = filepath.ToSlash(rel)
		}
		return err
	})
	if err != nil || found == "" {
		t.Fatalf("no answer page in the synthetic wizard: %v", err)
	}
	return found
}

func medianOf(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	v = slices.Clone(v)
	slices.Sort(v)
	return v[len(v)/2]
}

func unixMillis(t time.Time) float64 { return float64(t.UnixNano()) / 1e6 }

// buildTimes sums up the "rendered … in T" lines of the server log.
func buildTimes(log string) string {
	var ds []time.Duration
	for _, line := range strings.Split(log, "\n") {
		_, rest, ok := strings.Cut(line, " pages in ")
		if !ok {
			continue
		}
		if d, err := time.ParseDuration(strings.Split(rest, ";")[0]); err == nil {
			ds = append(ds, d)
		}
	}
	if len(ds) == 0 {
		return "none"
	}
	slices.Sort(ds)
	return fmt.Sprintf("%d builds, median %s, max %s", len(ds), ds[len(ds)/2], ds[len(ds)-1])
}
