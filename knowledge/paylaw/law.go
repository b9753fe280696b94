// Package paylaw is pay-transparency law by place, as data: which US
// state, county and city laws, which Canadian provincial laws and which
// EU rules ask an employer to state pay in a job advertisement (or to give
// it to applicants), from when, above which employer size, and how sure
// the data is of each fact. It also recognises places in a free-text job
// location ("Albany, NY", "Remote (US)", "Berlin") so that a location can
// be matched to the laws that cover it.
//
// The data is embedded (laws.yaml, places.yaml); Default returns it parsed
// once. The package is plain Go: no Slack, no Redis, no I/O beyond the
// embedded files.
package paylaw

import (
	"fmt"
	"time"
)

// Law is one pay-transparency rule of one place.
type Law struct {
	ID       string // "us-ny-state": unique, stable
	Place    string // the ID of the place it governs
	Name     string // what people call it: "New York State pay transparency law"
	Citation string // the law's name, number and year; empty only when Sure is Unverified
	Year     int    // the year it was enacted; 0 when not verified

	// Effective is the day the duty in this entry took effect (or takes
	// effect); the zero Date when it was not verified. Enforced is set
	// only where enforcement starts later than the law (Columbus).
	Effective Date
	Enforced  Date

	Duty         Duty   // what the employer must do with the pay
	MinEmployees int    // the employer-size threshold; 0 or 1: every employer
	Counting     string // how employees are counted toward MinEmployees, where the law or its guidance says
	Remote       Remote // whether remote jobs someone there could do are covered
	RemoteNote   string // the detail behind Remote
	Requires     []Item // what the advertisement (or the disclosure) must state
	Note         string // one line a hiring team can act on

	Sure       Sureness // how sure the data is of this entry
	Unverified []string // the facts of this entry that were not verified
	Source     string   // where the facts were checked
}

// Duty is what a law asks of an employer about pay.
type Duty string

// The duties. Only DutyPosting makes a missing range in the advertisement
// itself a breach; the others can be met outside the advertisement.
const (
	DutyPosting         Duty = "posting"          // the advertisement must state it
	DutyBeforeInterview Duty = "before-interview" // in the advertisement, or given to applicants before the first interview
	DutyToApplicants    Duty = "to-applicants"    // given to applicants before pay is negotiated or the contract signed
	DutyOnRequest       Duty = "on-request"       // only when an applicant asks, or after an offer
	DutyDirective       Duty = "directive"        // an EU directive: it binds member states, which must put it into national law
	DutyNotVerified     Duty = "not-verified"     // the directive applies; whether and how national law does it was not verified
)

// Remote says how a law treats remote jobs.
type Remote string

// The ways a law treats remote jobs.
const (
	// RemoteCovered: a remote job that someone living there could do is
	// covered, even when the advertisement is open to a whole country.
	RemoteCovered Remote = "covered"
	// RemoteTied: a remote job is covered when the work will be done
	// there, at least in part, or reports to an office or supervisor
	// there; a country-wide remote advertisement may or may not be.
	RemoteTied Remote = "tied"
	// RemoteUnclear: neither the law nor guidance that was checked says.
	RemoteUnclear Remote = "unclear"
)

// Item is something a law asks the advertisement or disclosure to state.
type Item string

// The items laws ask for.
const (
	ItemRange          Item = "range"           // a good-faith minimum and maximum (or a fixed amount)
	ItemBenefits       Item = "benefits"        // a general description of benefits
	ItemOtherPay       Item = "other-pay"       // a general description of other compensation (bonus, equity, commission)
	ItemJobDescription Item = "job-description" // the job description, where one exists
	ItemHealthBenefits Item = "health-benefits" // the existence of healthcare benefits, before the first interview
	ItemMinimumPay     Item = "minimum-pay"     // the minimum pay under the collective agreement or law that applies
	ItemOverpay        Item = "overpay"         // whether the employer is willing to pay more than that minimum
)

// Sureness is how sure the data is of an entry.
type Sureness string

// The levels of sureness.
const (
	// Verified: the citation, the date, the threshold and the duty were
	// checked against the enacting body's own pages or several
	// independent law-firm summaries that agree.
	Verified Sureness = "verified"
	// Partly: the law and its duty were checked; the facts listed in
	// Unverified (a section number, how remote jobs are treated) were not.
	Partly Sureness = "partly"
	// Unverified: the entry records what could not be verified, such as
	// a member state's transposition of the EU directive.
	Unverified Sureness = "unverified"
)

// RangeInAd reports whether the law requires the advertisement itself to
// state a pay range (or a fixed amount), so that an advertisement without
// one breaks it.
func (l Law) RangeInAd() bool {
	if l.Duty != DutyPosting {
		return false
	}
	for _, it := range l.Requires {
		if it == ItemRange {
			return true
		}
	}
	return false
}

// Coverage is whether a law applies to an employer on a day.
type Coverage int

// The answers of Check.
const (
	InForce         Coverage = iota // the law applies
	InForceIfLarge                  // the law is in force; the company size is unknown and the law has a threshold
	NotYetInForce                   // the law takes effect after the day asked about
	BelowThreshold                  // the company has fewer employees than the law's threshold
	DateNotVerified                 // the entry's effective date was not verified, so it is not applied
)

// String names the coverage for logs and test failures.
func (c Coverage) String() string {
	switch c {
	case InForce:
		return "in force"
	case InForceIfLarge:
		return "in force if the company is large enough"
	case NotYetInForce:
		return "not yet in force"
	case BelowThreshold:
		return "below the size threshold"
	case DateNotVerified:
		return "effective date not verified"
	}
	return fmt.Sprintf("Coverage(%d)", int(c))
}

// Check says whether l applies to a company of companySize employees
// (0 or less: not known) on the day asOf.
func Check(l Law, companySize int, asOf time.Time) Coverage {
	switch {
	case l.Effective.IsZero():
		return DateNotVerified
	case asOf.Before(l.Effective.Time()):
		return NotYetInForce
	case l.MinEmployees <= 1:
		return InForce
	case companySize <= 0:
		return InForceIfLarge
	case companySize < l.MinEmployees:
		return BelowThreshold
	}
	return InForce
}

// Applies reports whether l applies to a company of companySize employees
// on the day asOf. A company whose size is not known (0 or less) is taken
// to meet the threshold: it is safer to tell a team about a law it may be
// under than to stay silent. Check tells the cases apart.
func Applies(l Law, companySize int, asOf time.Time) bool {
	c := Check(l, companySize, asOf)
	return c == InForce || c == InForceIfLarge
}

// Date is a calendar day, with no time or zone. The zero Date means "not
// known".
type Date struct{ y, m, d int }

// ParseDate reads a day written as 2006-01-02.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD: %w", s, err)
	}
	return Date{t.Year(), int(t.Month()), t.Day()}, nil
}

// IsZero reports whether the date is not known.
func (d Date) IsZero() bool { return d == Date{} }

// Time is the start of the day in UTC.
func (d Date) Time() time.Time {
	return time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC)
}

// String writes the day as 2006-01-02, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}
