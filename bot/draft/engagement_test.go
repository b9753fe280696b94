package draft

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/locale"
)

// benefitLists are the checklists of the engagement tests' CTO: its
// benefits as the knowledge pack words them.
func benefitLists(string, string) []knowledge.Checklist {
	return []knowledge.Checklist{{ID: "cto-benefits", Role: "cto", Section: "benefits", Items: []knowledge.ChecklistItem{
		{ID: "cto-benefit-equity", Text: "Equity or a long-term incentive plan"},
		{ID: "cto-benefit-learning", Text: "A yearly budget for training, conferences and executive coaching"},
		{ID: "cto-benefit-holiday", Text: "Paid holiday above the legal minimum, plus public holidays"},
		{ID: "cto-benefit-parental", Text: "Paid parental leave above the legal minimum, for every parent"},
		{ID: "cto-benefit-pension", Text: "A pension plan with employer contributions"},
		{ID: "cto-benefit-health", Text: "Private health insurance"},
	}}}
}

// MustStartEngaged returns a draft started in locale code for engagement
// eng as /jd start makes it: a fractional or interim one lists the
// engagement's offer in place of the role's benefits.
func MustStartEngaged(tb testing.TB, code locale.Code, eng locale.Kind) *Draft {
	tb.Helper()
	s := Start{Role: "cto", Title: "CTO", Owner: "U1", At: at(0), Locale: string(code),
		Checklists: benefitLists("cto", ""),
		Template:   Content{Fields: map[Field]string{EEO: "We welcome everyone.", Engagement: string(eng)}}}
	if e, ok := locale.Default().Engagement(eng); ok && e.Contract() {
		for i, text := range e.Offer {
			s.Template.Sections = map[Section][]Item{Benefits: append(s.Template.Sections[Benefits], Item{Text: text, Source: offerSource(eng, i)})}
		}
	}
	d, _, err := New(s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// benefitTexts lists the texts of d's benefits.
func benefitTexts(d *Draft) []string {
	var out []string
	for _, it := range d.Sections[Benefits] {
		out = append(out, it.Text)
	}
	return out
}

// TestEngagementRewritesBenefits (issue 27): /jd set engagement on a
// draft puts what hirebot writes for the new engagement in place of what
// it wrote for the old one and nobody edited, in the same change, with
// the statement for employees or contractors; a person's items stay; one
// undo restores the draft.
func TestEngagementRewritesBenefits(t *testing.T) {
	const own = "A four-day week, every week"
	tests := []struct {
		name     string
		code     locale.Code
		from, to locale.Kind
		prepare  func(t *testing.T, d *Draft) // before the switch, if set
		keep     []string                     // items that must stay, in order, after the switch
		noSource string                       // a source prefix no item may have after the switch
	}{
		{name: "full-time to fractional, untouched", code: locale.UK, from: locale.FullTime, to: locale.Fractional, noSource: "cto-benefit-"},
		{name: "full-time to interim, us", code: locale.US, from: locale.FullTime, to: locale.Interim, noSource: "cto-benefit-"},
		{name: "full-time to fractional, an edited benefit kept", code: locale.UK, from: locale.FullTime, to: locale.Fractional,
			prepare: func(t *testing.T, d *Draft) {
				MustApply(t, d, Change{Op: OpEdit, Ref: d.Sections[Benefits][4].Ref, Text: "A pension with 8% employer contributions"})
				MustApply(t, d, Change{Op: OpAdd, Section: Benefits, Text: own})
			},
			keep: []string{"A pension with 8% employer contributions", own}},
		{name: "fractional to full-time", code: locale.US, from: locale.Fractional, to: locale.FullTime, noSource: "fractional-offer-",
			prepare: func(t *testing.T, d *Draft) { MustApply(t, d, Change{Op: OpAdd, Section: Benefits, Text: own}) },
			keep:    []string{own}},
		{name: "interim to full-time, edited offer kept", code: locale.UK, from: locale.Interim, to: locale.FullTime,
			prepare: func(t *testing.T, d *Draft) {
				MustApply(t, d, Change{Op: OpEdit, Ref: d.Sections[Benefits][0].Ref, Text: "A clear brief from the board"})
			},
			keep: []string{"A clear brief from the board"}},
		{name: "fractional to interim", code: locale.CA, from: locale.Fractional, to: locale.Interim, noSource: "fractional-offer-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := MustStartEngaged(t, tt.code, tt.from)
			if tt.prepare != nil {
				tt.prepare(t, d)
			}
			before := d.Clone()
			e, err := d.ApplyWith(Change{Op: OpSet, Field: Engagement, Text: string(tt.to), By: "U2", At: at(30)}, Writers{Checklists: benefitLists})
			if err != nil {
				t.Fatal(err)
			}
			if e.Version != before.Version+1 || !e.Undoable {
				t.Errorf("entry %+v: want version %d, undoable", e, before.Version+1)
			}
			if !strings.Contains(e.Summary, "rewrote the benefits for the "+string(tt.to)+" engagement") {
				t.Errorf("history line %q does not say the benefits were rewritten", e.Summary)
			}
			// The benefits are those of a draft started for the new
			// engagement, with the person's items kept beside them.
			fresh := MustStartEngaged(t, tt.code, tt.to)
			got := benefitTexts(d)
			var rest []string
			for _, text := range got {
				if !slices.Contains(benefitTexts(fresh), text) {
					rest = append(rest, text)
				}
			}
			if !reflect.DeepEqual(rest, tt.keep) {
				t.Errorf("benefits not a new draft's: %q, want just %q\nall: %q", rest, tt.keep, got)
			}
			for _, want := range benefitTexts(fresh) {
				if !slices.Contains(got, want) {
					t.Errorf("benefits lack %q: %q", want, got)
				}
			}
			for _, it := range d.Sections[Benefits] {
				if tt.noSource != "" && strings.HasPrefix(it.Source, tt.noSource) && !slices.Contains(tt.keep, it.Text) {
					t.Errorf("an untouched %s item stayed: %q", tt.from, it.Text)
				}
			}
			if d.Fields[EEO] != fresh.Fields[EEO] {
				t.Errorf("statement %q, want the new engagement's %q", d.Fields[EEO], fresh.Fields[EEO])
			}
			// One undo restores the draft as it was.
			MustApply(t, d, Change{Op: OpUndo, By: "U2", At: at(31)})
			if !reflect.DeepEqual(d.Sections, before.Sections) || !reflect.DeepEqual(d.Fields, before.Fields) {
				t.Errorf("after undo:\nbenefits %q\nwant     %q\nstatement %q", benefitTexts(d), benefitTexts(before), d.Fields[EEO])
			}
		})
	}
}

// TestEngagementWithoutChecklists: a plain Apply, with no checklists to
// write the role's benefits from, leaves the benefits as they are.
func TestEngagementWithoutChecklists(t *testing.T) {
	d := MustStartEngaged(t, locale.US, locale.FullTime)
	want := benefitTexts(d)
	MustApply(t, d, Change{Op: OpSet, Field: Engagement, Text: string(locale.Fractional)})
	if got := benefitTexts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("benefits %q, want %q", got, want)
	}
}
