package draft

import (
	"slices"
	"testing"

	"github.com/hirebot/hirebot"
)

func TestParseRef(t *testing.T) {
	tests := []struct {
		in   string
		want Section
		ok   bool
	}{
		{"R7", Requirements, true}, {"r7", Requirements, true}, {"D1", Responsibilities, true},
		{"N12", NiceToHave, true}, {"b3", Benefits, true},
		{"R", "", false}, {"R0", "", false}, {"R-1", "", false}, {"R+1", "", false}, {"X3", "", false},
		{"7", "", false}, {"RR7", "", false}, {"R1234567", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseRef(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseRef(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// refs returns the references of a section's items.
func refs(d *Draft, s Section) []string {
	var out []string
	for _, it := range d.Sections[s] {
		out = append(out, it.Ref)
	}
	return out
}

func TestRefsAreNeverReused(t *testing.T) {
	d := MustNew(t)
	if got := refs(d, Requirements); !slices.Equal(got, []string{"R1", "R2", "R3"}) {
		t.Fatalf("template references = %q", got)
	}
	MustApply(t, d, Change{Op: OpRemove, Ref: "R3"})
	MustApply(t, d, Change{Op: OpAdd, Section: Requirements, Text: "Go"})
	MustApply(t, d, Change{Op: OpMove, Ref: "r4", To: 1})
	if got := refs(d, Requirements); !slices.Equal(got, []string{"R4", "R1", "R2"}) {
		t.Fatalf("references after remove, add, move = %q", got)
	}
	// A modal save keeps the references of the lines it kept.
	content := d.Content()
	content.Sections[Requirements] = append(content.Sections[Requirements][1:], Item{Text: "Rust"})
	MustApply(t, d, Change{Op: OpReplace, BaseVersion: d.Version, Content: &content})
	if got := refs(d, Requirements); !slices.Equal(got, []string{"R1", "R2", "R5"}) {
		t.Fatalf("references after a save = %q", got)
	}
	MustFail(t, d, Change{Op: OpEdit, Ref: "R4", Text: "x"}, hirebot.Invalid,
		&Error{Problem: ProblemNoRef, Section: Requirements, Given: "R4"})
	MustFail(t, d, Change{Op: OpRemove, Section: Benefits, Ref: "R1"}, hirebot.Invalid,
		&Error{Problem: ProblemNoRef, Section: Benefits, Given: "R1"})
}

func TestBareNumberNeedsTheSeenSection(t *testing.T) {
	d := MustNew(t) // v1: R1 R2 R3
	seen := d.Version
	MustApply(t, d, Change{Op: OpAdd, Section: Requirements, Text: "Appended"}) // v2: appending renumbers nothing
	MustApply(t, d, Change{Op: OpSet, Field: Salary, Text: "1"})                // v3: another part
	MustApply(t, d, Change{Op: OpRemove, Section: Requirements, Index: 2, Bare: true, Seen: seen, By: "UA"})
	// UB saw v1 too: their "2" is now R3, which they never saw at #2.
	MustFail(t, d, Change{Op: OpRemove, Section: Requirements, Index: 2, Bare: true, Seen: seen, By: "UB"}, hirebot.Conflict,
		&Error{Problem: ProblemUnseen, Section: Requirements, Index: 2, Ref: "R3", Given: `Shipped products at scale`, Size: seen, Limit: 4, Verb: "remove"})
	// Once they have seen the current draft, the number is theirs to use.
	MustApply(t, d, Change{Op: OpRemove, Section: Requirements, Index: 2, Bare: true, Seen: d.Version, By: "UB"})
	// Other sections are unaffected.
	MustApply(t, d, Change{Op: OpEdit, Section: Benefits, Index: 1, Text: "Shares", Bare: true, Seen: seen})
}

func TestUndoIsPerPerson(t *testing.T) {
	d := MustNew(t)
	MustApply(t, d, Change{Op: OpAdd, Section: NiceToHave, Text: "C's idea", By: "UC"})
	MustApply(t, d, Change{Op: OpSet, Field: Salary, Text: "B's salary", By: "UB"})
	MustApply(t, d, Change{Op: OpAdd, Section: NiceToHave, Text: "C's other idea", By: "UC"})
	e := MustApply(t, d, Change{Op: OpUndo, By: "UB"})
	if e.Summary != `undid v3: set the salary: "B's salary"` {
		t.Errorf("undo summary = %q", e.Summary)
	}
	if got := sectionTexts(d, NiceToHave); !slices.Equal(got, []string{"C's idea", "C's other idea"}) {
		t.Errorf("B's undo touched C's work: %q", got)
	}
	MustFail(t, d, Change{Op: OpUndo, By: "UB"}, hirebot.Invalid, &Error{Problem: ProblemNothingToUndo, Limit: MaxUndo})
}

func TestUndoRefusesWhenLaterWorkDependsOnIt(t *testing.T) {
	for _, later := range []Change{
		{Op: OpEdit, Ref: "N1", Text: "B reworded it", By: "UB"},
		{Op: OpMove, Ref: "N1", To: 2, By: "UB"},
		{Op: OpReplace, Content: &Content{Sections: map[Section][]Item{NiceToHave: {{Text: "B's list"}}}}, Partial: false, By: "UB"},
	} {
		t.Run(string(later.Op), func(t *testing.T) {
			d := MustNew(t)
			MustApply(t, d, Change{Op: OpAdd, Section: NiceToHave, Text: "A's idea", By: "UA"})
			MustApply(t, d, Change{Op: OpAdd, Section: NiceToHave, Text: "B's idea", By: "UB"})
			later.BaseVersion = d.Version
			if later.Op == OpReplace {
				c := d.Content()
				c.Sections[NiceToHave] = later.Content.Sections[NiceToHave]
				later.Content = &c
			}
			MustApply(t, d, later)
			MustFail(t, d, Change{Op: OpUndo, By: "UA"}, hirebot.Conflict,
				&Error{Problem: ProblemDepends, Index: 2, To: 4, Owner: "UB", Given: clip(d.Undo[len(d.Undo)-1].Summary)})
			// B undoes theirs; then A's undo goes through.
			MustApply(t, d, Change{Op: OpUndo, By: "UB"})
			MustApply(t, d, Change{Op: OpUndo, By: "UA"})
		})
	}
}

func TestUndoByVersion(t *testing.T) {
	d := MustNew(t)
	MustApply(t, d, Change{Op: OpSet, Field: Salary, Text: "100", By: "UB"}) // v2
	MustApply(t, d, Change{Op: OpSet, Field: Company, Text: "Acme", By: "UC"})
	MustFail(t, d, Change{Op: OpUndo, Undoes: 2, By: "UC"}, hirebot.Forbidden,
		&Error{Problem: ProblemNotAllowed, Owner: "U1", Verb: "undo someone else's change to"})
	MustFail(t, d, Change{Op: OpUndo, Undoes: 9, By: "U1"}, hirebot.Invalid, &Error{Problem: ProblemNoUndo, Index: 9, Limit: MaxUndo})
	e := MustApply(t, d, Change{Op: OpUndo, Undoes: 2, By: "U1"})
	if e.Summary != `undid v2 by @UB: set the salary: "100"` || d.Fields[Salary] != "" || d.Fields[Company] != "Acme" {
		t.Errorf("undo v2: %q, fields %v", e.Summary, d.Fields)
	}
}

func TestOwnerApproveKindAndConfirmations(t *testing.T) {
	d := MustNew(t)
	MustFail(t, d, Change{Op: OpOwner, Text: "U9", By: "U2"}, hirebot.Forbidden, &Error{Problem: ProblemNotAllowed, Owner: "U1", Verb: "hand over"})
	MustApply(t, d, Change{Op: OpOwner, Text: "U9", By: "U1"})
	if d.Owner != "U9" {
		t.Fatalf("owner = %q", d.Owner)
	}
	MustFail(t, d, Change{Op: OpIgnore, Text: "rockstar", By: "U1"}, hirebot.Forbidden,
		&Error{Problem: ProblemNotAllowed, Owner: "U9", Verb: "change the ignored check rules of"})
	e := MustApply(t, d, Change{Op: OpIgnore, Text: "rockstar", Reason: "it is a quote from a customer", By: "U9"})
	if e.Summary != `ignored wording rule "rockstar", because "it is a quote from a customer"` {
		t.Errorf("ignore summary = %q", e.Summary)
	}
	v := d.Version
	MustApply(t, d, Change{Op: OpApprove, By: "UCEO"})
	if a := d.Approvals[0]; a.By != "UCEO" || a.Version != v || !d.Approved(a) {
		t.Errorf("approval = %+v", d.Approvals)
	}
	MustApply(t, d, Change{Op: OpKind, Text: "operational"})
	if d.Kind != "operational" || d.Approved(d.Approvals[0]) {
		t.Errorf("kind %q; approval still current after a change: %+v", d.Kind, d.Approvals)
	}
	MustFail(t, d, Change{Op: OpFinalize, By: "U9", BaseVersion: v}, hirebot.Conflict, &StaleError{Base: v, Now: d.Version})
	MustApply(t, d, Change{Op: OpFinalize, By: "U9", BaseVersion: d.Version})
	MustApply(t, d, Change{Op: OpApprove, By: "UCEO"}) // a final draft can be approved
	MustFail(t, d, Change{Op: OpUndo, By: "U2"}, hirebot.Invalid, &Error{Problem: ProblemFinal})
}

func TestUndoRecordsHoldOnlyWhatChanged(t *testing.T) {
	d := MustNew(t)
	for i := range 30 {
		c := d.Content()
		c.Fields[Salary] = string(rune('a' + i%26))
		MustApply(t, d, Change{Op: OpReplace, BaseVersion: d.Version, Content: &c})
	}
	for _, u := range d.Undo {
		if len(u.Revert) != 1 || len(u.Revert[0].Content.Sections) != 0 || len(u.Revert[0].Content.Fields) != 1 {
			t.Fatalf("a save that changed the salary kept %+v", u.Revert)
		}
	}
}
