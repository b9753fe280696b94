package draft

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		multiline bool
		want      string
	}{
		{"empty", "", false, ""},
		{"trim and collapse", "  hello   world  ", false, "hello world"},
		{"tabs and newlines single line", "a\tb\nc", false, "a b c"},
		{"newline kept when multiline", "a\tb\nc", true, "a b\nc"},
		{"blank lines collapse", "a\n\n\n  b", true, "a\nb"},
		{"crlf", "a \r\n b", true, "a\nb"},
		{"line separator", "a\u2028b", true, "a\nb"},
		{"trailing newline trimmed", "a\n\n", true, "a"},
		{"zero-width space", "ze\u200Bro", false, "zero"},
		{"zero-width joiner inside an emoji", "👩\u200D💻", false, "👩\u200D💻"},
		{"zero-width joiner alone", "\u200D", false, ""},
		{"zero-width joiner after a space", "a \u200Db", false, "a b"},
		{"zero-width joiner at the end", "x\u200D", false, "x"},
		{"zero-width joiners in a row", "a\u200D\u200Db", false, "a\u200Db"},
		{"zero-width joiner between digits", "0\u200D0", false, "0\u200D0"},
		{"right-to-left override", "abc\u202Edcb", false, "abcdcb"},
		{"isolates", "\u2066x\u2069", false, "x"},
		{"byte-order mark", "\uFEFFhi", false, "hi"},
		{"soft hyphen", "co\u00ADoperate", false, "cooperate"},
		{"C0 controls", "a\x00b\x07c\x1b[31m", false, "abc[31m"},
		{"C1 controls", "a\u009bb", false, "ab"},
		{"next line is a break", "a\u0085b", true, "a\nb"},
		{"invalid UTF-8", "a\xffb", false, "a\uFFFDb"},
		{"no-break spaces", "a\u00A0\u00A0b", false, "a b"},
		{"ideographic space", "a\u3000b", false, "a b"},
		{"combining mark kept", "e\u0301", false, "e\u0301"},
		{"only invisible", "\u200B\u200E\uFEFF \t", false, ""},
		{"control between spaces", "a \x00 b", false, "a b"},
		{"non-latin", "  Разработчик  Go ", false, "Разработчик Go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clean(tt.in, tt.multiline)
			if got != tt.want {
				t.Errorf("Clean(%q, %v) = %q, want %q", tt.in, tt.multiline, got, tt.want)
			}
			if again := Clean(got, tt.multiline); again != got {
				t.Errorf("Clean is not idempotent: %q then %q", got, again)
			}
		})
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"a  b", "x\u202Ey", "\xff\xfe", "a\r\n\r\nb", "\u2066\u2069", " \u0085 "} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		got := Clean(s, multiline)
		if !utf8.ValidString(got) {
			t.Fatalf("Clean(%q) = %q, not valid UTF-8", s, got)
		}
		if again := Clean(got, multiline); again != got {
			t.Fatalf("Clean(%q) = %q, again %q", s, got, again)
		}
		rs := []rune(got)
		for i, r := range rs {
			switch {
			case r == '\n' && multiline:
			case r == ' ':
			case r == zwj && i > 0 && i+1 < len(rs) && visible(rs[i-1]) && visible(rs[i+1]):
				// a joiner between two visible characters is kept (emoji)
			case unicode.IsSpace(r), unicode.IsControl(r), isInvisible(r):
				t.Fatalf("Clean(%q) = %q keeps %U at rune %d", s, got, r, i)
			}
		}
	})
}
