package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/internal/slacktest"
	"github.com/redis/go-redis/v9"
)

// collab is one bot with a real redis-server, for the tests of safe
// collaboration on one draft (issue 14): each numbered case of the issue
// runs in its own channel.
type collab struct {
	t     *testing.T
	fake  *slacktest.Server
	store *sessions.Store
	rdb   redis.UniversalClient
	ch    string
}

func newCollab(t *testing.T) *collab {
	fake, rs, cfg := MustOnRedis(t)
	MustStartBot(t, fake, cfg)
	rdb := mustRedis(t, rs.URL())
	return &collab{t: t, fake: fake, store: sessions.New(rdb, sessions.Options{}), rdb: rdb}
}

// in returns c acting in channel ch for test t.
func (c *collab) in(t *testing.T, ch string) *collab {
	cc := *c
	cc.t, cc.ch = t, ch
	return &cc
}

// do runs /command text as user and returns the first new message in the
// channel holding every one of want.
func (c *collab) do(user, command, text string, want ...string) slacktest.Message {
	c.t.Helper()
	before := c.seen()
	MustSlash(c.t, c.fake, slacktest.Slash{Channel: c.ch, User: user, Command: command, Text: text})
	return c.waitNew(before, want...)
}

// jd runs /jd text as user; see do.
func (c *collab) jd(user, text string, want ...string) slacktest.Message {
	c.t.Helper()
	return c.do(user, "/jd", text, want...)
}

// press presses the button of m whose action starts with prefix, as user,
// and returns the first new message holding every one of want.
func (c *collab) press(user string, m slacktest.Message, prefix string, want ...string) slacktest.Message {
	c.t.Helper()
	return c.pressNth(user, m, prefix, 0, want...)
}

// pressNth is press for the nth such button (0 first).
func (c *collab) pressNth(user string, m slacktest.Message, prefix string, nth int, want ...string) slacktest.Message {
	c.t.Helper()
	id, value := buttonOf(c.t, m, prefix, nth)
	before := c.seen()
	MustPress(c.t, c.fake, slacktest.Action{Channel: c.ch, User: user, ActionID: id, Value: value})
	return c.waitNew(before, want...)
}

// seen returns the timestamps of the channel's messages now.
func (c *collab) seen() map[string]bool {
	ts := map[string]bool{}
	for _, m := range c.fake.Messages(c.ch) {
		ts[m.TS] = true
	}
	return ts
}

