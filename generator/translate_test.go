package generator

import (
	"strings"
	"testing"
)

// TestLanguageSuffix: which names are written for a language.
func TestLanguageSuffix(t *testing.T) {
	tests := []struct {
		rel, node, lang string
		ok, ignored     bool
	}{
		{"a/x.fr.md", "a/x.md", "fr", true, false},
		{"_index.fr.md", "_index.md", "fr", true, false},
		{"a/_definitions.pt-br.md", "a/_definitions.md", "pt-br", true, false},
		{"x.old.md", "x.md", "old", true, false}, // three letters: a language code
		{"x.v2.md", "", "", false, false},
		{"release-1.2.md", "", "", false, false},
		{"x.FR.md", "", "", false, false},
		{".fr.md", "", "", false, true},
		{"a/.fr.md", "", "", false, true},
		{"x.fr.pdf", "", "", false, false},
		{"_notes.fr.md", "_notes.md", "fr", true, true},
		{"_index.draft.md", "", "", false, true},
	}
	for _, tt := range tests {
		node, lang, ok := languageSuffix(tt.rel)
		if node != tt.node || lang != tt.lang || ok != tt.ok {
			t.Errorf("languageSuffix(%q) = %q, %q, %v; want %q, %q, %v", tt.rel, node, lang, ok, tt.node, tt.lang, tt.ok)
		}
		name := tt.rel[strings.LastIndexByte(tt.rel, '/')+1:]
		if got := ignored(name); got != tt.ignored {
			t.Errorf("ignored(%q) = %v, want %v", name, got, tt.ignored)
		}
	}
}
