package draft

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/hirebot/hirebot"
)

func TestUndo(t *testing.T) {
	tests := []struct {
		name    string
		before  []Change // applied first; not undone
		c       Change   // applied, then undone
		summary string   // of the undo
	}{
		{name: "add", c: Change{Op: OpAdd, Section: Requirements, Text: "Go"},
			summary: `undid v2: added to requirements as R4 (#4): "Go"`},
		{name: "add to an empty section", c: Change{Op: OpAdd, Section: NiceToHave, Text: "Rust"},
			summary: `undid v2: added to nice-to-have as N1 (#1): "Rust"`},
		{name: "insert", c: Change{Op: OpInsert, Section: Requirements, Index: 2, Text: "Go"},
			summary: `undid v2: inserted into requirements as R4 (#2): "Go"`},
		{name: "remove from the middle", c: Change{Op: OpRemove, Section: Requirements, Index: 2},
			summary: `undid v2: removed from requirements (R2, #2): "Led a team of 20 or more engineers"`},
		{name: "remove the last item of a section", c: Change{Op: OpRemove, Section: Benefits, Index: 1},
			summary: `undid v2: removed from benefits (B1, #1): "Equity"`},
		{name: "edit", c: Change{Op: OpEdit, Section: Responsibilities, Index: 1, Text: "Set strategy"},
			summary: `undid v2: edited responsibilities D1 (#1): "Set strategy"`},
		{name: "set a new field", c: Change{Op: OpSet, Field: Salary, Text: "200k"},
			summary: `undid v2: set the salary: "200k"`},
		{name: "set over a field", before: []Change{{Op: OpSet, Field: Salary, Text: "150k"}},
			c:       Change{Op: OpSet, Field: Salary, Text: "200k"},
			summary: `undid v3: set the salary: "200k"`},
		{name: "set to clear", c: Change{Op: OpSet, Field: Title},
			summary: "undid v2: cleared the title"},
		{name: "move", c: Change{Op: OpMove, Section: Responsibilities, Index: 1, To: 3},
			summary: `undid v2: moved responsibilities D1 from #1 to #3: "Set the technical strategy"`},
		{name: "replace", before: []Change{{Op: OpSet, Field: Summary, Text: "a\nb"}},
			c: Change{Op: OpReplace, BaseVersion: 2, Content: &Content{
				Fields:   map[Field]string{Title: "CTO"},
				Sections: map[Section][]Item{NiceToHave: {{Text: "Rust"}}},
			}},
			summary: "undid v3: edited the whole draft (10 changes)"},
		{name: "ignore", c: Change{Op: OpIgnore, Text: "rockstar", By: "U2", Admin: true},
			summary: `undid v2: ignored wording rule "rockstar"`},
		{name: "ignore a second rule", before: []Change{{Op: OpIgnore, Text: "ninja", By: "U1"}},
			c:       Change{Op: OpIgnore, Text: "rockstar", By: "U2", Admin: true},
			summary: `undid v3: ignored wording rule "rockstar"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := MustNew(t)
			for _, c := range tt.before {
				MustApply(t, d, c)
			}
			want := d.Clone()
			MustApply(t, d, tt.c)
			e := MustApply(t, d, Change{Op: OpUndo, By: "U2"})
			if e.Summary != tt.summary || e.Op != OpUndo || e.By != "U2" {
				t.Errorf("entry = %+v, want summary %q", e, tt.summary)
			}
			if d.Version != want.Version+2 {
				t.Errorf("version = %d, want %d", d.Version, want.Version+2)
			}
			// Everything but the version and time is as it was, down to each
			// item's author, time and source.
			// The reference counters never go back (a reference is never
			// reused), and the section and content change marks move on.
			want.Version, want.Updated = d.Version, d.Updated
			want.Last, want.Changed, want.Edited = d.Last, d.Changed, d.Edited
			if !reflect.DeepEqual(d, want) {
				t.Errorf("after undo:\n got %+v\nwant %+v", d, want)
			}
		})
	}
}

func TestUndoInOrder(t *testing.T) {
	d := MustNew(t)
	start := d.Content()
	changes := []Change{
		{Op: OpAdd, Section: Requirements, Text: "Go"},
		{Op: OpRemove, Section: Requirements, Index: 1},
		{Op: OpMove, Section: Requirements, Index: 3, To: 1},
		{Op: OpEdit, Section: Requirements, Index: 2, Text: "Led a team"},
		{Op: OpSet, Field: Company, Text: "Acme"},
		{Op: OpInsert, Section: Requirements, Index: 1, Text: "Kubernetes"},
	}
	for _, c := range changes {
		MustApply(t, d, c)
	}
	for range changes {
		MustApply(t, d, Change{Op: OpUndo})
	}
	if got := d.Content(); !reflect.DeepEqual(got, start) {
		t.Errorf("after undoing everything:\n got %+v\nwant %+v", got, start)
	}
	MustFail(t, d, Change{Op: OpUndo}, hirebot.Invalid, &Error{Problem: ProblemNothingToUndo, Limit: MaxUndo})
}

func TestUndoIsBounded(t *testing.T) {
	d := MustNew(t)
	for i := 1; i <= MaxUndo+10; i++ {
		MustApply(t, d, Change{Op: OpSet, Field: Salary, Text: fmt.Sprint(i)})
	}
	if len(d.Undo) != MaxUndo {
		t.Fatalf("undo records = %d, want %d", len(d.Undo), MaxUndo)
	}
	for range MaxUndo {
		MustApply(t, d, Change{Op: OpUndo})
	}
	if got := d.Fields[Salary]; got != "10" {
		t.Errorf("salary after undoing all that is kept = %q, want %q", got, "10")
	}
	MustFail(t, d, Change{Op: OpUndo}, hirebot.Invalid, &Error{Problem: ProblemNothingToUndo, Limit: 50})
}

func TestUndoOfReplaceAfterOtherVersions(t *testing.T) {
	d := MustNew(t)
	MustApply(t, d, Change{Op: OpReplace, BaseVersion: 1, Content: &Content{Fields: map[Field]string{Title: "CTO"}}})
	MustApply(t, d, Change{Op: OpFinalize, By: "U1"})
	MustApply(t, d, Change{Op: OpReopen, By: "U1"})
	MustApply(t, d, Change{Op: OpUndo})
	if got := d.Content(); !reflect.DeepEqual(got, MustNew(t).Content()) {
		t.Errorf("content = %+v", got)
	}
}
