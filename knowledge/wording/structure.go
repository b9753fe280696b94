package wording

import (
	"fmt"
	"regexp"
	"strings"
)

// Pay amounts and ranges: "$210,000 - $250,000", "€140k–170k", "EUR 120,000
// to 140,000", "180-220k USD".
const (
	currency = `(?:[$€£]|\b(?:usd|eur|gbp|chf|cad|aud|sek|nok|dkk|pln)\b)`
	amount   = `\d[\d,.]*\s?[km]?`
	dash     = `\s*(?:-|–|—|to)\s*`
)

var (
	payRange  = regexp.MustCompile(`(?i)` + currency + `\s?` + amount + dash + `(?:` + currency + `\s?)?` + amount + `|` + amount + dash + amount + `\s?` + currency)
	payAmount = regexp.MustCompile(`(?i)` + currency + `\s?\d|\d[\d,.]*\s?[km]?\s?` + currency)
)

// A placedFinding is a structure finding and where it sorts in the document
// (-1 for the document as a whole).
type placedFinding struct {
	Finding
	order int
}

// structureResult is what the structure checks measured and found.
type structureResult struct {
	findings  []placedFinding
	words     int
	reading   float64
	band      string
	payStated bool // a pay range appears somewhere in the ad
}

// structure runs the structure checks: length, must-haves, pay, location
// and readability.
func (c *Checker) structure(doc Document, ps []place) structureResult {
	var st structureResult
	add := func(check, quote, where string, order int) {
		st.findings = append(st.findings, placedFinding{c.finding(c.checks[check], quote, where), order})
	}

	words, prose, sents, syl := 0, 0, 0, 0
	arranged := false
	for _, p := range ps {
		words += len(p.toks)
		if p.kind == placeText && p.where != "title" {
			sents += sentences(p.toks)
			for _, t := range p.toks {
				if isWord(t) {
					prose++
					syl += syllables(t.word)
				}
			}
		}
		if p.kind != placeSalary && c.statesArrangement(p.toks) {
			arranged = true
		}
		if !st.payStated && hasDigit(p.text) && payRange.MatchString(p.text) {
			st.payStated = true
		}
	}
	st.words = words
	if prose > 0 {
		st.reading = flesch(prose, sents, syl)
		st.band = readingBand(st.reading)
	}

	switch {
	case words < c.limits.MinWords:
		add("too-short", fmt.Sprintf("%d words", words), "document", -1)
	case words > c.limits.MaxWords:
		add("too-long", fmt.Sprintf("%d words", words), "document", -1)
	}
	if prose > 0 && st.reading < c.limits.MinReading {
		add("readability", fmt.Sprintf("reading ease %.1f (%s)", st.reading, st.band), "document", -1)
	}
	if n, at := requirements(doc, ps); n > c.limits.MaxRequirements {
		add("must-haves", fmt.Sprintf("%d requirements", n), Requirements, at)
	}

	loc := strings.TrimSpace(doc.Location)
	switch {
	case loc == "" && !arranged:
		st.findings = append(st.findings, placedFinding{c.missing(doc, "location-missing"), -1})
	case loc != "" && !arranged:
		add("location-policy", clip(loc), "location", ps[atLocation].order)
	}

	st.findings = append(st.findings, c.salaryField(doc, ps, st.payStated)...)
	return st
}

// missing is the finding of check, a rule for a fact the ad does not give.
// In a draft the fact is still to come, so the finding is pending, at info.
func (c *Checker) missing(doc Document, check string) Finding {
	f := c.finding(c.checks[check], "", "document")
	if doc.Draft {
		f.Severity, f.Pending = Info, true
	}
	return f
}

// requirements counts the items of the requirements sections and returns
// the position of the first.
func requirements(doc Document, ps []place) (n, at int) {
	at = -1
	for _, s := range doc.Sections {
		if sectionLabel(s.Name) == Requirements {
			n += len(s.Items)
		}
	}
	for _, p := range ps {
		if p.section == Requirements {
			return n, p.order - 1
		}
	}
	return n, at
}

// salaryField checks the salary field, or its absence.
func (c *Checker) salaryField(doc Document, ps []place, payStated bool) []placedFinding {
	field := ps[atSalary]
	text := strings.TrimSpace(field.text)
	var out []placedFinding
	switch {
	case text == "":
		if payStated || c.bodyMentionsPay(ps) {
			return nil
		}
		return []placedFinding{{c.missing(doc, "salary-missing"), -1}}
	case payRange.MatchString(text):
		return nil
	}
	for _, f := range c.matchPlace(field, "salary") {
		out = append(out, placedFinding{f, field.order})
	}
	// Words without an amount ("Competitive", "TBD") hide the pay; a
	// number without a currency ("100") is unclear, not open-ended.
	switch {
	case len(out) > 0 || payAmount.MatchString(text):
	case hasDigit(text):
		out = append(out, placedFinding{c.finding(c.checks["salary-unclear"], clip(text), "salary"), field.order})
	default:
		out = append(out, placedFinding{c.finding(c.byID["salary.open-ended"], clip(text), "salary"), field.order})
	}
	return out
}

// statesArrangement reports whether toks say how the work is arranged:
// an arrangement word that is not part of a phrase where it means
// something else ("remote sensing", "hybrid cloud").
func (c *Checker) statesArrangement(toks []token) bool {
	var not [][2]int
	c.notArrange.match(toks, func(_, first, last int) { not = append(not, [2]int{first, last}) })
	found := false
	c.arrange.match(toks, func(_, first, last int) {
		for _, n := range not {
			if n[0] <= first && last <= n[1] {
				return
			}
		}
		found = true
	})
	return found
}

// bodyMentionsPay reports whether the text of the ad gives an amount or
// says something (even "competitive") about pay, so that a missing salary
// field is left to the other findings.
func (c *Checker) bodyMentionsPay(ps []place) bool {
	for _, p := range ps {
		if p.kind != placeText {
			continue
		}
		if (hasDigit(p.text) && payAmount.MatchString(p.text)) || len(c.matchPlace(p, "salary")) > 0 {
			return true
		}
	}
	return false
}

// dropBodyPay drops "competitive salary" and the like from the body of an ad
// that states a pay range elsewhere.
func (c *Checker) dropBodyPay(fs []Finding, order []int, payStated bool) ([]Finding, []int) {
	if !payStated {
		return fs, order
	}
	var keptF []Finding
	var keptO []int
	for i, f := range fs {
		if where := f.Quotes[0].Where; f.Category == "salary" && where != "salary" && where != "document" {
			continue
		}
		keptF = append(keptF, f)
		keptO = append(keptO, order[i])
	}
	return keptF, keptO
}

// applyJurisdictions raises pay findings for a location covered by a
// pay-transparency law, and names the law.
func (c *Checker) applyJurisdictions(fs []Finding, loc []token) {
	if len(loc) == 0 {
		return
	}
	var laws []string
	sev := Info
	for _, j := range c.places {
		if j.match.matchesAny(loc) && !j.unless.matchesAny(loc) {
			laws = append(laws, "For a role in "+j.name+": "+j.law)
			sev = max(sev, j.severity)
		}
	}
	if len(laws) == 0 {
		return
	}
	for i := range fs {
		if fs[i].Category == "salary" {
			fs[i].Severity = max(fs[i].Severity, sev)
			fs[i].Why += " " + strings.Join(laws, " ")
		}
	}
}

// clip shortens a field quoted in a finding.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		return string(r[:79]) + "…"
	}
	return s
}

// hasDigit reports whether s has an ASCII digit; pay patterns need one, and
// checking first spares the regexp engine most of an ad.
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }
