package knowledge

import "unicode/utf8"

// Fuzzy matching follows SymSpell: every vocabulary word is stored under
// each string made from it by deleting up to maxEdits letters; a misspelt
// word finds its candidates by looking up its own deletions, and each
// candidate is then checked with a true edit distance.
const (
	maxEdits    = 2  // the most edits search forgives (words of 6+ letters)
	maxFuzzyLen = 24 // longer words are not matched fuzzily
)

// editsAllowed returns how many edits a word of n letters may be off by.
func editsAllowed(n int) int {
	switch {
	case n < 3:
		return 0
	case n < 6:
		return 1
	}
	return maxEdits
}

// deletions calls fn with w and with every distinct string made from w by
// deleting up to edits runes.
func deletions(w string, edits int, fn func(string)) {
	seen := map[string]bool{w: true}
	fn(w)
	level := []string{w}
	for range edits {
		var next []string
		for _, s := range level {
			for i, r := range s {
				d := s[:i] + s[i+utf8.RuneLen(r):]
				if d == "" || seen[d] {
					continue
				}
				seen[d] = true
				fn(d)
				next = append(next, d)
			}
		}
		level = next
	}
}

// eachDeletion calls fn with every string made from the ASCII word w by
// deleting up to edits bytes (w itself included). It builds them in one
// buffer, so fn must not keep its argument; a string may come more than
// once when w repeats a letter.
func eachDeletion(w string, edits int, fn func([]byte)) {
	buf := make([]byte, 0, len(w))
	fn(append(buf, w...))
	if edits < 1 {
		return
	}
	for i := range len(w) {
		buf = append(append(buf[:0], w[:i]...), w[i+1:]...)
		fn(buf)
		if edits < 2 {
			continue
		}
		for j := i; j < len(w)-1; j++ {
			d := append(append(append(buf[:0], w[:i]...), w[i+1:j+1]...), w[j+2:]...)
			fn(d)
		}
	}
}

// distance returns the optimal string alignment distance between a and b
// (Damerau–Levenshtein with adjacent transpositions), counting runes. It
// gives up and returns max+1 once the distance must exceed max.
func distance(a, b string, max int) int {
	var bufA, bufB [maxFuzzyLen + 1]rune
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	// Three rows of the usual dynamic programme, on the stack for
	// words of ordinary length.
	var rows [3][maxFuzzyLen + 2]int
	prev2, prev, cur := rows[0][:0], rows[1][:0], rows[2][:0]
	if len(rb)+1 > cap(prev) {
		prev2, prev, cur = nil, nil, nil
	}
	prev2 = append(prev2, make([]int, len(rb)+1)...)
	prev = append(prev, make([]int, len(rb)+1)...)
	cur = append(cur, make([]int, len(rb)+1)...)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], max+1)
}

// appendRunes appends the runes of s to buf.
func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}
