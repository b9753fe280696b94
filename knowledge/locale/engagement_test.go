package locale

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/knowledge"
)

func TestParseKind(t *testing.T) {
	d := Default()
	for in, want := range map[string]Kind{
		"fractional": Fractional, "Fractional": Fractional, "part-time": Fractional, "part time": Fractional,
		"interim": Interim, "INTERIM": Interim,
		"full-time": FullTime, "full time": FullTime, "fulltime": FullTime, "permanent": FullTime,
	} {
		if got, err := d.ParseKind(in); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "freelance", "fractional interim"} {
		var unknown UnknownKindError
		if _, err := d.ParseKind(in); !errors.As(err, &unknown) {
			t.Errorf("ParseKind(%q) err = %v, want an UnknownKindError", in, err)
		}
	}
}

func TestContractTerms(t *testing.T) {
	d := Default()
	frac, _ := d.Engagement(Fractional)
	interim, _ := d.Engagement(Interim)
	full, _ := d.Engagement(FullTime)
	if !frac.Contract() || !interim.Contract() || full.Contract() || len(full.Terms) != 0 {
		t.Fatal("fractional and interim are contracts with terms; full-time is employment")
	}
	term := func(e Engagement, id string) EngagementTerm {
		i := slices.IndexFunc(e.Terms, func(t EngagementTerm) bool { return t.ID == id })
		if i < 0 {
			t.Fatalf("%s has no %q term", e.Kind, id)
		}
		return e.Terms[i]
	}
	for _, tc := range []struct {
		e           Engagement
		id          string
		code        Code
		value, want string
	}{
		{frac, "days", US, "", "Two days a week"},
		{frac, "days", US, "3 days a week", "3 days a week"},
		{frac, "rate", UK, "£6,000", "A monthly retainer of £6,000 for the days agreed"},
		{frac, "rate", UK, "", "A monthly retainer for the days agreed"},
		{interim, "rate", EU, "€1,100", "A day rate of €1,100"},
		{interim, "days", CA, "", "Full time, five days a week"},
		{frac, "contract", UK, "", "IR35"},
		{frac, "contract", US, "", "not an employee"},
		{frac, "contract", CA, "", "GST/HST"},
		{interim, "contract", EU, "", "interim provider"},
		{interim, "length", US, "", "Six months"},
	} {
		if got := term(tc.e, tc.id).Text(tc.code, tc.value); !strings.Contains(got, tc.want) {
			t.Errorf("%s %s (%s, %q) = %q, want it to contain %q", tc.e.Kind, tc.id, tc.code, tc.value, got, tc.want)
		}
	}
}

// TestEmployeeOnly: the check can find every employee benefit the role
// templates and the locales list, and nothing a contract engagement offers.
func TestEmployeeOnly(t *testing.T) {
	d := Default()
	pack, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	contractOK := []string{"equity", "learning", "tools", "board", "bonus", "leadership", "oncall"}
	for _, cl := range pack.Checklists {
		if cl.Section != "benefits" {
			continue
		}
		for _, it := range cl.Items {
			_, last, _ := strings.Cut(it.ID, "-benefit-")
			found := len(d.FindEmployeeOnly(it.Text)) > 0
			if want := !slices.Contains(contractOK, last); found != want {
				t.Errorf("%s %q: employee-only = %v, want %v", it.ID, it.Text, found, want)
			}
		}
	}
	for _, c := range Codes() {
		for _, b := range mustGet(t, c).Benefits {
			if len(d.FindEmployeeOnly(b.Text)) == 0 {
				t.Errorf("%s %s benefit %q is not caught as employee-only", c, b.Slot, b.Text)
			}
		}
	}
	for _, k := range []Kind{Fractional, Interim} {
		e, _ := d.Engagement(k)
		texts := slices.Clone(e.Offer)
		for _, term := range e.Terms {
			for _, c := range Codes() {
				texts = append(texts, term.Text(c, ""))
			}
		}
		for _, s := range texts {
			if hits := d.FindEmployeeOnly(s); len(hits) > 0 {
				t.Errorf("%s text promises an employee benefit %v: %q", k, hits, s)
			}
		}
	}
	hits := d.FindEmployeeOnly("A 401(k) match, paid time off and parental leave; equity.")
	if got := hitIDs(hits); !slices.Equal(got, []string{"pension", "paid-leave", "parental"}) {
		t.Errorf("FindEmployeeOnly = %v", hits)
	}
}
