package stem

import (
	"bufio"
	"compress/gzip"
	"os"
	"strings"
	"testing"
)

// TestVocabulary stems every word of Snowball's published English test
// vocabulary and compares it with the published stem.
func TestVocabulary(t *testing.T) {
	f, err := os.Open("testdata/english.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(gz)
	n, wrong := 0, 0
	for sc.Scan() {
		word, want, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("line %d: want word<TAB>stem, got %q", n+1, sc.Text())
		}
		n++
		if got := Stem(word); got != want {
			wrong++
			if wrong <= 20 {
				t.Errorf("Stem(%q) = %q, want %q", word, got, want)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 29000 {
		t.Errorf("read %d words; the vocabulary has 29,417", n)
	}
	if wrong > 0 {
		t.Errorf("%d of %d words stemmed wrongly", wrong, n)
	}
}

// TestStem shows what the stemmer is for: word forms a question and the
// pack write differently meet at one stem.
func TestStemMeets(t *testing.T) {
	tests := []struct{ a, b string }{
		{"different", "difference"},
		{"responsibilities", "responsibility"},
		{"planning", "planned"},
		{"organisation", "organisations"},
		{"hiring", "hire"},
		{"archetypes", "archetype"},
	}
	for _, tt := range tests {
		if Stem(tt.a) != Stem(tt.b) {
			t.Errorf("Stem(%q) = %q but Stem(%q) = %q; want them equal", tt.a, Stem(tt.a), tt.b, Stem(tt.b))
		}
	}
	for _, w := range []string{"", "a", "it", "r&d", "héllo", "CTO"} {
		if got := Stem(w); got != w {
			t.Errorf("Stem(%q) = %q, want it unchanged", w, got)
		}
	}
}

func BenchmarkStemWords(b *testing.B) {
	words := []string{"responsibilities", "infrastructure", "fractional", "generously", "hopping"}
	for i := 0; i < b.N; i++ {
		Stem(words[i%len(words)])
	}
}
