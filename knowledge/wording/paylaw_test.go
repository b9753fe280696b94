package wording

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/knowledge/paylaw"
)

// payLawLocations is a job location in the place of every law in the
// pay-law table (TestPayLawEveryPlace keeps it complete); EU member states
// whose law was not verified are named by the country.
var payLawLocations = map[string]string{
	"us-co": "Denver, CO, hybrid", "us-ca": "San Francisco, on-site", "us-wa": "Seattle, WA, hybrid",
	"us-ny-state": "Albany, NY, hybrid", "us-ny-nyc": "Brooklyn, New York, hybrid", "us-ny-westchester": "White Plains, NY, hybrid",
	"us-ny-ithaca": "Ithaca, NY, hybrid", "us-nj-jersey-city": "Jersey City, NJ, hybrid", "us-nj": "Newark, NJ, hybrid",
	"us-il": "Chicago, IL, hybrid", "us-hi": "Honolulu, Hawaii, hybrid", "us-md": "Baltimore, MD, hybrid",
	"us-mn": "Minneapolis, MN, hybrid", "us-vt": "Montpelier, Vermont, hybrid", "us-ma": "Boston, MA, hybrid",
	"us-dc": "Washington, D.C., hybrid", "us-de": "Wilmington, DE, hybrid", "us-me": "Portland, ME, hybrid",
	"us-ct": "Hartford, CT, hybrid", "us-nv": "Las Vegas, NV, hybrid", "us-ri": "Providence, RI, hybrid",
	"us-oh-cleveland": "Cleveland, Ohio, hybrid", "us-oh-columbus": "Columbus, OH, hybrid",
	"us-oh-cincinnati": "Cincinnati, hybrid", "us-oh-toledo": "Toledo, OH, hybrid",
	"ca-bc": "Vancouver, BC, hybrid", "ca-on": "Toronto, ON, hybrid", "ca-pe": "Charlottetown, PEI, hybrid",
	"ca-nl": "St. John's, NL, hybrid", "eu-directive": "Remote (EU)",
	"at": "Vienna, hybrid", "it": "Milan, Italy, hybrid", "lt": "Vilnius, hybrid", "mt": "Valletta, Malta, hybrid",
	"pl": "Kraków, Poland, hybrid", "sk": "Bratislava, hybrid",
}

// asOf is the day the pay-law tests judge laws on.
var asOf = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

// TestPayLawEveryPlace (issue 27): for a location in the place of every
// law in the pay-law table, an ad with no pay names that law — an error
// citing it where the ad itself must state the pay and it is in force, a
// warning where applicants must have it before the interview or a member
// state must give them a right to it — and says what it could not verify
// or what is not in force yet, rather than guess.
func TestPayLawEveryPlace(t *testing.T) {
	for _, l := range paylaw.Default().Laws() {
		loc, ok := payLawLocations[l.ID]
		if !ok {
			p, _ := paylaw.Default().Place(l.Place)
			loc = p.Name + ", hybrid"
		}
		t.Run(l.ID, func(t *testing.T) {
			f, ok := salaryFinding(Document{Location: loc, Summary: words(350), AsOf: asOf})
			if !ok {
				t.Fatalf("%q: no pay finding", loc)
			}
			if !strings.Contains(f.Why, l.Name) {
				t.Errorf("%q: the finding does not name %s:\n%s", loc, l.Name, f.Why)
			}
			cov := paylaw.Check(l, 0, asOf)
			want := Warning // the rule's own, for an ad without pay
			switch {
			case cov == paylaw.NotYetInForce:
				if !strings.Contains(f.Why, "takes effect on") {
					t.Errorf("%q: does not say %s is not in force yet:\n%s", loc, l.ID, f.Why)
				}
			case l.Duty == paylaw.DutyNotVerified, cov == paylaw.DateNotVerified:
				if !strings.Contains(f.Why, "could not verify") {
					t.Errorf("%q: does not say what was not verified:\n%s", loc, f.Why)
				}
			case l.Duty == paylaw.DutyPosting:
				want = Error
			}
			if want == Error && !strings.Contains(f.Citation, l.Citation) {
				t.Errorf("%q: cites %q, want %q", loc, f.Citation, l.Citation)
			}
			if f.Severity < want {
				t.Errorf("%q (%s, %s): severity %s, want at least %s", loc, l.Duty, cov, f.Severity, want)
			}
			if l.Sure == paylaw.Partly && len(l.Unverified) > 0 && !strings.Contains(f.Why, "Not verified for "+l.Name) {
				t.Errorf("%q: does not say what of %s was not verified", loc, l.ID)
			}
		})
	}
}

