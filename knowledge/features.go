package knowledge

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hirebot/hirebot/knowledge/internal/classifier"
	porter2 "github.com/hirebot/hirebot/knowledge/internal/stem"
)

// What the topic model sees of a question: its content words as Porter2
// stems, pairs of neighbouring stems, the letters inside each word (so
// that "different" meets "difference" and a typo keeps most of its word),
// numbers, and how long the question is. Nothing is rewritten: a title
// such as "head of development" stays those words.

// featureParams says how much each kind of feature weighs before the
// vector is scaled to length 1. They are hyper-parameters, chosen by
// cross-validation and stored with the model.
type featureParams struct {
	Bigram float32 `json:"bigram"` // a pair of neighbouring stems
	Chars  float32 `json:"chars"`  // a run of letters inside a word
	MinN   int     `json:"min_n"`  // the shortest run of letters
	MaxN   int     `json:"max_n"`  // the longest
	// Rank is the weight of the pack's own search: the topics BM25F ranks
	// first for the question, each by its confidence.
	Rank float32 `json:"rank"`
	// Length is the weight of how many content words the question has
	// (two words and a long story are asked differently).
	Length float32 `json:"length"`
}

// The kinds of feature, as the first byte of what a key hashes.
const (
	featWord   = 'w'
	featBigram = 'b'
	featChars  = 'c'
	featShape  = 's'
	featRank   = 'r'
)

// rankedFeatures is how many of search's best topics become features.
const rankedFeatures = 3

// featureStop are words too common to say what a question is about.
// Question words ("who", "how", "which") and negations stay: "who
// reports" and "how long" tell topics apart, "nobody technical" turns on
// its first word. A lower-case "it" stays too, for "head of it".
var featureStop = wordSet(`a an the of to in on at for from by with and or but as into onto
	is are was were be been being am do does did doing done has have had having will would
	can could should shall may might must i me my mine we us our ours you your yours he him
	his she her hers they them their theirs its this that these those there here so just
	really very also too if then than such some any please hi hey hello thanks thank ok okay
	im ive id youre weve theyre thats theres whats hows lets dont doesnt isnt arent
	s t ll d re ve m get got`)

