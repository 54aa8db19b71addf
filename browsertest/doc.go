// Package browsertest proves the built eGov wizard in a real browser:
// Debian's Chromium, driven by chromedp through package internal/browser.
// It holds tests only. Each test builds the site from the repository
// root (content/, site.yaml and the built-in theme) into a temporary
// folder, so it checks what `wizard build` and `wizard pack` make today.
//
// What the tests check, on every page of the site:
//
//   - crawl_test.go: breadth first over every internal link, served by
//     net/http's FileServer on 127.0.0.1 and from the unzipped pack via
//     file://; each page loads with its title, with no console error, no
//     failed request and no request that leaves the site, and every node
//     of the site is reached, in both languages, from the root page.
//   - keyboard_test.go: Tab and Enter only, from the root page through
//     "Nederlands" and "Start de wizard", a profile, a task, the back
//     link and the home link; the definitions
//     popup opens with Enter and Space and closes with Escape and its
//     close button, giving focus back. The same walk runs with
//     JavaScript disabled.
//   - layout_test.go: at 320 and 1280 CSS pixels no page scrolls
//     sideways and nothing overlaps the title bar; screenshots go to
//     $WIZARD_ARTIFACTS, or testdata/artifacts/ here, for a person to look at.
//   - axe_test.go: axe-core finds no WCAG 2.1 A or AA violation, at 320
//     and 1280 CSS pixels, with the definitions popup closed and open.
//   - reading_test.go: at 320 px the first sentence of every task page
//     starts within the first 330 px; body text is 16 px on a phone and
//     at least 18 px from tablet width up, in lines of at most 40 em.
//   - order_test.go: a note written above <!-- choices --> stands above
//     the choices; optional actions carry no label and no dashed box.
//   - notfound_test.go: served as Netlify serves it, the 404 page at
//     /ik-ben-een/bestaat/niet/ has its stylesheet and leads home, with
//     and without a base URL.
//   - overview_test.go, overview_wide_test.go: the overview's map at 320
//     px (one column) and at 1280 px (the profiles side by side, within
//     two screens, labels no larger than the text).
//   - htmlvalidate_test.go: html-validate's standard preset
//     (.htmlvalidate.json) finds no error.
//   - print_test.go: printed, an answer page shows the addresses of its
//     external links and hides the title-bar controls.
//   - languages_test.go: from every page of each language, over HTTP and
//     from the unzipped pack, the visible switch leads to the same page in
//     the other language and back; the root page leads to both start
//     pages, each link in its own language.
//
// axe-core and html-validate come from npm: package.json and
// package-lock.json here pin them. Install them once with
//
//	cd browsertest && npm ci
//
// Without them (or without node) those tests skip loudly, and fail when
// the environment variable CI is set, as tests without Chromium do.
//
// Run with: go test ./browsertest/
package browsertest
