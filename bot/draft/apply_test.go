package draft

import (
	"slices"
	"strings"
	"testing"

	"github.com/hirebot/hirebot"
)

func TestNew(t *testing.T) {
	d, e, err := New(Start{
		Role:  " cto ",
		Kind:  "operational",
		Title: "VP\u200B Engineering",
		Owner: "U1",
		At:    at(0),
		Template: Content{
			Fields:   map[Field]string{Title: "ignored", Summary: "We build things."},
			Sections: map[Section][]Item{"reqs": {{Text: "  Ten years  ", Source: "x"}, {Text: "\u200B"}}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := Entry{Version: 1, Op: OpStart, By: "U1", At: at(0), Summary: "started the draft"}
	if e != want {
		t.Errorf("entry = %+v, want %+v", e, want)
	}
	if d.Version != 1 || d.Status != Open || d.Owner != "U1" || d.Role != "cto" || d.Kind != "operational" {
		t.Errorf("draft = %+v", d)
	}
	if got := d.Fields[Title]; got != "VP Engineering" {
		t.Errorf("title = %q", got)
	}
	if got := d.Fields[Summary]; got != "We build things." {
		t.Errorf("summary = %q", got)
	}
	want0 := []Item{{Text: "Ten years", Source: "x", Author: "U1", At: at(0), Ref: "R1"}}
	if got := d.Sections[Requirements]; !slices.Equal(got, want0) {
		t.Errorf("requirements = %+v, want %+v", got, want0)
	}
	if !d.Created.Equal(at(0)) || !d.Updated.Equal(at(0)) {
		t.Errorf("times = %v, %v", d.Created, d.Updated)
	}
}

func TestNewErrors(t *testing.T) {
	long := strings.Repeat("x", MaxItemRunes+1)
	tests := []struct {
		name string
		s    Start
		want error
	}{
		{"no role", Start{Owner: "U1"}, &Error{Problem: ProblemNoRole}},
		{"no owner", Start{Role: "cto"}, &Error{Problem: ProblemNoOwner}},
		{"long title", Start{Role: "cto", Owner: "U1", Title: strings.Repeat("t", 121)}, &Error{Problem: ProblemTooLong, Field: Title, Size: 121, Limit: 120}},
		{"long item", Start{Role: "cto", Owner: "U1", Template: Content{Sections: map[Section][]Item{Benefits: {{Text: long}}}}}, &Error{Problem: ProblemTooLong, Section: Benefits, Size: 501, Limit: 500}},
		{"unknown section", Start{Role: "cto", Owner: "U1", Template: Content{Sections: map[Section][]Item{"skills": {{Text: "Go"}}}}}, &Error{Problem: ProblemNoSection, Given: "skills"}},
		{"section twice", Start{Role: "cto", Owner: "U1", Template: Content{Sections: map[Section][]Item{"reqs": {{Text: "a"}}, Requirements: {{Text: "b"}}}}}, &Error{Problem: ProblemTwice, Section: Requirements}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := New(tt.s)
			if hirebot.KindOf(err) != hirebot.Invalid || !sameError(err, tt.want) {
				t.Errorf("New() error = %v, want Invalid %v", err, tt.want)
			}
		})
	}
}

func TestApply(t *testing.T) {
	long := strings.Repeat("é", MaxItemRunes)
	tests := []struct {
		name    string
		c       Change
		summary string
		check   func(t *testing.T, d *Draft)
	}{
		{
			name:    "add",
			c:       Change{Op: OpAdd, Section: Requirements, Text: "  Ten years leading   platform teams "},
			summary: `added to requirements as R4 (#4): "Ten years leading platform teams"`,
			check: func(t *testing.T, d *Draft) {
				got := d.Sections[Requirements][3]
				if got.Text != "Ten years leading platform teams" || got.Author != "U2" || !got.At.Equal(at(1)) {
					t.Errorf("added item = %+v", got)
				}
			},
		},
		{
			name:    "add by alias to an empty section",
			c:       Change{Op: OpAdd, Section: "nice to have", Text: "Rust"},
			summary: `added to nice-to-have as N1 (#1): "Rust"`,
		},
		{
			name:    "add 500 characters, quoted short",
			c:       Change{Op: OpAdd, Section: Benefits, Text: long},
			summary: `added to benefits as B2 (#2): "` + strings.Repeat("é", 60) + `…"`,
		},
		{
			name:    "add keeps the source of a suggested item",
			c:       Change{Op: OpAdd, Section: Benefits, Item: &Item{Text: "Remote work", Source: "benefits.remote"}},
			summary: `added to benefits as B2 (#2): "Remote work"`,
			check: func(t *testing.T, d *Draft) {
				if got := d.Sections[Benefits][1]; got.Source != "benefits.remote" || got.Author != "U2" {
					t.Errorf("item = %+v", got)
				}
			},
		},
		{
			name:    "insert first",
			c:       Change{Op: OpInsert, Section: Requirements, Index: 1, Item: &Item{Text: "Go", Author: "U9", At: at(30)}},
			summary: `inserted into requirements as R4 (#1): "Go"`,
			check: func(t *testing.T, d *Draft) {
				if got := d.Sections[Requirements][0]; got.Author != "U9" || !got.At.Equal(at(30)) {
					t.Errorf("inserted item = %+v", got)
				}
			},
		},
		{
			name:    "insert after the last",
			c:       Change{Op: OpInsert, Section: Requirements, Index: 4, Text: "Go"},
			summary: `inserted into requirements as R4 (#4): "Go"`,
		},
		{
			name:    "remove from the middle",
			c:       Change{Op: OpRemove, Section: Requirements, Index: 2},
			summary: `removed from requirements (R2, #2): "Led a team of 20 or more engineers"`,
			check: func(t *testing.T, d *Draft) {
				want := []string{"Ten years of software engineering", "Shipped products at scale"}
				if got := sectionTexts(d, Requirements); !slices.Equal(got, want) {
					t.Errorf("requirements = %q", got)
				}
			},
		},
		{
			name:    "remove the only item drops the section",
			c:       Change{Op: OpRemove, Section: Benefits, Index: 1},
			summary: `removed from benefits (B1, #1): "Equity"`,
			check: func(t *testing.T, d *Draft) {
				if _, ok := d.Sections[Benefits]; ok {
					t.Errorf("benefits still in the map: %+v", d.Sections)
				}
			},
		},
		{
			name:    "edit",
			c:       Change{Op: OpEdit, Section: "resp", Index: 3, Text: "Own the  architecture\u202E and its costs"},
			summary: `edited responsibilities D3 (#3): "Own the architecture and its costs"`,
			check: func(t *testing.T, d *Draft) {
				if got := d.Sections[Responsibilities][2]; got.Source != "cto.architecture" || got.Author != "U1" {
					t.Errorf("edited item lost its origin: %+v", got)
				}
			},
		},
		{
			name:    "set",
			c:       Change{Op: OpSet, Field: "pay", Text: "€180k–€220k"},
			summary: `set the salary: "€180k–€220k"`,
		},
		{
			name:    "set summary keeps lines",
			c:       Change{Op: OpSet, Field: Summary, Text: "We are small.\n\n\nWe ship.  "},
			summary: `set the summary: "We are small. We ship."`,
			check: func(t *testing.T, d *Draft) {
				if got := d.Fields[Summary]; got != "We are small.\nWe ship." {
					t.Errorf("summary = %q", got)
				}
			},
		},
		{
			name:    "set the longest summary",
			c:       Change{Op: OpSet, Field: Summary, Text: strings.Repeat("s", MaxSummaryRunes)},
			summary: `set the summary: "` + strings.Repeat("s", 60) + `…"`,
		},
		{
			name:    "set empty clears",
			c:       Change{Op: OpSet, Field: Title, Text: " \u200B "},
			summary: "cleared the title",
			check: func(t *testing.T, d *Draft) {
				if _, ok := d.Fields[Title]; ok {
					t.Errorf("title still set: %+v", d.Fields)
				}
			},
		},
		{
			name:    "move up",
			c:       Change{Op: OpMove, Section: Requirements, Index: 3, To: 1},
			summary: `moved requirements R3 from #3 to #1: "Shipped products at scale"`,
			check: func(t *testing.T, d *Draft) {
				want := []string{"Shipped products at scale", "Ten years of software engineering", "Led a team of 20 or more engineers"}
				if got := sectionTexts(d, Requirements); !slices.Equal(got, want) {
					t.Errorf("requirements = %q", got)
				}
			},
		},
		{
			name: "replace",
			c: Change{Op: OpReplace, BaseVersion: 1, Content: &Content{
				Fields: map[Field]string{Title: "CTO", Salary: "200k"},
				Sections: map[Section][]Item{
					Requirements: {{Text: "Ten years of software engineering"}, {Text: "Go"}, {Text: " "}},
				},
			}},
			summary: "edited the whole draft (8 changes)",
			check: func(t *testing.T, d *Draft) {
				want := []Item{
					{Text: "Ten years of software engineering", Source: "cto.experience", Author: "U1", At: at(0), Ref: "R4"},
					{Text: "Go", Author: "U2", At: at(1), Ref: "R5"},
				}
				if got := d.Sections[Requirements]; !slices.Equal(got, want) {
					t.Errorf("requirements = %+v, want %+v", got, want)
				}
				if len(d.Sections) != 1 || d.Fields[Salary] != "200k" {
					t.Errorf("draft = %+v", d)
				}
			},
		},
		{
			name:    "ignore",
			c:       Change{Op: OpIgnore, Text: "rockstar", By: "U1"},
			summary: `ignored wording rule "rockstar"`,
			check: func(t *testing.T, d *Draft) {
				if !slices.Equal(d.Ignored, []string{"rockstar"}) {
					t.Errorf("ignored = %q", d.Ignored)
				}
			},
		},
		{
			name:    "finalize by the owner",
			c:       Change{Op: OpFinalize, By: "U1"},
			summary: "finalized the draft",
			check: func(t *testing.T, d *Draft) {
				if d.Status != Final || len(d.Undo) != 0 {
					t.Errorf("status %q, undo %d", d.Status, len(d.Undo))
				}
			},
		},
		{
			name:    "finalize by an admin",
			c:       Change{Op: OpFinalize, By: "U7", Admin: true},
			summary: "finalized the draft",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := MustNew(t)
			e := MustApply(t, d, tt.c)
			if e.Summary != tt.summary {
				t.Errorf("summary = %q\nwant      %q", e.Summary, tt.summary)
			}
			if e.Version != 2 || d.Version != 2 || e.Op != tt.c.Op || !d.Updated.Equal(at(1)) || !e.At.Equal(at(1)) {
				t.Errorf("entry %+v, draft version %d updated %v", e, d.Version, d.Updated)
			}
			if tt.check != nil {
				tt.check(t, d)
			}
		})
	}
}

func TestApplyErrors(t *testing.T) {
	full := make([]Item, MaxItems)
	for i := range full {
		full[i] = Item{Text: "item"}
	}
	tests := []struct {
		name string
		c    Change
		kind hirebot.Kind
		want error
	}{
		{"unknown op", Change{Op: "frobnicate"}, hirebot.Invalid, &Error{Problem: ProblemUnknownOp, Given: "frobnicate"}},
		{"add to unknown section", Change{Op: OpAdd, Section: "skills", Text: "Go"}, hirebot.Invalid, &Error{Problem: ProblemNoSection, Given: "skills"}},
		{"add without section", Change{Op: OpAdd, Text: "Go"}, hirebot.Invalid, &Error{Problem: ProblemNoSection}},
		{"add empty", Change{Op: OpAdd, Section: Benefits, Text: " \u200B\t"}, hirebot.Invalid, &Error{Problem: ProblemEmpty, Limit: 500}},
		{"add too long", Change{Op: OpAdd, Section: Benefits, Text: strings.Repeat("x", 501)}, hirebot.Invalid, &Error{Problem: ProblemTooLong, Size: 501, Limit: 500}},
		{"insert nothing", Change{Op: OpInsert, Section: Benefits, Index: 1}, hirebot.Invalid, &Error{Problem: ProblemNoText, Section: Benefits}},
		{"insert at 0", Change{Op: OpInsert, Section: Requirements, Index: 0, Text: "Go"}, hirebot.Invalid, &Error{Problem: ProblemIndex, Section: Requirements, Index: 0, Size: 3, Limit: 4}},
		{"insert past the end", Change{Op: OpInsert, Section: Requirements, Index: 5, Text: "Go"}, hirebot.Invalid, &Error{Problem: ProblemIndex, Section: Requirements, Index: 5, Size: 3, Limit: 4}},
		{"insert into empty section", Change{Op: OpInsert, Section: NiceToHave, Index: 2, Text: "Go"}, hirebot.Invalid, &Error{Problem: ProblemIndex, Section: NiceToHave, Index: 2, Size: 0, Limit: 1}},
		{"remove 0", Change{Op: OpRemove, Section: Requirements}, hirebot.Invalid, &Error{Problem: ProblemIndex, Section: Requirements, Index: 0, Size: 3, Limit: 3}},
		{"remove past the end", Change{Op: OpRemove, Section: Requirements, Index: 4}, hirebot.Invalid, &Error{Problem: ProblemIndex, Section: Requirements, Index: 4, Size: 3, Limit: 3}},
		{"remove from one", Change{Op: OpRemove, Section: Benefits, Index: 2}, hirebot.Invalid, &Error{Problem: ProblemIndex, Section: Benefits, Index: 2, Size: 1, Limit: 1}},
		{"remove from empty", Change{Op: OpRemove, Section: NiceToHave, Index: 1}, hirebot.Invalid, &Error{Problem: ProblemIndex, Section: NiceToHave, Index: 1, Size: 0, Limit: 0}},
		{"edit past the end", Change{Op: OpEdit, Section: Requirements, Index: 9, Text: "x"}, hirebot.Invalid, &Error{Problem: ProblemIndex, Section: Requirements, Index: 9, Size: 3, Limit: 3}},
		{"edit empty", Change{Op: OpEdit, Section: Requirements, Index: 1, Text: ""}, hirebot.Invalid, &Error{Problem: ProblemEmpty, Limit: 500}},
		{"edit too long", Change{Op: OpEdit, Section: Requirements, Index: 1, Text: strings.Repeat("x", 600)}, hirebot.Invalid, &Error{Problem: ProblemTooLong, Size: 600, Limit: 500}},
		{"set unknown field", Change{Op: OpSet, Field: "kind", Text: "x"}, hirebot.Invalid, &Error{Problem: ProblemNoField, Given: "kind"}},
		{"set long title", Change{Op: OpSet, Field: Title, Text: strings.Repeat("t", 121)}, hirebot.Invalid, &Error{Problem: ProblemTooLong, Field: Title, Size: 121, Limit: 120}},
		{"set long company", Change{Op: OpSet, Field: Company, Text: strings.Repeat("c", 200)}, hirebot.Invalid, &Error{Problem: ProblemTooLong, Field: Company, Size: 200, Limit: 120}},
		{"set long location", Change{Op: OpSet, Field: Location, Text: strings.Repeat("l", 121)}, hirebot.Invalid, &Error{Problem: ProblemTooLong, Field: Location, Size: 121, Limit: 120}},
		{"set long salary", Change{Op: OpSet, Field: Salary, Text: strings.Repeat("9", 121)}, hirebot.Invalid, &Error{Problem: ProblemTooLong, Field: Salary, Size: 121, Limit: 120}},
		{"set long summary", Change{Op: OpSet, Field: Summary, Text: strings.Repeat("s", 1501)}, hirebot.Invalid, &Error{Problem: ProblemTooLong, Field: Summary, Size: 1501, Limit: 1500}},
		{"move to the same place", Change{Op: OpMove, Section: Requirements, Index: 2, To: 2}, hirebot.Invalid, &Error{Problem: ProblemSamePlace, Section: Requirements, Index: 2, To: 2}},
		{"move from past the end", Change{Op: OpMove, Section: Requirements, Index: 4, To: 1}, hirebot.Invalid, &Error{Problem: ProblemIndex, Section: Requirements, Index: 4, Size: 3, Limit: 3}},
		{"move to past the end", Change{Op: OpMove, Section: Requirements, Index: 1, To: 4}, hirebot.Invalid, &Error{Problem: ProblemIndex, Section: Requirements, Index: 4, Size: 3, Limit: 3}},
		{"replace on an old version", Change{Op: OpReplace, BaseVersion: 0, Content: &Content{}}, hirebot.Conflict, &StaleError{Base: 0, Now: 1}},
		{"replace without content", Change{Op: OpReplace, BaseVersion: 1}, hirebot.Invalid, &Error{Problem: ProblemNoContent}},
		{"replace with unknown section", Change{Op: OpReplace, BaseVersion: 1, Content: &Content{
			Sections: map[Section][]Item{"skills": {{Text: "Go"}}}}}, hirebot.Invalid, &Error{Problem: ProblemNoSection, Given: "skills"}},
		{"replace with unknown field", Change{Op: OpReplace, BaseVersion: 1, Content: &Content{
			Fields: map[Field]string{"kind": "ops"}}}, hirebot.Invalid, &Error{Problem: ProblemNoField, Given: "kind"}},
		{"replace with a long item", Change{Op: OpReplace, BaseVersion: 1, Content: &Content{
			Sections: map[Section][]Item{Benefits: {{Text: strings.Repeat("x", 501)}}}}}, hirebot.Invalid, &Error{Problem: ProblemTooLong, Section: Benefits, Size: 501, Limit: 500}},
		{"replace with too many items", Change{Op: OpReplace, BaseVersion: 1, Content: &Content{
			Sections: map[Section][]Item{Benefits: append(slices.Clone(full), Item{Text: "one more"})}}}, hirebot.Invalid, &Error{Problem: ProblemFull, Section: Benefits, Size: 41, Limit: 40}},
		{"replace with a long summary", Change{Op: OpReplace, BaseVersion: 1, Content: &Content{
			Fields: map[Field]string{Summary: strings.Repeat("s", 1501)}}}, hirebot.Invalid, &Error{Problem: ProblemTooLong, Field: Summary, Size: 1501, Limit: 1500}},
		{"ignore nothing", Change{Op: OpIgnore, By: "U1"}, hirebot.Invalid, &Error{Problem: ProblemNoRule}},
		{"ignore a sentence", Change{Op: OpIgnore, Text: "not a rule", By: "U1"}, hirebot.Invalid, &Error{Problem: ProblemNoRule, Given: "not a rule"}},
		{"unignore what is not ignored", Change{Op: OpUnignore, Text: "rockstar", By: "U1"}, hirebot.Invalid, &Error{Problem: ProblemNotIgnored, Given: "rockstar"}},
		{"finalize by someone else", Change{Op: OpFinalize, By: "U2"}, hirebot.Forbidden, &Error{Problem: ProblemNotAllowed, Owner: "U1", Verb: "finalize"}},
		{"finalize by nobody", Change{Op: OpFinalize}, hirebot.Forbidden, &Error{Problem: ProblemNotAllowed, Owner: "U1", Verb: "finalize"}},
		{"reopen an open draft", Change{Op: OpReopen, By: "U1"}, hirebot.Invalid, &Error{Problem: ProblemNotFinal}},
		{"undo nothing", Change{Op: OpUndo}, hirebot.Invalid, &Error{Problem: ProblemNothingToUndo, Limit: 50}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := MustNew(t)
			MustFail(t, d, tt.c, tt.kind, tt.want)
		})
	}
}

func TestApplyFullSection(t *testing.T) {
	d := MustNew(t)
	for d.Version < MaxItems {
		MustApply(t, d, Change{Op: OpAdd, Section: Benefits, Text: "perk"})
	}
	if n := len(d.Sections[Benefits]); n != MaxItems {
		t.Fatalf("benefits has %d items, want %d", n, MaxItems)
	}
	msg := &Error{Problem: ProblemFull, Section: Benefits, Size: 40, Limit: 40}
	MustFail(t, d, Change{Op: OpAdd, Section: Benefits, Text: "one more"}, hirebot.Invalid, msg)
	MustFail(t, d, Change{Op: OpInsert, Section: Benefits, Index: 1, Text: "one more"}, hirebot.Invalid, msg)
}

func TestApplyIgnoreOnce(t *testing.T) {
	d := MustNew(t)
	MustApply(t, d, Change{Op: OpIgnore, Text: "rockstar", By: "U1"})
	MustFail(t, d, Change{Op: OpIgnore, Text: " rockstar ", By: "U1"}, hirebot.Invalid, &Error{Problem: ProblemIgnored, Given: "rockstar"})
	MustApply(t, d, Change{Op: OpIgnore, Text: "ninja", By: "U1"})
	if want := []string{"rockstar", "ninja"}; !slices.Equal(d.Ignored, want) {
		t.Errorf("ignored = %q, want %q", d.Ignored, want)
	}
	// Undoing an unignore puts the rule back where it was.
	MustApply(t, d, Change{Op: OpUnignore, Text: "rockstar", By: "U1"})
	MustApply(t, d, Change{Op: OpUndo, By: "U1"})
	if want := []string{"rockstar", "ninja"}; !slices.Equal(d.Ignored, want) {
		t.Errorf("after unignore and undo, ignored = %q, want %q", d.Ignored, want)
	}
}

func TestFinalDraft(t *testing.T) {
	d := MustNew(t)
	MustApply(t, d, Change{Op: OpAdd, Section: Benefits, Text: "Remote"})
	MustApply(t, d, Change{Op: OpFinalize, By: "U1"})

	final := &Error{Problem: ProblemFinal}
	refused := []Change{
		{Op: OpAdd, Section: Benefits, Text: "x", By: "U1"},
		{Op: OpInsert, Section: Benefits, Index: 1, Text: "x"},
		{Op: OpRemove, Section: Benefits, Index: 1},
		{Op: OpEdit, Section: Benefits, Index: 1, Text: "x"},
		{Op: OpSet, Field: Salary, Text: "x"},
		{Op: OpMove, Section: Requirements, Index: 1, To: 2},
		{Op: OpReplace, BaseVersion: 3, Content: &Content{}},
		{Op: OpIgnore, Text: "rockstar", By: "U1"},
		{Op: OpFinalize, By: "U1"},
		{Op: OpUndo, By: "U1", Admin: true},
	}
	for _, c := range refused {
		t.Run(string(c.Op), func(t *testing.T) {
			MustFail(t, d, c, hirebot.Invalid, final)
		})
	}

	MustFail(t, d, Change{Op: OpReopen, By: "U2"}, hirebot.Forbidden, &Error{Problem: ProblemNotAllowed, Owner: "U1", Verb: "reopen"})
	e := MustApply(t, d, Change{Op: OpReopen, By: "U3", Admin: true})
	if e.Summary != "reopened the draft" || d.Status != Open {
		t.Fatalf("reopen: entry %+v, status %q", e, d.Status)
	}
	// Undo now reverts the last content change, made before the finalize.
	e = MustApply(t, d, Change{Op: OpUndo})
	if e.Summary != `undid v2: added to benefits as B2 (#2): "Remote"` {
		t.Errorf("undo summary = %q", e.Summary)
	}
	if got := sectionTexts(d, Benefits); !slices.Equal(got, []string{"Equity"}) {
		t.Errorf("benefits = %q", got)
	}
}

func TestApplyLeavesCallerCopiesAlone(t *testing.T) {
	d := MustNew(t)
	items := d.Items(Requirements)
	content := d.Content()
	MustApply(t, d, Change{Op: OpEdit, Section: Requirements, Index: 1, Text: "changed"})
	MustApply(t, d, Change{Op: OpSet, Field: Title, Text: "changed"})
	if items[0].Text != "Ten years of software engineering" || content.Fields[Title] != "Chief Technology Officer" {
		t.Errorf("copies changed: %+v %+v", items[0], content.Fields)
	}
	c := d.Clone()
	MustApply(t, c, Change{Op: OpRemove, Section: Requirements, Index: 1})
	if len(d.Sections[Requirements]) != 3 {
		t.Errorf("changing a clone changed the draft")
	}
}
