package draft

import (
	"fmt"
	"slices"
)

// Apply checks c and applies it to the draft in place: the draft moves to
// the next version, Updated becomes c.At, and — for changes to content, the
// kind or the ignored wording rules — an Undo record holding only the
// inverse changes is kept (each person's last MaxUndo, within MaxUndoBytes
// of their own: see trimUndo). It
// returns the history entry of the change.
//
// When c is refused the draft is left exactly as it was and the error is a
// *Error or a *StaleError carrying data for a handler to word: Invalid for
// bad input, a final draft or nothing to undo; Conflict for a replace or a
// confirmation made on an older version, a change asked for another draft
// (*OtherDraftError: c.Draft names a draft this is not), a bare item number in a section
// that changed since the person last saw it, or an undo that a later change
// by someone else depends on; Forbidden for what only the owner or an admin
// may do.
//
// Finalize, reopen, owner and approve keep no Undo record: undo reverts
// content changes only, and a final draft must be reopened before anything
// else can change. An approval does not make a new version: it is recorded
// beside the version it approves, and its entry carries that version.
func (d *Draft) Apply(c Change) (Entry, error) {
	return d.applyWith(c, Writers{})
}

// applyWith is Apply, keeping what hirebot wrote in step with the change
// as w allows (see ApplyWith).
func (d *Draft) applyWith(c Change, w Writers) (Entry, error) {
	next := d.Clone()
	next.EnsureRefs()
	next.EnsureID()
	summary, rec, err := next.apply(c, w)
	if err != nil {
		return Entry{}, err
	}
	if c.Op != OpApprove {
		// An approval is recorded beside the version it approves, not
		// as a new one: the content it speaks of stays that version.
		next.Version++
		if !c.At.IsZero() {
			next.Updated = c.At
		}
	}
	undoable := false
	if rec != nil {
		next.Edited = next.Version
		rec.Version, rec.By, rec.Summary = next.Version, c.By, summary
		next.Undo = append(next.Undo, *rec)
		next.trimUndo()
		last := len(next.Undo) - 1
		undoable = last >= 0 && next.Undo[last].Version == next.Version && !next.Undo[last].Gone
	}
	if c.Op == OpUndo {
		next.Edited = next.Version
	}
	*d = *next
	return Entry{Version: d.Version, Op: c.Op, By: c.By, At: c.At, Summary: summary, Undoable: undoable}, nil
}

// apply applies c to d, which the caller throws away on error, and returns
// the summary of the change and its undo record (nil when it cannot be
// undone). With w.Summary, a summary hirebot wrote follows the facts (see
// ApplyFollowing); with w.Checklists, the benefits hirebot wrote follow the
// engagement (see engaged).
func (d *Draft) apply(c Change, w Writers) (string, *Undo, error) {
	if c.Draft != "" {
		if err := d.Is(c.Draft); err != nil {
			return "", nil, err
		}
	}
	if d.Status == Final && c.Op != OpReopen && c.Op != OpApprove {
		return "", nil, &Error{Problem: ProblemFinal}
	}
	switch c.Op {
	case OpFinalize:
		return d.finalize(c)
	case OpReopen:
		return d.reopen(c)
	case OpOwner:
		return d.handOver(c)
	case OpApprove:
		return d.approve(c)
	case OpUndo:
		return d.undo(c)
	case OpIgnore, OpUnignore:
		if err := d.mayDecide(c, "change the ignored check rules of"); err != nil {
			return "", nil, err
		}
	}
	following := follow(d, w.Summary)
	wasLocale, wasContract, wasEngaged := d.LocaleCode(), d.Contract(), d.Engagement()
	summary, revert, touch, err := d.change(c)
	if err != nil {
		return "", nil, err
	}
	if back, touched, ok := following.rewrite(d); ok {
		summary += " and rewrote the summary to match"
		revert, touch = append(revert, back), append(touch, touched)
	}
	if said, back, touched := d.engaged(wasEngaged, c, w.Checklists); said != "" {
		summary += said
		revert, touch = append(revert, back...), append(touch, touched...)
	}
	if said, back, touched := d.localized(wasLocale, wasContract); said != "" {
		summary += said
		revert, touch = append(revert, back...), append(touch, touched...)
	}
	if err := d.checkSize(); err != nil {
		return "", nil, err
	}
	for i := range revert {
		revert[i].Loose, revert[i].By, revert[i].At = true, c.By, c.At
	}
	return summary, &Undo{Revert: revert, Touch: touch}, nil
}

