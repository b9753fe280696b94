package main

import (
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/internal/redistest"
	"github.com/hirebot/hirebot/internal/slacktest"
)

// TestNotInChannel checks what a user is told when Slack refuses a post
// because the bot is not in the channel: to invite the bot, by its real
// name — never that the draft "is posted", and never to try again later.
func TestNotInChannel(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(slacktest.Options{PingInterval: time.Second, BotName: "recruitbot"})
	t.Cleanup(fake.Close)
	cfg := testConfig(fake, redistest.MustStart(t).URL())
	MustStartBot(t, fake, cfg)

	// /jd start: the live message is refused.
	fake.Fail("chat.postMessage", 1, "not_in_channel")
	m := MustCommand(t, fake, "C1", "U1", "/jd", "start cto", "Invite me first: `/invite @recruitbot`, then `/jd show` posts the draft here")
	for _, wrong := range []string{"It is posted", "try again"} {
		if strings.Contains(MessageText(m), wrong) {
			t.Errorf("the reply says %q although the post failed: %s", wrong, MessageText(m))
		}
	}
	if !m.Ephemeral {
		t.Errorf("the invitation was posted for the whole channel to see: %+v", m)
	}
	// The draft was saved: once invited, /jd show posts it.
	MustCommand(t, fake, "C1", "U1", "/jd", "show")
	liveMessage(t, fake, "C1", "Responsibilities")

	// /jd export: the upload is refused (the channel was archived, say).
	fake.Fail("files.completeUploadExternal", 1, "channel_not_found")
	m = MustCommand(t, fake, "C1", "U1", "/jd", "export", "Invite me first: `/invite @recruitbot`, then `/jd export markdown` uploads it")
	if strings.Contains(MessageText(m), "try again in a minute") {
		t.Errorf("the reply asks to retry an upload a retry cannot fix: %s", MessageText(m))
	}
	// A refusal a retry may fix says so.
	fake.RateLimit("files.completeUploadExternal", 4, time.Second)
	MustCommand(t, fake, "C1", "U1", "/jd", "export", "Slack is busy; try again in a minute")
	MustNoViolations(t, fake)
}
