package shell

import (
	"strings"

	"github.com/hirebot/hirebot/internal/lcs"
)

// lineDiff returns the lines that differ between before and after, in the
// order they read: "- " and a line only before has, "+ " and a line only
// after has. Lines both keep, in the same order (a longest common
// subsequence), are left out, and so are blank ones.
func lineDiff(before, after []string) []string {
	before, after = nonBlank(before), nonBlank(after)
	var out []string
	for _, step := range lcs.Align(before, after) {
		switch step.Op {
		case lcs.Del:
			out = append(out, "- "+before[step.I])
		case lcs.Ins:
			out = append(out, "+ "+after[step.J])
		}
	}
	return out
}

// nonBlank returns the lines that are not blank.
func nonBlank(lines []string) []string {
	var out []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}
