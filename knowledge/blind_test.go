package knowledge

import (
	"os"
	"testing"
)

// TestBlindQueriesHold resolves the blind set of issue 23
// (testdata/queries/blind, scored once when the work was done; see its
// README) and fails if /cto-role does worse than it did then. It guards
// against regressions; the set is not training data.
func TestBlindQueriesHold(t *testing.T) {
	p := MustEmbedded(t)
	var f Figures
	for _, name := range []string{"testdata/queries/blind/blind-a.tsv", "testdata/queries/blind/blind-b.tsv"} {
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
	t.Logf("blind set: %s", f.String())
	if f.Answerable != 270 || f.NonAnswer != 75 || f.Social != 15 {
		t.Fatalf("the blind set has %d answerable, %d non-answer and %d social questions; it was scored with 270, 75 and 15",
			f.Answerable, f.NonAnswer, f.Social)
	}
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"top-1", f.Top1, 254},
		{"top-or-choices", f.TopOrChoices, 256},
		{"honest", f.Honest, 72},
		{"social", f.SocialRight, 13},
	} {
		if c.got < c.want {
			t.Errorf("%s: %d on the blind set; it was %d when scored", c.name, c.got, c.want)
		}
	}
}
