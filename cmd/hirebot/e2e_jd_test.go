package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/internal/slacktest"
)

// button is a button of a message: its action id and value.
type button struct{ id, value string }

// buttons returns m's buttons whose action id starts with prefix, in
// order.
func buttons(tb testing.TB, m slacktest.Message, prefix string) []button {
	tb.Helper()
	type element struct {
		ActionID string `json:"action_id"`
		Value    string `json:"value"`
	}
	var blocks []struct {
		Accessory *element  `json:"accessory"`
		Elements  []element `json:"elements"`
	}
	if err := json.Unmarshal(m.Blocks, &blocks); err != nil {
		tb.Fatalf("blocks: %v", err)
	}
	var out []button
	for _, b := range blocks {
		if b.Accessory != nil && strings.HasPrefix(b.Accessory.ActionID, prefix) {
			out = append(out, button{b.Accessory.ActionID, b.Accessory.Value})
		}
		for _, e := range b.Elements {
			if strings.HasPrefix(e.ActionID, prefix) {
				out = append(out, button{e.ActionID, e.Value})
			}
		}
	}
	return out
}

// buttonValues returns the values of the buttons in m whose action id
// starts with prefix.
func buttonValues(tb testing.TB, m slacktest.Message, prefix string) []string {
	tb.Helper()
	var out []string
	for _, b := range buttons(tb, m, prefix) {
		out = append(out, b.value)
	}
	return out
}

// liveMessage waits for the channel's public live draft message to show
// every one of want.
func liveMessage(tb testing.TB, fake *slacktest.Server, channel string, want ...string) slacktest.Message {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	m, err := fake.WaitMessage(ctx, func(m slacktest.Message) bool {
		if m.Channel != channel || m.Ephemeral || !strings.Contains(MessageText(m), "Version ") {
			return false
		}
		for _, w := range want {
			if !strings.Contains(MessageText(m), w) {
				return false
			}
		}
		return true
	})
	if err != nil {
		tb.Fatalf("the live draft in %s never showed %q: %v", channel, want, err)
	}
	return m
}

