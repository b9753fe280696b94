package draft

import (
	"fmt"
	"slices"

	"github.com/hirebot/hirebot"
)

// Apply checks c and applies it to the draft in place: the draft moves to
// the next version, Updated becomes c.At, and — for changes to content or to
// the ignored wording rules — an Undo record holding the inverse changes is
// kept (only the last MaxUndo). It returns the history entry of the change.
//
// When c is refused the draft is left exactly as it was and the error is a
// *hirebot.Error: Invalid for bad input, a final draft or nothing to undo;
// Conflict for a replace whose BaseVersion is not the current version;
// Forbidden for a finalize or reopen by someone other than the owner or an
// admin.
//
// Finalize and reopen keep no Undo record: undo reverts content changes only,
// and a final draft must be reopened before anything else can change.
func (d *Draft) Apply(c Change) (Entry, error) {
	next := d.Clone()
	summary, revert, err := next.apply(c)
	if err != nil {
		return Entry{}, err
	}
	next.Version++
	if !c.At.IsZero() {
		next.Updated = c.At
	}
	if revert != nil {
		next.Undo = append(next.Undo, Undo{Version: next.Version, Summary: summary, Revert: revert})
		if n := len(next.Undo); n > MaxUndo {
			next.Undo = slices.Clone(next.Undo[n-MaxUndo:])
		}
	}
	*d = *next
	return Entry{Version: d.Version, Op: c.Op, By: c.By, At: c.At, Summary: summary}, nil
}

// apply applies c to d, which the caller throws away on error, and returns
// the summary of the change and the changes that revert it (nil when it
// cannot be undone).
func (d *Draft) apply(c Change) (string, []Change, error) {
	if d.Status == Final && c.Op != OpReopen {
		return "", nil, &Error{Problem: ProblemFinal}
	}
	switch c.Op {
	case OpFinalize:
		return d.finalize(c)
	case OpReopen:
		return d.reopen(c)
	case OpUndo:
		return d.undo()
	}
	return d.change(c)
}

// change applies one change that can be undone.
func (d *Draft) change(c Change) (string, []Change, error) {
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
	}
	return "", nil, &Error{Problem: ProblemUnknownOp, Given: clip(string(c.Op))}
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

