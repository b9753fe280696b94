package wording

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hirebot/hirebot/knowledge/internal/stem"
)

// The number classes a normalised word may be: what matters about a
// number in a job ad is whether it could be a year, a decade or an age.
const (
	numYear   = "#year"   // 1940 to 2039
	numDecade = "#decade" // "1990s", "90s", "'90s", "thirties"
	numAge    = "#n2"     // a two-digit number: an age, years of experience
	numOther  = "#num"    // any other number
)

// numberWords are the number words that may stand for an age or a count
// of years; decadeWords the decades of a life.
var (
	numberWords = map[string]bool{
		"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
		"nine": true, "ten": true, "eleven": true, "twelve": true, "fifteen": true, "twenty": true, "thirty": true,
		"forty": true, "fifty": true, "sixty": true, "seventy": true,
	}
	decadeWords = map[string]bool{
		"twenties": true, "thirties": true, "forties": true, "fifties": true, "sixties": true, "seventies": true,
		"twentysomething": true, "thirtysomething": true,
	}
)

// norm returns the normalised form of a token's word: a number class for
// numbers and decades, else its Porter2 stem.
func norm(w string) string {
	if w == "" {
		return w
	}
	if c := w[0]; c >= '0' && c <= '9' {
		return numberClass(w)
	}
	switch {
	case decadeWords[w]:
		return numDecade
	case numberWords[w]:
		return numAge
	}
	return stem.Stem(w)
}

// numberClass sorts a token that starts with a digit.
func numberClass(w string) string {
	digits := strings.TrimRight(w, "s")
	if strings.Trim(digits, "0123456789") != "" {
		// "25k", "3rd", "2.5", "180,000"
		return numOther
	}
	switch {
	case len(digits) == 4 && w != digits && (digits[:2] == "19" || digits[:2] == "20"):
		return numDecade
	case len(digits) == 2 && w != digits && digits[1] == '0':
		return numDecade
	case len(digits) == 4 && (digits[:2] == "19" && digits[2] >= '4' || digits[:2] == "20" && digits[2] <= '3'):
		return numYear
	case len(digits) == 2:
		return numAge
	}
	return numOther
}

// normalise fills in the normalised form of every token, through
// normCache.
func normalise(toks []token) {
	for i := range toks {
		toks[i].norm = cachedNorm(toks[i].word)
	}
}

// normCache keeps the normalised forms of the words checks have met, so
// that the words every ad shares are stemmed once per process. It is a
// pure memo of norm, safe for concurrent use, and stops growing at
// maxNormCache words, so an endless stream of new words cannot grow it
// without bound.
var (
	normCache     sync.Map // word → norm(word)
	normCacheSize atomic.Int64
)

const maxNormCache = 50_000

func cachedNorm(w string) string {
	if n, ok := normCache.Load(w); ok {
		return n.(string)
	}
	n := norm(w)
	if normCacheSize.Load() < maxNormCache {
		if _, loaded := normCache.LoadOrStore(strings.Clone(w), n); !loaded {
			normCacheSize.Add(1)
		}
	}
	return n
}
