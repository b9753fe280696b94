package draft

import (
	"errors"
	"strings"
	"testing"
)

// writeTest is a SummaryWriter for tests: who is hiring whom, where, and
// the kind.
func writeTest(role, kind string, f map[Field]string) string {
	who := "We"
	if f[Company] != "" {
		who = f[Company]
	}
	s := who + " hiring a " + f[Title] + " (" + role + ", " + kind + ")."
	if f[Location] != "" {
		s += " Based in " + f[Location] + "."
	}
	return s
}

// following returns a test draft whose summary is writeTest's.
func following(t *testing.T) *Draft {
	t.Helper()
	d := MustNew(t)
	MustApply(t, d, Change{Op: OpSet, Field: Summary, Text: writeTest(d.Role, d.Kind, d.Fields), At: at(1)})
	return d
}

// formSave is an Edit-form save of d as it is, with edits applied to the
// form's fields: every input the form holds, as Slack sends them.
func formSave(d *Draft, edits map[Field]string) Change {
	content := d.Content()
	for f, v := range edits {
		content.Fields[f] = v
	}
	return Change{Op: OpReplace, Content: &content, BaseVersion: d.Version, By: "U2", At: at(5)}
}

func TestApplyFollowing(t *testing.T) {
	const theirs = "Our own words about the job."
	tests := []struct {
		name    string
		prepare func(t *testing.T, d *Draft) // before the change, if set
		change  func(d *Draft) Change
		theirs  bool   // the summary after is want, not writeTest's for the draft after
		want    string // the summary after, when theirs
		rewrote bool   // the history line says the summary was rewritten
	}{
		{name: "set a fact", change: func(*Draft) Change { return Change{Op: OpSet, Field: Title, Text: "VP Platform"} }, rewrote: true},
		{name: "set another fact", change: func(*Draft) Change { return Change{Op: OpSet, Field: Company, Text: "Acme"} }, rewrote: true},
		{name: "form save changing a fact, summary as it was", rewrote: true,
			change: func(d *Draft) Change { return formSave(d, map[Field]string{Title: "VP Platform", Location: "Berlin"}) }},
		{name: "form save changing the summary too: theirs", theirs: true, want: theirs,
			change: func(d *Draft) Change { return formSave(d, map[Field]string{Title: "VP Platform", Summary: theirs}) }},
		{name: "form save clearing the summary: theirs", theirs: true, want: "",
			change: func(d *Draft) Change { return formSave(d, map[Field]string{Title: "VP Platform", Summary: ""}) }},
		{name: "form save of items only", change: func(d *Draft) Change {
			c := formSave(d, nil)
			c.Content.Sections[Requirements] = append(c.Content.Sections[Requirements], Item{Text: "Ran an SRE team"})
			return c
		}},
		{name: "change of kind", change: func(*Draft) Change { return Change{Op: OpKind, Text: "operational"} }, rewrote: true},
		{name: "set the summary: theirs", theirs: true, want: theirs, change: func(*Draft) Change { return Change{Op: OpSet, Field: Summary, Text: theirs} }},
		{name: "a summary someone wrote stays", theirs: true, want: theirs,
			prepare: func(t *testing.T, d *Draft) { MustApply(t, d, Change{Op: OpSet, Field: Summary, Text: theirs}) },
			change:  func(d *Draft) Change { return formSave(d, map[Field]string{Title: "VP Platform"}) }},
		{name: "a summary edited in a form stays", theirs: true, want: theirs,
			prepare: func(t *testing.T, d *Draft) { MustApply(t, d, formSave(d, map[Field]string{Summary: theirs})) },
			change:  func(*Draft) Change { return Change{Op: OpSet, Field: Title, Text: "VP Platform"} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := following(t)
			if tt.prepare != nil {
				tt.prepare(t, d)
			}
			c := tt.change(d)
			c.By, c.At = "U2", at(9)
			e, err := d.ApplyFollowing(c, writeTest)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if !tt.theirs {
				want = writeTest(d.Role, d.Kind, d.Fields)
			}
			if got := d.Fields[Summary]; got != want {
				t.Errorf("summary = %q, want %q", got, want)
			}
			if got := strings.HasSuffix(e.Summary, " and rewrote the summary to match"); got != tt.rewrote {
				t.Errorf("history line %q: says it rewrote the summary %v, want %v", e.Summary, got, tt.rewrote)
			}
		})
	}
}

// TestFollowingAfterAFormSave: after a form save that changed the title and
// not the summary, the summary keeps following /jd set; undo reverts the
// save and the rewrite together; and the rewrite counts as touching the
// summary, so that undo refuses to revert it under a later edit of it.
func TestFollowingAfterAFormSave(t *testing.T) {
	d := following(t)
	start := d.Fields[Summary]
	if _, err := d.ApplyFollowing(formSave(d, map[Field]string{Title: "VP Platform"}), writeTest); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ApplyFollowing(Change{Op: OpSet, Field: Company, Text: "Acme", By: "U3", At: at(10)}, writeTest); err != nil {
		t.Fatal(err)
	}
	if got, want := d.Fields[Summary], "Acme hiring a VP Platform (cto, technical-leader)."; got != want {
		t.Fatalf("after a form save and /jd set company, summary = %q, want %q", got, want)
	}
	// U3 undoes the company: the summary follows back.
	MustApply(t, d, Change{Op: OpUndo, By: "U3", At: at(11)})
	if got, want := d.Fields[Summary], "We hiring a VP Platform (cto, technical-leader)."; got != want {
		t.Errorf("after undoing the company, summary = %q, want %q", got, want)
	}
	// U2 undoes the form save: title and summary as they were.
	MustApply(t, d, Change{Op: OpUndo, By: "U2", At: at(12)})
	if d.Fields[Title] != "Chief Technology Officer" || d.Fields[Summary] != start {
		t.Errorf("after undoing the save: title %q, summary %q; want the start's", d.Fields[Title], d.Fields[Summary])
	}

	// A later edit of the summary by someone else blocks undoing a change
	// that rewrote it.
	d = following(t)
	if _, err := d.ApplyFollowing(Change{Op: OpSet, Field: Title, Text: "VP Platform", By: "U2", At: at(20)}, writeTest); err != nil {
		t.Fatal(err)
	}
	MustApply(t, d, Change{Op: OpSet, Field: Summary, Text: "Ours now.", By: "U3", At: at(21)})
	_, err := d.Apply(Change{Op: OpUndo, By: "U2", At: at(22)})
	var de *Error
	if !errors.As(err, &de) || de.Problem != ProblemDepends {
		t.Errorf("undo under a later edit of the rewritten summary = %v, want it refused (depends)", err)
	}
	if d.Fields[Summary] != "Ours now." {
		t.Errorf("summary = %q, want U3's", d.Fields[Summary])
	}
}

// TestApplyDoesNotFollow: Apply, with no writer, never rewrites the summary.
func TestApplyDoesNotFollow(t *testing.T) {
	d := following(t)
	before := d.Fields[Summary]
	MustApply(t, d, formSave(d, map[Field]string{Title: "VP Platform"}))
	if d.Fields[Summary] != before {
		t.Errorf("Apply rewrote the summary: %q", d.Fields[Summary])
	}
}