// change applies one change that can be undone and returns its summary,
// the changes that revert it and what it touched.
func (d *Draft) change(c Change) (string, []Change, []string, error) {
	switch c.Op {
	case OpAdd:
		return d.add(c)
	case OpInsert:
		return d.insert(c)
	case OpRemove:
		return d.remove(c)
	case OpEdit:
		return d.edit(c)
	case OpSet:
		return d.set(c)
	case OpMove:
		return d.move(c)
	case OpReplace:
		return d.replace(c)
	case OpIgnore:
		return d.ignore(c)
	case OpUnignore:
		return d.unignore(c)
	case OpKind:
		return d.setKind(c)
	}
	return "", nil, nil, &Error{Problem: ProblemUnknownOp, Given: clip(string(c.Op))}
}

// setItems stores the items of sec, dropping the section when it is empty.
func (d *Draft) setItems(sec Section, items []Item) {
	if len(items) == 0 {
		delete(d.Sections, sec)
		return
	}
	if d.Sections == nil {
		d.Sections = map[Section][]Item{}
	}
	d.Sections[sec] = items
}

// newItem returns the item c adds to sec: c.Item if set (its text replaced
// by c.Text when that is set), else an item of c.Text; missing author and
// time come from c, a missing or taken reference is made new.
func (d *Draft) newItem(sec Section, c Change) (Item, error) {
	item := Item{Text: c.Text}
	if c.Item != nil {
		item = *c.Item
		if c.Text != "" {
			item.Text = c.Text
		}
	}
	if item.Author == "" {
		item.Author = c.By
	}
	if item.At.IsZero() {
		item.At = c.At
	}
	if s, ok := ParseRef(item.Ref); !ok || s != sec || d.refIndex(sec, item.Ref) >= 0 {
		item.Ref = d.newRef(sec)
	}
	var err error
	item.Text, err = cleanItem(item.Text)
	return item, err
}

// room checks that sec can take one more item.
func room(sec Section, items []Item) error {
	if len(items) >= MaxItems {
		return &Error{Problem: ProblemFull, Section: sec, Size: len(items), Limit: MaxItems}
	}
	return nil
}

func (d *Draft) add(c Change) (string, []Change, []string, error) {
	sec, err := resolveSection(c.Section)
	if err != nil {
		return "", nil, nil, err
	}
	items := d.Sections[sec]
	if err := room(sec, items); err != nil {
		return "", nil, nil, err
	}
	item, err := d.newItem(sec, c)
	if err != nil {
		return "", nil, nil, err
	}
	d.setItems(sec, append(items, item))
	return fmt.Sprintf("added to %s as %s (#%d): %s", sec, item.Ref, len(items)+1, quote(item.Text)),
		[]Change{{Op: OpRemove, Ref: item.Ref}}, []string{item.Ref}, nil
}

