package serve

import (
	"reflect"
	"testing"
)

func TestClassify(t *testing.T) {
	page := func(sheet, text string) []byte {
		return []byte(`<link rel=stylesheet href=../assets/` + sheet + `><p>` + text + `</p><script src=/_wizard/reload.js></script>`)
	}
	old := map[string][]byte{
		"index.html":                  page("style.0123456789.css", "Start"),
		"a/index.html":                page("style.0123456789.css", "A"),
		"assets/style.0123456789.css": []byte("body{color:red}"),
		"assets/print.aaaaaaaaaa.css": []byte("body{color:#000}"),
		"favicon.svg":                 []byte("<svg/>"),
	}
	with := func(changes map[string][]byte) map[string][]byte {
		m := map[string][]byte{}
		for k, v := range old {
			m[k] = v
		}
		for k, v := range changes {
			if v == nil {
				delete(m, k)
			} else {
				m[k] = v
			}
		}
		return m
	}
	tests := []struct {
		name    string
		old     map[string][]byte
		cur     map[string][]byte
		changed []string
		want    change
	}{
		{"first build", nil, old, []string{"index.html"}, change{kind: "reload"}},
		{"nothing changed", old, old, nil, change{}},
		{"page text", old, with(map[string][]byte{"a/index.html": page("style.0123456789.css", "B")}),
			[]string{"a/index.html"}, change{kind: "reload"}},
		{"stylesheet only",
			old, with(map[string][]byte{
				"assets/style.0123456789.css": nil,
				"assets/style.abcdefabcd.css": []byte("body{color:blue}"),
				"index.html":                  page("style.abcdefabcd.css", "Start"),
				"a/index.html":                page("style.abcdefabcd.css", "A"),
			}),
			[]string{"a/index.html", "assets/style.0123456789.css", "assets/style.abcdefabcd.css", "index.html"},
			change{kind: "css", swaps: []swap{{Old: "assets/style.0123456789.css", New: "assets/style.abcdefabcd.css"}}}},
		{"stylesheet and text",
			old, with(map[string][]byte{
				"assets/style.0123456789.css": nil,
				"assets/style.abcdefabcd.css": []byte("body{color:blue}"),
				"index.html":                  page("style.abcdefabcd.css", "Start anders"),
				"a/index.html":                page("style.abcdefabcd.css", "A"),
			}),
			[]string{"a/index.html", "assets/style.0123456789.css", "assets/style.abcdefabcd.css", "index.html"},
			change{kind: "reload"}},
		{"stylesheet without fingerprint",
			with(map[string][]byte{"extra.css": []byte("a{}")}), with(map[string][]byte{"extra.css": []byte("b{}")}),
			[]string{"extra.css"},
			change{kind: "css", swaps: []swap{{Old: "extra.css", New: "extra.css"}}}},
		{"new stylesheet", old, with(map[string][]byte{"more.css": []byte("b{}")}),
			[]string{"more.css"}, change{kind: "reload"}},
		{"removed stylesheet", old, with(map[string][]byte{"assets/print.aaaaaaaaaa.css": nil}),
			[]string{"assets/print.aaaaaaaaaa.css"}, change{kind: "reload"}},
		{"other asset", old, with(map[string][]byte{"favicon.svg": []byte("<svg></svg>")}),
			[]string{"favicon.svg"}, change{kind: "reload"}},
		{"removed page", old, with(map[string][]byte{"a/index.html": nil}),
			[]string{"a/index.html"}, change{kind: "reload"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := classify(tc.old, tc.cur, tc.changed); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("classify = %+v, want %+v", got, tc.want)
			}
		})
	}
}
