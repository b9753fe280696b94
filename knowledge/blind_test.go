package knowledge

import (
	"os"
	"testing"
)

// blindQuerySets are issue 23's blind sets after their one scoring each
// (see each folder's README): who wrote them never saw the project, and
// they are regression checks now, not training data. One scoring is one
// sample: retraining on new writers moves a few of 360 questions either
// way. So each figure is held to issue 23's target where that scoring met
// it, and to the count it reached where it fell short: a change may trade
// a question for another but may not make /cto-role miss a target it met
// or do worse where it fell short.
var blindQuerySets = []struct {
	dir                           string
	files                         []string
	answerable, nonAnswer, social int // the set's make-up when scored
	// The least each figure may be: the target (top-1 90 %, the others
	// 97 % of their questions, rounded up) or the count scored.
	top1, topOrChoices, honest, socialRight int
}{
	// Scored when issue 23's first pass was done: top-1 94.1 %, first-or-choices 94.8 % (256), honest 96.0 % (72).
	{"blind", []string{"blind-a.tsv", "blind-b.tsv"}, 270, 75, 15, 243, 256, 72, 13},
	// Scored at 37cab08: 95.9 %, 96.7 % (261), 98.7 %.
	{"blind2", []string{"blind-e.tsv", "blind-f.tsv"}, 270, 76, 14, 243, 261, 74, 13},
	// Scored at 008492c: 98.1 %, 98.9 %, 94.7 % (72).
	{"blind3", []string{"blind-i.tsv", "blind-j.tsv"}, 270, 76, 14, 243, 262, 72, 11},
	// Scored at 6c460ea: 95.9 %, 98.1 %, 97.4 %.
	{"blind4", []string{"blind-m.tsv", "blind-n.tsv"}, 270, 76, 14, 243, 262, 74, 9},
}

// TestBlindQueriesHold resolves every blind set and fails where /cto-role
// does worse than blindQuerySets allows.
func TestBlindQueriesHold(t *testing.T) {
	for _, set := range blindQuerySets {
		t.Run(set.dir, func(t *testing.T) {
			var files []string
			for _, f := range set.files {
				files = append(files, "testdata/queries/"+set.dir+"/"+f)
			}
			f := resolveFiles(t, files...)
			t.Logf("%s: %s", set.dir, f.String())
			if f.Answerable != set.answerable || f.NonAnswer != set.nonAnswer || f.Social != set.social {
				t.Fatalf("the set has %d answerable, %d non-answer and %d social questions; it was scored with %d, %d and %d",
					f.Answerable, f.NonAnswer, f.Social, set.answerable, set.nonAnswer, set.social)
			}
			for _, c := range []struct {
				name      string
				got, want int
			}{
				{"top-1", f.Top1, set.top1},
				{"top-or-choices", f.TopOrChoices, set.topOrChoices},
				{"honest", f.Honest, set.honest},
				{"social", f.SocialRight, set.socialRight},
			} {
				if c.got < c.want {
					t.Errorf("%s: %d; it may not fall below %d (the target where the scoring met it, else what it scored)", c.name, c.got, c.want)
				}
			}
		})
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
