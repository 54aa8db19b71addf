package generator

import "testing"

func TestClassifyLink(t *testing.T) {
	tests := []struct {
		dest string
		want linkKind
	}{
		{"https://www.socialsecurity.be/x?a=1", linkExternal},
		{"http://kbopub.economie.fgov.be/", linkExternal},
		{"mailto:info@example.org", linkExternal},
		{"tel:+3221234567", linkExternal},
		{"../x/_index.md", linkRelative},
		{"b.md#deel", linkRelative},
		{"#deel", linkRelative},
		{"plan.pdf", linkRelative},
		{"javascript:alert(1)", linkBad},
		{"JavaScript:alert(1)", linkBad},
		{"data:text/html,x", linkBad},
		{"ftp://example.org/", linkBad},
		{"https:///nohost", linkBad},
		{"//example.org/x", linkBad},
		{"/x/_index.md", linkBad},
		{"", linkBad},
		{"   ", linkBad},
	}
	for _, tt := range tests {
		t.Run(tt.dest, func(t *testing.T) {
			got, msg := classifyLink(tt.dest)
			if got != tt.want {
				t.Errorf("classifyLink(%q) = %v (%s), want %v", tt.dest, got, msg, tt.want)
			}
			if got == linkBad && msg == "" {
				t.Errorf("classifyLink(%q) refuses without saying why", tt.dest)
			}
		})
	}
}

func TestRelURL(t *testing.T) {
	tests := []struct {
		from, to, want string
	}{
		{"", "index.html", "index.html"},
		{"", "a/index.html", "a/index.html"},
		{"a", "index.html", "../index.html"},
		{"a", "a/index.html", "index.html"},
		{"a/b", "a/c/index.html", "../c/index.html"},
		{"a/b", "a/b/c/index.html", "c/index.html"},
		{"a/b/c", "x/index.html", "../../../x/index.html"},
		{"a", "assets/style.css", "../assets/style.css"},
		{"ab", "a/index.html", "../a/index.html"},
	}
	for _, tt := range tests {
		t.Run(tt.from+"→"+tt.to, func(t *testing.T) {
			if got := relURL(tt.from, tt.to); got != tt.want {
				t.Errorf("relURL(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
			}
		})
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"lokale-beheerder", "lokale-beheerder"},
		{"Lokale Beheerder", "lokale-beheerder"},
		{"Één keer_nog", "een-keer-nog"},
		{"  --x--  ", "x"},
		{"???", "-"},
		{"v1.2", "v1.2"},
		{"a--b", "a-b"},
		{"-a", "a"},
		{"a-", "a"},
		{"", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := slugify(tt.in); got != tt.want {
				t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzSlugify: a name that slugify takes as a slug already is one that
// makeSlug leaves as it is, and a slug stays itself.
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"lokale-beheerder", "Lokale Beheerder", "a--b", "-a", "v1.2", "Één"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if isSlug(name) && makeSlug(name) != name {
			t.Errorf("isSlug(%q), but makeSlug makes %q", name, makeSlug(name))
		}
		if s := slugify(name); slugify(s) != s && s != "-" {
			t.Errorf("slugify(%q) = %q, and slugify of that is %q", name, s, slugify(s))
		}
	})
}
