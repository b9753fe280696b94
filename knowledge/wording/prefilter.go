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
// first three bytes (-1 when it is shorter), so that most misses cost a bit
// test instead of a search.
type literal struct {
	text string
	tri  int
}

// compileClauses attaches the trigram hashes to the clauses.
func compileClauses(clauses [][]string) [][]literal {
	out := make([][]literal, len(clauses))
	for i, c := range clauses {
		for _, s := range c {
			l := literal{text: s, tri: -1}
			if len(s) >= 3 {
				l.tri = trigram(s[0], s[1], s[2])
			}
			out[i] = append(out[i], l)
		}
	}
	return out
}

// trigrams is a bit set of the trigram hashes of a text.
type trigrams [16]uint64

func trigram(a, b, c byte) int { return (int(a)*961 + int(b)*31 + int(c)) & 1023 }

// newTrigrams returns the trigram set of lower.
func newTrigrams(lower string) *trigrams {
	var t trigrams
	for i := 0; i+2 < len(lower); i++ {
		h := trigram(lower[i], lower[i+1], lower[i+2])
		t[h>>6] |= 1 << (h & 63)
	}
	return &t
}

// mayMatch reports whether lower, a lower-cased text whose trigram set is
// tg, satisfies every clause: contains one string of each.
func mayMatch(lower string, tg *trigrams, clauses [][]literal) bool {
	for _, c := range clauses {
		if !slices.ContainsFunc(c, func(l literal) bool {
			if l.tri >= 0 && tg[l.tri>>6]&(1<<(l.tri&63)) == 0 {
				return false
			}
			return strings.Contains(lower, l.text)
		}) {
			return false
		}
	}
	return true
}
