package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/internal/slacktest"
)

// Every button and form names the object it was shown for (issue 22).
// The inventory, each control with the test below that covers it:
//
//	jd:edit, jd:suggest, jd:check, jd:export, jd:history   the live message   "jd ABA", "jd old values"
//	jd:add-item                                             /jd suggest        "jd ABA"
//	jd:export (Also as …)                                   /jd export         "jd ABA"
//	jd:show                                                 /jd start, taken   "jd ABA"
//	jd:discard                                              /jd discard        "jd ABA", "jd stale version", "jd old values"
//	jd:finalize                                             /jd finalize       "jd ABA", "jd stale version", "jd old values"
//	jd:save (form)                                          the Edit modal     "jd ABA", "jd old values" (stale: TestJDOverSocketMode)
//	interview:candidate-remove                              candidate remove   "interview ABA", "interview stale", "interview old values"
//	interview:score (form)                                  the scorecard      "interview ABA", "interview old values"
//	interview:add                                           question cards     "kit ABA", "interview old values"
//	interview:kit-clear                                     kit clear          "kit ABA", "kit stale", "interview old values"
//	interview:candidate-erase                               candidate erase    "candidate erase" below
//	interview:kit-remove                                    kit remove (scored) TestKitRemoveNamesItsKit
//	interview:remind-open                                   the reminder DM    TestScorecardReminders (erased, added again)
//
// Controls that act on no object of the session, and so name none:
// jd:why (a wording rule), interview:more and interview:reset (the
// channel's asked questions), interview:kit (shows the kit as it is),
// cto-role:show, cto-role:share and cto-role:topic (the knowledge pack): "object-free
// controls" checks they still answer across a discard and a restart.

