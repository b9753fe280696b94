package lcs

import (
	"slices"
	"strings"
	"testing"
)

// apply replays steps on a and returns the list they make, failing unless
// every Same step keeps equal elements.
func apply(t *testing.T, a, b []string, steps []Step) []string {
	t.Helper()
	var out []string
	for _, s := range steps {
		switch s.Op {
		case Same:
			if a[s.I] != b[s.J] {
				t.Fatalf("step %+v keeps %q as %q", s, a[s.I], b[s.J])
			}
			out = append(out, a[s.I])
		case Ins:
			out = append(out, b[s.J])
		}
	}
	return out
}

func TestAlign(t *testing.T) {
	for _, tt := range []struct {
		a, b string // letters: one element each
		same int    // how many elements the alignment keeps
		ops  string // the steps: = same, - del, + ins
	}{
		{"", "", 0, ""},
		{"abc", "abc", 3, "==="},
		{"abc", "abxc", 3, "==+="},
		{"abc", "ac", 2, "=-="},
		{"abc", "axc", 2, "=-+="}, // a removal before the addition in its place
		{"abc", "bca", 2, "-==+"},
		{"", "ab", 0, "++"},
		{"ab", "", 0, "--"},
	} {
		a, b := strings.Split(tt.a, ""), strings.Split(tt.b, "")
		steps := Align(a, b)
		var ops strings.Builder
		same := 0
		for _, s := range steps {
			ops.WriteByte("=-+"[s.Op])
			if s.Op == Same {
				same++
			}
		}
		if ops.String() != tt.ops || same != tt.same {
			t.Errorf("Align(%q, %q) = %s, want %s", tt.a, tt.b, ops.String(), tt.ops)
		}
		if got := apply(t, a, b, steps); !slices.Equal(got, b) {
			t.Errorf("Align(%q, %q) makes %q", tt.a, tt.b, got)
		}
	}
}
