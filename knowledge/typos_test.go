package knowledge

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// TestTypoIndexFindsWhatAMapFinds checks the hashed table against the
// plain SymSpell map it replaced: every deletion of every pack word finds
// at least the words the map held for it (a hash collision may add one,
// which the edit distance then rejects), and a string no word deletes to
// finds nothing the map would have.
func TestTypoIndexFindsWhatAMapFinds(t *testing.T) {
	p := MustEmbedded(t)
	words := p.index.words
	want := make(map[string][]uint32)
	for i, w := range words {
		if utf8.RuneCountInString(w) > maxFuzzyLen {
			continue
		}
		deletions(w, maxEdits, func(d string) { want[d] = append(want[d], uint32(i)) })
	}
	var ix typoIndex
	ix.of(words)
	extra := 0
	for d, ids := range want {
		got := ix.lookup(hashOf(d))
		for _, id := range ids {
			if _, found := slices.BinarySearch(got, id); !found {
				t.Fatalf("lookup(%q) = %v; misses word %q", d, got, words[id])
			}
		}
		extra += len(got) - len(ids)
	}
	if extra > len(want)/1000 {
		t.Errorf("%d words found beyond the map's over %d deletions: the hash collides too often", extra, len(want))
	}
	for _, s := range []string{"zzzzqx", "", "ctoo", "infrastructur"} {
		if _, ok := want[s]; !ok && len(ix.lookup(hashOf(s))) > 0 {
			t.Errorf("lookup(%q) found %v; no word deletes to it", s, ix.lookup(hashOf(s)))
		}
	}
	if got, want := hashOf("abc"), hashOf([]byte("abc")); got != want {
		t.Errorf("hashOf(string) = %x, hashOf([]byte) = %x; want equal", got, want)
	}
}

// TestEachDeletionHash checks that eachDeletionHash gives the hash of
// each string eachDeletion gives, in the same order, for words short and
// long, with repeated letters, and for each number of edits.
func TestEachDeletionHash(t *testing.T) {
	words := []string{"", "a", "ab", "cto", "budget", "bootstrapped", "responsibilities",
		"abcdefghijklmnopqrstuvwx", "abcdefghijklmnopqrstuvwxyz0123"}
	for _, w := range words {
		for edits := 0; edits <= maxEdits; edits++ {
			var want, got []uint64
			eachDeletion(w, edits, func(d []byte) { want = append(want, hashOf(d)) })
			eachDeletionHash(w, edits, func(h uint64) { got = append(got, h) })
			if !slices.Equal(got, want) {
				t.Errorf("eachDeletionHash(%q, %d) = %x, want %x", w, edits, got, want)
			}
		}
	}
}
