package paylaw

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d.Time()
}

func TestCheck(t *testing.T) {
	tb := Default()
	law := func(id string) Law {
		l, ok := tb.Law(id)
		if !ok {
			t.Fatalf("no law %q", id)
		}
		return l
	}
	for _, tc := range []struct {
		law  string
		size int
		asOf string
		want Coverage
	}{
		{"us-ny-state", 4, "2023-09-17", InForce},
		{"us-ny-state", 3, "2024-01-01", BelowThreshold},
		{"us-ny-state", 0, "2024-01-01", InForceIfLarge},
		{"us-ny-state", 500, "2023-09-16", NotYetInForce},
		{"us-co", 1, "2021-01-01", InForce}, // every employer: no threshold to meet
		{"us-co", 0, "2021-01-01", InForce},
		{"us-hi", 49, "2025-01-01", BelowThreshold},
		{"us-hi", 50, "2025-01-01", InForce},
		{"us-de", 26, "2027-09-25", NotYetInForce},
		{"us-de", 26, "2027-09-26", InForce},
		{"us-de", 25, "2027-09-26", BelowThreshold},
		{"us-me", 100, "2026-12-01", DateNotVerified}, // enacted, start date not verified
		{"us-oh-toledo", 100, "2026-12-01", DateNotVerified},
		{"ca-on", 24, "2026-06-01", BelowThreshold},
		{"ca-on", 25, "2025-12-31", NotYetInForce},
		{"eu-directive", 10, "2026-06-07", InForce},
		{"de", 1000, "2026-12-01", DateNotVerified}, // national law not verified
	} {
		l := law(tc.law)
		if got := Check(l, tc.size, day(tc.asOf)); got != tc.want {
			t.Errorf("Check(%s, %d, %s) = %v, want %v", tc.law, tc.size, tc.asOf, got, tc.want)
		}
		want := tc.want == InForce || tc.want == InForceIfLarge
		if got := Applies(l, tc.size, day(tc.asOf)); got != want {
			t.Errorf("Applies(%s, %d, %s) = %v, want %v", tc.law, tc.size, tc.asOf, got, want)
		}
	}
}

func TestApplicable(t *testing.T) {
	r := Match("Brooklyn, NY")
	if got := lawIDs(r.Applicable(10, day("2023-01-01"))); !slices.Equal(got, []string{"us-ny-nyc"}) {
		t.Errorf("Brooklyn in January 2023 = %v, want only the city's law (the state's began in September)", got)
	}
	if got := lawIDs(r.Applicable(3, day("2024-01-01"))); got != nil {
		t.Errorf("Brooklyn with 3 employees = %v, want none", got)
	}
}

func TestRangeInAd(t *testing.T) {
	tb := Default()
	for id, want := range map[string]bool{
		"us-ny-nyc": true, "us-co": true, "ca-on": true, "lt": true,
		"us-ct": false, "us-nv": false, "eu-directive": false, "pl": false, "mt": false, "de": false,
		"at": false, // the minimum under a collective agreement, not a range
	} {
		l, _ := tb.Law(id)
		if got := l.RangeInAd(); got != want {
			t.Errorf("%s.RangeInAd() = %v, want %v", id, got, want)
		}
	}
}

