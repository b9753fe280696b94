package scorecard

import (
	"strings"
	"testing"
)

func TestSplitOf(t *testing.T) {
	for _, tt := range []struct {
		name  string
		recs  []Recommendation
		split bool
		yes   int
		no    int
	}{
		{"none", nil, false, 0, 0},
		{"all yes", []Recommendation{Yes, StrongYes}, false, 2, 0},
		{"all no", []Recommendation{No, StrongNo}, false, 0, 2},
		{"strong yes against two no", []Recommendation{StrongYes, No, No}, true, 1, 2},
		{"yes against strong no", []Recommendation{Yes, StrongNo}, true, 1, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var cards []Scorecard
			for i, r := range tt.recs {
				cards = append(cards, card(string(rune('A'+i)), r, "vision", 3))
			}
			s, split := SplitOf(candidate(cards...))
			if split != tt.split || s.Yes != tt.yes || s.No != tt.no {
				t.Errorf("SplitOf = %+v, %v; want %d yes %d no, %v", s, split, tt.yes, tt.no, tt.split)
			}
			if d := Summarize(candidate(cards...)); d.IsSplit != tt.split {
				t.Errorf("Summarize's IsSplit = %v", d.IsSplit)
			}
		})
	}
}

func TestDecisionValidate(t *testing.T) {
	for _, tt := range []struct {
		d    Decision
		want DecisionProblem
	}{
		{Decision{Verdict: Hire, Reason: "best on strategy"}, 0},
		{Decision{Verdict: "maybe", Reason: "x"}, BadVerdict},
		{Decision{Verdict: Hold}, NoReason},
		{Decision{Verdict: NoHire, Reason: strings.Repeat("r", MaxReason+1)}, LongReason},
		{Decision{Verdict: NoHire, Reason: strings.Repeat("é", MaxReason)}, 0},
	} {
		err := tt.d.Validate()
		var got DecisionProblem
		if de, ok := err.(*DecisionError); ok {
			got = de.Problem
		}
		if got != tt.want || (tt.want == 0) != (err == nil) {
			t.Errorf("Validate(%s, %d chars) = %v, want problem %d", tt.d.Verdict, len(tt.d.Reason), err, tt.want)
		}
	}
	for word, want := range map[string]Verdict{"hire": Hire, "no-hire": NoHire, "nohire": NoHire, "hold": Hold} {
		if v, ok := VerdictOf(word); !ok || v != want {
			t.Errorf("VerdictOf(%q) = %q, %v", word, v, ok)
		}
	}
	if _, ok := VerdictOf("yes"); ok {
		t.Error("yes is a recommendation, not a verdict")
	}
	c := candidate()
	if _, ok := c.Decided(); ok {
		t.Error("a candidate with no decisions has one")
	}
	c.Decisions = []Decision{{Verdict: Hold, Reason: "a"}, {Verdict: Hire, Reason: "b"}}
	if d, ok := c.Decided(); !ok || d.Verdict != Hire {
		t.Errorf("Decided = %+v, want the newest", d)
	}
}
