package wording

import (
	"os"
	"testing"
)

// blindSentenceSets are issue 24's blind sets after their one scoring each
// (see each folder's README): their writers never saw the project, and
// they are regression checks now, not training data. One scoring is one
// sample, so each figure is held to issue 24's target where that scoring
// met it and to what it scored where it fell short.
var blindSentenceSets = []struct {
	dir          string
	files        []string
	risky, clean int // the set's make-up when scored
	caught       int // the least recall, as a count: 90 % of the risky sentences where met
	maxFP        int // the most false positives: 3 % of the clean sentences where met, else what it scored
	// everyCategory holds every category to issue 24's 80 %, met when
	// scored; else categoryCounts holds the categories that fell short
	// to what they caught.
	everyCategory  bool
	categoryCounts map[string]int
}{
	// Scored when issue 24's first pass was done: recall 93.0 %, false positives 2.7 %, identity 15 of 20.
	{"blind", []string{"blind-c.txt", "blind-d.txt"}, 230, 220, 207, 6, false, map[string]int{"identity": 15}},
	// Scored at 37cab08: 96.0 %, every category 91.7 % or more, false positives 10 of 220.
	{"blind2", []string{"blind-g.txt", "blind-h.txt"}, 300, 220, 270, 10, true, nil},
	// Scored at 008492c: 91.3 %, every category 84.6 % or more, false positives 2 of 220.
	{"blind3", []string{"blind-k.txt", "blind-l.txt"}, 300, 220, 270, 6, true, nil},
}

// TestBlindSetsHold scores the check on every blind set and fails where it
// does worse than blindSentenceSets allows.
func TestBlindSetsHold(t *testing.T) {
	for _, set := range blindSentenceSets {
		t.Run(set.dir, func(t *testing.T) {
			var files []string
			for _, f := range set.files {
				files = append(files, "testdata/"+set.dir+"/"+f)
			}
			s := scoreFiles(t, files...)
			t.Logf("%s: recall %.1f%% (%d of %d), false positives %.1f%% (%d of %d)",
				set.dir, 100*s.Recall(), s.Caught, s.Risky, 100*s.FalsePositiveRate(), s.FalsePositives, s.Clean)
			if s.Risky != set.risky || s.Clean != set.clean {
				t.Fatalf("the set has %d risky and %d clean sentences; it was scored with %d and %d", s.Risky, s.Clean, set.risky, set.clean)
			}
			if s.Caught < set.caught {
				t.Errorf("recall: caught %d of %d; it may not fall below %d", s.Caught, s.Risky, set.caught)
			}
			if s.FalsePositives > set.maxFP {
				t.Errorf("%d false positives of %d clean sentences; at most %d", s.FalsePositives, s.Clean, set.maxFP)
			}
			for cat, c := range s.Categories {
				if set.everyCategory && c.Risky > 0 && float64(c.Caught) < 0.80*float64(c.Risky) {
					t.Errorf("%s: caught %d of %d; issue 24 wants 80%% in every category, as when the set was scored", cat, c.Caught, c.Risky)
				}
				if want, ok := set.categoryCounts[cat]; ok && c.Caught < want {
					t.Errorf("%s: caught %d of %d; it caught %d when scored", cat, c.Caught, c.Risky, want)
				}
			}
		})
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