func (d *Draft) insert(c Change) (string, []Change, []string, error) {
	sec, err := resolveSection(c.Section)
	if err != nil {
		return "", nil, nil, err
	}
	if c.Item == nil && c.Text == "" {
		return "", nil, nil, &Error{Problem: ProblemNoText, Section: sec}
	}
	items := d.Sections[sec]
	if err := room(sec, items); err != nil {
		return "", nil, nil, err
	}
	at := c.Index
	switch {
	case c.After == "^":
		at = 1
	case c.After != "" && d.refIndex(sec, c.After) >= 0:
		at = d.refIndex(sec, c.After) + 2
	case c.Loose:
		at = min(max(at, 1), len(items)+1)
	}
	if err := checkIndex(sec, len(items), at, true); err != nil {
		return "", nil, nil, err
	}
	item, err := d.newItem(sec, c)
	if err != nil {
		return "", nil, nil, err
	}
	if at <= len(items) {
		d.touched(sec)
	}
	d.setItems(sec, slices.Insert(items, at-1, item))
	return fmt.Sprintf("inserted into %s as %s (#%d): %s", sec, item.Ref, at, quote(item.Text)),
		[]Change{{Op: OpRemove, Ref: item.Ref}}, []string{item.Ref}, nil
}

func (d *Draft) remove(c Change) (string, []Change, []string, error) {
	sec, i, err := d.target(c)
	if err != nil {
		return "", nil, nil, err
	}
	items := d.Sections[sec]
	item := items[i]
	after := "^"
	if i > 0 {
		after = items[i-1].Ref
	}
	d.touched(sec)
	d.setItems(sec, slices.Delete(items, i, i+1))
	return fmt.Sprintf("removed from %s (%s, #%d): %s", sec, item.Ref, i+1, quote(item.Text)),
		[]Change{{Op: OpInsert, Section: sec, Index: i + 1, After: after, Item: &item}}, []string{item.Ref}, nil
}

func (d *Draft) edit(c Change) (string, []Change, []string, error) {
	sec, i, err := d.target(c)
	if err != nil {
		return "", nil, nil, err
	}
	text, err := cleanItem(c.Text)
	if err != nil {
		return "", nil, nil, err
	}
	items := d.Sections[sec]
	old := items[i].Text
	items[i].Text = text
	d.touched(sec)
	return fmt.Sprintf("edited %s %s (#%d): %s", sec, items[i].Ref, i+1, quote(text)),
		[]Change{{Op: OpEdit, Ref: items[i].Ref, Text: old}}, []string{items[i].Ref}, nil
}

func (d *Draft) set(c Change) (string, []Change, []string, error) {
	field, err := resolveField(c.Field)
	if err != nil {
		return "", nil, nil, err
	}
	text, err := cleanField(field, c.Text)
	if err != nil {
		return "", nil, nil, err
	}
	old := d.Fields[field]
	revert := []Change{{Op: OpSet, Field: field, Text: old}}
	touch := []string{touchField + string(field)}
	if text == "" {
		delete(d.Fields, field)
		return fmt.Sprintf("cleared the %s", field), revert, touch, nil
	}
	if d.Fields == nil {
		d.Fields = map[Field]string{}
	}
	d.Fields[field] = text
	return fmt.Sprintf("set the %s: %s", field, quote(text)), revert, touch, nil
}

func (d *Draft) move(c Change) (string, []Change, []string, error) {
	sec, i, err := d.target(c)
	if err != nil {
		return "", nil, nil, err
	}
	items := d.Sections[sec]
	to := c.To
	if c.Loose {
		to = min(max(to, 1), len(items))
		if to == i+1 {
			return fmt.Sprintf("left %s %s at #%d", sec, items[i].Ref, to), nil, nil, nil
		}
	}
	if err := checkIndex(sec, len(items), to, false); err != nil {
		return "", nil, nil, err
	}
	if i+1 == to {
		return "", nil, nil, &Error{Problem: ProblemSamePlace, Section: sec, Index: i + 1, To: to}
	}
	item := items[i]
	items = slices.Delete(items, i, i+1)
	d.touched(sec)
	d.setItems(sec, slices.Insert(items, to-1, item))
	return fmt.Sprintf("moved %s %s from #%d to #%d: %s", sec, item.Ref, i+1, to, quote(item.Text)),
		[]Change{{Op: OpMove, Ref: item.Ref, To: i + 1}}, []string{item.Ref}, nil
}
