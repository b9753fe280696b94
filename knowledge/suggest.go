package knowledge

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxSuggestions is how many "did you mean" words Suggest returns.
const maxSuggestions = 5

// Suggest returns the words a user probably meant by word: role's topic
// names (an alias counts for its topic), and the pack's role and kind ids,
// that are within a small edit distance of word, or that word begins or is
// a hyphenated part of; best first, at most five. For "responsibilites" it
// gives "responsibilities", for "infra" "infrastructure". Role "" means
// every role's topics.
func (p *Pack) Suggest(word, role string) []string {
	w := strings.Trim(strings.Join(strings.Fields(normalize(word)), "-"), "-?!.,;:")
	n := utf8.RuneCountInString(w)
	if n == 0 || n > 2*maxID {
		return nil
	}
	type hit struct {
		word  string
		score int // lower is better
		order int
	}
	var hits []hit
	consider := func(out, c string) {
		s, ok := closeness(w, c)
		if !ok {
			return
		}
		for i := range hits {
			if hits[i].word == out {
				hits[i].score = min(hits[i].score, s)
				return
			}
		}
		hits = append(hits, hit{out, s, len(hits)})
	}
	for _, t := range p.Topics {
		if role != "" && t.Role != role {
			continue
		}
		consider(t.Name, t.Name)
		for _, a := range t.Aliases {
			consider(t.Name, a)
		}
	}
	for _, r := range p.Roles {
		consider(r.ID, r.ID)
	}
	for _, k := range p.Kinds {
		if role == "" || k.Role == role {
			consider(k.ID, k.ID)
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.score, b.score), cmp.Compare(a.order, b.order))
	})
	var out []string
	for _, h := range hits {
		if h.word != w && len(out) < maxSuggestions {
			out = append(out, h.word)
		}
	}
	return out
}

// closeness scores how well candidate c fits the typed word w (lower is
// better) and reports whether it fits at all. Within reach are one edit
// for words of up to five letters, two up to ten and three beyond; a
// prefix of three letters or more; and an exact hyphenated part ("leader"
// of "technical-leader").
func closeness(w, c string) (int, bool) {
	n := utf8.RuneCountInString(w)
	allowed := 1
	switch {
	case n > 10:
		allowed = 3
	case n > 5:
		allowed = 2
	}
	if d := distance(w, c, allowed); d <= allowed && plausibleTypo(w, c) {
		return 2 * d, true
	}
	if n >= 3 && strings.HasPrefix(c, w) {
		return 1, true
	}
	if n >= 3 && strings.Contains(c, "-") && slices.Contains(strings.Split(c, "-"), w) {
		return 3, true
	}
	return 0, false
}
