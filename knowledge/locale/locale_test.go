package locale

import (
	"errors"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/knowledge"
)

func mustGet(t *testing.T, c Code) Locale {
	t.Helper()
	l, ok := Get(c)
	if !ok {
		t.Fatalf("no locale %q", c)
	}
	return l
}

func TestParseCode(t *testing.T) {
	for in, want := range map[string]Code{
		"us": US, "US": US, "U.S.": US, " usa ": US, "United States": US,
		"uk": UK, "UK": UK, "gb": UK, "Great Britain": UK, "U.K.": UK,
		"eu": EU, "Europe": EU,
		"ca": CA, "Canada": CA,
	} {
		if got, err := ParseCode(in); err != nil || got != want {
			t.Errorf("ParseCode(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "fr", "australia", "u s a x"} {
		_, err := ParseCode(in)
		var unknown UnknownError
		if !errors.As(err, &unknown) || unknown.Name != strings.TrimSpace(in) {
			t.Errorf("ParseCode(%q) err = %v, want an UnknownError naming it", in, err)
		}
	}
}

func TestBenefitsFollowTheCountry(t *testing.T) {
	join := func(l Locale) string {
		var b []string
		for _, x := range l.Benefits {
			b = append(b, x.Text)
		}
		return strings.Join(b, "\n")
	}
	for _, tc := range []struct {
		code     Code
		has, not []string
	}{
		// A Boston ad gets American benefits, a London one British.
		{US, []string{"401(k)", "Paid time off", "dental and vision"}, []string{"pension", "holiday above", "bank holidays"}},
		{UK, []string{"pension", "bank holidays", "Private medical", "statutory"}, []string{"401(k)", "PTO", "vacation"}},
		{EU, []string{"pension contributions", "annual leave", "public holidays"}, []string{"401(k)", "bank holidays", "RRSP"}},
		{CA, []string{"RRSP", "Extended health", "vacation", "statutory holidays"}, []string{"401(k)", "bank holidays", "pension scheme"}},
	} {
		text := join(mustGet(t, tc.code))
		for _, s := range tc.has {
			if !strings.Contains(text, s) {
				t.Errorf("%s benefits lack %q:\n%s", tc.code, s, text)
			}
		}
		for _, s := range tc.not {
			if strings.Contains(text, s) {
				t.Errorf("%s benefits have %q:\n%s", tc.code, s, text)
			}
		}
	}
}

// TestRoleBenefitsHaveASlot keeps the role templates and the locale slots
// in step: every role's holiday, pension, health and parental items have a
// locale text in every locale.
func TestRoleBenefitsHaveASlot(t *testing.T) {
	pack, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	slotted := 0
	for _, cl := range pack.Checklists {
		if cl.Section != "benefits" {
			continue
		}
		for _, it := range cl.Items {
			slot, ok := BenefitSlot(it.ID)
			if !ok {
				continue
			}
			slotted++
			for _, c := range Codes() {
				if _, ok := mustGet(t, c).Benefit(slot); !ok {
					t.Errorf("%s: locale %s has no %q benefit", it.ID, c, slot)
				}
			}
		}
	}
	if slotted < 4*3 {
		t.Errorf("only %d role benefit items map to a locale slot; the role ids changed?", slotted)
	}
	for id, want := range map[string]string{"cto-benefit-pension": "retirement", "ciso-benefit-holiday": "time-off", "cto-benefit-equity": "", "pension": ""} {
		if got, _ := BenefitSlot(id); got != want {
			t.Errorf("BenefitSlot(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestEEOStatements(t *testing.T) {
	for _, tc := range []struct {
		code  Code
		names []string
	}{
		// The federal categories (Title VII, ADEA, ADA, GINA, USERRA).
		{US, []string{"equal opportunity employer", "race", "color", "religion", "sex", "pregnancy", "sexual orientation",
			"gender identity", "national origin", "age", "disability", "genetic information", "veteran", "reasonable accommodation"}},
		// The nine protected characteristics of the Equality Act 2010.
		{UK, []string{"Equality Act 2010", "age", "disability", "gender reassignment", "marriage and civil partnership",
			"pregnancy and maternity", "race", "religion or belief", "sex", "sexual orientation", "reasonable adjustment"}},
		// The grounds of the EU equal treatment directives.
		{EU, []string{"equal treatment", "sex", "racial or ethnic origin", "religion or belief", "disability", "age", "sexual orientation", "accommodation"}},
		{CA, []string{"Canadian Human Rights Act", "human rights code", "colour", "place of origin", "gender identity or expression", "disability", "Accommodation"}},
	} {
		l := mustGet(t, tc.code)
		for _, n := range tc.names {
			if !strings.Contains(l.EEO, n) {
				t.Errorf("%s statement lacks %q: %s", tc.code, n, l.EEO)
			}
		}
		if l.ContractEEO == "" || l.ContractEEO == l.EEO || !strings.Contains(l.ContractEEO, "contractor") {
			t.Errorf("%s contract statement does not speak of contractors: %q", tc.code, l.ContractEEO)
		}
	}
}

// TestOwnTextsAreNative: nothing a locale writes is foreign to it or
// spelled as another locale spells it.
func TestOwnTextsAreNative(t *testing.T) {
	d := Default()
	for _, c := range Codes() {
		l := mustGet(t, c)
		texts := []string{l.EEO, l.ContractEEO}
		for _, b := range l.Benefits {
			texts = append(texts, b.Text)
		}
		for _, k := range Kinds() {
			e, _ := d.Engagement(k)
			texts = append(texts, e.Summary)
			texts = append(texts, e.Offer...)
			for _, term := range e.Terms {
				texts = append(texts, term.Text(c, ""))
			}
		}
		for _, s := range texts {
			if hits := d.Foreign(s, c); len(hits) > 0 {
				t.Errorf("%s text has another country's terms %v: %q", c, hits, s)
			}
			if hits := d.OtherSpellings(s, c); len(hits) > 0 {
				t.Errorf("%s text has another spelling %v: %q", c, hits, s)
			}
		}
	}
}

func TestInfer(t *testing.T) {
	for loc, want := range map[string]Code{
		"Boston, MA": US, "Remote (US)": US, "New York": US, "Denver or Austin": US,
		"London": UK, "Manchester, UK": UK, "Edinburgh": UK,
		"Berlin": EU, "Remote (EU)": EU, "Paris or Madrid": EU, "Dublin": EU,
		"Toronto": CA, "Vancouver, BC": CA, "Remote (Canada)": CA,
		// Not clear: nothing named, two countries, an ambiguous name.
		"": "", "Remote": "", "Mars": "", "London or Berlin": "", "Toronto or Seattle": "", "Portland": "", "Cambridge": "",
	} {
		l, ok := Infer(loc)
		if ok != (want != "") || l.Code != want {
			t.Errorf("Infer(%q) = %q, %v, want %q", loc, l.Code, ok, want)
		}
	}
}

func TestParseRejects(t *testing.T) {
	base := string(localeYAML)
	for _, tc := range []struct{ name, locales, engagements, want string }{
		{"unknown field", strings.Replace(base, "document: CV", "documents: CV", 1), string(engagementYAML), "documents"},
		{"missing locale", strings.Replace(base, "code: ca", "code: au", 1), string(engagementYAML), `locale "ca" is missing`},
		{"bad spelling row", strings.Replace(base, "[colour, color, colour]", "[colour, color]", 1), string(engagementYAML), "want [uk, us, ca]"},
		{"term without instead", strings.Replace(base, "instead: {uk: reasonable adjustments}", "instead: {}", 1), string(engagementYAML), "needs an instead"},
		{"placeholder left", base, strings.Replace(string(engagementYAML), "text: A day rate, invoiced", "text: A day rate of {value}, invoiced", 1), "without a {value}"},
		{"missing term", base, strings.Replace(string(engagementYAML), "id: length", "id: duration", 1), "days, length, rate and contract"},
		{"word twice", base, strings.Replace(string(engagementYAML), "words: [interim]", "words: [interim, part time]", 1), "also means"},
	} {
		_, err := Parse([]byte(tc.locales), []byte(tc.engagements))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
}

func hitIDs[H interface{ id() string }](hs []H) []string {
	var ids []string
	for _, h := range hs {
		ids = append(ids, h.id())
	}
	return ids
}

func (h Hit) id() string        { return h.ID }
func (h ForeignHit) id() string { return h.ID }
