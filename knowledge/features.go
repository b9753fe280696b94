package knowledge

import (
	"math"
	"slices"
	"strings"
	"sync"
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
	return p.featuresOf(text, wordsOf(text), fp, ranked, known, nil)
}

// featuresOf is questionFeatures with text's words (wordsOf) given.
// The features are appended to buf[:0], which may be nil.
func (p *Pack) featuresOf(text string, raw []string, fp featureParams, ranked []Result, known func(uint64) bool, buf []classifier.Feature) (_ []classifier.Feature, words int) {
	seen := scratchPool.Get().(*scratch)
	defer scratchPool.Put(seen)
	seen.reset()
	out := buf[:0]
	add := func(k uint64, w float32) {
		if w <= 0 {
			return
		}
		if at, ok := seen.at(k, len(out)); ok {
			out[at].Value = max(out[at].Value, w)
			return
		}
		out = append(out, classifier.Feature{Key: k, Value: w})
	}
	prev := uint64(0) // the bigram key of the previous stem alone, or 0
	stems := 0
	social := [Chat + 1]bool{}
	for _, w := range raw {
		if c, ok := chatWords[w]; ok {
			if c == "" {
				continue // "tbh", "btw": filler
			}
			w = c // "u" → "you", "mgmt" → "management"
		}
		if s := socialWordOf(w); s != NotSocial {
			// A greeting, thanks or a laugh says how the question is
			// asked, not what about: one feature for each kind, never
			// the word itself.
			if !social[s] {
				social[s] = true
				add(featureKey(featShape, socialFeature[s]), 1)
			}
			words++
			continue
		}
		if featureStop[w] {
			continue
		}
		st := p.wordStem(w)
		if known != nil && !known(featureKey(featWord, st)) && p.index != nil {
			if c := p.index.corrected(w); c != "" {
				w, st = c, p.wordStem(c)
			}
		}
		if known != nil && known(featureKey(featWord, st)) {
			words++
		}
		stems++
		add(featureKey(featWord, st), 1)
		if prev != 0 {
			add(keyAppend(keyAppend(prev, " "), st), fp.Bigram)
		}
		prev = keyAppend(featureKey(featBigram, ""), st)
		if strings.ContainsFunc(w, isDigit) {
			add(featureKey(featShape, "number"), 1)
			if letters := strings.TrimRightFunc(w, isDigit); letters != w && len(letters) > 1 && isPlainWord(letters) {
				add(featureKey(featWord, letters), 1) // "soc2" is "soc" and a number
			}
			continue
		}
		charGramKeys(w, fp, func(k uint64) { add(k, fp.Chars) })
	}
	if strings.Contains(text, "$") || strings.Contains(text, "£") || strings.Contains(text, "€") {
		add(featureKey(featShape, "money"), 1)
	}
	add(featureKey(featShape, lengthBucket(stems)), fp.Length)
	if p.index != nil {
		known, other := p.index.jobTitles.mentions(raw, p.index.corrected)
		if known {
			add(featureKey(featShape, "title:known"), 1)
		}
		if other {
			add(featureKey(featShape, "title:other"), 1)
		}
	}
	for _, i := range bestScores(ranked, rankedFeatures) {
		add(featureKey(featRank, ranked[i].Topic.ID), fp.Rank*float32(ranked[i].Confidence))
	}
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

// scratch finds a feature key already added to a question's features
// without a map: an open-addressing table whose slots belong to the
// current question only when stamped with its generation, so that it
// needs no clearing between questions.
type scratch struct {
	keys []uint64
	pos  []int32
	gen  []uint32
	now  uint32
}

// scratchSlots is the size of a scratch table: more than twice the most
// features a question of MaxArgs characters can have.
const scratchSlots = 1 << 13

var scratchPool = sync.Pool{New: func() any {
	return &scratch{keys: make([]uint64, scratchSlots), pos: make([]int32, scratchSlots), gen: make([]uint32, scratchSlots)}
}}

// reset starts a new question.
func (s *scratch) reset() {
	s.now++
	if s.now == 0 { // wrapped: stamps of old questions could look current
		clear(s.gen)
		s.now = 1
	}
}

// at returns where key was added, or records it at next and reports
// false. Past the table's capacity, keys are no longer recorded (and may
// repeat).
func (s *scratch) at(key uint64, next int) (int, bool) {
	mask := uint64(scratchSlots - 1)
	for i, probes := key&mask, 0; probes < scratchSlots/2; i, probes = (i+1)&mask, probes+1 {
		if s.gen[i] != s.now {
			s.gen[i], s.keys[i], s.pos[i] = s.now, key, int32(next)
			return 0, false
		}
		if s.keys[i] == key {
			return int(s.pos[i]), true
		}
	}
	return 0, false
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

// charGramKeys calls fn with the feature key of every run of fp.MinN to
// fp.MaxN letters of "<word>", the angle brackets marking where the word
// starts and ends, hashing as it goes rather than building the runs.
func charGramKeys(w string, fp featureParams, fn func(uint64)) {
	if fp.Chars <= 0 || fp.MinN < 1 || fp.MaxN < fp.MinN {
		return
	}
	if !isASCII(w) {
		charGrams(w, fp, func(g string) { fn(featureKey(featChars, g)) })
		return
	}
	base := featureKey(featChars, "")
	runes := len(w) + 2
	at := func(i int) byte {
		switch i {
		case 0:
			return '<'
		case runes - 1:
			return '>'
		}
		return w[i-1]
	}
	// In the order charGrams gives them: by length, then by start.
	for n := fp.MinN; n <= fp.MaxN; n++ {
		for i := 0; i+n <= runes; i++ {
			h := base
			for j := i; j < i+n; j++ {
				h = (h ^ uint64(at(j))) * fnvPrime
			}
			fn(h)
		}
	}
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

// chatWords are what people type in chat for a longer word, as the topic
// model reads them: the search's shorthand ("mgmt", "eng") and the
// texting kind ("u", "pls", "w/" as "w"), so that a question typed in a
// hurry has the features of one typed in full.
var chatWords = func() map[string]string {
	m := map[string]string{
		"u": "you", "ur": "your", "r": "are", "y": "why", "n": "and", "w": "with",
		"pls": "please", "plz": "please", "thx": "thanks", "thnx": "thanks",
		"tnx": "thanks", "ty": "thanks", "tysm": "thanks", "thks": "thanks",
		"bc": "because", "bcz": "because", "cuz": "because", "coz": "because", "b4": "before",
		"abt": "about", "ppl": "people", "yr": "year", "yrs": "years", "mo": "month",
		"mos": "months", "wk": "week", "wks": "weeks", "hrs": "hours",
		"govt": "government", "mgr": "manager", "mgrs": "managers", "dept": "department",
		"exp": "experience", "yoe": "experience", "req": "requirement", "reqs": "requirements",
		"wo": "without", "diff": "difference",
		"btw": "", "tbh": "", "imo": "", "imho": "", "fyi": "", "afaik": "", "idk": "",
		"rn": "now", "atm": "now", "gonna": "going", "wanna": "want", "gotta": "must",
	}
	for k, v := range shorthand {
		m[k] = v
	}
	return m
}()

// socialFeature names the feature of each kind of social word.
var socialFeature = [...]string{Greeting: "social:greeting", Thanks: "social:thanks",
	Goodbye: "social:goodbye", Chat: "social:chat"}

// chatSocial are social words the rules leave alone (a laugh is no reply
// on its own) but the topic model reads as small talk.
var chatSocial = wordSet(`lol lmao rofl haha hahaha hehe heh lmfao xd omg wow`)

// socialWordOf says what kind of small talk word w is: a greeting, thanks
// or goodbye (see socialWords), a laugh (Chat), or NotSocial. A nod ("ok",
// "perfect") is NotSocial here: inside a question it is an ordinary word.
func socialWordOf(w string) Social {
	if chatSocial[w] {
		return Chat
	}
	switch s := socialWords[w]; s {
	case Greeting, Thanks, Goodbye:
		if w == "later" || w == "morning" || w == "afternoon" || w == "evening" {
			return NotSocial // "later stage", "morning stand-up": ordinary words in a question
		}
		return s
	}
	return NotSocial
}
