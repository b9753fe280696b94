package wording

import (
	"os"
	"os/exec"
	"testing"
)

// TestLexicon: every line of lexicon.txt names a protected category and
// one word, and each word reaches the classifier as that concept.
func TestLexicon(t *testing.T) {
	words := lexiconWords()
	if len(words["identity"]) < 100 {
		t.Fatalf("lexicon has %d identity words; want the WordNet list", len(words["identity"]))
	}
	cs := concepts()
	for cat, ws := range words {
		if !IsProtected(cat) {
			t.Errorf("lexicon category %q is not protected", cat)
		}
		for _, w := range ws {
			if !containsString(cs[norm(w)], cat) {
				t.Errorf("lexicon word %q (%s) is not a %s concept", w, norm(w), cat)
			}
		}
	}
}

// TestLexiconIsFresh regenerates the lexicon from WordNet where it is
// installed (Debian's wordnet-base) and fails when lexicon.txt differs.
func TestLexiconIsFresh(t *testing.T) {
	if _, err := os.Stat("/usr/share/wordnet/data.noun"); err != nil {
		t.Skip("WordNet is not installed (apt-get install wordnet-base)")
	}
	out, err := exec.Command("go", "run", "./cmd/wordnet-lexicon").Output()
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != lexicon {
		t.Fatal("lexicon.txt is stale; run: go run ./knowledge/wording/cmd/wordnet-lexicon > knowledge/wording/lexicon.txt")
	}
}
