package knowledge

import (
	"strings"
	"testing"
	"unicode"
)

// TestASCIIFastPaths checks wordStart, hasUpper and hasLower against the
// strings functions they stand for, on ASCII and other text.
func TestASCIIFastPaths(t *testing.T) {
	texts := []string{"", " ", "--- ", "IT budget", "who owns IT?", "¿Qué?", "  Élan", "ÉLAN",
		"naïve CTO", "１２３", "ǅ", "ß", "ªb", "a\u0301", "\x00\x7f", "R&D", "ΣΙΓΜΑ", "mixed Ünïcode and ASCII"}
	for _, s := range texts {
		if got, want := wordStart(s), strings.IndexFunc(s, isWordRune); got != want {
			t.Errorf("wordStart(%q) = %d, want %d", s, got, want)
		}
		if got, want := hasUpper(s), strings.ContainsFunc(s, unicode.IsUpper); got != want {
			t.Errorf("hasUpper(%q) = %v, want %v", s, got, want)
		}
		if got, want := hasLower(s), strings.ContainsFunc(s, unicode.IsLower); got != want {
			t.Errorf("hasLower(%q) = %v, want %v", s, got, want)
		}
	}
}
