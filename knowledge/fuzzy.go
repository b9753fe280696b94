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

// eachDeletionHash calls fn with hashOf of each string eachDeletion gives
// for w and edits, in the same order, without building the strings: it
// continues the hash of the letters before a deletion rather than
// hashing them again.
func eachDeletionHash(w string, edits int, fn func(uint64)) {
	const offset = 14695981039346656037
	var buf [maxFuzzyLen + 1]uint64
	prefix := buf[:0] // prefix[i] is hashOf(w[:i])
	if len(w) >= len(buf) {
		prefix = make([]uint64, 0, len(w)+1)
	}
	h := uint64(offset)
	prefix = append(prefix, h)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * fnvPrime
		prefix = append(prefix, h)
	}
	fn(h)
	if edits < 1 {
		return
	}
	rest := func(h uint64, s string) uint64 {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * fnvPrime
		}
		return h
	}
	for i := range len(w) {
		fn(rest(prefix[i], w[i+1:]))
		if edits < 2 {
			continue
		}
		h := prefix[i] // w[:i] + w[i+1:j+1], one letter more for each j
		for j := i; j < len(w)-1; j++ {
			if j > i {
				h = (h ^ uint64(w[j])) * fnvPrime
			}
			fn(rest(h, w[j+2:]))
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

// plausibleTypo reports whether typed, within a small edit distance of
// word, may be a slip for it. A short word (four letters or fewer) is
// usually an acronym or a word of its own ("cfo", "ciso", "ceo"), so it
// counts as a slip only with a letter left out or two letters swapped: a
// changed or an extra letter makes a different word.
func plausibleTypo(typed, word string) bool {
	n := utf8.RuneCountInString(typed)
	if n > 4 || typed == word {
		return true
	}
	switch m := utf8.RuneCountInString(word); m {
	case n + 1:
		return true
	case n:
		return swapped(typed, word)
	}
	return false
}

// swapped reports whether a and b differ only by two adjacent letters
// trading places.
func swapped(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if i+1 >= len(ra) || ra[i] != rb[i+1] || ra[i+1] != rb[i] {
		return false
	}
	return string(ra[i+2:]) == string(rb[i+2:])
}

// typoSureness is how surely a word of n letters that is d edits from a
// pack word means that word: a slip in a long word is unmistakable, one in
// a short word may well be another word.
func typoSureness(n, d int) float64 {
	return max(0, 1-2*float64(d)/float64(n))
}

// corrected returns the pack's word that w is most plausibly a typo of:
// the closest within the edits allowed for its length (see editsAllowed),
// ties to the first in order; "" if there is none or w is a pack word.
func (ix *index) corrected(w string) string {
	n := utf8.RuneCountInString(w)
	edits := editsAllowed(n)
	if _, ok := ix.stems[w]; ok || edits == 0 || n > maxFuzzyLen || !isASCII(w) {
		return ""
	}
	best, bestD := "", edits+1
	typos := ix.typos.of(ix.words)
	eachDeletionHash(w, edits, func(h uint64) {
		for _, i := range typos.lookup(h) {
			c := ix.words[i]
			if dist := distance(w, c, edits); plausibleTypo(w, c) && (dist < bestD || dist == bestD && c < best) {
				best, bestD = c, dist
			}
		}
	})
	return best
}
