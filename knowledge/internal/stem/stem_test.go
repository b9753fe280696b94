package stem

import "testing"

// TestStem checks words whose Porter2 stems are published with the
// Snowball algorithm's sample vocabulary, and the words of job ads the
// wording check turns on.
func TestStem(t *testing.T) {
	for word, want := range map[string]string{
		"consign": "consign", "consigned": "consign", "consigning": "consign", "consignment": "consign",
		"consolation": "consol", "generously": "generous", "generation": "generat", "knack": "knack",
		"caring": "care", "hopping": "hop", "hoping": "hope", "happiness": "happi", "relational": "relat",
		"conditional": "condit", "running": "run", "cried": "cri", "ties": "tie", "gas": "gas", "gaps": "gap",
		"kiwis": "kiwi", "agreed": "agre", "feed": "feed", "national": "nation", "nationality": "nation",
		"citizens": "citizen", "veterans": "veteran", "convicted": "convict", "conviction": "convict",
		"genetic": "genet", "salaries": "salari", "salary": "salari", "youthful": "youth", "married": "marri",
		"disabled": "disabl", "disability": "disabl", "requirements": "requir", "required": "requir",
		"discrimination": "discrimin", "skies": "sky", "dying": "die", "early": "earli", "proceed": "proceed",
		"succeeded": "succeed", "communities": "communiti", "arsenal": "arsenal", "yelling": "yell",
		"sayings": "say", "applicants": "applic", "applying": "appli", "pregnancy": "pregnanc",
		"able": "abl", "ab": "ab", "C++": "C++", "o'neill's": "o'neil", "'tis": "tis", "'s'": "s", "'a'": "a", "'''": "'", "hopeful": "hope",
		"effective": "effect", "controllable": "control", "rationalize": "ration", "fully": "fulli",
	} {
		if got := Stem(word); got != want {
			t.Errorf("Stem(%q) = %q, want %q", word, got, want)
		}
	}
}

func FuzzStem(f *testing.F) {
	for _, s := range []string{"", "a", "'", "''s'", "yyy", "eedly", "ies", "sses", "generously"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		s := Stem(w)
		if len(s) > len(w)+1 {
			t.Errorf("Stem(%q) = %q is longer than the word", w, s)
		}
	})
}
