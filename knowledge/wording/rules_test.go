package wording

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestEmbeddedRules(t *testing.T) {
	if _, err := parseRules(rulesYAML); err != nil {
		t.Fatalf("embedded rules.yaml: %v", err)
	}
	rules := Rules()
	perCategory := map[string]int{}
	for _, r := range rules {
		perCategory[r.Category]++
		if r.Message == "" || r.Fix == "" || len(r.Sources) == 0 || r.Citation() == "" {
			t.Errorf("rule %s lacks a message, fix or source", r.ID)
		}
		if !KnownRule(r.ID) {
			t.Errorf("KnownRule(%q) = false", r.ID)
		}
	}
	for _, c := range Categories() {
		if perCategory[c.ID] == 0 {
			t.Errorf("category %q has no rules", c.ID)
		}
		if !KnownRule(c.ID) {
			t.Errorf("KnownRule(%q) = false for a category", c.ID)
		}
	}
	for _, id := range []string{"", "jargon.nope", "rockstar"} {
		if KnownRule(id) {
			t.Errorf("KnownRule(%q) = true", id)
		}
	}
}

func TestRulesReturnsACopy(t *testing.T) {
	r := Rules()
	r[0].ID = "changed"
	r[0].Patterns = append(r[0].Patterns[:0], "changed")
	if again := Rules(); again[0].ID == "changed" || again[0].Patterns[0] == "changed" {
		t.Error("changing the slice Rules returned changed the rule table")
	}
}

// MustReplaceRule returns the embedded rules.yaml with the first occurrence
// of old replaced by repl.
func MustReplaceRule(tb testing.TB, old, repl string) []byte {
	tb.Helper()
	s := string(rulesYAML)
	if !strings.Contains(s, old) {
		tb.Fatalf("rules.yaml does not contain %q", old)
	}
	return []byte(strings.Replace(s, old, repl, 1))
}

func TestParseRulesRejects(t *testing.T) {
	for _, tt := range []struct {
		name      string
		old, repl string
		want      string
	}{
		{"duplicate id", "id: gender.dominant", "id: gender.aggressive", "id used twice"},
		{"missing fix", "    fix: Name the skill and the level", "    fixx: Name the skill and the level", "field fixx not found"},
		{"no sources", "    sources: [ncdj-2021]\n  - id: ableist.idiom", "    sources: []\n  - id: ableist.idiom", "missing sources"},
		{"unknown source", "    sources: [ncdj-2021]\n  - id: ableist.idiom", "    sources: [ncdj-2022]\n  - id: ableist.idiom", `unknown source "ncdj-2022"`},
		{"source without cite", "    cite: Flesch (1948)\n", "    cite: ''\n", "cite and full are required"},
		{"unknown class", "'native {language}'", "'native {tongue}'", `unknown class "tongue"`},
		{"unknown class in re", "{{believers}}\\s+(?:only", "{{nation}}\\s+(?:only", `unknown class "nation"`},
		{"class of phrases", "  det: [the,", "  det: [the end,", "not a single word"},
		{"bad regexp", `'re:(?i)\b\d{1,2}\s*\+\s*years?\b'`, `'re:(?i)\b(\d+'`, "pattern"},
		{"unknown category", "id: jargon.hustle\n    category: jargon", "id: jargon.hustle\n    category: slang", `unknown category "slang"`},
		{"id outside its category", "id: jargon.hustle", "id: hustle", "must be lower case and start with"},
		{"patterns and check", "    check: too-short\n", "    check: too-short\n    patterns: [short]\n", "not both or neither"},
		{"unknown check", "check: too-short", "check: too-brief", `unknown check "too-brief"`},
		{"short stem", "patterns: [aggress*,", "patterns: [ag*,", "shorter than"},
		{"bad severity", "id: age.young\n    category: age\n    severity: warning", "id: age.young\n    category: age\n    severity: fatal", "unknown severity"},
		{"bad limits", "max_requirements: 7", "max_requirements: 0", "limits"},
		{"keep_if without unless", "id: age.digital-native\n", "id: age.digital-native\n    keep_if: [cto]\n", "keep_if overrules unless"},
		{"groups without welcome", "  welcome: [welcom*, encourag*, invite applications, invites applications]\n", "", "welcome and groups go together"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseRules(MustReplaceRule(t, tt.old, tt.repl))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseRules error = %v; want one containing %q", err, tt.want)
			}
		})
	}
}

func TestParseWordPattern(t *testing.T) {
	for _, tt := range []struct {
		pattern string
		want    []term
		bad     bool
	}{
		{pattern: "ninja", want: []term{{word: "ninja"}}},
		{pattern: "Rock star*", want: []term{{word: "rock"}, {word: "star", stem: true}}},
		{pattern: "self-relian*", want: []term{{word: "self"}, {word: "relian", stem: true}}},
		{pattern: "he'll", want: []term{{word: "he'll"}}},
		{pattern: "", bad: true},
		{pattern: "***", bad: true},
		{pattern: "a*b", bad: true},
		{pattern: "do*", bad: true},
	} {
		got, err := parseWordPattern(tt.pattern, nil)
		if tt.bad {
			if err == nil {
				t.Errorf("parseWordPattern(%q) = %v; want an error", tt.pattern, got)
			}
			continue
		}
		if err != nil || len(got) != len(tt.want) {
			t.Errorf("parseWordPattern(%q) = %v, %v; want %v", tt.pattern, got, err, tt.want)
			continue
		}
		for i := range got {
			if got[i].word != tt.want[i].word || got[i].stem != tt.want[i].stem {
				t.Errorf("parseWordPattern(%q)[%d] = %v; want %v", tt.pattern, i, got[i], tt.want[i])
			}
		}
	}
}

