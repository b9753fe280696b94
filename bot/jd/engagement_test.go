package jd

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/locale"
	"github.com/hirebot/hirebot/knowledge/wording"
)

// engagedDraft is a draft just started for role as a fractional or
// interim engagement, as /jd start cto fractional makes it.
func engagedDraft(t *testing.T, h *Handler, role knowledge.Role, eng locale.Kind) *draft.Draft {
	t.Helper()
	a := Args{Engagement: string(eng), EngagementWord: string(eng)}
	kind, title, err := h.startKindAndTitle(role, a, "start "+role.ID+" "+string(eng))
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := draft.New(h.engaged(testStart(h, role, kind, title), role, kind, eng))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestEngagedDraftsStateTermsNotBenefits (issue 27): a fractional or
// interim draft of every role lists no employee benefit, states days a
// week, length, rate and how the contract works, is 400 to 700 words, and
// passes its own check fresh (pay and location to do) and once they are set.
func TestEngagedDraftsStateTermsNotBenefits(t *testing.T) {
	pack, h := embeddedHandler(t)
	for _, role := range pack.Roles {
		for _, eng := range []locale.Kind{locale.Fractional, locale.Interim} {
			t.Run(role.ID+"-"+string(eng), func(t *testing.T) {
				d := engagedDraft(t, h, role, eng)
				if !d.Contract() || d.Engagement() != eng {
					t.Fatalf("engagement %q, contract %v", d.Engagement(), d.Contract())
				}
				if refs := employeeBenefits(d); len(refs) > 0 {
					t.Errorf("a %s draft promises employee benefits: %v", eng, refs)
				}
				md := d.Markdown()
				for _, want := range []string{"## " + draft.TermsHeading, "**Days a week:**", "**Length:**", "**Rate:**", "**How the contract works:**", "- **Engagement:** " + capitalize(string(eng))} {
					if !strings.Contains(md, want) {
						t.Errorf("the export lacks %q:\n%s", want, md)
					}
				}
				if !strings.HasPrefix(d.Fields[draft.Title], capitalize(string(eng))) {
					t.Errorf("title %q does not say %s", d.Fields[draft.Title], eng)
				}
				r := wording.Check(Document(d), wording.Options{})
				if r.Words < 400 || r.Words > 700 {
					t.Errorf("a fresh %s draft has %d words; want 400 to 700", eng, r.Words)
				}
				for _, f := range r.Findings {
					if f.Severity >= wording.Warning {
						t.Errorf("fresh: [%s] %s %s", f.Severity, f.RuleID, f.Quoted())
					}
				}
				withFacts(t, h, d)
				r = wording.Check(Document(d), wording.Options{})
				for _, f := range r.Findings {
					if f.Severity >= wording.Warning || f.Pending {
						t.Errorf("with the facts set: [%s] %s %s", f.Severity, f.RuleID, f.Quoted())
					}
				}
				if !strings.Contains(d.Markdown(), "**Rate:** A ") || !strings.Contains(d.Markdown(), "€180,000") {
					t.Errorf("the rate does not follow the salary field:\n%s", d.Markdown())
				}
				t.Logf("%d words with location and rate set", r.Words)
			})
		}
	}
}

// TestEmployeeBenefitsInAContract: the check flags a benefit only
// employees get in a fractional or interim draft, naming the item, and
// not in a full-time one.
func TestEmployeeBenefitsInAContract(t *testing.T) {
	pack, h := embeddedHandler(t)
	cto, _ := pack.Role("cto")
	tests := []struct {
		eng   locale.Kind
		item  string
		quote string // "" for no finding
	}{
		{locale.Fractional, "A pension with employer contributions", "pension,employer contributions"},
		{locale.Interim, "25 days' paid holiday plus bank holidays", "paid holiday,bank holidays"},
		{locale.Fractional, "Private medical insurance for your family", "private medical"},
		{locale.Fractional, "Travel paid at cost", ""},
		{locale.FullTime, "A pension with employer contributions", ""},
	}
	for _, tt := range tests {
		d := freshDraft(t, h, cto, knowledge.Kind{})
		if tt.eng != locale.FullTime {
			d = engagedDraft(t, h, cto, tt.eng)
		}
		mustApplyAll(t, d, draft.Change{Op: draft.OpAdd, Section: draft.Benefits, Text: tt.item, By: "U1"})
		ref := d.Sections[draft.Benefits][len(d.Sections[draft.Benefits])-1].Ref
		var got []string
		for _, f := range wording.Check(Document(d), wording.Options{}).Findings {
			if f.RuleID == "engagement.employee-benefits" {
				if f.Severity != wording.Warning {
					t.Errorf("%s %q: severity %s, want warning", tt.eng, tt.item, f.Severity)
				}
				for _, q := range f.Quotes {
					got = append(got, strings.ToLower(q.Text)+"@"+q.Where)
				}
			}
		}
		var want []string
		for _, q := range strings.Split(tt.quote, ",") {
			if q != "" {
				want = append(want, q+"@"+ref)
			}
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s %q: findings %v, want %q", tt.eng, tt.item, got, want)
		}
	}
}

func mustApplyAll(t *testing.T, d *draft.Draft, cs ...draft.Change) {
	t.Helper()
	for _, c := range cs {
		if _, err := d.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEngagedDraftGolden(t *testing.T) {
	pack, h := embeddedHandler(t)
	cto, _ := pack.Role("cto")
	d := engagedDraft(t, h, cto, locale.Fractional)
	mustMatchGolden(t, filepath.Join("fresh", "cto-fractional.md"), d.Markdown())
	withFacts(t, h, d)
	mustMatchGolden(t, filepath.Join("with-facts", "cto-fractional.md"), d.Markdown())
}

// TestSwitchingEngagement (issue 27): /jd set engagement on an existing
// draft of every role gives the benefits and statement a draft started
// for that engagement has, and back to full-time those of a full-time
// one, in one change each.
func TestSwitchingEngagement(t *testing.T) {
	pack, h := embeddedHandler(t)
	texts := func(d *draft.Draft) []string {
		var out []string
		for _, it := range d.Sections[draft.Benefits] {
			out = append(out, it.Text)
		}
		return out
	}
	for _, role := range pack.Roles {
		for _, eng := range []locale.Kind{locale.Fractional, locale.Interim} {
			t.Run(role.ID+"-"+string(eng), func(t *testing.T) {
				d := freshDraft(t, h, role, knowledge.Kind{})
				full := d.Clone()
				set := func(k locale.Kind) {
					t.Helper()
					e, err := h.applyKeepingSummary(d, draft.Change{Op: draft.OpSet, Field: draft.Engagement, Text: string(k), By: "U2", At: time.Unix(9, 0)})
					if err != nil {
						t.Fatal(err)
					}
					if !strings.Contains(e.Summary, "rewrote the benefits for the "+string(k)+" engagement") {
						t.Errorf("history line %q", e.Summary)
					}
				}
				set(eng)
				want := engagedDraft(t, h, role, eng)
				if got := texts(d); !reflect.DeepEqual(got, texts(want)) {
					t.Errorf("%s benefits:\n%q\nwant a new %s draft's:\n%q", eng, got, eng, texts(want))
				}
				if refs := employeeBenefits(d); len(refs) > 0 {
					t.Errorf("a %s draft promises employee benefits: %v", eng, refs)
				}
				if d.Fields[draft.EEO] != want.Fields[draft.EEO] {
					t.Errorf("statement %q, want %q", d.Fields[draft.EEO], want.Fields[draft.EEO])
				}
				set(locale.FullTime)
				if got := texts(d); !reflect.DeepEqual(got, texts(full)) {
					t.Errorf("back to full-time, benefits:\n%q\nwant:\n%q", got, texts(full))
				}
				if d.Fields[draft.EEO] != full.Fields[draft.EEO] {
					t.Errorf("back to full-time, statement %q", d.Fields[draft.EEO])
				}
			})
		}
	}
}
