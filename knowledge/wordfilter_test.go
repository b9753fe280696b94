package knowledge

import "testing"

// TestWordFilter checks that a filter lets every key of its map through,
// and stops words no key shares a length and first letter with.
func TestWordFilter(t *testing.T) {
	m := map[string]bool{"cto": true, "vp-engineering": true, "a": true}
	f := newWordFilter(m)
	for k := range m {
		if !f.mayHave(k) {
			t.Errorf("mayHave(%q) = false for a key", k)
		}
	}
	for _, w := range []string{"", "cio", "ceo", "budget", "b", "ab"} {
		if got, want := f.mayHave(w), w == "cio" || w == "ceo"; got != want {
			t.Errorf("mayHave(%q) = %v, want %v", w, got, want)
		}
	}
	long := "abcdefghijklmnopqrstuvwxyz0123456789"
	if f := newWordFilter(map[string]bool{long: true}); !f.mayHave(long) || !f.mayHave(long+"x") || f.mayHave("abc") {
		t.Errorf("a key longer than %d: want every long word let through, no short one", maxFilterLen)
	}
	for _, set := range []map[string]string{shorthand, chatWords} {
		f := newWordFilter(set)
		for k := range set {
			if !f.mayHave(k) {
				t.Errorf("mayHave(%q) = false for a key", k)
			}
		}
	}
}
