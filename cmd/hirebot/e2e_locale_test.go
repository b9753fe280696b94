package main

import "testing"

// TestLocalesOverSocketMode (issue 27): a bot whose HIREBOT_LOCALE is uk
// starts British drafts; a Boston location makes the draft American, its
// benefits and statement rewritten in the same change; /jd set locale wins
// over the location and refuses a locale it does not know; the check
// flags another country's terms; undo reverts the locale and what it
// rewrote together.
func TestLocalesOverSocketMode(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	cfg.Locale = "uk"
	MustStartBot(t, fake, cfg)
	c := &collab{t: t, fake: fake, ch: "CLOCALE"}

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
	MustNoViolations(t, fake)
}
