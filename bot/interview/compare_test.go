package interview

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/bot/blockkit"
	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/hirebot/hirebot/internal/golden"
)

// TestCompare: candidates side by side under the debrief's reading rules;
// names one after another or comma-separated.
func TestCompare(t *testing.T) {
	h, _ := MustHandler(t)
	do(t, h, "UOWNER", "candidate add Ada Lovelace")
	do(t, h, "UOWNER", "candidate add Grace Hopper")
	do(t, h, "UOWNER", "candidate add Katherine Johnson")
	for _, s := range []struct{ user, name, rec string }{{"U1", "Ada Lovelace", "strong-yes"}, {"U2", "Ada Lovelace", "no"}, {"U1", "Grace Hopper", "yes"}} {
		m, _ := do(t, h, s.user, "scorecard "+s.name)
		if _, msg := submit(t, h, s.user, m.Modal, []int{3, 4}, s.rec, ""); msg != "" {
			t.Fatal(msg)
		}
	}
	do(t, h, "UOWNER", "decision Grace Hopper hire best of the three")
	r, msg := do(t, h, "UOWNER", "compare Ada Lovelace grace hopper")
	got := fmt.Sprint(r.Card)
	for _, want := range []string{"Compare: Ada Lovelace, Grace Hopper", "Technology vision", "Ada Lovelace: median 3, spread 0", "Grace Hopper: median 4, spread 0",
		"Ada Lovelace: 2 of 2 in — No 1 · Strong yes 1 — split", "Grace Hopper: 1 of 1 in — Yes 1 — decision: Hire (@UOWNER"} {
		if msg != "" || !strings.Contains(got, want) {
			t.Errorf("compare lacks %q: %q %s", want, msg, got)
		}
	}
	if strings.Contains(got, "Katherine") {
		t.Error("compare shows a candidate not named")
	}
	// U1 scored Grace only: Ada's scorecards are U1's too, so both open;
	// U3 interviews nobody and runs nothing: everything hidden.
	if r, _ := do(t, h, "U3", "compare"); !strings.Contains(fmt.Sprint(r.Card), "can't read any") || strings.Contains(fmt.Sprint(r.Card), "median") {
		t.Errorf("compare for someone who may read nothing: %+v", r.Card)
	}
	if r, _ := do(t, h, "U2", "compare Grace Hopper, Ada Lovelace"); !strings.Contains(fmt.Sprint(r.Card), "Hidden until you may read them") ||
		!strings.Contains(fmt.Sprint(r.Card), "Ada Lovelace: median") {
		t.Errorf("compare for a scorer of one: %+v", r.Card)
	}
	if _, msg := do(t, h, "UOWNER", "compare Ada Lovelace, Grace Hoper"); !strings.Contains(msg, "Did you mean Grace Hopper?") {
		t.Errorf("a typo: %q", msg)
	}
}

func TestCompareCardGolden(t *testing.T) {
	h, _ := MustHandler(t)
	ada := scorecard.Candidate{Name: "Ada Lovelace", Cards: map[string]scorecard.Scorecard{
		"U1": {Scorer: "U1", Competencies: []string{"technology-vision", "communication"}, Ratings: map[string]int{"technology-vision": 4}, NotAssessed: []string{"communication"}, Recommendation: scorecard.StrongYes},
		"U2": {Scorer: "U2", Competencies: []string{"technology-vision", "communication"}, Ratings: map[string]int{"technology-vision": 2, "communication": 3}, Recommendation: scorecard.No},
	}}
	grace := scorecard.Candidate{Name: "Grace Hopper", Cards: map[string]scorecard.Scorecard{
		"U1": {Scorer: "U1", Competencies: []string{"technology-vision"}, Ratings: map[string]int{"technology-vision": 3}, Recommendation: scorecard.Yes},
	}, Decisions: []scorecard.Decision{{Verdict: scorecard.Hire, Reason: "x", By: "UCEO", At: time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)}}}
	card := h.compareCard(scorecard.Loop{Owner: "UCEO"}, scorecard.Person{User: "UCEO"}, []scorecard.Candidate{ada, grace})
	golden.MatchJSON(t, filepath.Join("testdata", "golden", "card-compare.json"), blockkit.Card(card))
}

// TestFindIn: compare finds the candidates named among those it has read,
// as resolve would find them in the store: by id, whatever the case or
// Unicode form typed.
func TestFindIn(t *testing.T) {
	all := []scorecard.Candidate{
		{ID: scorecard.ID("Ada Lovelace"), Name: "Ada Lovelace"},
		{ID: scorecard.ID("Zoë Quinn"), Name: "Zoë Quinn"},
	}
	for _, tt := range []struct {
		typed, want string
	}{
		{"Ada Lovelace", "Ada Lovelace"},
		{"  ada   LOVELACE ", "Ada Lovelace"},
		{"Zoe\u0308 Quinn", "Zoë Quinn"}, // decomposed
		{"Grace Hopper", ""},
		{"", ""},
	} {
		c, ok := findIn(all, tt.typed)
		if ok != (tt.want != "") || ok && c.Name != tt.want {
			t.Errorf("findIn(%q) = %q, %v; want %q", tt.typed, c.Name, ok, tt.want)
		}
	}
}
