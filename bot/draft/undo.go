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
		i := slices.IndexFunc(d.Undo, func(u Undo) bool { return u.Version == c.Undoes && !u.Gone })
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
		if d.Undo[i].By == c.By && !d.Undo[i].Gone {
			return i, nil
		}
	}
	return 0, &Error{Problem: ProblemNothingToUndo, Limit: MaxUndo}
}

// trimUndo keeps each person's newest undo records within their own
// budget — MaxUndo records, MaxUndoBytes — for the MaxUndoPeople people
// who changed the draft most recently: one person's large change never
// drops anyone else's record. Once a person's budget is spent, their older
// records go too, so that their undo never skips a change of theirs still
// in effect. A dropped record newer than a kept one leaves what it touched
// (Gone, merged with its neighbours), so that an undo still sees the
// later changes that build on it.
func (d *Draft) trimUndo() {
	keep := make([]bool, len(d.Undo))
	count, used := map[string]int{}, map[string]int{}
	spent := map[string]bool{}
	var people []string
	for i := len(d.Undo) - 1; i >= 0; i-- {
		u := d.Undo[i]
		if u.Gone {
			continue
		}
		if !slices.Contains(people, u.By) {
			people = append(people, u.By)
		}
		size := u.undoBytes()
		switch {
		case spent[u.By]:
		case slices.Index(people, u.By) >= MaxUndoPeople, count[u.By] >= MaxUndo, used[u.By]+size > MaxUndoBytes:
			spent[u.By] = true
		default:
			keep[i] = true
			count[u.By]++
			used[u.By] += size
		}
	}
	oldest := slices.Index(keep, true)
	var out []Undo
	for i, u := range d.Undo {
		switch {
		case keep[i]:
			out = append(out, u)
		case oldest < 0 || i < oldest:
			// Nothing kept is older: what it touched guards nothing.
		case len(out) > 0 && out[len(out)-1].Gone:
			last := &out[len(out)-1]
			last.Version, last.By, last.Summary = u.Version, u.By, u.Summary
			for _, t := range u.Touch {
				if !slices.Contains(last.Touch, t) {
					last.Touch = append(last.Touch, t)
				}
			}
		default:
			out = append(out, Undo{Version: u.Version, By: u.By, Summary: u.Summary, Touch: slices.Clone(u.Touch), Gone: true})
		}
	}
	d.Undo = out
}
