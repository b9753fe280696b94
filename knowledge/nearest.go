package knowledge

import (
	"cmp"
	"slices"
	"strings"
)

// Nearest returns the candidates within a small edit distance of word (or
// that start with it), closest first, at most five; a short word only for
// a dropped or swapped letter (see plausibleTypo: "cfo" is not "cto"). It
// is the "did you mean" of commands whose words are not topic names.
func Nearest(word string, candidates []string) []string {
	w := strings.ToLower(strings.TrimSpace(word))
	if w == "" {
		return nil
	}
	type hit struct {
		c string
		d int
	}
	var hits []hit
	limit := max(1, editsAllowed(len([]rune(w))))
	for _, c := range candidates {
		switch d := distance(w, strings.ToLower(c), limit); {
		case d <= limit && plausibleTypo(w, strings.ToLower(c)):
			hits = append(hits, hit{c, d})
		case len(w) >= 3 && strings.HasPrefix(strings.ToLower(c), w):
			hits = append(hits, hit{c, limit})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return cmp.Compare(a.d, b.d) })
	out := make([]string, 0, min(len(hits), maxSuggestions))
	for _, h := range hits[:min(len(hits), maxSuggestions)] {
		out = append(out, h.c)
	}
	return out
}
