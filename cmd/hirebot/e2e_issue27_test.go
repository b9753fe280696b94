package main

import (
	"strings"
	"testing"
)

// TestIssue27OverSocketMode runs the parts of issue 27 that one bot shows,
// each in its own channel, on one bot with a real redis-server whose
// HIREBOT_LOCALE is uk (the approvals, which need two replicas, are
// TestApprovalsBesideAVersionOnTwoReplicas).
func TestIssue27OverSocketMode(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	cfg.Locale = "uk"
	MustStartBot(t, fake, cfg)
	base := &collab{t: t, fake: fake}

	// A fractional draft states its terms instead of employee benefits; the
	// check flags an employee benefit added to it; /jd set engagement takes
	// only the words it knows; /interview fractional answers.
	t.Run("engagements", func(t *testing.T) {
		c := base.in(t, "CFRAC")

		c.jd("UOWNER", "start cto fractional", "Fractional CTO", "terms instead of employee benefits")
		c.live("Terms of the engagement", "Days a week: Two days a week", "Engagement: Fractional")
		c.jd("U2", "set days 3 days a week", "Set the days")
		c.live("Days a week: 3 days a week")
		c.jd("U2", "set rate £1,200 a day", "Set the salary")
		c.live("Rate: £1,200 a day", "Rate: A monthly retainer of £1,200 a day")
		c.jd("U2", "add benefits A workplace pension", "Added to benefits")
		c.jd("U2", "check", "engagement.employee-benefits", "pension")
		c.jd("U2", "set engagement contractor", `There is no engagement "contractor"`)
		c.jd("U2", "set engagement full-time", "Set the engagement")
		c.jd("U2", "set engagement interim", "Set the engagement", "An interim leader gets no employee benefits")
		c.do("U2", "/interview", "fractional 3", "Interview questions for a fractional CTO")
	})
	// /jd set engagement on a full-time draft puts the engagement's offer in
	// place of the employee benefits nobody edited, and the contractors'
	// statement in place of the employees', in one change that one undo
	// reverts; /jd set kind fractional does the same, and back to full-time
	// the benefits return while a person's own item stays.
	t.Run("switching engagement", func(t *testing.T) {
		c := base.in(t, "CSWITCH")

		c.jd("UOWNER", "start cto", "Chief Technology Officer")
		c.live("A workplace pension", "We welcome applications from everyone")
		c.jd("U2", "add benefits A four-day week", "Added to benefits")
		c.jd("U2", "set engagement fractional", "Set the engagement", "rewrote the benefits for the fractional engagement (5 out, 4 in)")
		m := c.live("Terms of the engagement", "Days you are not working with us are your own", "A four-day week", "We choose contractors")
		for _, gone := range []string{"A workplace pension", "Equity or a long-term incentive plan", "We welcome applications from everyone"} {
			if strings.Contains(MessageText(m), gone) {
				c.t.Errorf("a fractional draft still shows %q:\n%s", gone, MessageText(m))
			}
		}
		c.jd("U2", "undo", "Undid")
		c.live("A workplace pension", "Equity or a long-term incentive plan", "We welcome applications from everyone", "A four-day week")
		c.jd("U2", "set kind fractional", "Set the engagement", "rewrote the benefits for the fractional engagement")
		c.live("Days you are not working with us are your own")
		c.jd("U2", "set engagement full-time", "Set the engagement", "rewrote the benefits for the full-time engagement (4 out, 5 in)")
		m = c.live("A workplace pension", "Equity or a long-term incentive plan", "We welcome applications from everyone", "A four-day week")
		if strings.Contains(MessageText(m), "Days you are not working with us are your own") {
			c.t.Errorf("a full-time draft still offers what a fractional one does:\n%s", MessageText(m))
		}
	})
	// A fresh draft leads with the first year's outcomes and states its
	// scope; team, budget and reports-to make one grammatical sentence.
	t.Run("outcomes and scope", func(t *testing.T) {
		c := base.in(t, "CSCOPE")

		c.jd("UOWNER", "start cto", "Chief Technology Officer")
		c.live("After your first year (3)", "O1 · A technology plan the leadership team understands and backs", "Scope", "You will report to the CEO.")
		c.jd("U2", "set team 60 people, 28 in engineering", "Set the team")
		c.live("You will report to the CEO and lead a team of 60 people, 28 of them in engineering.")
		c.jd("U2", "set budget $4M a year", "Set the budget")
		c.jd("U2", "set reports to the COO", "Set the reports-to")
		c.live("You will report to the COO; lead a team of 60 people, 28 of them in engineering; and hold a budget of $4M a year.")
		c.jd("U2", "add outcomes A second product line live with paying customers", "Added to outcomes as O4")
		c.live("After your first year (4)")
	})
	// HIREBOT_LOCALE=uk starts British drafts; a Boston location makes one
	// American in the same change; /jd set locale wins over the location and
	// refuses one it does not know; the check flags another country's terms;
	// undo reverts the locale and what it rewrote together.
	t.Run("locales", func(t *testing.T) {
		c := base.in(t, "CLOCALE")

		c.jd("UOWNER", "start cto", "Chief Technology Officer")
		c.live("A workplace pension", "Equality Act 2010", "locale uk")
		c.jd("U2", "set location Boston, MA, hybrid", "Set the location", "for us")
		c.live("A 401(k) plan with a company match", "We are an equal opportunity employer", "locale us (from the location)")
		c.jd("U2", "set locale canada", "Set the locale", "for ca")
		c.live("A group RRSP with a company match", "locale ca")
		c.jd("U2", "set locale france", `There is no locale "france"`)
		c.jd("U2", "add benefits Cycle to work scheme", "Added to benefits")
		c.jd("U2", "check", "locale.foreign-term", "Cycle to work")
		c.jd("U2", "remove benefits 6", "Removed from benefits")
		c.jd("U2", "undo", "Undid")
		c.jd("U3", "set locale us", "Set the locale")
		c.jd("U3", "undo", "Undid")
		c.live("A group RRSP with a company match", "locale ca")
	})
	// No pay range under a pay-transparency law is an error citing that law:
	// Albany, NY the state's, not New York City's; Boston the Massachusetts
	// act; /jd set company-size applies the law's threshold.
	t.Run("pay law", func(t *testing.T) {
		c := base.in(t, "CPAYLAW")

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
	})
	MustNoViolations(t, fake)
}
