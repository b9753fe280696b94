package knowledge

import (
	"cmp"
	"regexp"
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
// each competency's name, id, keywords and description. Words that only
// say "a skill" ("management", "skills", "experience") weigh in but are
// never required. A competency is returned when it matches every other
// word of the query (or most of a longer one), or when one word names it
// (its name or a keyword) and the other words are words the competencies
// use, so "legacy systems" finds technical debt but "holiday plans" finds
// nothing.
func (p *Pack) MatchCompetencies(query string) []CompetencyMatch {
	all := competencyTokens(query, true)
	if len(all) == 0 {
		return nil
	}
	q := all
	if meaningful := slices.DeleteFunc(slices.Clone(all), func(t token) bool { return competencyFiller[t.word] }); len(meaningful) > 0 {
		q = meaningful
	}
	phrase := joinStems(all)
	words := p.competencyWords()
	var out []CompetencyMatch
	for ci, c := range p.Competencies {
		cw := words.of[ci]
		score, hit, named, loose := 0.0, 0, false, true
		for _, qt := range all {
			best, strong := 0.0, false
			for i, f := range cw.fields {
				w := competencyWeights[i] * wordMatch(qt, f)
				best = max(best, w)
				strong = strong || (i < 2 && w > 0)
			}
			score += best
			if competencyFiller[qt.word] && len(q) < len(all) {
				continue
			}
			switch {
			case best > 0:
				hit++
				named = named || strong
			case !words.vocab[qt.stem]:
				loose = false // a word no competency uses: the query is about something else
			}
		}
		if cw.phrases[phrase] {
			score += matchPhraseBonus
		}
		if score >= matchMinScore && (hit*3 >= len(q)*2 || named && loose) {
			out = append(out, CompetencyMatch{Competency: c, Score: score})
		}
	}
	slices.SortStableFunc(out, func(a, b CompetencyMatch) int { return cmp.Compare(b.Score, a.Score) })
	return out
}

// competencyFiller are words that only say "a skill" in a competency
// query ("vendor management", "communication skills").
var competencyFiller = map[string]bool{
	"management": true, "managing": true, "manage": true, "skills": true, "skill": true,
	"experience": true, "ability": true, "abilities": true, "competence": true, "competency": true,
	"handling": true,
}

// abbreviation matches "r&d", "m&a", "p&l": letters joined by an ampersand,
// which the search tokens would split into one-letter words and drop.
var abbreviation = regexp.MustCompile(`\b([A-Za-z]{1,2})&([A-Za-z]{1,2})\b`)

// itWord matches "IT" as a word; anyIT also matches "it", which in a
// query or a keyword means information technology, not the pronoun.
var (
	itWord = regexp.MustCompile(`\bIT\b`)
	anyIT  = regexp.MustCompile(`(?i)\bit\b`)
)

// competencyTokens are the search tokens of s with two things a search
// stop list loses kept: "IT" (as the word "infotech"; lower-case "it" too
// when anyCase, for queries and keywords) and abbreviations such as "r&d".
func competencyTokens(s string, anyCase bool) []token {
	s = abbreviation.ReplaceAllString(s, "${1}${2}")
	if anyCase {
		s = anyIT.ReplaceAllString(s, "infotech")
	} else {
		s = itWord.ReplaceAllString(s, "infotech")
	}
	return tokens(s)
}

// competencyWeights are what a query word counts for, by field of
// competencyWord.fields: name and id, keywords, description.
var competencyWeights = [3]float64{matchWeightName, matchWeightKeyword, matchWeightDescription}

// competencyWords are the competencies' words as MatchCompetencies reads
// them, worked out once per pack (see newIndex): tokenizing them again for
// every query cost about 2 ms.
type competencyWords struct {
	of    []competencyWord // by index into Pack.Competencies
	vocab map[string]bool  // every stem any competency uses
}

// competencyWord is one competency's words.
type competencyWord struct {
	fields  [3][]token      // name and id, keywords, description
	phrases map[string]bool // the joined stems of its name and of each keyword
}

// newCompetencyWords tokenizes the competencies of p.
func newCompetencyWords(p *Pack) *competencyWords {
	w := &competencyWords{of: make([]competencyWord, len(p.Competencies)), vocab: map[string]bool{}}
	for i, c := range p.Competencies {
		cw := competencyWord{phrases: map[string]bool{}}
		cw.fields[0] = competencyTokens(c.Name+" "+strings.ReplaceAll(c.ID, "-", " "), false)
		cw.fields[1] = competencyTokens(strings.Join(c.Keywords, " , "), true)
		cw.fields[2] = competencyTokens(c.Description, false)
		for _, k := range append([]string{c.Name}, c.Keywords...) {
			cw.phrases[joinStems(competencyTokens(strings.ReplaceAll(k, "-", " "), true))] = true
		}
		for _, toks := range [][]token{competencyTokens(c.Name+" "+c.Description, false), cw.fields[1]} {
			for _, t := range toks {
				w.vocab[t.stem] = true
			}
		}
		w.of[i] = cw
	}
	return w
}

// competencyWords returns p's competency words: from its index when Load
// built one, worked out now for a pack put together by hand.
func (p *Pack) competencyWords() *competencyWords {
	if p.index != nil && p.index.competencies != nil {
		return p.index.competencies()
	}
	return newCompetencyWords(p)
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