// TestControlsNameTheirObject presses every control of the inventory on
// two replicas sharing one Redis, after the object it was shown for was
// discarded and replaced (a new draft at the same version), removed and
// added again, or cleared and rebuilt: each is refused with the reason,
// and the object there now is untouched.
func TestControlsNameTheirObject(t *testing.T) {
	t.Parallel()
	fake, rs, cfg := MustOnRedis(t)
	MustStartReplicas(t, fake, cfg)
	rdb := mustRedis(t, rs.URL())
	base := &collab{t: t, fake: fake, store: sessions.New(rdb, sessions.Options{}), rdb: rdb}

	t.Run("jd ABA", func(t *testing.T) {
		c := base.in(t, "CABA1")
		c.jd("UOWNER", "start cto Head of Platform", "Head of Platform")
		live := c.live("Version 1")
		suggestions := c.jd("UOWNER", "suggest", "Suggestions for")
		export := c.jd("UOWNER", "export", "Uploaded")
		taken := c.jd("UOWNER", "start cto", "This channel already has a draft")
		finalize := c.jd("UOWNER", "finalize", "Finalize with")
		discard := c.jd("UOWNER", "discard", "Discard the draft?")
		again := c.jd("UOWNER", "discard", "Discard the draft?")
		editor := mustOpenEditor(t, c, live)
		c.press("UOWNER", again, "jd:discard", "was discarded")

		c.jd("UOWNER", "start cio Head of IT", "Head of IT")
		c.live("Head of IT", "Version 1")
		for _, tt := range []struct {
			m      slacktest.Message
			prefix string
			nth    int
			want   string
		}{
			{live, "jd:edit", 0, "That Edit button was for an earlier draft of this channel, which was discarded; the editor was not opened"},
			{live, "jd:suggest", 0, "That Suggest button was for an earlier draft"},
			{live, "jd:check", 0, "That Check button was for an earlier draft"},
			{live, "jd:export", 0, "That Export button was for an earlier draft"},
			{live, "jd:history", 0, "That History button was for an earlier draft"},
			{suggestions, "jd:add-item", 0, "That Add button was for an earlier draft of this channel, which was discarded; nothing was added"},
			{export, "jd:export", 1, "That Export button was for an earlier draft"},
			{taken, "jd:show", 0, "That Show the draft button was for an earlier draft"},
			{finalize, "jd:finalize", 0, "That Finalize anyway button was for an earlier draft of this channel, which was discarded; nothing was finalized"},
			{discard, "jd:discard", 0, "That Discard button was for an earlier draft of this channel, which was discarded; nothing was discarded"},
		} {
			c.pressNth("UOWNER", tt.m, tt.prefix, tt.nth, tt.want)
		}
		mustSubmitEditor(t, c, editor, "Not saved: that draft is gone", "That editor was for an earlier draft")
		if d := c.draft(); d.Role != "cio" || d.Version != 1 || d.Status != draft.Open || d.Fields[draft.Title] != "Head of IT" {
			t.Errorf("the new draft was changed: %s v%d %s %q", d.Role, d.Version, d.Status, d.Fields[draft.Title])
		}
	})

	t.Run("jd stale version", func(t *testing.T) {
		c := base.in(t, "CABA2")
		c.jd("UOWNER", "start cto Head of Platform", "Head of Platform")
		discard := c.jd("UOWNER", "discard", "Discard the draft?")
		finalize := c.jd("UOWNER", "finalize", "Finalize with")
		c.jd("U2", "set company Acme", "Set the company")
		c.press("UOWNER", discard, "jd:discard", "Nothing was discarded", "now at version 2", "set the company")
		c.press("UOWNER", finalize, "jd:finalize", "Nothing was finalized", "now at version 2")
		if d := c.draft(); d.Version != 2 || d.Status != draft.Open {
			t.Errorf("a stale confirmation changed the draft: v%d %s", d.Version, d.Status)
		}
	})

	t.Run("jd old values", func(t *testing.T) {
		c := base.in(t, "CABA3")
		c.jd("UOWNER", "start cto Head of Platform", "Head of Platform")
		for _, a := range []slacktest.Action{
			{ActionID: "jd:discard#0", Value: "1"},
			{ActionID: "jd:finalize#0", Value: "1"},
			{ActionID: "jd:edit#0", Value: "1"},
			{ActionID: "jd:check#2"},
		} {
			before := c.seen()
			a.Channel, a.User = c.ch, "UOWNER"
			MustPress(t, c.fake, a)
			c.waitNew(before, "is from an older version of hirebot", "please run the command again")
		}
		sendCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		ack, err := c.fake.SendViewSubmission(sendCtx, slacktest.ViewSubmission{User: "UOWNER", CallbackID: "jd:save", PrivateMetadata: c.ch + "\n1",
			Values: map[string]map[string]string{"title": {"title": "Overwritten"}}})
		if err != nil || !strings.Contains(string(ack.Payload), "That editor is from an older version of hirebot") {
			t.Errorf("an editor from before drafts had an identity: ack %s, %v", ack.Payload, err)
		}
		if d := c.draft(); d.Version != 1 || d.Fields[draft.Title] != "Head of Platform" || d.Status != draft.Open {
			t.Errorf("an old control changed the draft: v%d %q %s", d.Version, d.Fields[draft.Title], d.Status)
		}
	})

	t.Run("interview ABA", func(t *testing.T) {
		c := base.in(t, "CABA4")
		c.do("U1", "/interview", "candidate add Ada Lovelace", "Added Ada Lovelace")
		form := mustOpenScorecard(t, fake, c.ch, "U2", "Ada Lovelace")
		ask := c.do("U1", "/interview", "candidate erase Ada Lovelace", "Erase Ada Lovelace?", "0 scorecards")
		c.press("U1", ask, "interview:candidate-erase", "Erased Ada Lovelace and 0 scorecards")
		c.do("U1", "/interview", "candidate add Ada Lovelace", "Added Ada Lovelace")
		fresh := mustOpenScorecard(t, fake, c.ch, "U3", "Ada Lovelace")
		mustSubmit(t, fake, c.ch, fresh, scorecardValues(t, fresh, 3, 3, "", "yes"), "Your scorecard for Ada Lovelace is saved")
		c.press("U1", ask, "interview:candidate-erase", "Not erased: that Erase button was for an earlier candidate")
		mustRefuseForm(t, fake, c.ch, form, scorecardValues(t, form, 1, 1, "", "strong-no"), "", "That was shown for an earlier Ada Lovelace")
		c.do("U3", "/interview", "debrief Ada Lovelace", "1 of 1 scorecard in", "@U3: 3")
	})

	t.Run("interview stale", func(t *testing.T) {
		c := base.in(t, "CABA5")
		c.do("U1", "/interview", "candidate add Grace Hopper", "Added Grace Hopper")
		ask := c.do("U1", "/interview", "candidate erase Grace Hopper", "Erase Grace Hopper?", "0 scorecards")
		v := mustOpenScorecard(t, fake, c.ch, "U2", "Grace Hopper")
		mustSubmit(t, fake, c.ch, v, scorecardValues(t, v, 2, 2, "", "no"), "Your scorecard for Grace Hopper is saved")
		c.press("U1", ask, "interview:candidate-erase", "Not erased: Grace Hopper has 1 scorecard now, not 0")
		c.do("U1", "/interview", "candidates", "Grace Hopper: 1 of 1 scorecard in")
	})

	t.Run("kit ABA", func(t *testing.T) {
		c := base.in(t, "CABA6")
		questions := c.do("U1", "/interview", "communication 2", "Interview questions for")
		c.pressNth("U1", questions, "interview:add", 0, "Added to the channel's interview kit")
		clear := c.do("U1", "/interview", "kit clear", "Clear the interview kit?")
		also := c.do("U1", "/interview", "kit clear", "Clear the interview kit?")
		c.press("U1", clear, "interview:kit-clear", "Cleared the interview kit (1 question)")
		fresh := c.do("U1", "/interview", "team building 1", "Interview questions for")
		c.press("U1", fresh, "interview:add", "Added to the channel's interview kit")
		c.pressNth("U1", questions, "interview:add", 1, "That Add to kit button was shown before the interview kit was cleared")
		c.press("U1", also, "interview:kit-clear", "the kit built after it was not touched")
		c.do("U1", "/interview", "kit", "Interview kit (1 question)", "Team building (1)")
	})

	t.Run("kit stale", func(t *testing.T) {
		c := base.in(t, "CABA7")
		questions := c.do("U1", "/interview", "communication 2", "Interview questions for")
		c.pressNth("U1", questions, "interview:add", 0, "Added to the channel's interview kit")
		clear := c.do("U1", "/interview", "kit clear", "Clear the interview kit?")
		c.pressNth("U1", questions, "interview:add", 1, "Added to the channel's interview kit")
		c.press("U1", clear, "interview:kit-clear", "Nothing was cleared", "it now holds 2 questions")
	})

	t.Run("interview old values", func(t *testing.T) {
		c := base.in(t, "CABA8")
		c.do("U1", "/interview", "candidate add Ada Lovelace", "Added Ada Lovelace")
		form := mustOpenScorecard(t, fake, c.ch, "U2", "Ada Lovelace")
		for _, a := range []slacktest.Action{
			{ActionID: "interview:candidate-remove#0", Value: "e1b0e2d3c5a7f6e8d9c0|0"},
			{ActionID: "interview:add#0", Value: "q-technology-vision-01"},
			{ActionID: "interview:kit-clear#0", Value: "1.abcdef0123456789"},
		} {
			before := c.seen()
			a.Channel, a.User = c.ch, "U1"
			MustPress(t, c.fake, a)
			c.waitNew(before, "from an older version of hirebot")
		}
		old := form
		mustRefuseOldForm(t, fake, c.ch, old)
		c.do("U1", "/interview", "candidates", "Ada Lovelace: 0 of 1 scorecard in")
		c.do("U1", "/interview", "kit", "The kit is empty")
	})

	// Starting, discarding or expiring a draft changes nobody's rights over
	// scorecards: the loop is whoever added the first candidate's.
	t.Run("a draft grants nothing over scorecards", func(t *testing.T) {
		c := base.in(t, "CABA10")
		c.do("URECRUIT", "/interview", "candidate add Ada Lovelace", "Added Ada Lovelace", "You run this channel's interview loop")
		v := mustOpenScorecard(t, fake, c.ch, "U3", "Ada Lovelace")
		mustSubmit(t, fake, c.ch, v, scorecardValues(t, v, 4, 4, "secret okapi note", "strong-yes"), "Your scorecard for Ada Lovelace is saved")
		c.jd("UDRAFT", "start cto", "Started a draft")
		if m := c.do("UDRAFT", "/interview", "debrief Ada Lovelace", "hidden"); strings.Contains(MessageText(m), "okapi") {
			t.Error("the draft's owner reads the debrief")
		}
		c.do("UDRAFT", "/interview", "debrief Ada Lovelace export", "only those who submitted")
		c.do("UDRAFT", "/interview", "debrief Ada Lovelace close", "Only @URECRUIT")
		c.do("UDRAFT", "/interview", "candidate remove Ada Lovelace", "Only @URECRUIT")
		c.do("UDRAFT", "/interview", "owner <@UDRAFT|me>", "Only @URECRUIT")
		c.do("URECRUIT", "/interview", "debrief Ada Lovelace", "okapi")
		c.do("URECRUIT", "/interview", "owner <@ULEAD|lead>", "Handed the interview loop to @ULEAD")
		c.do("ULEAD", "/interview", "debrief Ada Lovelace", "okapi")
	})

	// Reading the debrief freezes your scorecard: a throwaway scorecard,
	// changed after reading everyone's, shows as a revision.
	t.Run("a throwaway scorecard shows", func(t *testing.T) {
		c := base.in(t, "CABA11")
		c.do("U1", "/interview", "candidate add Ada Lovelace", "Added Ada Lovelace")
		honest := mustOpenScorecard(t, fake, c.ch, "U2", "Ada Lovelace")
		mustSubmit(t, fake, c.ch, honest, scorecardValues(t, honest, 4, 4, "", "strong-yes"), "saved")
		cheat := mustOpenScorecard(t, fake, c.ch, "U3", "Ada Lovelace")
		mustSubmit(t, fake, c.ch, cheat, scorecardValues(t, cheat, 1, 1, "", "strong-no"), "saved")
		c.do("U3", "/interview", "debrief Ada Lovelace", "@U2: 4")
		again := mustOpenScorecard(t, fake, c.ch, "U3", "Ada Lovelace")
		mustSubmit(t, fake, c.ch, again, scorecardValues(t, again, 4, 4, "", "strong-yes"), "saved as a revision")
		c.do("U2", "/interview", "debrief Ada Lovelace", "Revised after reading the debrief: @U3", "@U3: 4 (revised after reading the debrief; was 1)",
			"@U3: Strong yes (revised after reading the debrief; was Strong no)")
	})

	t.Run("object-free controls", func(t *testing.T) {
		c := base.in(t, "CABA9")
		c.jd("UOWNER", "start cto Head of Platform", "Head of Platform")
		c.jd("UOWNER", "add requirements A rockstar who codes", "Added")
		check := c.jd("UOWNER", "check", "Wording check")
		more := c.do("U1", "/interview", "communication 1", "Interview questions for")
		role := c.do("U1", "/cto-role", "", "Share in channel")
		discard := c.jd("UOWNER", "discard", "Discard the draft?")
		c.press("UOWNER", discard, "jd:discard", "was discarded")
		c.jd("UOWNER", "start cio", "Started a draft")
		c.press("UOWNER", check, "jd:why", "Why ")
		c.press("U1", more, "interview:more", "Interview questions for")
		c.press("U1", more, "interview:kit", "Interview kit")
		c.press("U1", role, "cto-role:share", "Shared by")
	})
	MustNoViolations(t, fake)
}

