package wording

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hirebot/hirebot/knowledge/paylaw"
)

// Pay-transparency law by place (package paylaw): when the ad gives no pay
// range and its location is under a law in force, the pay findings are
// raised to what that law asks — an error where the ad itself must state
// the pay, a warning where applicants must have it before the interview
// or where an EU member state must give them a right to it — and cite the
// law, most specific place first. What the law's entry could not verify,
// a law not yet in force, and one the company is too small for are said,
// not guessed. Document.CompanySize applies employer-size thresholds;
// Document.AsOf is the day laws are judged on (today when zero).

// applyPayLaw raises and explains the pay findings of an ad whose location
// names a place the pay-law table knows. It reports false when the
// location names none, for the older jurisdiction table to apply.
func (c *Checker) applyPayLaw(fs []Finding, doc Document) bool {
	r := paylaw.Match(doc.Location)
	if len(r.Places) == 0 && len(r.RemoteLaws) == 0 {
		return false
	}
	asOf := doc.AsOf
	if asOf.IsZero() {
		asOf = time.Now()
	}
	var (
		raise Severity
		cited []paylaw.Law
		notes []string
	)
	consider := func(l paylaw.Law, remote bool) {
		cov := paylaw.Check(l, doc.CompanySize, asOf)
		switch cov {
		case paylaw.InForce, paylaw.InForceIfLarge:
			sev := dutySeverity(l.Duty)
			if remote {
				sev = min(sev, Warning) // it covers the job only if the hire may live there
			}
			if sev > Info {
				cited = append(cited, l)
				raise = max(raise, sev)
			}
			notes = append(notes, lawSentence(l, cov, remote))
		case paylaw.NotYetInForce:
			notes = append(notes, fmt.Sprintf("%s (%s) takes effect on %s.", l.Name, where(l), day(l.Effective)))
		case paylaw.BelowThreshold:
			notes = append(notes, fmt.Sprintf("%s covers employers with %d or more employees; with %d it does not apply.", l.Name, l.MinEmployees, doc.CompanySize))
		case paylaw.DateNotVerified:
			if l.Duty != paylaw.DutyNotVerified {
				notes = append(notes, fmt.Sprintf("For %s: %s. %s hirebot could not verify when it took effect, so it is not applied; check it before posting.", where(l), named(l), strings.TrimSpace(l.Note)))
			} else {
				notes = append(notes, lawSentence(l, cov, false))
			}
		}
		if l.Sure == paylaw.Partly && len(l.Unverified) > 0 {
			notes = append(notes, fmt.Sprintf("Not verified for %s: %s.", l.Name, strings.Join(l.Unverified, "; ")))
		}
	}
	for _, l := range r.Laws {
		consider(l, false)
	}
	if r.Remote {
		for _, l := range r.RemoteLaws {
			consider(l, true)
		}
	}
	for i := range fs {
		if fs[i].Category != "salary" {
			continue
		}
		fs[i].Severity = max(fs[i].Severity, raise)
		if len(notes) > 0 {
			fs[i].Law = strings.Join(notes, " ")
			fs[i].Why += " " + fs[i].Law
		}
		if len(cited) > 0 {
			// The finding rests on the laws cited, not on the rule's
			// general sources.
			var cites []string
			fs[i].Sources, fs[i].Jurisdictions = nil, nil
			for _, l := range cited {
				cites = append(cites, l.Citation)
				fs[i].Sources = append(fs[i].Sources, Source{ID: l.ID, Jurisdiction: lawJurisdiction(l), Cite: l.Name,
					Full: strings.TrimSpace(l.Citation + ". " + l.Note + " Checked against: " + l.Source + ".")})
				if j := lawJurisdiction(l); j != "" && !slices.Contains(fs[i].Jurisdictions, j) {
					fs[i].Jurisdictions = append(fs[i].Jurisdictions, j)
				}
			}
			fs[i].Citation = strings.Join(cites, "; ")
		}
	}
	return true
}

// dutySeverity is how serious an ad without a pay range is under a law
// with duty d.
func dutySeverity(d paylaw.Duty) Severity {
	switch d {
	case paylaw.DutyPosting:
		return Error // the ad itself must state it
	case paylaw.DutyBeforeInterview, paylaw.DutyDirective:
		return Warning // before the first interview: the ad is the simplest place
	}
	return Info // to applicants later, on request, or not verified: said, not raised
}

// lawSentence says that law l covers the job, what it asks and since when.
func lawSentence(l paylaw.Law, cov paylaw.Coverage, remote bool) string {
	if l.Duty == paylaw.DutyNotVerified {
		return fmt.Sprintf("For %s: %s hirebot could not verify how its national law asks for pay in job ads.", where(l), strings.TrimSpace(l.Note))
	}
	s := fmt.Sprintf("For a role in %s: %s, in force since %s. %s", where(l), named(l), day(l.Effective), strings.TrimSpace(l.Note))
	if remote {
		s = fmt.Sprintf("A remote job someone in %s could do: %s, in force since %s. %s", where(l), named(l), day(l.Effective), strings.TrimSpace(l.RemoteNote))
	}
	if cov == paylaw.InForceIfLarge {
		s += fmt.Sprintf(" It covers employers with %d or more employees; the company's size is not set, so it is taken to apply.", l.MinEmployees)
	}
	return s
}

// named names law l with its citation: "California pay scale disclosure
// law (California Labor Code § 432.3 …)", or the citation alone when it
// starts with the name.
func named(l paylaw.Law) string {
	if strings.HasPrefix(l.Citation, l.Name) {
		return l.Citation
	}
	return l.Name + " (" + l.Citation + ")"
}

// where names the place law l governs.
func where(l paylaw.Law) string {
	if p, ok := paylaw.Default().Place(l.Place); ok {
		return p.Name
	}
	return l.Place
}

// lawJurisdiction is the short name of where law l applies: "US", "CA", "EU".
func lawJurisdiction(l paylaw.Law) string {
	p, ok := paylaw.Default().Place(l.Place)
	switch {
	case !ok:
		return ""
	case p.InEU:
		return "EU"
	}
	return p.Country
}

// day writes a date as people read it: "17 September 2023".
func day(d paylaw.Date) string { return d.Time().Format("2 January 2006") }