// waitNew waits for a message not among before that holds every one of
// want. Messages are told apart by timestamp, not position: a live message
// may be deleted meanwhile (two /jd show at once keep one).
func (c *collab) waitNew(before map[string]bool, want ...string) slacktest.Message {
	c.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, m := range c.fake.Messages(c.ch) {
			if !before[m.TS] && containsAll(MessageText(m), want) {
				return m
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	var seen []string
	for _, m := range c.fake.Messages(c.ch) {
		seen = append(seen, MessageText(m))
	}
	c.t.Fatalf("no new message in %s containing %q; messages:\n%s", c.ch, want, strings.Join(seen, "\n---\n"))
	return slacktest.Message{}
}

// draft reads the channel's draft from Redis.
func (c *collab) draft() *draft.Draft {
	c.t.Helper()
	d, err := c.store.Scope(hirebot.SessionKey{Team: c.fake.TeamID(), Channel: c.ch}, nil, "").Draft(context.Background())
	if err != nil {
		c.t.Fatalf("read the draft of %s: %v", c.ch, err)
	}
	return d
}

// live waits for the channel's live message to show every one of want.
func (c *collab) live(want ...string) slacktest.Message {
	c.t.Helper()
	return liveMessage(c.t, c.fake, c.ch, want...)
}

// buttonOf returns the action id and value of m's nth button (0 first)
// whose action id starts with prefix.
func buttonOf(tb testing.TB, m slacktest.Message, prefix string, nth int) (string, string) {
	tb.Helper()
	if bs := buttons(tb, m, prefix); nth < len(bs) {
		return bs[nth].id, bs[nth].value
	}
	tb.Fatalf("no %s button in %s", prefix, MessageText(m))
	return "", ""
}

// TestCollaborationOverSocketMode drives each numbered case of issue 14
// through Slack's real Socket Mode client, the fake Slack and a real
// redis-server, and checks the fixed behaviour.
func TestCollaborationOverSocketMode(t *testing.T) {
	t.Parallel()
	base := newCollab(t)

	// 1. Two people act on the same view: the second bare number is
	// refused with the item now there, and nothing else is removed.
	t.Run("1 same view, remove twice", func(t *testing.T) {
		c := base.in(t, "CSEEN1")
		c.jd("UOWNER", "start cto Head of Platform", "Head of Platform")
		reqs := c.draft().Sections[draft.Requirements]
		if len(reqs) < 3 {
			t.Fatalf("the template has %d requirements", len(reqs))
		}
		c.live(reqs[0].Ref+" · ", reqs[1].Ref+" · ")
		c.jd("UA", "show")
		c.jd("UB", "show")
		c.jd("UA", "remove requirements 2", "Removed from requirements ("+reqs[1].Ref)
		m := c.jd("UB", "remove requirements 2", "nothing was changed", "#2 is now "+reqs[2].Ref)
		if !strings.Contains(MessageText(m), "/jd remove "+reqs[2].Ref) {
			t.Errorf("the refusal does not say how to remove the item shown: %s", MessageText(m))
		}
		if got := c.draft().Sections[draft.Requirements]; len(got) != len(reqs)-1 || got[1].Ref != reqs[2].Ref {
			t.Fatalf("after the refused remove, requirements = %+v", got)
		}
		// The refusal showed UB the current item: now the number is theirs,
		// and a reference always works.
		c.jd("UB", "remove "+reqs[2].Ref, "Removed from requirements ("+reqs[2].Ref)
		c.jd("UA", "edit requirements 1 Ran a 24/7 platform", "nothing was changed", "#1 is now "+reqs[0].Ref)
	})

	// 2. Undo is per person: B's undo reverts B's change, never C's
	// suggestions; a change someone else built on is not undone; the owner
	// may undo anyone's change by its version.
	t.Run("2 undo per person", func(t *testing.T) {
		c := base.in(t, "CSEEN2")
		c.jd("UOWNER", "start cto Head of Platform", "Head of Platform")
		c.jd("UB", "set salary €200k", "Set the salary")
		sug := c.jd("UC", "suggest", "Suggestions for")
		c.press("UC", sug, "jd:add-item", "Inserted")
		c.jd("UC", "add nice-to-have Has run a public API", "Added to nice-to-have as N")
		before := c.draft()
		c.jd("UB", "undo", "Undid", "set the salary")
		after := c.draft()
		if after.Fields[draft.Salary] != "" || len(after.Sections[draft.NiceToHave]) != len(before.Sections[draft.NiceToHave]) ||
			len(after.Sections[draft.Responsibilities]) != len(before.Sections[draft.Responsibilities]) {
			t.Fatalf("B's undo touched more than B's change: before %+v, after %+v", before.Sections, after.Sections)
		}
		c.jd("UB", "undo", "you have no change to undo")
		nice := after.Sections[draft.NiceToHave]
		ref := nice[len(nice)-1].Ref
		c.jd("UB", "edit "+ref+" Has designed and run a public API", "Edited nice-to-have "+ref)
		c.jd("UC", "undo", "nothing was undone", "@UB's later change", "builds on")
		if got := c.draft().Sections[draft.NiceToHave]; got[len(got)-1].Text != "Has designed and run a public API" {
			t.Fatalf("a refused undo changed the draft: %+v", got)
		}
		v := c.draft().Version
		c.jd("UC", fmt.Sprintf("undo v%d", v), "Not allowed")
		c.jd("UOWNER", fmt.Sprintf("undo v%d", v), "Undid", "by @UB")
		c.live(ref + " · Has run a public API")
	})

	// 3 and 4. Discard keeps the interview kit and says so; a discard
	// confirmed after others edited is refused with what changed; the kit
	// has its own confirmation.
	t.Run("3 and 4 discard keeps the kit and its version", func(t *testing.T) {
		c := base.in(t, "CSEEN3")
		c.jd("UOWNER", "start cto Head of Platform", "Head of Platform")
		qs := c.do("U2", "/interview", "", "Interview questions for")
		c.press("U2", qs, "interview:add", "Added to the channel's interview kit")
		ask := c.jd("UOWNER", "discard", "Discard the draft?", "interview kit stays")
		c.jd("U2", "add benefits Four-day week", "Added to benefits as B")
		c.press("UOWNER", ask, "jd:discard", "Nothing was discarded", "Four-day week")
		c.draft() // still there
		ask = c.jd("UOWNER", "discard", "Discard the draft?")
		c.press("UOWNER", ask, "jd:discard", "was discarded", "interview kit is kept")
		c.do("U2", "/interview", "kit", "Interview kit (1 question)")
		clear := c.do("U2", "/interview", "kit clear", "Clear the interview kit?", "not touched")
		c.pressNth("U2", qs, "interview:add", 1, "Added to the channel's interview kit")
		c.press("U2", clear, "interview:kit-clear", "Nothing was cleared", "2 questions")
		clear = c.do("U2", "/interview", "kit clear", "Clear the interview kit?", "2 questions")
		c.press("U2", clear, "interview:kit-clear", "Cleared the interview kit (2 questions)")
		c.do("U2", "/interview", "kit", "The kit is empty")
	})

	// 5. The check is owned: ignore and unignore are for the owner and
	// admins, with the reason in the history; finalize lists error
	// findings and asks, and its confirmation carries the version.
	t.Run("5 owned check and finalize", func(t *testing.T) {
		c := base.in(t, "CSEEN5")
		c.jd("UOWNER", "start cto Head of Platform", "Head of Platform")
		c.jd("U2", "check ignore jargon.rockstar", "Not allowed", "only the draft's owner (@UOWNER)")
		c.jd("UOWNER", "check ignore jargon.rockstar we quote a customer", "Ignored wording rule", "we quote a customer")
		c.jd("U2", "history", "we quote a customer")
		c.jd("UADMIN", "check unignore jargon.rockstar", "Stopped ignoring")
		c.jd("U2", "add requirements Applicants within an age limit of 45", "Added to requirements as R")
		ask := c.jd("UOWNER", "finalize", "Finalize with", "age.explicit", "Finalize anyway")
		c.jd("U2", "set company Acme Robotics", "Set the company")
		c.press("UOWNER", ask, "jd:finalize", "Nothing was finalized", "Acme Robotics")
		if c.draft().Status == draft.Final {
			t.Fatal("a stale confirmation finalized the draft")
		}
		ask = c.jd("UOWNER", "finalize", "Finalize with", "age.explicit")
		m := c.press("UOWNER", ask, "jd:finalize", "Finalized the draft")
		if text := MessageText(m); strings.Contains(text, "undo reverts") || !strings.Contains(text, "reopen") {
			t.Errorf("the finalize reply offers undo or hides reopen: %s", text)
		}
		c.jd("UOWNER", "undo", "the draft is final")
	})

	// 6. The Edit modal fits Slack's limits when a section passes 3,000
	// characters, saves back every item, and the fake Slack (which refuses
	// what Slack refuses) records no violation.
	t.Run("6 editor of a long section", func(t *testing.T) {
		c := base.in(t, "CSEEN6")
		c.jd("UOWNER", "start cto Head of Platform", "Head of Platform")
		have := len(c.draft().Sections[draft.Requirements])
		for i := have; i < draft.MaxItems; i++ {
			c.jd("U2", fmt.Sprintf("add requirements %02d %s", i, strings.Repeat("long requirement text ", 4)), "Added to requirements as R")
		}
		views := len(c.fake.Views())
		live := c.live("Version")
		id, value := buttonOf(t, live, "jd:edit", 0)
		MustPress(t, c.fake, slacktest.Action{Channel: c.ch, User: "U2", ActionID: id, Value: value})
		MustEventually(t, 10*time.Second, "the editor to open", func() bool { return len(c.fake.Views()) > views })
		values, blocks := editorState(t, c.fake)
		parts := 0
		for id := range values {
			if strings.HasPrefix(id, "requirements") {
				parts++
			}
		}
		if parts < 2 || blocks > 100 {
			t.Fatalf("requirements in %d inputs, %d blocks", parts, blocks)
		}
		values["title"] = map[string]string{"title": "VP Platform"}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := c.fake.SendViewSubmission(ctx, slacktest.ViewSubmission{User: "U2", CallbackID: "jd:save", Values: values}); err != nil {
			t.Fatal(err)
		}
		c.live("VP Platform")
		if got := len(c.draft().Sections[draft.Requirements]); got != draft.MaxItems {
			t.Errorf("after the save, requirements has %d items, want %d", got, draft.MaxItems)
		}
	})

	// 7. Saves keep only what changed: after twenty saves a 40-item draft
	// stays small in Redis.
	t.Run("7 bounded storage", func(t *testing.T) {
		c := base.in(t, "CSEEN7")
		c.jd("UOWNER", "start cto Head of Platform", "Head of Platform")
		for sec, n := range map[string]int{"responsibilities": 10, "requirements": 10, "nice-to-have": 10, "benefits": 10} {
			for i := len(c.draft().Sections[draft.Section(sec)]); i < n; i++ {
				c.jd("U2", fmt.Sprintf("add %s %s item %d, written as a team would write it", sec, sec, i), "Added")
			}
		}
		for i := range 20 {
			d := c.draft()
			values := map[string]map[string]string{"summary": {"summary": fmt.Sprintf("We build platforms (draft %d).", i)},
				"title": {"title": "Head of Platform"}}
			for _, sec := range draft.Sections {
				var lines []string
				for _, it := range d.Sections[sec] {
					lines = append(lines, it.Text)
				}
				values[string(sec)] = map[string]string{string(sec): strings.Join(lines, "\n")}
			}
			live := c.live(fmt.Sprintf("Version %d", d.Version))
			views := len(c.fake.Views())
			id, value := buttonOf(t, live, "jd:edit", 0)
			MustPress(t, c.fake, slacktest.Action{Channel: c.ch, User: "U3", ActionID: id, Value: value})
			MustEventually(t, 10*time.Second, "the editor to open", func() bool { return len(c.fake.Views()) > views })
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			_, err := c.fake.SendViewSubmission(ctx, slacktest.ViewSubmission{User: "U3", CallbackID: "jd:save", Values: values})
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			c.live(fmt.Sprintf("draft %d", i))
		}
		key := "hirebot:{" + c.fake.TeamID() + ":" + c.ch + "}:draft"
		mem, err := c.rdb.MemoryUsage(context.Background(), key).Result()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("a 40-item draft after 20 saves takes %d bytes in Redis (MEMORY USAGE %s)", mem, key)
		if mem >= 32<<10 {
			t.Errorf("the draft takes %d bytes in Redis, want under 32 KB", mem)
		}
	})

	// 8. Ownership can be handed over, approvals are recorded and shown,
	// and the kind of an open draft can change.
	t.Run("8 owner, approve and kind", func(t *testing.T) {
		c := base.in(t, "CSEEN8")
		c.jd("UOWNER", "start cto Head of Platform", "Head of Platform")
		c.jd("U2", "owner <@U2|dana>", "Not allowed")
		c.jd("UOWNER", "owner <@U2|dana>", "Handed the draft to @U2")
		c.live("owner @U2")
		c.jd("UOWNER", "discard", "only the draft's owner (@U2) or an admin can discard it")
		v := c.draft().Version
		c.jd("UCEO", "approve", fmt.Sprintf("Approved version %d", v))
		c.live(fmt.Sprintf("Approved by @UCEO (v%d)", v))
		c.jd("U3", "set kind ops", "Set the kind to \"operational\"")
		c.live(fmt.Sprintf("Approved by @UCEO (v%d, changed since)", v), "kind operational")
		c.jd("U3", "set kind infrastrcture", "did you mean `infrastructure`?")
		// A kind must be one of the draft's role.
		cio := base.in(t, "CSEEN8B")
		cio.jd("UOWNER", "start cio Head of IT", "Head of IT")
		cio.jd("U3", "set kind ops", `A CIO draft has no kind "operational"`)
	})
	MustNoViolations(t, base.fake)
}
