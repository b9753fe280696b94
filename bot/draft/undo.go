package draft

import (
	"fmt"
	"slices"

	"github.com/hirebot/hirebot"
)

// undo reverts one change: the one made at version c.Undoes (the owner and
// admins may name anyone's; others only their own), or else c.By's newest
// change still in effect. It refuses, changing nothing, when a later change
// touched what that change touched: reverting would undo work built on it.
// The record is used up; undo keeps no record of its own.
func (d *Draft) undo(c Change) (string, *Undo, error) {
	i, err := d.pickUndo(c)
	if err != nil {
		return "", nil, err
	}
	u := d.Undo[i]
	for _, later := range d.Undo[i+1:] {
		if overlaps(u.Touch, later.Touch) {
			return "", nil, &Error{Problem: ProblemDepends, Index: u.Version, To: later.Version,
				Owner: later.By, Given: clip(later.Summary)}
		}
	}
	d.Undo = slices.Delete(d.Undo, i, i+1)
	if len(d.Undo) == 0 {
		d.Undo = nil
	}
	for _, rc := range u.Revert {
		rc.BaseVersion, rc.Loose = d.Version, true
		if _, _, _, err := d.change(rc); err != nil {
			return "", nil, &hirebot.Error{Kind: hirebot.Internal, Err: fmt.Errorf("undo v%d: %w", u.Version, err)}
		}
	}
	if err := d.checkSize(); err != nil {
		return "", nil, err
	}
	who := ""
	if u.By != c.By && u.By != "" {
		who = fmt.Sprintf(" by @%s", u.By)
	}
	return fmt.Sprintf("undid v%d%s: %s", u.Version, who, u.Summary), nil, nil
}

// pickUndo returns the index of the undo record c asks to revert.
func (d *Draft) pickUndo(c Change) (int, error) {
	if c.Undoes > 0 {
		i := slices.IndexFunc(d.Undo, func(u Undo) bool { return u.Version == c.Undoes })
		if i < 0 {
			return 0, &Error{Problem: ProblemNoUndo, Index: c.Undoes, Limit: MaxUndo}
		}
		if d.Undo[i].By != c.By {
			if err := d.mayDecide(c, "undo someone else's change to"); err != nil {
				return 0, err
			}
		}
		return i, nil
	}
	for i := len(d.Undo) - 1; i >= 0; i-- {
		if d.Undo[i].By == c.By {
			return i, nil
		}
	}
	return 0, &Error{Problem: ProblemNothingToUndo, Limit: MaxUndo}
}

// trimUndo drops the oldest undo records beyond MaxUndo or MaxUndoBytes.
func (d *Draft) trimUndo() {
	total := 0
	keep := len(d.Undo)
	for i := len(d.Undo) - 1; i >= 0; i-- {
		total += d.Undo[i].undoBytes()
		if total > MaxUndoBytes || len(d.Undo)-i > MaxUndo {
			break
		}
		keep = i
	}
	if keep > 0 {
		d.Undo = slices.Clone(d.Undo[keep:])
	}
	if len(d.Undo) == 0 {
		d.Undo = nil
	}
}
