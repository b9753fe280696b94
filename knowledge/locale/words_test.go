package locale

import (
	"slices"
	"testing"
)

func TestForeign(t *testing.T) {
	d := Default()
	for _, tc := range []struct {
		text  string
		code  Code
		ids   []string
		texts []string
	}{
		{"We offer a 401(k), PTO and vacation. Send your résumé.", UK, []string{"401k", "pto", "vacation", "resume"}, []string{"401(k)", "PTO", "vacation", "your résumé"}},
		{"A pension scheme, bank holidays and private medical insurance. Send your CV.", US, []string{"uk-pension", "bank-holidays", "private-medical", "cv"}, []string{"pension scheme", "bank holidays", "private medical insurance", "CV"}},
		{"Paid holidays and paid time off; a 401k plan.", US, nil, nil},
		{"Reasonable adjustments are available; we are an EOE.", EU, []string{"adjustments", "us-eeo"}, []string{"Reasonable adjustments", "EOE"}},
		{"Group RRSP and extended health; 3 weeks' vacation.", CA, nil, nil},
		{"Group RRSP and extended health.", UK, []string{"ca-benefits", "ca-benefits"}, []string{"Group RRSP", "extended health"}},
		{"Superannuation at 11%.", CA, []string{"superannuation"}, []string{"Superannuation"}},
		{"25 days' holiday plus bank holidays", UK, nil, nil},
		{"25 days' holiday plus bank holidays", CA, []string{"holiday-leave", "bank-holidays"}, []string{"days' holiday", "bank holidays"}},
		{"", US, nil, nil},
	} {
		hits := d.Foreign(tc.text, tc.code)
		var texts []string
		for _, h := range hits {
			texts = append(texts, h.Text)
			if h.Instead == "" || tc.text[h.Start:h.End] != h.Text {
				t.Errorf("Foreign(%q, %s): hit %+v lacks an instead or its offsets are wrong", tc.text, tc.code, h)
			}
		}
		if got := hitIDs(hits); !slices.Equal(got, tc.ids) || !slices.Equal(texts, tc.texts) {
			t.Errorf("Foreign(%q, %s) = %v %q, want %v %q", tc.text, tc.code, got, texts, tc.ids, tc.texts)
		}
	}
}

func TestSpell(t *testing.T) {
	d := Default()
	for _, tc := range []struct {
		text string
		code Code
		want string
	}{
		{"Organisation, ORGANISED and a programme of modelling; judgement.", US, "Organization, ORGANIZED and a program of modeling; judgment."},
		{"Organisation, ORGANISED and a programme of modelling; judgement.", CA, "Organization, ORGANIZED and a program of modelling; judgment."},
		{"Organisation, ORGANISED and a programme of modelling; judgement.", UK, "Organisation, ORGANISED and a programme of modelling; judgement."},
		{"organization and behavior", UK, "organisation and behaviour"},
		{"organization and behavior", EU, "organisation and behaviour"},
		{"We license the software and hold a licence.", US, "We license the software and hold a license."},
		{"We license the software.", UK, "We license the software."}, // the verb is kept
		{"A program to prioritise", UK, "A program to prioritise"},
		{"no table words here", US, "no table words here"},
		{"", US, ""},
	} {
		if got := d.Spell(tc.text, tc.code); got != tc.want {
			t.Errorf("Spell(%q, %s) = %q, want %q", tc.text, tc.code, got, tc.want)
		}
	}
	hits := d.OtherSpellings("Our organisation's behaviour", US)
	if got := hitIDs(hits); !slices.Equal(got, []string{"organizations", "behavior"}) {
		t.Errorf("OtherSpellings = %v", hits)
	}
}

func TestCurrency(t *testing.T) {
	for _, tc := range []struct {
		code      Code
		low, high int64
		per       Period
		want      string
	}{
		{US, 210000, 250000, Year, "$210,000 - $250,000 a year"},
		{UK, 120000, 150000, Year, "£120,000 - £150,000 a year"},
		{EU, 95000, 95000, Year, "€95,000 a year"},
		{CA, 180000, 220000, Year, "$180,000 - $220,000 CAD a year"},
		{UK, 1200, 1200, Day, "£1,200 a day"},
		{US, 0, 999, Hour, "$0 - $999 an hour"},
		{US, 12000, 15000, Month, "$12,000 - $15,000 a month"},
	} {
		got, err := mustGet(t, tc.code).Currency.Range(tc.low, tc.high, tc.per)
		if err != nil || got != tc.want {
			t.Errorf("%s Range(%d, %d) = %q, %v, want %q", tc.code, tc.low, tc.high, got, err, tc.want)
		}
	}
	for _, r := range [][2]int64{{250000, 210000}, {-1, 5}} {
		if _, err := mustGet(t, US).Currency.Range(r[0], r[1], Year); err == nil {
			t.Errorf("Range(%d, %d) accepted", r[0], r[1])
		}
	}
	if got := mustGet(t, US).Currency.Amount(1234567); got != "$1,234,567" {
		t.Errorf("Amount = %q", got)
	}
}

func TestForeignCurrency(t *testing.T) {
	d := Default()
	text := "Salary: £120,000 - €140,000, or US$100,000, C$90,000, CA$1, $5 or 100 EUR"
	for code, want := range map[Code][]string{
		US: {"GBP", "EUR", "CAD", "CAD", "EUR"},
		UK: {"EUR", "USD", "CAD", "CAD", "USD/CAD", "EUR"},
		EU: {"GBP", "USD", "CAD", "CAD", "USD/CAD"},
		CA: {"GBP", "EUR", "USD", "EUR"},
	} {
		if got := hitIDs(d.ForeignCurrency(text, code)); !slices.Equal(got, want) {
			t.Errorf("ForeignCurrency(%s) = %v, want %v", code, got, want)
		}
	}
}
