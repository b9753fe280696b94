package draft

import (
	"fmt"
	"slices"
)

// MayDecide is the one rule of who decides on a draft — finalizes,
// reopens, discards or hands it over, ignores a wording rule, undoes
// another's change: its owner or an admin. It returns an *Error
// (ProblemNotAllowed, naming the owner and verb) for anyone else.
func (d *Draft) MayDecide(by string, admin bool, verb string) error {
	if admin || (by != "" && by == d.Owner) {
		return nil
	}
	return &Error{Problem: ProblemNotAllowed, Owner: d.Owner, Verb: verb}
}

// mayDecide checks that c is made by the draft's owner or an admin.
func (d *Draft) mayDecide(c Change, verb string) error { return d.MayDecide(c.By, c.Admin, verb) }

// confirmed checks that a confirmation asked at c.BaseVersion (when set)
// still holds: the draft has not changed since.
func (d *Draft) confirmed(c Change) error {
	if c.BaseVersion != 0 && c.BaseVersion != d.Version {
		return &StaleError{Base: c.BaseVersion, Now: d.Version}
	}
	return nil
}

func (d *Draft) finalize(c Change) (string, *Undo, error) {
	if err := d.mayDecide(c, "finalize"); err != nil {
		return "", nil, err
	}
	if err := d.confirmed(c); err != nil {
		return "", nil, err
	}
	d.Status = Final
	return "finalized the draft", nil, nil
}

func (d *Draft) reopen(c Change) (string, *Undo, error) {
	if d.Status != Final {
		return "", nil, &Error{Problem: ProblemNotFinal}
	}
	if err := d.mayDecide(c, "reopen"); err != nil {
		return "", nil, err
	}
	d.Status = Open
	return "reopened the draft", nil, nil
}

// handOver makes c.Text, a user id, the draft's owner.
func (d *Draft) handOver(c Change) (string, *Undo, error) {
	if err := d.mayDecide(c, "hand over"); err != nil {
		return "", nil, err
	}
	to := Clean(c.Text, false)
	if to == "" {
		return "", nil, &Error{Problem: ProblemNoOwner}
	}
	d.Owner = to
	return fmt.Sprintf("handed the draft to @%s", to), nil, nil
}

// approve records that c.By approves the draft as it is now, at its
// version (the draft keeps that version: see Apply); an earlier approval by
// the same person is replaced.
func (d *Draft) approve(c Change) (string, *Undo, error) {
	if c.By == "" {
		return "", nil, &Error{Problem: ProblemNoOwner}
	}
	d.Approvals = slices.DeleteFunc(d.Approvals, func(a Approval) bool { return a.By == c.By })
	d.Approvals = append(d.Approvals, Approval{By: c.By, Version: d.Version, At: c.At})
	if n := len(d.Approvals); n > MaxApprovals {
		d.Approvals = slices.Clone(d.Approvals[n-MaxApprovals:])
	}
	return fmt.Sprintf("approved version %d", d.Version), nil, nil
}

// Approved reports whether a was given to the draft as it still is: no
// content changed since.
func (d *Draft) Approved(a Approval) bool { return d.Edited <= a.Version }

// StaleApprovals returns the approvals given to an earlier content than the
// draft's, oldest first: what finalize asks about before it goes ahead.
func (d *Draft) StaleApprovals() []Approval {
	var out []Approval
	for _, a := range d.Approvals {
		if !d.Approved(a) {
			out = append(out, a)
		}
	}
	return out
}

// setKind sets the draft's kind to c.Text, a knowledge Kind id the handler
// checked ("" clears it).
func (d *Draft) setKind(c Change) (string, []Change, []string, error) {
	kind := Clean(c.Text, false)
	if len(kind) > MaxRuleRunes {
		return "", nil, nil, &Error{Problem: ProblemTooLong, Size: len(kind), Limit: MaxRuleRunes}
	}
	old := d.Kind
	d.Kind = kind
	summary := fmt.Sprintf("set the kind to %q", kind)
	if kind == "" {
		summary = "cleared the kind"
	}
	return summary, []Change{{Op: OpKind, Text: old}}, []string{touchKind}, nil
}

func (d *Draft) ignore(c Change) (string, []Change, []string, error) {
	rule, err := cleanRule(c.Text)
	if err != nil {
		return "", nil, nil, err
	}
	if slices.Contains(d.Ignored, rule) {
		return "", nil, nil, &Error{Problem: ProblemIgnored, Given: rule}
	}
	// A revert of an unignore puts the rule back where it was (Index,
	// 1-based), so that undo restores the draft exactly.
	if at := c.Index - 1; at >= 0 && at <= len(d.Ignored) {
		d.Ignored = slices.Insert(d.Ignored, at, rule)
	} else {
		d.Ignored = append(d.Ignored, rule)
	}
	summary := fmt.Sprintf("ignored wording rule %q", rule)
	if reason := Clean(c.Reason, false); reason != "" {
		summary += ", because " + quote(reason)
	}
	return summary, []Change{{Op: OpUnignore, Text: rule}}, []string{touchRule + rule}, nil
}

func (d *Draft) unignore(c Change) (string, []Change, []string, error) {
	rule, err := cleanRule(c.Text)
	if err != nil {
		return "", nil, nil, err
	}
	i := slices.Index(d.Ignored, rule)
	if i < 0 {
		return "", nil, nil, &Error{Problem: ProblemNotIgnored, Given: rule}
	}
	d.Ignored = slices.Delete(d.Ignored, i, i+1)
	if len(d.Ignored) == 0 {
		d.Ignored = nil
	}
	return fmt.Sprintf("stopped ignoring wording rule %q", rule),
		[]Change{{Op: OpIgnore, Text: rule, Index: i + 1}}, []string{touchRule + rule}, nil
}
