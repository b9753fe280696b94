package interview

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestDecision: the loop's owner and admins record a decision with a
// reason; it shows, with who and when, in the candidate list and the
// debrief, and the one it replaces stays in the history. A split
// recommendation is flagged.
func TestDecision(t *testing.T) {
	h, _ := MustHandler(t)
	do(t, h, "UOWNER", "candidate add Ada Lovelace")
	for user, rec := range map[string]string{"U1": "strong-yes", "U2": "no"} {
		m, _ := do(t, h, user, "scorecard Ada Lovelace")
		if _, msg := submit(t, h, user, m.Modal, []int{3}, rec, ""); msg != "" {
			t.Fatal(msg)
		}
	}
	if r, _ := do(t, h, "UOWNER", "debrief Ada Lovelace"); !strings.Contains(r.Card.Intro, "Split recommendation: 1 yes or strong yes against 1 no or strong no") {
		t.Errorf("no split flagged: %q", r.Card.Intro)
	}
	if _, msg := do(t, h, "U1", "decision Ada Lovelace hire great"); !strings.Contains(msg, "Only @UOWNER, who runs the channel's interview loop, or an admin can record a decision") {
		t.Errorf("a decision by an interviewer: %q", msg)
	}
	if _, msg := do(t, h, "UOWNER", "decision Ada Lovelace hold"); !strings.Contains(msg, "Say why") {
		t.Errorf("a decision without a reason: %q", msg)
	}
	if _, msg := do(t, h, "UOWNER", "decision Ada Lovelace hold waiting for references"); msg != "" {
		t.Fatal(msg)
	}
	r, msg := do(t, h, "UADMIN", "decision Ada Lovelace hire strongest on strategy")
	if msg != "" || !strings.Contains(r.Card.Intro, "Recorded the decision on Ada Lovelace: Hire — strongest on strategy. It replaces Hold (@UOWNER") {
		t.Fatalf("a second decision: %q %+v", msg, r.Card)
	}
	if r, _ := do(t, h, "U2", "candidates"); !strings.Contains(fmt.Sprint(r.Card), "decision: Hire (@UADMIN, 30 Nov 2026 09:00 UTC)") {
		t.Errorf("the candidate list lacks the decision: %+v", r.Card)
	}
	dr, _ := do(t, h, "UOWNER", "debrief Ada Lovelace")
	got := fmt.Sprint(dr.Card)
	for _, want := range []string{"Hire — strongest on strategy (@UADMIN", "Earlier: Hold — waiting for references (@UOWNER"} {
		if !strings.Contains(got, want) {
			t.Errorf("the debrief lacks %q: %s", want, got)
		}
	}
	if r, _ := do(t, h, "UOWNER", "debrief Ada Lovelace export"); r.File == nil || !strings.Contains(r.File.Content, "## Decision") || !strings.Contains(r.File.Content, "Split recommendation") {
		t.Errorf("the export lacks the decision or the split: %+v", r.File)
	}
}

func TestExportName(t *testing.T) {
	at := time.Date(2026, 12, 7, 23, 30, 0, 0, time.FixedZone("X", -3600))
	for name, want := range map[string]string{
		"Ada Lovelace":      "debrief-ada-lovelace-2026-12-08.md",
		"Zoë O'Brien-Smith": "debrief-zoë-o-brien-smith-2026-12-08.md",
		"J. R. Okafor":      "debrief-j-r-okafor-2026-12-08.md",
	} {
		if got := exportName("debrief", name, at); got != want {
			t.Errorf("exportName(%q) = %q, want %q", name, got, want)
		}
	}
}
