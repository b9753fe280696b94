package knowledge

import (
	"slices"
	"testing"
)

func TestNearest(t *testing.T) {
	words := []string{"cto", "cio", "infrastructure", "operational", "technical-leader", "communication"}
	tests := []struct {
		word string
		want []string
	}{
		{"infrastucture", []string{"infrastructure"}},
		{"operatonal", []string{"operational"}},
		{"infra", []string{"infrastructure"}},
		{"coi", []string{"cio"}}, // swapped letters
		{"ct", []string{"cto"}},  // a dropped letter
		{"cfo", nil},             // another executive, not a slip
		{"ciso", nil},
		{"xyz", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Nearest(tt.word, words); !slices.Equal(got, tt.want) {
			t.Errorf("Nearest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
