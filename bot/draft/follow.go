package draft

import "maps"

// SummaryWriter writes the summary hirebot gives a draft of role and kind
// (knowledge ids; kind may be "") from its fields: the facts the summary
// states (title, company, location, salary, engagement), with the locale
// it is written for (see facts). The handler gives it: the words come
// from the knowledge pack.
type SummaryWriter func(role, kind string, fields map[Field]string) string

// ApplyFollowing applies c as Apply does, and keeps a summary hirebot
// wrote in step with what it was written from. When the summary before c
// is the one write gives for the draft as it was, and c leaves the summary
// as it was — a fact set with /jd set, an Edit-form save that changes a
// fact but not the summary, a change of kind — the summary is written
// again for the draft as c leaves it, in the same change: one version, one
// history line ("… and rewrote the summary to match"), one undo that
// reverts both. A summary someone wrote or edited, in a command or in the
// form, is not write's, so it is theirs: no change rewrites it.
func (d *Draft) ApplyFollowing(c Change, write SummaryWriter) (Entry, error) {
	return d.applyWith(c, Writers{Summary: write})
}

// Writers are what the handler gives a change so that the draft can write
// again what hirebot wrote, from the knowledge pack: the summary (see
// ApplyFollowing) and the role's benefits when the engagement changes (see
// engaged). Either may be nil: that part is then left as it is.
type Writers struct {
	Summary    SummaryWriter
	Checklists Checklists
}

// ApplyWith applies c as Apply does, keeping what hirebot wrote in step
// with the change as w allows: the summary with the facts, and the
// benefits with the engagement.
func (d *Draft) ApplyWith(c Change, w Writers) (Entry, error) {
	return d.applyWith(c, w)
}

// follower remembers whether a draft's summary is the one write gives, so
// that after a change it can write it again from the new facts.
type follower struct {
	write     SummaryWriter
	old       string // the summary before the change
	following bool   // old is write's, for the draft before the change
}

// follow notes d's summary before a change; write may be nil (no
// following).
func follow(d *Draft, write SummaryWriter) follower {
	f := follower{write: write, old: d.Fields[Summary]}
	f.following = write != nil && f.old != "" && f.old == write(d.Role, d.Kind, d.facts())
	return f
}

// rewrite writes d's summary again after a change that left it as it was,
// if it was write's before the change and write now gives another. It
// returns the change that reverts the rewrite and what it touched, or
// false when the summary stays.
func (f follower) rewrite(d *Draft) (Change, string, bool) {
	if !f.following || d.Fields[Summary] != f.old {
		return Change{}, "", false
	}
	next := f.write(d.Role, d.Kind, d.facts())
	if next == f.old || next == "" {
		return Change{}, "", false
	}
	d.Fields[Summary] = next
	return Change{Op: OpSet, Field: Summary, Text: f.old}, touchField + string(Summary), true
}

// facts returns the fields a summary is written from: the draft's fields,
// with the locale it is written for in place of the locale setting (which
// may be unset: see LocaleCode).
func (d *Draft) facts() map[Field]string {
	f := maps.Clone(d.Fields)
	if f == nil {
		f = map[Field]string{}
	}
	f[Locale] = string(d.LocaleCode())
	return f
}
