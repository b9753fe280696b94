package main

import (
	"testing"
)

// TestEngagementsOverSocketMode (issue 27): /jd start cto fractional makes
// a draft that states its terms instead of employee benefits; the check
// flags an employee benefit added to it; /jd set engagement takes only the
// words it knows; /interview fractional answers.
func TestEngagementsOverSocketMode(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	MustStartBot(t, fake, cfg)
	c := &collab{t: t, fake: fake, ch: "CFRAC"}

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
	MustNoViolations(t, fake)
}
