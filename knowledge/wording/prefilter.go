package wording

import (
	"cmp"
	"regexp/syntax"
	"slices"
	"strings"
)

// requiredLiterals returns what any text the expression matches must
// contain, in lower case: a list of clauses, each a list of strings of which
// at least one occurs; nil when it cannot tell. The checker skips a "re:"
// pattern on text that fails a clause, which saves running the regexp
// engine over most of an ad.
func requiredLiterals(expr string) [][]string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	// Checking a clause costs a search per string, so keep the few that
	// rule out most text: short lists of long strings, checked first.
	// The expression is not simplified first: Simplify spells out counted
	// repeats, and a nested one such as (?:a{1000}){1000} would become a
	// million clauses (a rule overlay is user input; FuzzNewChecker found
	// it). required reads a repeat as its body instead.
	var clauses [][]string
	seen := map[string]bool{}
	for _, c := range required(re) {
		if key := strings.Join(c, "\x00"); !seen[key] {
			seen[key] = true
			clauses = append(clauses, c)
		}
	}
	slices.SortStableFunc(clauses, func(a, b []string) int {
		return cmp.Or(cmp.Compare(len(a), len(b)), cmp.Compare(shortest(b), shortest(a)))
	})
	return clauses[:min(len(clauses), maxClauses)]
}

// maxClauses is how many clauses the prefilter keeps; maxCollected bounds
// how many it looks at in one concatenation.
const (
	maxClauses   = 5
	maxCollected = 256
)

// required returns the clauses a match of re must satisfy.
func required(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		return [][]string{{strings.ToLower(string(re.Rune))}}
	case syntax.OpCharClass:
		// A small class such as [0-9] is one of its characters.
		return charClass(re.Rune)
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		// Every child's clauses hold for the whole; a few hundred are more
		// than enough to pick the best maxClauses from.
		var all [][]string
		for _, sub := range re.Sub {
			if len(all) >= maxCollected {
				break
			}
			all = append(all, required(sub)...)
		}
		return all
	case syntax.OpAlternate:
		// One alternative matches: the union of each one's most selective
		// clause.
		var union []string
		for _, sub := range re.Sub {
			best := bestClause(required(sub))
			if best == nil {
				return nil
			}
			union = append(union, best...)
		}
		return [][]string{union}
	}
	return nil
}

// charClass returns the clause of a character class of at most ten
// printable ASCII characters (its runes come in ranges, lo-hi pairs); nil
// for bigger ones and for white space, which every text has.
func charClass(ranges []rune) [][]string {
	var chars []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if r <= ' ' || r > '~' || len(chars) == 10 {
				return nil
			}
			chars = append(chars, strings.ToLower(string(r)))
		}
	}
	slices.Sort(chars)
	return [][]string{slices.Compact(chars)}
}

// bestClause returns the most selective clause: the one whose shortest
// string is longest.
func bestClause(clauses [][]string) []string {
	var best []string
	for _, c := range clauses {
		if shortest(c) > shortest(best) {
			best = c
		}
	}
	return best
}

func shortest(alts []string) int {
	if len(alts) == 0 {
		return 0
	}
	n := len(alts[0])
	for _, a := range alts[1:] {
		n = min(n, len(a))
	}
	return n
}

// A literal is a string a prefilter clause looks for, with the hash of its
// first bytes (see textIndex), so that most misses cost a bit test instead
// of a search.
type literal struct {
	text string
	hash int // the byte itself, the bigram or the trigram hash, by len(text)
}

// compileClauses attaches the hashes to the clauses.
func compileClauses(clauses [][]string) [][]literal {
	out := make([][]literal, len(clauses))
	for i, c := range clauses {
		for _, s := range c {
			l := literal{text: s}
			switch {
			case len(s) >= 3:
				l.hash = trigram(s[0], s[1], s[2])
			case len(s) == 2:
				l.hash = bigram(s[0], s[1])
			case len(s) == 1:
				l.hash = int(s[0])
			}
			out[i] = append(out[i], l)
		}
	}
	return out
}

// A textIndex holds bit sets of a lower-cased text's bytes, bigram hashes
// and trigram hashes: a literal whose bit is clear is not in the text, and
// a one-byte literal is in it exactly when its bit is set.
type textIndex struct {
	bytes [4]uint64
	bi    [16]uint64
	tri   [16]uint64
}

func trigram(a, b, c byte) int { return (int(a)*961 + int(b)*31 + int(c)) & 1023 }

func bigram(a, b byte) int { return (int(a)*31 + int(b)) & 1023 }

// newTextIndex returns the index of lower.
func newTextIndex(lower string) (t textIndex) {
	for i := 0; i < len(lower); i++ {
		b := lower[i]
		t.bytes[b>>6] |= 1 << (b & 63)
		if i+1 < len(lower) {
			h := bigram(b, lower[i+1])
			t.bi[h>>6] |= 1 << (h & 63)
		}
		if i+2 < len(lower) {
			h := trigram(b, lower[i+1], lower[i+2])
			t.tri[h>>6] |= 1 << (h & 63)
		}
	}
	return t
}

// mayContain reports whether lower, indexed by ix, may contain l.
func (ix *textIndex) mayContain(lower string, l literal) bool {
	h := l.hash
	switch len(l.text) {
	case 0:
		return true
	case 1:
		return ix.bytes[h>>6]&(1<<(h&63)) != 0
	case 2:
		if ix.bi[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	default:
		if ix.tri[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return strings.Contains(lower, l.text)
}

// mayMatch reports whether lower, a lower-cased text whose index is ix,
// satisfies every clause: contains one string of each.
func mayMatch(lower string, ix *textIndex, clauses [][]literal) bool {
	for _, c := range clauses {
		found := false
		for _, l := range c {
			if ix.mayContain(lower, l) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
