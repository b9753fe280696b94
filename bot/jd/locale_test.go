package jd

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/locale"
	"github.com/hirebot/hirebot/knowledge/wording"
)

// localeFacts are a location and pay in each locale's country.
var localeFacts = map[locale.Code][2]string{
	locale.US: {"Austin, TX, hybrid (two days a week in the office)", "$230,000–$270,000 a year plus equity"},
	locale.UK: {"London, hybrid (two days a week in the office)", "£150,000–£180,000 a year plus equity"},
	locale.EU: {"Berlin, hybrid (two days a week in the office)", "€180,000–€220,000 a year plus equity"},
	locale.CA: {"Calgary, AB, hybrid (two days a week in the office)", "$230,000–$270,000 CAD a year plus equity"},
}

// TestLocaleShapesTheDraft (issue 27): a draft started in each locale
// (HIREBOT_LOCALE) lists that country's benefits, its equal-opportunity
// statement and its spelling, and — once a location and pay in that
// country are set — passes its own check, another country's terms and
// spellings included, for every role.
func TestLocaleShapesTheDraft(t *testing.T) {
	pack, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range locale.Codes() {
		l, _ := locale.Get(code)
		h := New(Config{Pack: pack, Slash: "/jd", Locale: string(code)})
		for _, role := range pack.Roles {
			t.Run(string(code)+"-"+role.ID, func(t *testing.T) {
				d := freshDraft(t, h, role, knowledge.Kind{})
				if got := d.LocaleCode(); got != code {
					t.Fatalf("locale %q, want %q", got, code)
				}
				var benefits []string
				for _, it := range d.Sections[draft.Benefits] {
					benefits = append(benefits, it.Text)
				}
				for _, slot := range []string{"retirement", "health", "time-off", "parental"} {
					want, _ := l.Benefit(slot)
					if slotInTemplate(d, slot) && !slices.Contains(benefits, want) {
						t.Errorf("benefits lack %s's %s: %q", code, slot, benefits)
					}
				}
				if d.Fields[draft.EEO] != l.EEO {
					t.Errorf("statement is not %s's:\n%s", code, d.Fields[draft.EEO])
				}
				loc, pay := localeFacts[code][0], localeFacts[code][1]
				for _, c := range []draft.Change{{Op: draft.OpSet, Field: draft.Location, Text: loc}, {Op: draft.OpSet, Field: draft.Salary, Text: pay}} {
					c.By, c.At = "U1", time.Unix(60, 0)
					if _, err := h.applyKeepingSummary(d, c); err != nil {
						t.Fatal(err)
					}
				}
				for _, f := range wording.Check(Document(d), wording.Options{}).Findings {
					if f.Severity >= wording.Warning || f.Category == "locale" {
						t.Errorf("[%s] %s %s — %s", f.Severity, f.RuleID, f.Quoted(), f.Fix)
					}
				}
			})
		}
	}
}

// slotInTemplate reports whether the draft has a benefit item that stands
// for slot.
func slotInTemplate(d *draft.Draft, slot string) bool {
	for _, it := range d.Sections[draft.Benefits] {
		if s, ok := locale.BenefitSlot(it.Source); ok && s == slot {
			return true
		}
	}
	return false
}

