package knowledge

import (
	"cmp"
	"slices"
	"strings"
)

// How much a query word counts when it meets a competency's name or id,
// one of its keywords, or its description; and the bonus when the whole
// query is one of its keywords ("people management").
const (
	matchWeightName        = 3
	matchWeightKeyword     = 3
	matchWeightDescription = 0.5
	matchPhraseBonus       = 6
	// matchMinScore is the least a competency must score to count as meant.
	matchMinScore = 1.5
)

// CompetencyMatch is one competency found by MatchCompetencies.
type CompetencyMatch struct {
	Competency Competency
	Score      float64 // higher is better; comparable within one call only
}

// MatchCompetencies returns the competencies that the words people type
// ("hiring", "people management", "budget", "negotiaton") most likely mean,
// best first. It reads the query as Search does — normalised, stemmed, stop
// words dropped, typos of longer words forgiven — and matches it against
// each competency's name, id, keywords and description. A competency must
// match every word of the query, or most of a longer one, to be returned.
func (p *Pack) MatchCompetencies(query string) []CompetencyMatch {
	q := tokens(strings.ReplaceAll(query, "-", " "))
	if len(q) == 0 {
		return nil
	}
	phrase := joinStems(q)
	var out []CompetencyMatch
	for _, c := range p.Competencies {
		score, hit := 0.0, 0
		fields := []struct {
			weight float64
			toks   []token
		}{
			{matchWeightName, tokens(c.Name + " " + strings.ReplaceAll(c.ID, "-", " "))},
			{matchWeightKeyword, tokens(strings.Join(c.Keywords, " "))},
			{matchWeightDescription, tokens(c.Description)},
		}
		for _, qt := range q {
			best := 0.0
			for _, f := range fields {
				best = max(best, f.weight*wordMatch(qt, f.toks))
			}
			if best > 0 {
				hit++
			}
			score += best
		}
		for _, k := range append([]string{c.Name}, c.Keywords...) {
			if joinStems(tokens(strings.ReplaceAll(k, "-", " "))) == phrase {
				score += matchPhraseBonus
				break
			}
		}
		if score >= matchMinScore && hit*3 >= len(q)*2 {
			out = append(out, CompetencyMatch{Competency: c, Score: score})
		}
	}
	slices.SortStableFunc(out, func(a, b CompetencyMatch) int { return cmp.Compare(b.Score, a.Score) })
	return out
}

// wordMatch says how well query word qt meets the words toks: 1 for the
// same stem, less for a near miss (a typo or a prefix), 0 for none.
func wordMatch(qt token, toks []token) float64 {
	best := 0.0
	allowed := editsAllowed(len([]rune(qt.word)))
	for _, t := range toks {
		switch {
		case t.stem == qt.stem:
			return 1
		case allowed > 0 && distance(qt.word, t.word, allowed) <= allowed:
			d := distance(qt.word, t.word, allowed)
			best = max(best, map[int]float64{1: weightOneEdit, 2: weightTwoEdits}[d])
		case len(qt.word) >= minPrefixLen && strings.HasPrefix(t.word, qt.word):
			best = max(best, weightPrefix)
		}
	}
	return best
}

// joinStems returns the stems of toks joined by spaces.
func joinStems(toks []token) string {
	s := make([]string, len(toks))
	for i, t := range toks {
		s[i] = t.stem
	}
	return strings.Join(s, " ")
}
