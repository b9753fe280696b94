package draft

import (
	"slices"
	"testing"
)

// TestApprovalIsBesideAVersion: an approval names the version it approves
// and makes no new one; finalize's confirmation asked before it still holds;
// approvals of an earlier content are stale, oldest first.
func TestApprovalIsBesideAVersion(t *testing.T) {
	type step struct {
		c         Change
		version   int      // the draft's version after c
		stale     []string // who approved an earlier content, after c
		approvals int
	}
	steps := []step{
		{Change{Op: OpApprove, By: "UCEO"}, 1, nil, 1},
		{Change{Op: OpApprove, By: "UCTO"}, 1, nil, 2},
		{Change{Op: OpApprove, By: "UCEO"}, 1, nil, 2}, // again: replaced, still one each
		{Change{Op: OpSet, Field: Salary, Text: "$200k", By: "U2"}, 2, []string{"UCTO", "UCEO"}, 2},
		{Change{Op: OpApprove, By: "UCTO"}, 2, []string{"UCEO"}, 2},
		{Change{Op: OpOwner, Text: "U1", By: "U1"}, 3, []string{"UCEO"}, 2}, // not content
		{Change{Op: OpApprove, By: "UCEO"}, 3, nil, 2},
	}
	d := MustNew(t)
	for i, s := range steps {
		e := MustApply(t, d, s.c)
		if d.Version != s.version || e.Version != s.version {
			t.Errorf("step %d (%s): version %d, entry v%d; want %d", i, s.c.Op, d.Version, e.Version, s.version)
		}
		var stale []string
		for _, a := range d.StaleApprovals() {
			stale = append(stale, a.By)
		}
		if !slices.Equal(stale, s.stale) || len(d.Approvals) != s.approvals {
			t.Errorf("step %d (%s): stale %v of %d approvals; want %v of %d", i, s.c.Op, stale, len(d.Approvals), s.stale, s.approvals)
		}
	}
	// A confirmation asked at a version still holds after an approval.
	v := d.Version
	MustApply(t, d, Change{Op: OpApprove, By: "UCFO"})
	MustApply(t, d, Change{Op: OpFinalize, By: "U1", BaseVersion: v})
	if d.Status != Final || d.Version != v+1 {
		t.Errorf("finalize asked at v%d after an approval: status %s, version %d", v, d.Status, d.Version)
	}
}
