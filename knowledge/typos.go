package knowledge

import (
	"cmp"
	"slices"
	"sync"
	"unicode/utf8"
)

// typoIndex is the SymSpell table of fuzzy.go in a compact form: for every
// string made from a pack word by deleting up to maxEdits letters, the
// 64-bit hash of that string beside the word's index, sorted by hash. A
// lookup finds the words that share a deletion's hash; a rare collision
// only adds a candidate, which the true edit distance then rejects, so the
// table finds exactly what a map from deletion to words would. It holds
// about a tenth of the memory such a map did, and is built on first use
// rather than at every start, since most questions have no typo.
type typoIndex struct {
	once   sync.Once
	hashes []uint64 // sorted
	ids    []uint32 // ids[i] is the index into the words of hashes[i]
	// starts[b] is where the hashes whose top typoBucketBits bits are b
	// begin: a lookup searches only its bucket, a few entries, instead
	// of the whole table.
	starts []uint32
}

// typoBucketBits is how many of a hash's top bits pick its bucket: with
// 4,096 buckets, one holds about ten of the pack's 38,000 hashes (a
// binary search of a cache line or two), and starts (16 KB) stays in
// the processor's cache, where 65,536 buckets' 256 KB did not.
const typoBucketBits = 12

// of returns the table for words, building it on the first call. words
// must be the same slice on every call.
func (t *typoIndex) of(words []string) *typoIndex {
	t.once.Do(func() { t.build(words) })
	return t
}

// build fills the table with the deletions of words.
func (t *typoIndex) build(words []string) {
	type entry struct {
		hash uint64
		id   uint32
	}
	var entries []entry
	for i, w := range words {
		if utf8.RuneCountInString(w) > maxFuzzyLen {
			continue
		}
		id := uint32(i)
		if isASCII(w) {
			eachDeletion(w, maxEdits, func(d []byte) {
				if len(d) > 0 {
					entries = append(entries, entry{hashOf(d), id})
				}
			})
		} else {
			deletions(w, maxEdits, func(d string) { entries = append(entries, entry{hashOf(d), id}) })
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.id, b.id))
	})
	// eachDeletion repeats a string when a word repeats a letter.
	entries = slices.Compact(entries)
	t.hashes = make([]uint64, len(entries))
	t.ids = make([]uint32, len(entries))
	for i, e := range entries {
		t.hashes[i], t.ids[i] = e.hash, e.id
	}
	t.starts = make([]uint32, 1<<typoBucketBits+1)
	b := 0
	for i, h := range t.hashes {
		for b <= int(h>>(64-typoBucketBits)) {
			t.starts[b] = uint32(i)
			b++
		}
	}
	for ; b < len(t.starts); b++ {
		t.starts[b] = uint32(len(t.hashes))
	}
}

// lookup returns the indexes of the words with a deletion of hash h, in
// increasing order. The caller must not change the slice.
func (t *typoIndex) lookup(h uint64) []uint32 {
	b := h >> (64 - typoBucketBits)
	from, to := int(t.starts[b]), int(t.starts[b+1])
	lo, found := slices.BinarySearch(t.hashes[from:to], h)
	if !found {
		return nil
	}
	lo += from
	hi := lo + 1
	for hi < len(t.hashes) && t.hashes[hi] == h {
		hi++
	}
	return t.ids[lo:hi]
}

// hashOf returns the 64-bit FNV-1a hash of s.
func hashOf[S string | []byte](s S) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return h
}
