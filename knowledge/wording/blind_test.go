package wording

import (
	"os"
	"testing"
)

// TestBlindSetHolds scores the wording check on the blind set of issue
// 24 (testdata/blind, scored once when the work was done; see its README)
// and fails if it does worse than it did then (see the guard below). It
// guards against regressions; the set is not training data.
func TestBlindSetHolds(t *testing.T) {
	s := scoreFiles(t, "testdata/blind/blind-c.txt", "testdata/blind/blind-d.txt")
	t.Logf("blind set: recall %.1f%% (%d of %d), false positives %.1f%% (%d of %d)",
		100*s.Recall(), s.Caught, s.Risky, 100*s.FalsePositiveRate(), s.FalsePositives, s.Clean)
	if s.Risky != 230 || s.Clean != 220 {
		t.Fatalf("the blind set has %d risky and %d clean sentences; it was scored with 230 and 220", s.Risky, s.Clean)
	}
	// One scoring is one sample: retraining on new writers moves a few
	// sentences either way. Recall and false positives met issue 24's
	// targets then (93.0 %, 2.7 %), so they are held to those targets;
	// identity, the one category under 80 % then (15 of 20), may not fall.
	if r := s.Recall(); r < 0.90 {
		t.Errorf("recall %.1f%% on the blind set (%d of %d); issue 24's target, met when it was scored, is 90%%", 100*r, s.Caught, s.Risky)
	}
	if r := s.FalsePositiveRate(); r > 0.03 {
		t.Errorf("false positives %.1f%% on the blind set (%d of %d); issue 24's target, met when it was scored, is 3%%", 100*r, s.FalsePositives, s.Clean)
	}
	if c := s.Categories["identity"]; c.Caught < 15 {
		t.Errorf("identity: caught %d of the blind set's %d; it caught 15 when scored", c.Caught, c.Risky)
	}
}

// TestSecondBlindSetHolds scores the check on the second blind set of
// issue 24 (testdata/blind2, two new writers, scored once on 2026-12-07;
// see its README) and holds it to what that scoring found: recall and
// every category met their targets, so they stay at them; false
// positives (10 of 220, over the 3 % target) may not grow.
func TestSecondBlindSetHolds(t *testing.T) {
	s := scoreFiles(t, "testdata/blind2/blind-g.txt", "testdata/blind2/blind-h.txt")
	t.Logf("second blind set: recall %.1f%% (%d of %d), false positives %.1f%% (%d of %d)",
		100*s.Recall(), s.Caught, s.Risky, 100*s.FalsePositiveRate(), s.FalsePositives, s.Clean)
	if s.Risky != 300 || s.Clean != 220 {
		t.Fatalf("the set has %d risky and %d clean sentences; it was scored with 300 and 220", s.Risky, s.Clean)
	}
	if r := s.Recall(); r < 0.90 {
		t.Errorf("recall %.1f%%; issue 24's target, met when the set was scored (96.0%%), is 90%%", 100*r)
	}
	for cat, c := range s.Categories {
		if c.Risky > 0 && float64(c.Caught) < 0.80*float64(c.Risky) {
			t.Errorf("%s: caught %d of %d; issue 24 wants 80%% in every category, as when the set was scored", cat, c.Caught, c.Risky)
		}
	}
	if s.FalsePositives > 10 {
		t.Errorf("%d false positives of %d clean sentences; there were 10 when the set was scored", s.FalsePositives, s.Clean)
	}
}

// TestThirdBlindSetHolds checks the third blind set of issue 24
// (testdata/blind3, scored once at 008492c) and fails if the check does
// worse than issue 24's targets, which it met when scored: recall 90 %,
// 80 % in every category, false positives 3 %.
func TestThirdBlindSetHolds(t *testing.T) {
	s := scoreFiles(t, "testdata/blind3/blind-k.txt", "testdata/blind3/blind-l.txt")
	t.Logf("third blind set: recall %.1f%% (%d of %d), false positives %.1f%% (%d of %d)",
		100*s.Recall(), s.Caught, s.Risky, 100*s.FalsePositiveRate(), s.FalsePositives, s.Clean)
	if s.Risky != 300 || s.Clean != 220 {
		t.Fatalf("the set has %d risky and %d clean sentences; it was scored with 300 and 220", s.Risky, s.Clean)
	}
	if r := s.Recall(); r < 0.90 {
		t.Errorf("recall %.1f%%; issue 24's target, met when the set was scored (91.3%%), is 90%%", 100*r)
	}
	for cat, c := range s.Categories {
		if c.Risky > 0 && float64(c.Caught) < 0.80*float64(c.Risky) {
			t.Errorf("%s: caught %d of %d; issue 24 wants 80%% in every category, as when the set was scored", cat, c.Caught, c.Risky)
		}
	}
	if r := s.FalsePositiveRate(); r > 0.03 {
		t.Errorf("false positives %.1f%% (%d of %d); issue 24's target, met when the set was scored (0.9%%), is 3%%", 100*r, s.FalsePositives, s.Clean)
	}
}

// scoreFiles checks every labelled sentence of the files with the
// default checker.
func scoreFiles(t *testing.T, names ...string) Scorecard {
	t.Helper()
	var items []Labelled
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		xs, err := ParseLabelled(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		items = append(items, xs...)
	}
	return Default().Score(items)
}
