package main

import (
	"strings"
	"testing"
)

// TestPayLawOverSocketMode (issue 27): a draft located under a
// pay-transparency law with no pay range gets an error citing that law —
// Albany, NY the state's law, not New York City's; Boston the
// Massachusetts law — until the pay is set; /jd set company-size applies
// the law's employer-size threshold.
func TestPayLawOverSocketMode(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	MustStartBot(t, fake, cfg)
	c := &collab{t: t, fake: fake, ch: "CPAYLAW"}

	c.jd("UOWNER", "start cto", "Chief Technology Officer")
	c.jd("U2", "set location Albany, NY, hybrid", "Set the location")
	m := c.jd("U2", "check", "ERROR  salary.missing", "New York Labor Law § 194-b", "For a role in New York State")
	if strings.Contains(MessageText(m), "Local Law 32") {
		t.Errorf("Albany, NY cites New York City's law:\n%s", MessageText(m))
	}
	c.jd("UOWNER", "finalize", "Finalize with no pay?")
	c.jd("U2", "set company-size three", "The company size is a number of employees")
	c.jd("U2", "set company-size 3 employees", "Set the company-size")
	c.jd("U2", "check", "TO DO  salary.missing")
	c.jd("U2", "set company-size clear", "Cleared the company-size")
	c.jd("U2", "set location Boston, MA, hybrid", "Set the location")
	c.jd("U2", "check", "ERROR  salary.missing", "Chapter 141 of the Acts of 2024", "For a role in Massachusetts")
	c.jd("U2", "set salary $250,000–$300,000 a year", "Set the salary")
	m = c.jd("U2", "check", "Wording check")
	if strings.Contains(MessageText(m), "salary.missing") || strings.Contains(MessageText(m), "ERROR") {
		t.Errorf("with the pay set the check still finds:\n%s", MessageText(m))
	}
	MustNoViolations(t, fake)
}