// mustOpenEditor presses the Edit button of live message m and returns
// the editor modal it opened.
func mustOpenEditor(t *testing.T, c *collab, m slacktest.Message) slacktest.View {
	t.Helper()
	views := len(c.fake.Views())
	id, value := buttonOf(t, m, "jd:edit", 0)
	MustPress(t, c.fake, slacktest.Action{Channel: c.ch, User: "UOWNER", ActionID: id, Value: value})
	MustEventually(t, 10*time.Second, "the editor to open", func() bool { return len(c.fake.Views()) > views })
	return c.fake.Views()[len(c.fake.Views())-1]
}

// mustSubmitEditor saves editor v with a title and a benefit of its own,
// and waits for a new message holding every one of want.
func mustSubmitEditor(t *testing.T, c *collab, v slacktest.View, want ...string) {
	t.Helper()
	before := c.seen()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := c.fake.SendViewSubmission(ctx, slacktest.ViewSubmission{User: v.User, ViewID: v.ID,
		Values: map[string]map[string]string{"title": {"title": "Old CTO editor"}, "benefits": {"benefits": "Old benefit"}}}); err != nil {
		t.Fatal(err)
	}
	m := c.waitNew(before, want...)
	if !strings.Contains(MessageText(m), "Old benefit") {
		t.Errorf("the refused save does not give back what was typed: %s", MessageText(m))
	}
}

// mustRefuseOldForm submits scorecard view v as a hirebot before
// candidates had an identity wrote its metadata: it is refused.
func mustRefuseOldForm(t *testing.T, fake *slacktest.Server, channel string, v slacktest.View) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ack, err := fake.SendViewSubmission(ctx, slacktest.ViewSubmission{User: v.User, ViewID: v.ID, PrivateMetadata: channel + "\ne1b0e2d3c5a7f6e8d9c0|vision",
		Values: scorecardValues(t, v, 2, 2, "", "yes")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ack.Payload), "from an older version of hirebot") {
		t.Errorf("an old scorecard form was not refused as old: ack %s", ack.Payload)
	}
}
