package knowledge

// wordFilter tells at a glance most words that are not keys of a small
// map, so that a question's words need not each be hashed to be looked
// up in it: it holds the lengths and first letters of the map's keys. A
// word it lets through may still not be a key; one it stops is surely
// not.
type wordFilter struct {
	byLen [maxFilterLen + 1]uint64 // by a key's length: bit b set for a key whose first byte is b mod 64
	other bool                     // a key is empty or longer than maxFilterLen
}

// maxFilterLen is the longest key a wordFilter tells apart by its first
// letter; longer keys let every long word through.
const maxFilterLen = 31

// newWordFilter returns the filter of m's keys.
func newWordFilter[V any](m map[string]V) *wordFilter {
	f := &wordFilter{}
	for k := range m {
		if len(k) == 0 || len(k) > maxFilterLen {
			f.other = true
			continue
		}
		f.byLen[len(k)] |= 1 << (k[0] % 64)
	}
	return f
}

// mayHave reports whether w may be a key: false means it is not.
func (f *wordFilter) mayHave(w string) bool {
	if len(w) == 0 || len(w) > maxFilterLen {
		return f.other
	}
	return f.byLen[len(w)]&(1<<(w[0]%64)) != 0
}