// newItem returns the item c adds: c.Item if set (its text replaced by
// c.Text when that is set), else an item of c.Text; missing author and time
// come from c.
func newItem(c Change) (Item, error) {
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

func (d *Draft) add(c Change) (string, []Change, error) {
	sec, err := resolveSection(c.Section)
	if err != nil {
		return "", nil, err
	}
	item, err := newItem(c)
	if err != nil {
		return "", nil, err
	}
	items := d.Sections[sec]
	if err := room(sec, items); err != nil {
		return "", nil, err
	}
	d.setItems(sec, append(items, item))
	n := len(items) + 1
	return fmt.Sprintf("added to %s (#%d): %s", sec, n, quote(item.Text)),
		[]Change{{Op: OpRemove, Section: sec, Index: n, By: c.By, At: c.At}}, nil
}

func (d *Draft) insert(c Change) (string, []Change, error) {
	sec, err := resolveSection(c.Section)
	if err != nil {
		return "", nil, err
	}
	if c.Item == nil && c.Text == "" {
		return "", nil, &Error{Problem: ProblemNoText, Section: sec}
	}
	item, err := newItem(c)
	if err != nil {
		return "", nil, err
	}
	items := d.Sections[sec]
	if err := room(sec, items); err != nil {
		return "", nil, err
	}
	if err := checkIndex(sec, len(items), c.Index, true); err != nil {
		return "", nil, err
	}
	d.setItems(sec, slices.Insert(items, c.Index-1, item))
	return fmt.Sprintf("inserted into %s (#%d): %s", sec, c.Index, quote(item.Text)),
		[]Change{{Op: OpRemove, Section: sec, Index: c.Index, By: c.By, At: c.At}}, nil
}

func (d *Draft) remove(c Change) (string, []Change, error) {
	sec, err := resolveSection(c.Section)
	if err != nil {
		return "", nil, err
	}
	items := d.Sections[sec]
	if err := checkIndex(sec, len(items), c.Index, false); err != nil {
		return "", nil, err
	}
	item := items[c.Index-1]
	d.setItems(sec, slices.Delete(items, c.Index-1, c.Index))
	return fmt.Sprintf("removed from %s (#%d): %s", sec, c.Index, quote(item.Text)),
		[]Change{{Op: OpInsert, Section: sec, Index: c.Index, Item: &item, By: c.By, At: c.At}}, nil
}

func (d *Draft) edit(c Change) (string, []Change, error) {
	sec, err := resolveSection(c.Section)
	if err != nil {
		return "", nil, err
	}
	items := d.Sections[sec]
	if err := checkIndex(sec, len(items), c.Index, false); err != nil {
		return "", nil, err
	}
	text, err := cleanItem(c.Text)
	if err != nil {
		return "", nil, err
	}
	old := items[c.Index-1].Text
	items[c.Index-1].Text = text
	return fmt.Sprintf("edited %s #%d: %s", sec, c.Index, quote(text)),
		[]Change{{Op: OpEdit, Section: sec, Index: c.Index, Text: old, By: c.By, At: c.At}}, nil
}

func (d *Draft) set(c Change) (string, []Change, error) {
	field, err := resolveField(c.Field)
	if err != nil {
		return "", nil, err
	}
	text, err := cleanField(field, c.Text)
	if err != nil {
		return "", nil, err
	}
	old := d.Fields[field]
	revert := []Change{{Op: OpSet, Field: field, Text: old, By: c.By, At: c.At}}
	if text == "" {
		delete(d.Fields, field)
		return fmt.Sprintf("cleared the %s", field), revert, nil
	}
	if d.Fields == nil {
		d.Fields = map[Field]string{}
	}
	d.Fields[field] = text
	return fmt.Sprintf("set the %s: %s", field, quote(text)), revert, nil
}

func (d *Draft) move(c Change) (string, []Change, error) {
	sec, err := resolveSection(c.Section)
	if err != nil {
		return "", nil, err
	}
	items := d.Sections[sec]
	if err := checkIndex(sec, len(items), c.Index, false); err != nil {
		return "", nil, err
	}
	if err := checkIndex(sec, len(items), c.To, false); err != nil {
		return "", nil, err
	}
	if c.Index == c.To {
		return "", nil, &Error{Problem: ProblemSamePlace, Section: sec, Index: c.Index, To: c.To}
	}
	item := items[c.Index-1]
	items = slices.Delete(items, c.Index-1, c.Index)
	d.setItems(sec, slices.Insert(items, c.To-1, item))
	return fmt.Sprintf("moved %s #%d to #%d: %s", sec, c.Index, c.To, quote(item.Text)),
		[]Change{{Op: OpMove, Section: sec, Index: c.To, To: c.Index, By: c.By, At: c.At}}, nil
}

func (d *Draft) replace(c Change) (string, []Change, error) {
	if c.Content == nil {
		return "", nil, &Error{Problem: ProblemNoContent}
	}
	if c.BaseVersion != d.Version {
		return "", nil, &StaleError{Base: c.BaseVersion, Now: d.Version}
	}
	content, err := cleanContent(*c.Content, d.Sections, c.By, c.At)
	if err != nil {
		return "", nil, err
	}
	old := d.Content()
	d.Fields, d.Sections = content.Fields, content.Sections
	n := len(diffContent(old, content))
	summary := fmt.Sprintf("edited the whole draft (%s)", plural(n, "change"))
	if n == 0 {
		summary = "saved the whole draft unchanged"
	}
	return summary, []Change{{Op: OpReplace, Content: &old, By: c.By, At: c.At}}, nil
}

func (d *Draft) ignore(c Change) (string, []Change, error) {
	rule, err := cleanRule(c.Text)
	if err != nil {
		return "", nil, err
	}
	if slices.Contains(d.Ignored, rule) {
		return "", nil, &Error{Problem: ProblemIgnored, Given: rule}
	}
	// A revert of an unignore puts the rule back where it was (Index,
	// 1-based), so that undo restores the draft exactly.
	if at := c.Index - 1; at >= 0 && at <= len(d.Ignored) {
		d.Ignored = slices.Insert(d.Ignored, at, rule)
	} else {
		d.Ignored = append(d.Ignored, rule)
	}
	return fmt.Sprintf("ignored wording rule %q", rule),
		[]Change{{Op: OpUnignore, Text: rule, By: c.By, At: c.At}}, nil
}

func (d *Draft) unignore(c Change) (string, []Change, error) {
	rule, err := cleanRule(c.Text)
	if err != nil {
		return "", nil, err
	}
	i := slices.Index(d.Ignored, rule)
	if i < 0 {
		return "", nil, &Error{Problem: ProblemNotIgnored, Given: rule}
	}
	d.Ignored = slices.Delete(d.Ignored, i, i+1)
	if len(d.Ignored) == 0 {
		d.Ignored = nil
	}
	return fmt.Sprintf("stopped ignoring wording rule %q", rule),
		[]Change{{Op: OpIgnore, Text: rule, Index: i + 1, By: c.By, At: c.At}}, nil
}

// mayDecide checks that c is made by the draft's owner or an admin.
func (d *Draft) mayDecide(c Change, verb string) error {
	if c.Admin || (c.By != "" && c.By == d.Owner) {
		return nil
	}
	return &Error{Problem: ProblemNotAllowed, Owner: d.Owner, Verb: verb}
}

func (d *Draft) finalize(c Change) (string, []Change, error) {
	if err := d.mayDecide(c, "finalize"); err != nil {
		return "", nil, err
	}
	d.Status = Final
	return "finalized the draft", nil, nil
}

func (d *Draft) reopen(c Change) (string, []Change, error) {
	if d.Status != Final {
		return "", nil, &Error{Problem: ProblemNotFinal}
	}
	if err := d.mayDecide(c, "reopen"); err != nil {
		return "", nil, err
	}
	d.Status = Open
	return "reopened the draft", nil, nil
}

func (d *Draft) undo() (string, []Change, error) {
	if len(d.Undo) == 0 {
		return "", nil, &Error{Problem: ProblemNothingToUndo, Limit: MaxUndo}
	}
	u := d.Undo[len(d.Undo)-1]
	d.Undo = d.Undo[:len(d.Undo)-1]
	if len(d.Undo) == 0 {
		d.Undo = nil
	}
	for _, rc := range u.Revert {
		rc.BaseVersion = d.Version
		if _, _, err := d.change(rc); err != nil {
			return "", nil, &hirebot.Error{Kind: hirebot.Internal, Err: fmt.Errorf("undo v%d: %w", u.Version, err)}
		}
	}
	return fmt.Sprintf("undid v%d: %s", u.Version, u.Summary), nil, nil
}
