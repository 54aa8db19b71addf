package browsertest

import (
	"os"
	"testing"

	"github.com/wizardsite/wizard/internal/browser"
)

// chrome is the one Chromium of this test binary; each test opens a tab.
var chrome browser.Browser

func TestMain(m *testing.M) { os.Exit(browser.Main(m, &chrome)) }
