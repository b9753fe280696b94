package knowledge

import (
	"os"
	"testing"
)

// MustEmbedded returns the embedded pack or stops the test.
func MustEmbedded(tb testing.TB) *Pack {
	tb.Helper()
	p, err := Embedded()
	if err != nil {
		tb.Fatalf("the embedded pack (knowledge/data) does not load; every problem:\n%v", err)
	}
	return p
}

// MustLoad loads the fixture pack testdata/dir or stops the test.
func MustLoad(tb testing.TB, dir string) *Pack {
	tb.Helper()
	p, err := Load(os.DirFS("testdata/" + dir))
	if err != nil {
		tb.Fatalf("Load(testdata/%s): %v", dir, err)
	}
	return p
}

// withoutModel returns a copy of p that answers free-text questions by
// search and MinConfidence, as a pack loaded on its own does.
func withoutModel(p *Pack) *Pack {
	c := *p
	c.model = nil
	return &c
}