// TestDataShape holds the data to what the report and the check rely on.
func TestDataShape(t *testing.T) {
	tb := Default()
	for _, l := range tb.Laws() {
		p, ok := tb.Place(l.Place)
		switch {
		case !ok:
			t.Errorf("%s: unknown place %q", l.ID, l.Place)
		case l.Sure != Unverified && (l.Year < 2011 || l.Year > 2026):
			t.Errorf("%s: year %d", l.ID, l.Year)
		case l.Duty == DutyNotVerified && (l.Sure != Unverified || !strings.Contains(l.Note, "national law not verified")):
			t.Errorf("%s: an unverified member state says \"national law not verified\"", l.ID)
		case l.Duty == DutyNotVerified && (p.Kind != KindCountry || !p.InEU):
			t.Errorf("%s: only EU member states are left unverified", l.ID)
		case !l.Enforced.IsZero() && l.Enforced.Time().Before(l.Effective.Time()):
			t.Errorf("%s: enforced before it took effect", l.ID)
		}
	}
	// The laws the issue names are all here.
	for _, id := range []string{"us-co", "us-ca", "us-wa", "us-ny-state", "us-ny-nyc", "us-nj-jersey-city", "us-ny-ithaca",
		"us-ny-westchester", "us-il", "us-hi", "us-md", "us-mn", "us-vt", "us-ma", "us-nj", "us-dc", "us-oh-cleveland",
		"us-oh-columbus", "us-oh-toledo", "ca-bc", "ca-on", "ca-pe", "ca-nl", "eu-directive"} {
		if _, ok := tb.Law(id); !ok {
			t.Errorf("no law %q", id)
		}
	}
}

func TestParseRejects(t *testing.T) {
	places := `places:
  - {id: us, name: US, kind: country, country: US, names: [usa]}
  - {id: us-ny, name: New York, kind: state, parent: us, names: [new york], codes: [ny], cities: [Albany]}
`
	good := `laws:
  - {id: x, place: us-ny, name: X, citation: C, year: 2022, effective: 2023-01-01, duty: posting, remote: tied, requires: [range], note: N, sure: verified, source: S}
`
	if _, err := Parse([]byte(good), []byte(places)); err != nil {
		t.Fatalf("good data rejected: %v", err)
	}
	for _, tc := range []struct {
		name, laws, places, want string
	}{
		{"unknown field", strings.Replace(good, "note: N", "notes: N", 1), places, "notes"},
		{"unknown place", strings.Replace(good, "place: us-ny", "place: us-zz", 1), places, `unknown place "us-zz"`},
		{"unknown duty", strings.Replace(good, "duty: posting", "duty: maybe", 1), places, "unknown duty"},
		{"unknown item", strings.Replace(good, "[range]", "[salary]", 1), places, `unknown item "salary"`},
		{"bad date", strings.Replace(good, "2023-01-01", "1 Jan 2023", 1), places, "YYYY-MM-DD"},
		{"verified without date", strings.Replace(good, "effective: 2023-01-01, ", "", 1), places, "verified entry has an effective date"},
		{"no citation", strings.Replace(good, "citation: C, ", "", 1), places, "citation is needed"},
		{"partly without list", strings.Replace(good, "sure: verified", "sure: partly", 1), places, "says what was not verified"},
		{"duplicate law", good + strings.TrimPrefix(good, "laws:\n"), places, "id used twice"},
		{"unknown parent", good, strings.Replace(places, "parent: us,", "parent: uk,", 1), `unknown parent "uk"`},
		{"parent not larger", good, strings.Replace(places, "kind: state", "kind: union", 1), "not larger"},
		{"bad kind", good, strings.Replace(places, "kind: state", "kind: shire", 1), `unknown kind "shire"`},
		{"long code", good, strings.Replace(places, "codes: [ny]", "codes: [nyst]", 1), "two or three letters"},
		{"duplicate place", good, places + "  - {id: us, name: US, kind: country, country: US, names: [us a]}\n", "id used twice"},
	} {
		_, err := Parse([]byte(tc.laws), []byte(tc.places))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
}

func TestDate(t *testing.T) {
	d, err := ParseDate("2024-02-29")
	if err != nil || d.String() != "2024-02-29" || d.IsZero() {
		t.Errorf("ParseDate(2024-02-29) = %v, %v", d, err)
	}
	if _, err := ParseDate("2023-02-29"); err == nil {
		t.Error("ParseDate(2023-02-29) accepted a day that does not exist")
	}
	if (Date{}).String() != "" || !(Date{}).IsZero() {
		t.Error("the zero Date is not empty")
	}
}
