package main

import "testing"

// TestOutcomesAndScopeOverSocketMode (issue 27): a fresh draft leads with
// the first year's outcomes from the role's checklist and states its scope;
// /jd set team, budget and reports-to fill the scope in one grammatical
// sentence whatever the team field holds.
func TestOutcomesAndScopeOverSocketMode(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	MustStartBot(t, fake, cfg)
	c := &collab{t: t, fake: fake, ch: "CSCOPE"}

	c.jd("UOWNER", "start cto", "Chief Technology Officer")
	c.live("After your first year (3)", "O1 · A technology plan the leadership team understands and backs", "Scope", "You will report to the CEO.")
	c.jd("U2", "set team 60 people, 28 in engineering", "Set the team")
	c.live("You will report to the CEO and lead a team of 60 people, 28 of them in engineering.")
	c.jd("U2", "set budget $4M a year", "Set the budget")
	c.jd("U2", "set reports to the COO", "Set the reports-to")
	c.live("You will report to the COO; lead a team of 60 people, 28 of them in engineering; and hold a budget of $4M a year.")
	c.jd("U2", "add outcomes A second product line live with paying customers", "Added to outcomes as O4")
	c.live("After your first year (4)")
	MustNoViolations(t, fake)
}