// TestPayLawCitesTheRightPlace: the most specific place's law, and no law
// of a place the location is not in.
func TestPayLawCitesTheRightPlace(t *testing.T) {
	tests := []struct {
		location string
		size     int
		sev      Severity
		cites    []string // law ids whose citation the finding gives
		not      []string // law ids it must not name
	}{
		{"Albany, NY, hybrid", 0, Error, []string{"us-ny-state"}, []string{"us-ny-nyc"}},
		{"Brooklyn, New York, hybrid", 0, Error, []string{"us-ny-nyc", "us-ny-state"}, nil},
		{"Boston, MA, hybrid", 0, Error, []string{"us-ma"}, nil},
		{"Boston, MA, hybrid", 30, Error, []string{"us-ma"}, nil},
		{"Boston, MA, hybrid", 10, Warning, nil, nil}, // under the 25-employee threshold
		{"Albany, NY, hybrid", 3, Warning, nil, nil},  // under 4 employees
		{"Denver, CO, hybrid", 1, Error, []string{"us-co"}, nil},
		{"Wilmington, DE, hybrid", 0, Warning, nil, nil}, // in force from 2027
		{"Berlin, hybrid", 0, Warning, nil, []string{"us-ny-state"}},
		{"Austin, TX, hybrid", 0, Warning, nil, []string{"us-co", "us-ny-state"}},
	}
	for _, tt := range tests {
		f, ok := salaryFinding(Document{Location: tt.location, Summary: words(350), AsOf: asOf, CompanySize: tt.size})
		if !ok {
			t.Fatalf("%q: no pay finding", tt.location)
		}
		if f.Severity != tt.sev {
			t.Errorf("%q with %d employees: severity %s, want %s:\n%s", tt.location, tt.size, f.Severity, tt.sev, f.Why)
		}
		for _, id := range tt.cites {
			l, _ := paylaw.Default().Law(id)
			if !strings.Contains(f.Citation, l.Citation) || !slices.ContainsFunc(f.Sources, func(s Source) bool { return s.ID == id }) {
				t.Errorf("%q: cites %q, want %s", tt.location, f.Citation, l.Citation)
			}
		}
		for _, id := range tt.not {
			l, _ := paylaw.Default().Law(id)
			if strings.Contains(f.Why, l.Name) || strings.Contains(f.Citation, l.Citation) {
				t.Errorf("%q names %s", tt.location, l.Name)
			}
		}
	}
	// A draft with the company's size under a threshold says so.
	f, _ := salaryFinding(Document{Location: "Boston, MA", Summary: words(350), AsOf: asOf, CompanySize: 10, Draft: true})
	if !strings.Contains(f.Why, "25 or more employees; with 10 it does not apply") || !f.ToDo() {
		t.Errorf("Boston, 10 employees, a draft: %s %v", f.Why, f.ToDo())
	}
	// A law in force raises even a draft's to-do.
	f, _ = salaryFinding(Document{Location: "Boston, MA", Summary: words(350), AsOf: asOf, Draft: true})
	if f.ToDo() || f.Severity != Error {
		t.Errorf("Boston, a draft without pay: %s, to do %v", f.Severity, f.ToDo())
	}
}

// salaryFinding returns the pay finding of doc's check.
func salaryFinding(doc Document) (Finding, bool) {
	for _, f := range Check(doc, Options{}).Findings {
		if f.Category == "salary" {
			return f, true
		}
	}
	return Finding{}, false
}
