package locale

import (
	"slices"
	"strings"
	"unicode"

	"github.com/hirebot/hirebot/knowledge/paylaw"
)

// token is a word of a text and where it is.
type token struct {
	word       string // folded and lower-cased: "résumé" → "resume"
	start, end int    // byte offsets in the text
}

// tokens splits text into words of letters and digits. Apostrophes are
// dropped ("days' holiday" → days holiday); anything else separates words
// ("401(k)" → 401 k, "auto-enrolment" → auto enrolment).
func tokens(text string) []token {
	var out []token
	var cur strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, token{word: strings.ToLower(paylaw.Fold(cur.String())), start: start, end: end})
		}
		cur.Reset()
		start = -1
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			cur.WriteRune(r)
		case r == '\'' || r == '’':
		default:
			flush(i)
		}
	}
	flush(len(text))
	return out
}

// Hit is a phrase found in a text.
type Hit struct {
	ID         string // what was found: a term's or a benefit's id, or a currency code
	Text       string // the words as written
	Start, End int    // byte offsets in the text
}

// matcher finds phrases, the longest first, without overlaps.
type matcher struct {
	byFirst map[string][]phrase
}

type phrase struct {
	words []string
	id    string
}

func newMatcher() *matcher { return &matcher{byFirst: map[string][]phrase{}} }

// add adds a phrase for id; it reports false for a phrase with no words.
func (m *matcher) add(text, id string) bool {
	var ws []string
	for _, t := range tokens(text) {
		ws = append(ws, t.word)
	}
	if len(ws) == 0 {
		return false
	}
	list := append(m.byFirst[ws[0]], phrase{ws, id})
	slices.SortStableFunc(list, func(a, b phrase) int { return len(b.words) - len(a.words) })
	m.byFirst[ws[0]] = list
	return true
}

// find returns every phrase in text, in order.
func (m *matcher) find(text string) []Hit {
	toks := tokens(text)
	var hits []Hit
	for i := 0; i < len(toks); {
		n := 0
		for _, p := range m.byFirst[toks[i].word] {
			if i+len(p.words) <= len(toks) && slices.EqualFunc(p.words, toks[i:i+len(p.words)], func(w string, t token) bool { return w == t.word }) {
				start, end := toks[i].start, toks[i+len(p.words)-1].end
				if strings.Count(text[start:end], "(") > strings.Count(text[start:end], ")") && strings.HasPrefix(text[end:], ")") {
					end++ // "401(k)" ends with its bracket
				}
				hits = append(hits, Hit{ID: p.id, Text: text[start:end], Start: start, End: end})
				n = len(p.words)
				break
			}
		}
		i += max(n, 1)
	}
	return hits
}