func TestOverlay(t *testing.T) {
	overlay := []byte(`
classes:
  language: [klingon]
sources:
  - id: acme-guide
    cite: Acme hiring guide (2025)
    full: Acme Ltd, hiring guide (2025), section 2.
rules:
  # Replaces the built-in rule: Acme treats hero titles as errors.
  - id: jargon.rockstar
    category: jargon
    severity: error
    patterns: [rockstar*, ninja*]
    message: Acme does not use hero titles.
    fix: Name the skill.
    sources: [acme-guide]
`)
	c, err := NewChecker(overlay)
	if err != nil {
		t.Fatal(err)
	}
	r := c.Check(Document{Location: "Remote", Salary: "$1 - $2", Summary: "A ninja and a native Klingon speaker."}, Options{})
	i := slices.IndexFunc(r.Findings, func(f Finding) bool { return f.RuleID == "jargon.rockstar" })
	if i < 0 || r.Findings[i].Severity != Error || r.Findings[i].Citation != "Acme hiring guide (2025)" {
		t.Errorf("overlay rule not applied: %+v", r.Findings)
	}
	if got := quotes(r, "origin.native-speaker"); !slices.Equal(got, []string{"native Klingon"}) {
		t.Errorf("class extended by the overlay: native-speaker quotes %q", got)
	}
	if len(c.Rules()) != len(Rules()) {
		t.Errorf("replacing a rule changed the number of rules: %d, %d", len(c.Rules()), len(Rules()))
	}
	if Check(Document{Summary: "A ninja."}, Options{}).Findings[0].Severity == Error {
		t.Error("the overlay changed the embedded checker")
	}
	_, err = NewChecker([]byte("eeo:\n  strong: [x]\nrules:\n  - id: jargon.x\n"))
	var oe *OverlayError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "not eeo") {
		t.Errorf("overlay setting eeo: error %v; want an OverlayError naming eeo", err)
	}
}

func TestPatternClassesAndQuotes(t *testing.T) {
	for _, tt := range []struct{ text, rule, quote string }{
		// A capture group quotes the words, not the context around them.
		{"Applicants must be over 50 years of age.", "age.explicit", "over 50 years of age"},
		{"Ideally you're under 35.", "age.explicit", "under 35"},
		// {{number}} reaches ages written as words.
		{"Candidates no older than forty.", "age.explicit", "older than forty"},
		// {language} and {nationality} reach words the rule does not list.
		{"Native Portuguese preferred.", "origin.native-speaker", "Native Portuguese"},
		{"A strong Scottish accent is not welcome.", "origin.accent", "Scottish accent"},
	} {
		r := MustCheckSummary(t, tt.text)
		if got := quotes(r, tt.rule); !slices.Contains(got, tt.quote) {
			t.Errorf("%q: %s quotes %q; want %q", tt.text, tt.rule, got, tt.quote)
		}
	}
	// Describing the team's ages is not asking for one ({digits} in the
	// age allow list).
	if got := quotes(MustCheckSummary(t, "Our engineers are aged 23 to 64."), "age.explicit"); len(got) > 0 {
		t.Errorf("a description of the team drew age.explicit %q", got)
	}
	if _, err := parseWordPattern("{digits} years", nil); err == nil {
		t.Error("a pattern may not start with {digits}")
	}
}

// TestOverlayErrorsNameTheOverlaysEntries: an overlay's errors name its own
// entries — their number in the overlay, id and line — never their place
// in the table merged with the built-in one, and say when a rule replaces
// a built-in one.
func TestOverlayErrorsNameTheOverlaysEntries(t *testing.T) {
	overlay := `sources:
  - id: acme-style
    cite: Acme style (2025)
    full: Acme Ltd, house style (2025).
  - id: acme-empty
    cite: ""
    full: x
categories:
  - id: acme
    title: Acme words
  - id: acme-untitled
rules:
  - id: acme.fine
    category: acme
    severity: warning
    patterns: [synergy]
    message: m
    fix: f
    sources: [acme-style]
  - id: acme.loud
    category: acme
    severity: loud
    patterns: [xyz]
    message: m
    fix: f
    sources: [acme-style]
  - id: jargon.rockstar
    category: jargon
    severity: error
    patterns: [rockstar]
    message: m
    sources: [acme-style]
`
	_, err := NewChecker([]byte(overlay))
	var oe *OverlayError
	if !errors.As(err, &oe) {
		t.Fatalf("NewChecker = %v, want an OverlayError", err)
	}
	for _, want := range []string{
		`source 2 ("acme-empty", line 5): id, cite and full are required`,
		`category 2 ("acme-untitled", line 11): id and title are required`,
		`rule 2 ("acme.loud", line 20): unknown severity "loud"`,
		`rule 3 ("jargon.rockstar", line 27, replacing the built-in rule): missing fix`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if n := len(Rules()); strings.Contains(err.Error(), fmt.Sprintf("rule %d ", n+2)) {
		t.Errorf("an overlay rule is numbered after the %d built-in ones:\n%v", n, err)
	}
}
