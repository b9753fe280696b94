package wording

import (
	"slices"
	"strings"
	"testing"
)

func TestRequiredLiterals(t *testing.T) {
	for _, tt := range []struct {
		expr string
		want [][]string
	}{
		{`(?i)\bclass of (?:19|20)\d\d\b`, [][]string{{"class of "}, {"19", "20"}, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}},
		{`(?i)\bup to\s*\d`, [][]string{{"up to"}, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}},
		{`(?i)\b\d{1,2}\s*\+\s*years?\b`, [][]string{{"year"}, {"+"}, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}},
		{`(?i)\b(?:at least|minimum)\s+\d+\s+years?`, [][]string{{"year"}, {"at least", "minimum"}, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}},
		{`(?:foo|bar)\d`, [][]string{{"foo", "bar"}, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}},
		{`(?:foo|\d)x`, [][]string{{"x"}, {"foo", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}},
		{`[a-z]x`, [][]string{{"x"}}},
		{`(?:foo\s+bar|baz)`, [][]string{{"foo", "baz"}}},
		{`\d+`, [][]string{{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}},
		{`a?`, nil},
		{`(`, nil},
	} {
		if got := requiredLiterals(tt.expr); !slices.EqualFunc(got, tt.want, slices.Equal) {
			t.Errorf("requiredLiterals(%q) = %q; want %q", tt.expr, got, tt.want)
		}
	}
}

// TestPrefilterNeverHidesAMatch runs every "re:" rule with and without its
// prefilter over the corpus and some awkward text.
func TestPrefilterNeverHidesAMatch(t *testing.T) {
	texts := []string{"UP TO $5K", "Class Of 2020", "10 + YEARS", "no more than ten Years' relevant experience"}
	for _, path := range corpusFiles(t) {
		texts = append(texts, string(mustRead(t, path)))
	}
	for _, s := range mustLabelled(t) {
		texts = append(texts, s.text)
	}
	for _, rr := range mustChecker().regexps {
		for _, text := range texts {
			lower := strings.ToLower(text)
			ix := newTextIndex(lower)
			if rr.re.MatchString(text) && !mayMatch(lower, &ix, rr.literals) {
				t.Errorf("prefilter %v of %v hides a match in %.40q", rr.literals, rr.re, text)
			}
		}
	}
}

// TestRequiredLiteralsNestedRepeat checks that a nested counted repeat, which
// Simplify would spell out as a thousand literals, is read as its body.
func TestRequiredLiteralsNestedRepeat(t *testing.T) {
	got := requiredLiterals(`(?:ab{50}){20}x`)
	if len(got) == 0 || len(got) > maxClauses {
		t.Fatalf("requiredLiterals = %d clauses, want 1 to %d", len(got), maxClauses)
	}
	for _, c := range got {
		if len(c) != 1 || (c[0] != "a" && c[0] != "b" && c[0] != "x") {
			t.Errorf("clause %q, want one of a, b or x", c)
		}
	}
}
