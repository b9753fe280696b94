package wording

import (
	"regexp/syntax"
	"strings"
)

// requiredLiterals returns strings of which at least one must occur, in
// lower case, in any text the expression matches; nil when it cannot tell.
// The checker skips a "re:" pattern on text that contains none of them,
// which saves running the regexp engine over most of an ad.
func requiredLiterals(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	alts := required(re.Simplify())
	for _, a := range alts {
		if a == "" {
			return nil
		}
	}
	return alts
}

// required returns the alternatives one of which a match of re must
// contain, or nil.
func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		// Any child's requirement holds for the whole; keep the most
		// selective, the one whose shortest alternative is longest.
		var best []string
		for _, sub := range re.Sub {
			if alts := required(sub); alts != nil && shortest(alts) > shortest(best) {
				best = alts
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			alts := required(sub)
			if alts == nil {
				return nil
			}
			all = append(all, alts...)
		}
		return all
	}
	return nil
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

// mayMatch reports whether lower, a lower-cased text, contains one of the
// required literals (or there are none to require).
func mayMatch(lower string, literals []string) bool {
	if len(literals) == 0 {
		return true
	}
	for _, l := range literals {
		if strings.Contains(lower, l) {
			return true
		}
	}
	return false
}