// wordSet returns the words of s as a set.
func wordSet(s string) map[string]bool {
	out := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// questionFeatures returns the features of text, each key once, scaled so
// that the vector has length 1. ranked is what search made of text (see
// searched): its best topics are features too (see featureParams.Rank);
// the pack's own text, which search would trivially rank first, is learnt
// from without them (nil).
//
// known, when not nil, says which features the model has: a word it lacks
// that is a plausible typo of one of the pack's words is read as that word
// ("responsibilites"). words counts the content words the model has (after
// that correction).
func (p *Pack) questionFeatures(text string, fp featureParams, ranked []Result, known func(uint64) bool) (_ []classifier.Feature, words int) {
	return p.featuresOf(text, wordsOf(text), fp, ranked, known)
}

// featuresOf is questionFeatures with text's words (wordsOf) given.
func (p *Pack) featuresOf(text string, raw []string, fp featureParams, ranked []Result, known func(uint64) bool) (_ []classifier.Feature, words int) {
	var stems []string
	weights := make(map[uint64]float32, 8*len(raw))
	add := func(kind byte, s string, w float32) {
		if w <= 0 {
			return
		}
		k := featureKey(kind, s)
		weights[k] = max(weights[k], w)
	}
	for _, w := range raw {
		if featureStop[w] {
			continue
		}
		st := wordStem(w)
		if known != nil && !known(featureKey(featWord, st)) && p.index != nil {
			if c := p.index.corrected(w); c != "" {
				w, st = c, wordStem(c)
			}
		}
		if known != nil && known(featureKey(featWord, st)) {
			words++
		}
		stems = append(stems, st)
		add(featWord, st, 1)
		if strings.ContainsFunc(w, isDigit) {
			add(featShape, "number", 1)
			continue
		}
		charGrams(w, fp, func(g string) { add(featChars, g, fp.Chars) })
	}
	for i := 1; i < len(stems); i++ {
		add(featBigram, stems[i-1]+" "+stems[i], fp.Bigram)
	}
	if strings.ContainsAny(text, "$£€") {
		add(featShape, "money", 1)
	}
	add(featShape, lengthBucket(len(stems)), fp.Length)
	if p.index != nil {
		known, other := p.index.jobTitles.mentions(raw)
		if known {
			add(featShape, "title:known", 1)
		}
		if other {
			add(featShape, "title:other", 1)
		}
	}
	for _, i := range bestScores(ranked, rankedFeatures) {
		add(featRank, ranked[i].Topic.ID, fp.Rank*float32(ranked[i].Confidence))
	}

	out := make([]classifier.Feature, 0, len(weights))
	norm := 0.0
	for k, w := range weights {
		out = append(out, classifier.Feature{Key: k, Value: w})
		norm += float64(w) * float64(w)
	}
	slices.SortFunc(out, func(a, b classifier.Feature) int {
		switch {
		case a.Key < b.Key:
			return -1
		case a.Key > b.Key:
			return 1
		}
		return 0
	})
	scale := float32(1 / math.Sqrt(max(norm, 1e-12)))
	for i := range out {
		out[i].Value *= scale
	}
	return out, words
}

// wordStem is a word's Porter2 stem; a word with digits, capitals or
// other signs is its own stem.
func wordStem(w string) string {
	if isPlainWord(w) {
		return porter2.Stem(w)
	}
	return w
}

// charGrams calls fn with every run of fp.MinN to fp.MaxN letters of
// "<word>", the angle brackets marking where the word starts and ends.
func charGrams(w string, fp featureParams, fn func(string)) {
	if fp.Chars <= 0 || fp.MinN < 1 {
		return
	}
	s := "<" + w + ">"
	at := make([]int, 0, len(s)+1) // byte offsets of the runes
	for i := range s {
		at = append(at, i)
	}
	at = append(at, len(s))
	runes := len(at) - 1
	for n := fp.MinN; n <= fp.MaxN; n++ {
		for i := 0; i+n <= runes; i++ {
			fn(s[at[i]:at[i+n]])
		}
	}
}

// lengthBucket names how many content words a question has: a two-word
// query and a long story are asked differently.
func lengthBucket(n int) string {
	switch {
	case n <= 1:
		return "len:1"
	case n == 2:
		return "len:2"
	case n <= 4:
		return "len:3-4"
	case n <= 8:
		return "len:5-8"
	case n <= 16:
		return "len:9-16"
	}
	return "len:17+"
}

// featureKey hashes a feature's kind and text (FNV-1a, 64 bits).
func featureKey(kind byte, s string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	h = (h ^ uint64(kind)) * prime
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * prime
	}
	return h
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isPlainWord reports whether w is lower-case ASCII letters only, which is
// what the stemmer stems.
func isPlainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return utf8.ValidString(w)
}

// bestScores returns the indexes of the n results with the highest
// scores, best first (ties to the earlier), without sorting them all.
func bestScores(rs []Result, n int) []int {
	best := make([]int, 0, n+1)
	for i := range rs {
		at := len(best)
		for at > 0 && rs[i].Score > rs[best[at-1]].Score {
			at--
		}
		if at < n {
			best = slices.Insert(best, at, i)
			best = best[:min(len(best), n)]
		}
	}
	return best
}

// searched is what the pack's search makes of text: its results in pack
// order and the stems its words stand for (for passages).
func (p *Pack) searched(text string) ([]Result, [][]candidate) {
	return p.searchedWords(wordsOf(text))
}

// searchedWords is searched with the text's words (wordsOf) given.
func (p *Pack) searchedWords(words []string) ([]Result, [][]candidate) {
	if p.index == nil {
		return nil, nil
	}
	return p.rank(tokensOf(words))
}