func TestJDOverSocketMode(t *testing.T) {
	t.Parallel()
	fake, rs, cfg := MustOnRedis(t)
	MustStartBot(t, fake, cfg)
	const ch = "CJD1"
	slash := func(user, text string) {
		MustSlash(t, fake, slacktest.Slash{Channel: ch, User: user, Command: "/jd", Text: text})
	}

	slash("UOWNER", "start cto infrastructure Head of Platform")
	live := liveMessage(t, fake, ch, "Head of Platform", "Edit", "Responsibilities", "Requirements")
	if len(fake.Messages(ch)) == 0 || live.Updates != 0 {
		t.Fatalf("expected a fresh live message, got %+v", live)
	}

	t.Run("second start is refused", func(t *testing.T) {
		slash("U2", "start cio")
		MustWaitMessage(t, fake, ch, "already has a draft", "/jd show", "/jd discard")
	})

	t.Run("mentions are escaped", func(t *testing.T) {
		slash("U2", "add benefits <!channel> party & <@U999> <!here>")
		m := liveMessage(t, fake, ch, "party")
		text := MessageText(m)
		for _, bad := range []string{"<!channel>", "<@U999>", "<!here>"} {
			if strings.Contains(text, bad) {
				t.Errorf("the live message carries %q unescaped", bad)
			}
		}
		// Slack sends <!channel> for "@channel" typed, <@U999> for a member:
		// the draft keeps the words people see, which ping nobody.
		if !strings.Contains(text, "@channel party &amp; @U999 @here") {
			t.Errorf("expected the escaped item in the live message:\n%s", text)
		}
		if m.Updates == 0 {
			t.Error("the live message was not updated with chat.update")
		}
	})

	t.Run("limits", func(t *testing.T) {
		slash("U2", "add requirements "+strings.Repeat("x", 501))
		MustWaitMessage(t, fake, ch, "500")
		slash("U2", "frobnicate")
		MustWaitMessage(t, fake, ch, "frobnicate")
		slash("U2", "add")
		MustWaitMessage(t, fake, ch, "/jd add")
	})

	// liveButton returns the value of the live message's button action.
	liveButton := func(t *testing.T, action string) string {
		t.Helper()
		v := buttonValues(t, liveMessage(t, fake, ch), action)
		if len(v) == 0 {
			t.Fatalf("the live message has no %s button", action)
		}
		return v[len(v)-1]
	}

	t.Run("stale modal is refused", func(t *testing.T) {
		MustPress(t, fake, slacktest.Action{Channel: ch, User: "U1", ActionID: "jd:edit#0", Value: liveButton(t, "jd:edit")})
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		for len(fake.Views()) == 0 && ctx.Err() == nil {
			time.Sleep(10 * time.Millisecond)
		}
		if len(fake.Views()) == 0 {
			t.Fatal("Edit opened no modal")
		}
		slash("U2", "add requirements Has run on-call for a payments platform")
		liveMessage(t, fake, ch, "payments platform")
		_, err := fake.SendViewSubmission(ctx, slacktest.ViewSubmission{User: "U1", CallbackID: "jd:save",
			Values: map[string]map[string]string{"title": {"title": "Overwritten title"}, "requirements": {"requirements": "only mine"}}})
		if err != nil {
			t.Fatal(err)
		}
		MustWaitMessage(t, fake, ch, "Not saved", "payments platform", "Overwritten title")
		time.Sleep(400 * time.Millisecond)
		if m := liveMessage(t, fake, ch, "payments platform"); strings.Contains(MessageText(m), "Overwritten title") {
			t.Error("a stale modal overwrote the draft")
		}
	})

	t.Run("fresh modal saves", func(t *testing.T) {
		n := len(fake.Views())
		MustPress(t, fake, slacktest.Action{Channel: ch, User: "U1", ActionID: "jd:edit#0", Value: liveButton(t, "jd:edit")})
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		for len(fake.Views()) == n && ctx.Err() == nil {
			time.Sleep(10 * time.Millisecond)
		}
		if _, err := fake.SendViewSubmission(ctx, slacktest.ViewSubmission{User: "U1", CallbackID: "jd:save",
			Values: map[string]map[string]string{"title": {"title": "VP Platform"}, "requirements": {"requirements": "Runs platforms\nLeads SREs"}}}); err != nil {
			t.Fatal(err)
		}
		liveMessage(t, fake, ch, "VP Platform", "Runs platforms", "Leads SREs")
	})

	t.Run("undo", func(t *testing.T) {
		// Undo is per person: U1's undo reverts U1's save.
		slash("U1", "undo")
		MustWaitMessage(t, fake, ch, "Undid")
		liveMessage(t, fake, ch, "Head of Platform", "payments platform")
	})

	t.Run("finalize is for the owner", func(t *testing.T) {
		slash("U2", "finalize")
		MustWaitMessage(t, fake, ch, "Not allowed")
		// Without pay and location, finalizing asks first.
		slash("UOWNER", "finalize")
		MustWaitMessage(t, fake, ch, "Finalize with no pay or location?", "/jd set salary", "Finalize anyway")
		slash("U2", "set location Remote within EU time zones")
		MustWaitMessage(t, fake, ch, "Set the location")
		slash("U2", "set salary €190,000–€230,000 a year")
		MustWaitMessage(t, fake, ch, "Set the salary")
		slash("UOWNER", "finalize")
		MustWaitMessage(t, fake, ch, "Finalized the draft")
		liveMessage(t, fake, ch, "final")
		slash("U2", "add requirements late idea")
		MustWaitMessage(t, fake, ch, "final", "reopen")
		slash("UADMIN", "reopen")
		liveMessage(t, fake, ch, "open for edits")
	})

	t.Run("suggest adds a checklist item", func(t *testing.T) {
		slash("U2", "suggest")
		m := MustWaitMessage(t, fake, ch, "Suggestions for")
		ids := buttonValues(t, m, "jd:add-item")
		if len(ids) == 0 {
			t.Fatalf("no Add buttons in %s", MessageText(m))
		}
		MustPress(t, fake, slacktest.Action{Channel: ch, User: "U2", ActionID: "jd:add-item#0", Value: ids[0]})
		MustWaitMessage(t, fake, ch, "into responsibilities")
	})

	t.Run("check", func(t *testing.T) {
		slash("U2", "add requirements A rockstar ninja and digital native; he will lead")
		MustWaitMessage(t, fake, ch, "rockstar ninja and digital native; he will lead\" (v")
		slash("U2", "set salary competitive salary")
		MustWaitMessage(t, fake, ch, "Set the salary")
		MustPress(t, fake, slacktest.Action{Channel: ch, User: "U2", ActionID: "jd:check#2", Value: liveButton(t, "jd:check")})
		m := MustWaitMessage(t, fake, ch, "Wording check", "rockstar", "ninja", "digital native", "pronouns.gendered", "competitive salary")
		text := MessageText(m)
		for _, want := range []string{"Fix:", "Source:"} {
			if !strings.Contains(text, want) {
				t.Errorf("findings lack %q:\n%s", want, text)
			}
		}
		// Each finding's Why? button shows its sources in full.
		rules := buttonValues(t, m, "jd:why")
		if len(rules) == 0 {
			t.Fatalf("no Why? buttons in %s", text)
		}
		MustPress(t, fake, slacktest.Action{Channel: ch, User: "U2", ActionID: "jd:why#0", Value: rules[0]})
		MustWaitMessage(t, fake, ch, "Why "+rules[0]+"?")
	})

	t.Run("export and history", func(t *testing.T) {
		slash("U2", "export markdown")
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		f, err := fake.WaitFile(ctx, func(f slacktest.File) bool { return f.Channel == ch })
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"# Head of Platform", "payments platform", "## Requirements"} {
			if !strings.Contains(string(f.Content), want) {
				t.Errorf("export lacks %q:\n%s", want, f.Content)
			}
		}
		slash("U2", "history")
		MustWaitMessage(t, fake, ch, "Draft history", "started")
		store := sessions.New(mustRedis(t, rs.URL()), sessions.Options{})
		h, err := store.Scope(hirebot.SessionKey{Team: fake.TeamID(), Channel: ch}, nil, "").History(ctx, 500)
		if err != nil {
			t.Fatal(err)
		}
		d, err := store.Scope(hirebot.SessionKey{Team: fake.TeamID(), Channel: ch}, nil, "").Draft(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(h) != d.Version {
			t.Errorf("history has %d entries for version %d", len(h), d.Version)
		}
	})

	t.Run("discard asks first", func(t *testing.T) {
		slash("U2", "discard")
		MustWaitMessage(t, fake, ch, "only the draft's owner")
		slash("UOWNER", "discard")
		m := MustWaitMessage(t, fake, ch, "Discard the draft?")
		v := buttonValues(t, m, "jd:discard")
		if len(v) != 1 {
			t.Fatalf("discard buttons carry %q", v)
		}
		MustPress(t, fake, slacktest.Action{Channel: ch, User: "UOWNER", ActionID: "jd:discard#0", Value: v[0]})
		MustWaitMessage(t, fake, ch, "was discarded")
		slash("U2", "show")
		MustWaitMessage(t, fake, ch, "no draft in this channel")
	})
	MustNoViolations(t, fake)
}
