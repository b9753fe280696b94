// Package lcs aligns two lists on their longest common subsequence: the
// steps that turn one into the other keeping as many elements as can be
// kept in order. The draft's history and the shell's view of what changed
// in the live draft both read changes this way.
package lcs

// Op is what one step of an alignment does.
type Op int

// The steps of an alignment.
const (
	Same Op = iota // both lists keep the element: A[I] == B[J]
	Del            // the first list's A[I] is not in the second
	Ins            // the second list's B[J] is not in the first
)

// Step is one step of an alignment: I indexes the first list, J the
// second (for Del, J is where the second list stands; for Ins, I).
type Step struct {
	Op   Op
	I, J int
}

// Align returns the steps that turn a into b, in order, keeping a longest
// common subsequence of the two. Where a removal and an addition could
// come in either order, the removal comes first.
func Align[T comparable](a, b []T) []Step {
	// common[i][j] is the length of the longest common subsequence of
	// a[i:] and b[j:].
	common := make([][]int, len(a)+1)
	for i := range common {
		common[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				common[i][j] = common[i+1][j+1] + 1
			} else {
				common[i][j] = max(common[i+1][j], common[i][j+1])
			}
		}
	}
	steps := make([]Step, 0, max(len(a), len(b)))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			steps = append(steps, Step{Same, i, j})
			i, j = i+1, j+1
		case j == len(b) || (i < len(a) && common[i+1][j] >= common[i][j+1]):
			steps = append(steps, Step{Del, i, j})
			i++
		default:
			steps = append(steps, Step{Ins, i, j})
			j++
		}
	}
	return steps
}
