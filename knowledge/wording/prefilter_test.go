package wording

import (
	"slices"
	"strings"
	"testing"
)

func TestRequiredLiterals(t *testing.T) {
	for _, tt := range []struct {
		expr string
		want []string
	}{
		{`(?i)\bclass of (?:19|20)\d\d\b`, []string{"class of "}},
		{`(?i)\bup to\s*\d`, []string{"up to"}},
		{`(?i)\b\d{1,2}\s*\+\s*years?\b`, []string{"year"}},
		{`(?i)\b(?:at least|minimum)\s+\d+\s+years?`, []string{"at least", "minimum"}},
		{`(?:foo|bar)\d`, []string{"foo", "bar"}},
		{`(?:foo|\d)x`, []string{"x"}},
		{`\d+`, nil},
		{`a?`, nil},
		{`(`, nil},
	} {
		if got := requiredLiterals(tt.expr); !slices.Equal(got, tt.want) {
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
	for _, rr := range mustChecker().regexps {
		for _, text := range texts {
			if rr.re.MatchString(text) && !mayMatch(strings.ToLower(text), rr.literals) {
				t.Errorf("prefilter %q of %v hides a match in %.40q", rr.literals, rr.re, text)
			}
		}
	}
}
