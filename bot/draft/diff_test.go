package draft

import (
	"slices"
	"testing"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		name    string
		changes []Change
		want    []string
	}{
		{"nothing", nil, nil},
		{"field set", []Change{{Op: OpSet, Field: Salary, Text: "200k"}},
			[]string{`salary set to "200k"`}},
		{"field changed", []Change{{Op: OpSet, Field: Title, Text: "CTO"}},
			[]string{`title changed from "Chief Technology Officer" to "CTO"`}},
		{"field cleared", []Change{{Op: OpSet, Field: Title}},
			[]string{`title cleared (was "Chief Technology Officer")`}},
		{"item added", []Change{{Op: OpAdd, Section: Benefits, Text: "Remote"}},
			[]string{`benefits #2 added: "Remote"`}},
		{"item removed", []Change{{Op: OpRemove, Section: Requirements, Index: 2}},
			[]string{`requirements #2 removed: "Led a team of 20 or more engineers"`}},
		{"item edited", []Change{{Op: OpEdit, Section: Requirements, Index: 3, Text: "Shipped"}},
			[]string{`requirements #3 edited: "Shipped"`}},
		{"item moved", []Change{{Op: OpMove, Section: Responsibilities, Index: 3, To: 1}},
			[]string{`responsibilities #3 moved to #1: "Own the architecture"`}},
		{"several", []Change{
			{Op: OpSet, Field: Company, Text: "Acme"},
			{Op: OpRemove, Section: Benefits, Index: 1},
			{Op: OpAdd, Section: NiceToHave, Text: "Rust"},
			{Op: OpIgnore, Text: "rockstar", By: "U1"},
			{Op: OpFinalize, By: "U1"},
		}, []string{
			`company set to "Acme"`,
			`nice-to-have #1 added: "Rust"`,
			`benefits #1 removed: "Equity"`,
			"the draft was finalized",
			`wording rule "rockstar" is now ignored`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := MustNew(t)
			d := old.Clone()
			for _, c := range tt.changes {
				MustApply(t, d, c)
			}
			if got := d.Diff(old); !slices.Equal(got, tt.want) {
				t.Errorf("Diff() =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestDiffReverse(t *testing.T) {
	old := MustNew(t)
	d := old.Clone()
	MustApply(t, d, Change{Op: OpIgnore, Text: "rockstar", By: "U1"})
	MustApply(t, d, Change{Op: OpFinalize, By: "U1"})
	want := []string{"the draft was reopened", `wording rule "rockstar" is no longer ignored`}
	if got := old.Diff(d); !slices.Equal(got, want) {
		t.Errorf("Diff() = %q, want %q", got, want)
	}
}
