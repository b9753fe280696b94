package draft

import "github.com/hirebot/hirebot/knowledge/locale"

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
