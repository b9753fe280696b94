package knowledge

import (
	"slices"
	"testing"
)

func TestBestScores(t *testing.T) {
	rs := []Result{{Score: 1}, {Score: 5}, {Score: 3}, {Score: 5}, {Score: 0.5}, {Score: 4}}
	for n, want := range map[int][]int{0: {}, 1: {1}, 3: {1, 3, 5}, 9: {1, 3, 5, 2, 0, 4}} {
		if got := bestScores(rs, n); !slices.Equal(got, want) {
			t.Errorf("bestScores(%d) = %v, want %v", n, got, want)
		}
	}
}
