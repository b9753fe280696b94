package knowledge

import (
	"os"
	"testing"
)

// TestBlindQueriesHold resolves the blind set of issue 23
// (testdata/queries/blind, scored once when the work was done; see its
// README) and fails if /cto-role does worse than it did then (see the
// guard below). It guards against regressions; the set is not training
// data.
func TestBlindQueriesHold(t *testing.T) {
	f := resolveFiles(t, "testdata/queries/blind/blind-a.tsv", "testdata/queries/blind/blind-b.tsv")
	t.Logf("blind set: %s", f.String())
	if f.Answerable != 270 || f.NonAnswer != 75 || f.Social != 15 {
		t.Fatalf("the blind set has %d answerable, %d non-answer and %d social questions; it was scored with 270, 75 and 15",
			f.Answerable, f.NonAnswer, f.Social)
	}
	// What the set measured when it was scored is one sample: retraining
	// on new writers moves a few of its 360 questions either way. So the
	// guard holds the figures that met issue 23's targets then to those
	// targets, and the figures that missed them to what they were, no
	// lower: a change may trade a question for another but may not make
	// /cto-role miss a target it met or do worse where it fell short.
	pct := func(n, of int) float64 { return float64(n) / float64(of) }
	if r := pct(f.Top1, f.Answerable); r < 0.90 {
		t.Errorf("top-1 %.1f%% on the blind set; issue 23's target, met when it was scored (94.1%%), is 90%%", 100*r)
	}
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"top-or-choices", f.TopOrChoices, 256},
		{"honest", f.Honest, 72},
		{"social", f.SocialRight, 13},
	} {
		if c.got < c.want {
			t.Errorf("%s: %d on the blind set; it was %d when scored", c.name, c.got, c.want)
		}
	}
}

// TestSecondBlindQueriesHold resolves the second blind set of issue 23
// (testdata/queries/blind2, written by two new writers and scored once
// on 2026-12-07; see its README) and holds /cto-role to what that one
// scoring found, in the way TestBlindQueriesHold does: the targets that
// were met stay met, and the one that was not may not fall.
func TestSecondBlindQueriesHold(t *testing.T) {
	f := resolveFiles(t, "testdata/queries/blind2/blind-e.tsv", "testdata/queries/blind2/blind-f.tsv")
	t.Logf("second blind set: %s", f.String())
	if f.Answerable != 270 || f.NonAnswer != 76 || f.Social != 14 {
		t.Fatalf("the set has %d answerable, %d non-answer and %d social questions; it was scored with 270, 76 and 14",
			f.Answerable, f.NonAnswer, f.Social)
	}
	pct := func(n, of int) float64 { return float64(n) / float64(of) }
	if r := pct(f.Top1, f.Answerable); r < 0.90 {
		t.Errorf("top-1 %.1f%%; issue 23's target, met when the set was scored (95.9%%), is 90%%", 100*r)
	}
	if r := pct(f.Honest, f.NonAnswer); r < 0.97 {
		t.Errorf("honest %.1f%%; issue 23's target, met when the set was scored (98.7%%), is 97%%", 100*r)
	}
	if f.TopOrChoices < 261 {
		t.Errorf("top-or-choices: %d; it was 261 of 270 when scored", f.TopOrChoices)
	}
	if f.SocialRight < 13 {
		t.Errorf("social: %d; it was 13 of 14 when scored", f.SocialRight)
	}
}

// TestThirdBlindQueriesHold resolves the third blind set of issue 23
// (testdata/queries/blind3, scored once at 008492c) and fails if
// /cto-role does worse than that scoring: top-1 and first-or-choices at
// least issue 23's targets, which it met, honest and small talk at least
// the counts it reached (the targets it fell short of).
func TestThirdBlindQueriesHold(t *testing.T) {
	f := resolveFiles(t, "testdata/queries/blind3/blind-i.tsv", "testdata/queries/blind3/blind-j.tsv")
	t.Logf("third blind set: %s", f.String())
	if f.Answerable != 270 || f.NonAnswer != 76 || f.Social != 14 {
		t.Fatalf("the set has %d answerable, %d non-answer and %d social questions; it was scored with 270, 76 and 14",
			f.Answerable, f.NonAnswer, f.Social)
	}
	pct := func(n, of int) float64 { return float64(n) / float64(of) }
	if r := pct(f.Top1, f.Answerable); r < 0.90 {
		t.Errorf("top-1 %.1f%%; issue 23's target, met when the set was scored (98.1%%), is 90%%", 100*r)
	}
	if r := pct(f.TopOrChoices, f.Answerable); r < 0.97 {
		t.Errorf("top-or-choices %.1f%%; issue 23's target, met when the set was scored (98.9%%), is 97%%", 100*r)
	}
	if f.Honest < 72 {
		t.Errorf("honest: %d; it was 72 of 76 when scored", f.Honest)
	}
	if f.SocialRight < 11 {
		t.Errorf("social: %d; it was 11 of 14 when scored", f.SocialRight)
	}
}

// TestFourthBlindQueriesHold resolves the fourth blind set of issue 23
// (testdata/queries/blind4, scored once at 6c460ea) and fails if
// /cto-role falls below issue 23's targets, which it met when scored,
// or below the small talk it reached.
func TestFourthBlindQueriesHold(t *testing.T) {
	f := resolveFiles(t, "testdata/queries/blind4/blind-m.tsv", "testdata/queries/blind4/blind-n.tsv")
	t.Logf("fourth blind set: %s", f.String())
	if f.Answerable != 270 || f.NonAnswer != 76 || f.Social != 14 {
		t.Fatalf("the set has %d answerable, %d non-answer and %d social questions; it was scored with 270, 76 and 14",
			f.Answerable, f.NonAnswer, f.Social)
	}
	pct := func(n, of int) float64 { return float64(n) / float64(of) }
	if r := pct(f.Top1, f.Answerable); r < 0.90 {
		t.Errorf("top-1 %.1f%%; issue 23's target, met when the set was scored (95.9%%), is 90%%", 100*r)
	}
	if r := pct(f.TopOrChoices, f.Answerable); r < 0.97 {
		t.Errorf("top-or-choices %.1f%%; issue 23's target, met when the set was scored (98.1%%), is 97%%", 100*r)
	}
	if r := pct(f.Honest, f.NonAnswer); r < 0.97 {
		t.Errorf("honest %.1f%%; issue 23's target, met when the set was scored (97.4%%), is 97%%", 100*r)
	}
	if f.SocialRight < 9 {
		t.Errorf("social: %d; it was 9 of 14 when scored", f.SocialRight)
	}
}

// resolveFiles resolves every labelled question of the files with the
// embedded pack and returns how /cto-role did.
func resolveFiles(t *testing.T, names ...string) Figures {
	t.Helper()
	p := MustEmbedded(t)
	var f Figures
	for _, name := range names {
		file, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		qs, err := ReadLabelled(file, name)
		file.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			l, err := p.Resolve(q.Text)
			if err != nil {
				t.Fatalf("%s: %v", q.Source, err)
			}
			f.Add(q.Label, Outcome(l), ChoiceIDs(l))
		}
	}
	return f
}