// TestAmericanAndBritishDrafts: the done-when of issue 27 in words a
// reader checks: a us draft offers a 401(k) and says "equal opportunity
// employer", a uk one a workplace pension and the Equality Act 2010.
func TestAmericanAndBritishDrafts(t *testing.T) {
	pack, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cto, _ := pack.Role("cto")
	for _, tt := range []struct {
		code      locale.Code
		want, not []string
	}{
		{locale.US, []string{"401(k)", "equal opportunity employer", "organization"}, []string{"pension", "Equality Act", "organisation"}},
		{locale.UK, []string{"workplace pension", "Equality Act 2010", "organisation"}, []string{"401(k)", "equal opportunity employer", "organization"}},
	} {
		h := New(Config{Pack: pack, Slash: "/jd", Locale: string(tt.code)})
		md := freshDraft(t, h, cto, knowledge.Kind{}).Markdown()
		for _, w := range tt.want {
			if !strings.Contains(md, w) {
				t.Errorf("%s draft lacks %q", tt.code, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(md, w) {
				t.Errorf("%s draft says %q", tt.code, w)
			}
		}
	}
}

// TestLocaleFollowsTheDraft: the locale set wins over the location, the
// location over the default; moving the draft to another locale rewrites
// what hirebot wrote for the old one — not what people wrote — in the same
// change, which one undo reverts.
func TestLocaleFollowsTheDraft(t *testing.T) {
	pack, h := embeddedHandler(t) // default: us
	cto, _ := pack.Role("cto")
	d := freshDraft(t, h, cto, knowledge.Kind{})
	set := func(f draft.Field, text string) draft.Entry {
		t.Helper()
		e, err := h.applyKeepingSummary(d, draft.Change{Op: draft.OpSet, Field: f, Text: text, By: "U2", At: time.Unix(9, 0)})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	mine := d.Sections[draft.Benefits][2].Ref
	mustApplyAll(t, d, draft.Change{Op: draft.OpEdit, Ref: mine, Text: "Paid time off: 30 days, and we mean it", By: "U3"})
	steps := []struct {
		field      draft.Field
		text       string
		code       locale.Code
		from       draft.LocaleSource
		retirement string
	}{
		{draft.Location, "London, hybrid", locale.UK, draft.LocaleLocation, "A workplace pension"},
		{draft.Location, "Boston, MA", locale.US, draft.LocaleLocation, "A 401(k) plan"},
		{draft.Locale, "ca", locale.CA, draft.LocaleSet, "A group RRSP"},
		{draft.Location, "London or Berlin", locale.CA, draft.LocaleSet, "A group RRSP"},
		{draft.Locale, "", locale.US, draft.LocaleHome, "A 401(k) plan"}, // two countries: the default
	}
	for _, s := range steps {
		e := set(s.field, s.text)
		code, from := d.LocaleFrom()
		if code != s.code || from != s.from {
			t.Errorf("after %s %q: locale %s from %s, want %s from %s", s.field, s.text, code, from, s.code, s.from)
		}
		var retirement, kept string
		for _, it := range d.Sections[draft.Benefits] {
			if slot, _ := locale.BenefitSlot(it.Source); slot == "retirement" {
				retirement = it.Text
			}
			if it.Ref == mine {
				kept = it.Text
			}
		}
		if !strings.HasPrefix(retirement, s.retirement) {
			t.Errorf("after %s %q (%s): retirement benefit %q, want %q…", s.field, s.text, e.Summary, retirement, s.retirement)
		}
		if kept != "Paid time off: 30 days, and we mean it" {
			t.Errorf("after %s %q: an edited benefit was rewritten: %q", s.field, s.text, kept)
		}
	}
	// One undo reverts the locale and what it rewrote.
	before := d.Markdown()
	e := set(draft.Locale, "uk")
	if !strings.Contains(e.Summary, "for uk") {
		t.Errorf("history line %q does not say what was rewritten", e.Summary)
	}
	mustApplyAll(t, d, draft.Change{Op: draft.OpUndo, By: "U2"})
	if d.Markdown() != strings.Replace(before, "version "+strconv.Itoa(d.Version-2), "version "+strconv.Itoa(d.Version), 1) {
		t.Errorf("undo left:\n%s\nwant:\n%s", d.Markdown(), before)
	}
}

// TestForeignTermsAreFlagged: the check names another country's term in
// the draft's locale, by the item's reference, with what to write instead.
func TestForeignTermsAreFlagged(t *testing.T) {
	pack, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cto, _ := pack.Role("cto")
	tests := []struct {
		code        locale.Code
		item        string
		rule, quote string
		fix         string
	}{
		{locale.UK, "A 401(k) plan with a match", "locale.foreign-term", "401(k)", "workplace pension"},
		{locale.US, "Every bank holiday off", "locale.foreign-term", "bank holiday", "paid holidays"},
		{locale.CA, "Send us your CV", "locale.foreign-term", "CV", "résumé"},
		{locale.US, "Reports on organisation health", "locale.spelling", "organisation", "organization"},
		{locale.UK, "Equity in the company", "", "", ""},
	}
	for _, tt := range tests {
		h := New(Config{Pack: pack, Slash: "/jd", Locale: string(tt.code)})
		d := freshDraft(t, h, cto, knowledge.Kind{})
		mustApplyAll(t, d, draft.Change{Op: draft.OpAdd, Section: draft.Requirements, Text: tt.item, By: "U1"})
		ref := d.Sections[draft.Requirements][len(d.Sections[draft.Requirements])-1].Ref
		var got []string
		for _, f := range wording.Check(Document(d), wording.Options{}).Findings {
			if f.Category != "locale" {
				continue
			}
			for _, q := range f.Quotes {
				got = append(got, f.RuleID+" "+q.Text+"@"+q.Where)
			}
			if !strings.Contains(f.Fix, tt.fix) {
				t.Errorf("%s %q: fix %q lacks %q", tt.code, tt.item, f.Fix, tt.fix)
			}
		}
		want := ""
		if tt.rule != "" {
			want = tt.rule + " " + tt.quote + "@" + ref
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%s %q: %v, want %q", tt.code, tt.item, got, want)
		}
	}
}

// TestHeadCount: /jd set company-size takes a number of employees as
// people type it, and nothing else.
func TestHeadCount(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"120", 120}, {"1,200", 1200}, {"about 120 employees", 120}, {"40 people", 40}, {"500+", 500},
		{"0", 0}, {"three", 0}, {"120 engineers in Berlin", 0}, {"-5", 0}, {"", 0},
	} {
		n, ok := headCount(tt.in)
		if ok != (tt.want > 0) || n != tt.want {
			t.Errorf("headCount(%q) = %d, %v; want %d", tt.in, n, ok, tt.want)
		}
	}
}
