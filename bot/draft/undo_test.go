package draft

import (
	"fmt"
	"reflect"
	"strings"
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

// bigSave returns a whole-draft save by by that rewrites every item of d
// at length: its undo record is larger than one person's budget.
func bigSave(d *Draft, by string) Change {
	content := d.Content()
	for _, sec := range Sections {
		content.Sections[sec] = nil
		for i := range 30 {
			content.Sections[sec] = append(content.Sections[sec], Item{Text: fmt.Sprintf("%s %02d %s", by, i, strings.Repeat("w", MaxItemRunes-10))})
		}
	}
	return Change{Op: OpReplace, Content: &content, BaseVersion: d.Version, By: by}
}

// TestUndoBudgetIsPerPerson: one person's large save never evicts anyone
// else's undo record; the save itself says it cannot be undone; and an
// earlier change the large save built on is still not undone under it.
func TestUndoBudgetIsPerPerson(t *testing.T) {
	d := MustNew(t)
	MustApply(t, d, bigSave(d, "UZ")) // long items: a later save's undo holds them all
	MustApply(t, d, Change{Op: OpSet, Field: Salary, Text: "€200k", By: "UB"})
	edit := MustApply(t, d, Change{Op: OpEdit, Section: Requirements, Index: 1, Text: "C's wording", By: "UC"})
	save := MustApply(t, d, bigSave(d, "UA"))
	if save.Undoable {
		t.Error("a save too large to undo says it can be undone")
	}
	// UB's change touched nothing the save did: it can still be undone.
	MustApply(t, d, Change{Op: OpUndo, By: "UB"})
	if d.Fields[Salary] != "" {
		t.Errorf("salary after UB's undo = %q", d.Fields[Salary])
	}
	// UC's edit was built on by UA's save: refused, naming the save.
	MustFail(t, d, Change{Op: OpUndo, By: "UC"}, hirebot.Conflict,
		&Error{Problem: ProblemDepends, Index: edit.Version, To: save.Version, Owner: "UA", Given: clip(save.Summary)})
	MustFail(t, d, Change{Op: OpUndo, By: "UA"}, hirebot.Invalid, &Error{Problem: ProblemNothingToUndo, Limit: MaxUndo})
}

// TestUndoKeepsEachPersonsRecords: many changes by one person drop only
// their own oldest records; beyond MaxUndoPeople people, whoever changed
// the draft least recently loses theirs.
func TestUndoKeepsEachPersonsRecords(t *testing.T) {
	d := MustNew(t)
	MustApply(t, d, Change{Op: OpSet, Field: Location, Text: "Berlin", By: "UB"})
	for i := range MaxUndo + 5 {
		MustApply(t, d, Change{Op: OpSet, Field: Salary, Text: fmt.Sprint(i), By: "UA"})
	}
	byPerson := map[string]int{}
	for _, u := range d.Undo {
		if !u.Gone {
			byPerson[u.By]++
		}
	}
	if byPerson["UA"] != MaxUndo || byPerson["UB"] != 1 {
		t.Fatalf("undo records by person = %v, want UA %d and UB 1", byPerson, MaxUndo)
	}
	for i := range MaxUndoPeople {
		MustApply(t, d, Change{Op: OpSet, Field: Team, Text: fmt.Sprint(i), By: fmt.Sprintf("UP%d", i)})
	}
	MustFail(t, d, Change{Op: OpUndo, By: "UB"}, hirebot.Invalid, &Error{Problem: ProblemNothingToUndo, Limit: MaxUndo})
	MustApply(t, d, Change{Op: OpUndo, By: fmt.Sprintf("UP%d", MaxUndoPeople-1)})
}
