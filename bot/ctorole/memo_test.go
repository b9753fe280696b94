package ctorole

import (
	"reflect"
	"testing"
)

// TestMemoAnswersAsResolve asks each args twice of one Handler and once
// of a fresh one: the remembered answer is the card Resolve gives, and
// only args that name a topic are remembered.
func TestMemoAnswersAsResolve(t *testing.T) {
	h := MustHandler(t)
	tests := []struct {
		args  string
		named bool
	}{
		{"skills", true},
		{"cio responsibilities", true},
		{"cto vs cio", true},
		{"  Skills ", true},
		{"who owns the IT budget?", false},
		{"hello", false},
		{"cmo salary benchmarks", false},
		{"", true}, // no args: the overview
	}
	for _, tt := range tests {
		for _, private := range []bool{true, false} {
			first, err := h.lookup(tt.args, private)
			if err != nil {
				t.Fatalf("lookup(%q): %v", tt.args, err)
			}
			_, remembered := h.named.get(tt.args, private)
			if remembered != tt.named {
				t.Errorf("lookup(%q): remembered %v, want %v", tt.args, remembered, tt.named)
			}
			again, _ := h.lookup(tt.args, private)
			fresh, _ := MustHandler(t).lookup(tt.args, private)
			if !reflect.DeepEqual(again, first) || !reflect.DeepEqual(again, fresh) {
				t.Errorf("lookup(%q, private %v): the second answer differs from the first or from a fresh handler's:\n%s\n---\n%s\n---\n%s",
					tt.args, private, cardText(first), cardText(again), cardText(fresh))
			}
		}
	}
}

// TestMemoCardsAreCopies sets a field of a remembered card, as sharing
// does (SharedBy): the next answer is not touched.
func TestMemoCardsAreCopies(t *testing.T) {
	h := MustHandler(t)
	first, _ := h.lookup("skills", false)
	first.SharedBy = "U1"
	second, _ := h.lookup("skills", false)
	second.SharedBy += "U2"
	third, _ := h.lookup("skills", false)
	if third.SharedBy != "" {
		t.Errorf("a remembered card says shared by %q; want nobody", third.SharedBy)
	}
}

// TestMemoIsBounded fills the memo past its bound: it starts over
// rather than grow.
func TestMemoIsBounded(t *testing.T) {
	h := MustHandler(t)
	card, _ := h.lookup("skills", true)
	for i := range maxNamed + 10 {
		h.named.put(string(rune('a'+i%26))+string(rune(i)), true, card)
	}
	if n := len(h.named.m); n > maxNamed {
		t.Errorf("the memo holds %d args; want at most %d", n, maxNamed)
	}
}
