package draft

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/locale"
)

// How a leader is engaged (the engagement setting): full-time, an
// employee with employee benefits, or fractional or interim, a contract for
// services whose draft states its terms instead. The words and terms are
// package locale's.

// Engagement returns how the draft's leader is engaged: its engagement
// setting, full-time when it has none.
func (d *Draft) Engagement() locale.Kind {
	if k, err := locale.Default().ParseKind(d.Fields[Engagement]); err == nil {
		return k
	}
	return locale.FullTime
}

// Contract reports whether the draft is for a fractional or interim
// engagement: it states terms instead of employee benefits.
func (d *Draft) Contract() bool { return d.Engagement() != locale.FullTime }

// Term is one line of the terms a fractional or interim draft states.
type Term struct {
	ID    string // days, length, rate, contract
	Label string // "Days a week"
	Text  string
}

// termFields are the fields whose value a term shows, by the term's id.
var termFields = map[string]Field{"days": Days, "length": Length, "rate": Salary}

// Terms returns what a fractional or interim draft states instead of
// employee benefits — days a week, length, rate and how the contract works
// — each the hiring team's value where they set one (the rate is the
// salary field), else the engagement's default sentence for the draft's
// locale. A full-time draft has none.
func (d *Draft) Terms() []Term {
	e, ok := locale.Default().Engagement(d.Engagement())
	if !ok || !e.Contract() {
		return nil
	}
	var out []Term
	for _, t := range e.Terms {
		out = append(out, Term{ID: t.ID, Label: t.Label, Text: t.Text(d.LocaleCode(), d.Fields[termFields[t.ID]])})
	}
	return out
}

// Checklists gives the checklists of a draft's role and kind
// (knowledge.Pack.ChecklistsFor): the handler's, from the knowledge pack.
type Checklists func(role, kind string) []knowledge.Checklist

// engaged is what apply does after a change c that moved the draft to
// another engagement, as localized is for another locale: the benefits
// hirebot wrote for the old engagement and nobody edited give way to what
// it writes for the new one, in the same change. To fractional or interim,
// the role's employee benefits (from lists) and another engagement's offer
// go, and the engagement's offer comes, as /jd start cto fractional writes
// it; back to full-time, the offer goes and the role's first benefits
// come, as /jd start cto writes them. Items a person added or edited stay.
// It returns the summary's words, the changes that revert it and what it
// touched; none when nothing changed or lists is nil.
func (d *Draft) engaged(before locale.Kind, c Change, lists Checklists) (string, []Change, []string) {
	now := d.Engagement()
	if now == before || lists == nil {
		return "", nil, nil
	}
	role := lists(d.Role, d.Kind)
	var revert []Change
	var touch []string
	at := -1 // where the new items go: where the first old one was
	for i := 0; i < len(d.Sections[Benefits]); {
		it := d.Sections[Benefits][i]
		if !d.wroteForAnother(it, role) {
			i++
			continue
		}
		_, back, touched, err := d.remove(Change{Op: OpRemove, Ref: it.Ref})
		if err != nil {
			i++
			continue
		}
		revert, touch = append(revert, back...), append(touch, touched...)
		if at < 0 {
			at = i
		}
	}
	out := len(revert)
	if at < 0 {
		at = len(d.Sections[Benefits])
	}
	for _, it := range d.engagementBenefits(role) {
		if d.holds(Benefits, it) {
			continue
		}
		_, back, touched, err := d.insert(Change{Op: OpInsert, Section: Benefits, Index: at + 1, Item: &it, By: c.By, At: c.At})
		if err != nil {
			break // the section is full: what a person wrote stays
		}
		revert, touch = append(revert, back...), append(touch, touched...)
		at++
	}
	if len(revert) == 0 {
		return "", nil, nil
	}
	slices.Reverse(revert) // undone last change first
	return fmt.Sprintf(" and rewrote the benefits for the %s engagement (%d out, %d in)", now, out, len(revert)-out), revert, touch
}

// engagementBenefits returns what hirebot lists as benefits for the
// draft's engagement, for its locale: the engagement's offer for a
// fractional or interim one, else the first of the role's benefits (role
// is the checklists of the draft's role and kind), as a new draft takes
// them.
func (d *Draft) engagementBenefits(role []knowledge.Checklist) []Item {
	code := d.LocaleCode()
	data := locale.Default()
	if e, ok := data.Engagement(d.Engagement()); ok && e.Contract() {
		var out []Item
		for i, text := range e.Offer {
			out = append(out, Item{Text: data.Spell(text, code), Source: offerSource(e.Kind, i)})
		}
		return out
	}
	out := fromChecklists(role, TemplateCaps)[Benefits]
	for i := range out {
		out[i].Text = benefitText(out[i], code)
	}
	return out
}

// wroteForAnother reports whether it is a benefit as hirebot wrote it for
// an engagement other than the draft's, in any locale: another
// engagement's offer, or — in a fractional or interim draft — one of the
// role's employee benefits (role is the checklists of its role and kind).
func (d *Draft) wroteForAnother(it Item, role []knowledge.Checklist) bool {
	data := locale.Default()
	for _, k := range locale.Kinds() {
		e, ok := data.Engagement(k)
		if !ok || k == d.Engagement() {
			continue
		}
		for i, text := range e.Offer {
			if it.Source == offerSource(k, i) && spelledAnyway(text, it.Text) {
				return true
			}
		}
	}
	if !d.Contract() {
		return false
	}
	ci, sec, ok := ChecklistItem(role, it.Source)
	if !ok || sec != Benefits {
		return false
	}
	if spelledAnyway(ci.Text, it.Text) {
		return true
	}
	slot, ok := locale.BenefitSlot(it.Source)
	return ok && localeBenefit(slot, it.Text)
}

// benefitText is what hirebot writes for a role's benefit item in locale
// code: the locale's own text for a benefit that differs by country, in
// the locale's spelling.
func benefitText(it Item, code locale.Code) string {
	text := it.Text
	if slot, ok := locale.BenefitSlot(it.Source); ok {
		if l, ok := locale.Get(code); ok {
			if t, ok := l.Benefit(slot); ok {
				text = t
			}
		}
	}
	return locale.Default().Spell(text, code)
}

// spelledAnyway reports whether text is hirebot's in the spelling of some
// locale.
func spelledAnyway(hirebots, text string) bool {
	for _, c := range locale.Codes() {
		if locale.Default().Spell(hirebots, c) == text {
			return true
		}
	}
	return hirebots == text
}

// offerSource is the source of the ith item (from 0) of what engagement k
// offers, as a new draft gives it.
func offerSource(k locale.Kind, i int) string { return fmt.Sprintf("%s-offer-%d", k, i+1) }

// holds reports whether sec has an item of its source or, in any case,
// its text.
func (d *Draft) holds(sec Section, it Item) bool {
	return slices.ContainsFunc(d.Sections[sec], func(o Item) bool {
		return o.Source != "" && o.Source == it.Source || strings.EqualFold(o.Text, it.Text)
	})
}
