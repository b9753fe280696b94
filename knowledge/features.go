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
	raw := wordsOf(text)
	return p.featuresOf(text, raw, p.titlesOf(raw), fp, ranked, known, nil)
}

// featuresOf is questionFeatures with text's words (wordsOf) and what
// they say of job titles (titlesOf) given. The features are appended to
// buf[:0], which may be nil.
func (p *Pack) featuresOf(text string, raw []string, titles titleMention, fp featureParams, ranked []Result, known func(uint64) bool, buf []classifier.Feature) (_ []classifier.Feature, words int) {
	seen := scratchPool.Get().(*scratch)
	defer scratchPool.Put(seen)
	seen.reset(buf[:0])
	var gramBuf [4 * maxToken]uint64
	prev := uint64(0) // the bigram key of the previous stem alone, or 0
	stems := 0
	social := [Chat + 1]bool{}
	for _, w := range raw {
		kind, special := featureWords[w]
		if special {
			if kind.filler {
				continue // "tbh", "btw": filler
			}
			w = kind.word // "u" → "you", "mgmt" → "management"
		}
		if s := kind.social; s != NotSocial {
			// A greeting, thanks or a laugh says how the question is
			// asked, not what about: one feature for each kind, never
			// the word itself.
			if !social[s] {
				social[s] = true
				seen.add(featureKey(featShape, socialFeature[s]), 1)
			}
			words++
			continue
		}
		if kind.stop {
			continue
		}
		st := p.wordStem(w)
		key := featureKey(featWord, st)
		if known != nil {
			has := known(key)
			if !has && p.index != nil {
				if c := p.index.corrected(w); c != "" {
					w, st = c, p.wordStem(c)
					key = featureKey(featWord, st)
					has = known(key)
				}
			}
			if has {
				words++
			}
		}
		stems++
		seen.add(key, 1)
		if prev != 0 {
			seen.add(keyAppend(keyAppend(prev, " "), st), fp.Bigram)
		}
		prev = keyAppend(featureKey(featBigram, ""), st)
		if strings.ContainsFunc(w, isDigit) {
			seen.add(featureKey(featShape, "number"), 1)
			if letters := strings.TrimRightFunc(w, isDigit); letters != w && len(letters) > 1 && isPlainWord(letters) {
				seen.add(featureKey(featWord, letters), 1) // "soc2" is "soc" and a number
			}
			continue
		}
		for _, k := range appendCharGramKeys(gramBuf[:0], w, fp) {
			seen.add(k, fp.Chars)
		}
	}
	if asksPermission(raw) {
		seen.add(featureKey(featShape, "permission"), 2)
	}
	if strings.Contains(text, "$") || strings.Contains(text, "£") || strings.Contains(text, "€") {
		seen.add(featureKey(featShape, "money"), 1)
	}
	seen.add(featureKey(featShape, lengthBucket(stems)), fp.Length)
	if titles.known {
		seen.add(featureKey(featShape, "title:known"), 1)
	}
	if titles.other {
		seen.add(featureKey(featShape, "title:other"), 1)
	}
	for _, i := range bestScores(ranked, rankedFeatures) {
		seen.add(featureKey(featRank, ranked[i].Topic.ID), fp.Rank*float32(ranked[i].Confidence))
	}
	out := seen.out
	seen.out = nil // the caller's now
	return normalised(out), words
}

// normalised scales the vector out to length 1, in place. The features
// are in the order they were found: nothing needs them sorted.
func normalised(out []classifier.Feature) []classifier.Feature {
	norm := 0.0
	for _, f := range out {
		norm += float64(f.Value) * float64(f.Value)
	}
	scale := float32(1 / math.Sqrt(max(norm, 1e-12)))
	for i := range out {
		out[i].Value *= scale
	}
	return out
}

// wordStem is wordStem, looked up for the pack's words.
func (p *Pack) wordStem(w string) string {
	if p.index != nil {
		if s, ok := p.index.porter[w]; ok {
			return s
		}
	}
	return wordStem(w)
}

// wordStem is a word's Porter2 stem; a word with digits, capitals or
// other signs is its own stem.
func wordStem(w string) string {
	if isPlainWord(w) {
		return porter2.Stem(w)
	}
	return w
}

// appendCharGramKeys appends to dst the feature key of every run of
// fp.MinN to fp.MaxN letters of "<word>", the angle brackets marking
// where the word starts and ends, hashing as it goes rather than building
// the runs.
func appendCharGramKeys(dst []uint64, w string, fp featureParams) []uint64 {
	if fp.Chars <= 0 || fp.MinN < 1 || fp.MaxN < fp.MinN {
		return dst
	}
	if !isASCII(w) {
		charGrams(w, fp, func(g string) { dst = append(dst, featureKey(featChars, g)) })
		return dst
	}
	base := featureKey(featChars, "")
	var buf [maxToken + 2]byte
	s := append(append(append(buf[:0], '<'), w...), '>')
	// In the order charGrams gives them: by length, then by start.
	for n := fp.MinN; n <= fp.MaxN; n++ {
		for i := 0; i+n <= len(s); i++ {
			h := base
			for _, c := range s[i : i+n] {
				h = (h ^ uint64(c)) * fnvPrime
			}
			dst = append(dst, h)
		}
	}
	return dst
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
	const offset = 14695981039346656037
	return keyAppend((offset^uint64(kind))*fnvPrime, s)
}

// fnvPrime is FNV-1a's 64-bit prime.
const fnvPrime = 1099511628211

// keyAppend continues the hash h with s: featureKey(k, a+b) is
// keyAppend(featureKey(k, a), b), with no string built.
func keyAppend(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
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

// searched is what the pack's search makes of text: its best
// rankedFeatures results, best first, and the stems its words stand for
// (for passages).
func (p *Pack) searched(text string) ([]Result, [][]candidate) {
	return p.searchedWords(wordsOf(text))
}

// searchedWords is searched with the text's words (wordsOf) given.
func (p *Pack) searchedWords(words []string) ([]Result, [][]candidate) {
	if p.index == nil {
		return nil, nil
	}
	return p.rankBest(tokensOf(words), rankedFeatures)
}

// asksPermission reports whether a question's words ask what one may or
// must do, the shape of a legal question whatever its subject: "can we
// …", "is it ok to …", "are we allowed", "do we have to", "lawfully",
// "without getting sued", "are we liable". Its stop words ("can", "is",
// "ok") are otherwise dropped from the features.
func asksPermission(words []string) bool {
	at := func(i int) string {
		if i >= 0 && i < len(words) {
			return strings.ToLower(words[i])
		}
		return ""
	}
	for i := range words {
		w := at(i)
		switch w {
		case "legal", "legally", "illegal", "lawful", "lawfully", "unlawful", "allowed", "permitted", "liable", "liability", "sued", "sue", "lawsuit":
			return true
		case "can", "may", "could":
			if n := at(i + 1); n == "we" || n == "i" || n == "they" || n == "the" {
				return true
			}
		case "ok", "okay", "fine":
			if at(i-1) == "it" && at(i-2) == "is" || at(i-1) == "it's" || at(i-1) == "its" {
				return true
			}
		case "have", "need":
			if at(i+1) == "to" && (at(i-1) == "we" || at(i-1) == "i") && (at(i-2) == "do" || at(i-2) == "must") {
				return true
			}
		case "required", "obliged", "obligated":
			if at(i-1) == "we" && at(i-2) == "are" || at(i-1) == "i" && at(i-2) == "am" {
				return true
			}
		}
	}
	return false
}
