package knowledge

import (
	"slices"
	"testing"
)

func TestBestScores(t *testing.T) {
	rs := []Result{{Score: 1}, {Score: 5}, {Score: 3}, {Score: 5}, {Score: 0.5}, {Score: 4}}
	for n, want := range map[int][]int{0: {}, 1: {1}, 3: {1, 3, 5}, 9: {1, 3, 5, 2, 0, 4}} {
		if got := bestScores(rs, n); !slices.Equal(got, want) {
			t.Errorf("bestScores(%d) = %v, want %v", n, got, want)
		}
	}
}

// TestCharGramKeys checks that hashing the runs of letters as it goes
// gives the keys of the runs themselves, in the same order.
func TestCharGramKeys(t *testing.T) {
	fp := featureParams{Chars: 1, MinN: 2, MaxN: 4}
	for _, w := range []string{"a", "cto", "responsibilities", "r&d", "café"} {
		var want, got []uint64
		charGrams(w, fp, func(g string) { want = append(want, featureKey(featChars, g)) })
		got = appendCharGramKeys(got, w, fp)
		if !slices.Equal(got, want) {
			t.Errorf("appendCharGramKeys(%q) = %d keys, want the %d of charGrams", w, len(got), len(want))
		}
	}
}

// TestFeaturesOnce checks that every feature of a question comes once,
// with its largest value, and that the vector has length 1.
func TestFeaturesOnce(t *testing.T) {
	p := MustEmbedded(t)
	fs, _ := p.questionFeatures("the CTO, the cto and the CTOs: what does a cto do, cto?", DefaultTraining.Features, nil, nil)
	seen := map[uint64]bool{}
	norm := 0.0
	for _, f := range fs {
		if seen[f.Key] {
			t.Errorf("feature %x twice", f.Key)
		}
		seen[f.Key] = true
		norm += float64(f.Value) * float64(f.Value)
	}
	if norm < 0.999 || norm > 1.001 {
		t.Errorf("length² %.4f, want 1", norm)
	}
}

// TestFeatureWords checks that featureWords tells featuresOf what looking
// a word up in chatWords, then socialWordOf and featureStop, would: for
// every word of those sets, the words they stand for, and some others.
func TestFeatureWords(t *testing.T) {
	words := []string{"budget", "cto", "", "IT", "later", "morning", "haha"}
	for _, set := range []map[string]bool{featureStop, chatSocial} {
		for w := range set {
			words = append(words, w)
		}
	}
	for w, c := range chatWords {
		words = append(words, w, c)
	}
	for w := range socialWords {
		words = append(words, w)
	}
	for _, w := range words {
		want := featureWord{word: w}
		if c, ok := chatWords[w]; ok {
			want.word, want.filler = c, c == ""
		}
		want.social, want.stop = socialWordOf(want.word), featureStop[want.word]
		got := featureWords[w]
		if _, ok := featureWords[w]; !ok {
			got.word = w
		}
		if got != want {
			t.Errorf("featureWords[%q] = %+v, want %+v", w, got, want)
		}
	}
}

// TestAsksPermission: what one may or must do is the shape of a legal
// question, whatever it is about; asking what a role does is not.
func TestAsksPermission(t *testing.T) {
	for text, want := range map[string]bool{
		"can we run criminal background checks on cio candidates": true,
		"is it ok to ask a cto candidate their age":               true,
		"how do we let go of our vp eng without getting sued":     true,
		"do we have to accelerate his unvested shares":            true,
		"are we required to publish the salary range":             true,
		"is it legal to pay the cto only in equity":               true,
		"what does a cto do":                                      false,
		"how much equity for a first cto":                         false,
		"who should the cio report to":                            false,
	} {
		if got := asksPermission(wordsOf(text)); got != want {
			t.Errorf("asksPermission(%q) = %v, want %v", text, got, want)
		}
	}
}
