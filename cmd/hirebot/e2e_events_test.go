package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/internal/redistest"
	"github.com/hirebot/hirebot/internal/slacktest"
)

func TestEventsOverSocketMode(t *testing.T) {
	t.Parallel()
	fake := MustNewFake(t)
	cfg := testConfig(fake, redistest.MustStart(t).URL())
	MustStartBot(t, fake, cfg)
	send := func(id string, ev map[string]any) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := fake.SendEvent(ctx, id, ev); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("the bot ignores its own messages", func(t *testing.T) {
		own := fake.DirectMessageEvent("D9", slacktest.BotUserID, "what does a CIO do?")
		fromBot := fake.DirectMessageEvent("D9", "U1", "what does a CIO do?")
		fromBot["bot_id"] = slacktest.BotID
		edited := fake.DirectMessageEvent("D9", "U1", "what does a CIO do?")
		edited["subtype"] = "message_changed"
		send("EvOwn1", own)
		send("EvOwn2", fromBot)
		send("EvOwn3", edited)
		// A real question after them is answered; by then the three above
		// would have been too, had the bot not ignored them.
		send("EvOwn4", fake.DirectMessageEvent("D9", "U1", "kinds of cto"))
		MustWaitMessage(t, fake, "D9", "infrastructure")
		time.Sleep(200 * time.Millisecond)
		if n := len(fake.Messages("D9")); n != 1 {
			t.Errorf("%d answers in the DM, want 1 (to the person only)", n)
		}
	})

	t.Run("App Home", func(t *testing.T) {
		MustSlash(t, fake, slacktest.Slash{Channel: "CHOME", User: "UHOME", Command: "/jd", Text: "start cto"})
		liveMessage(t, fake, "CHOME", "Responsibilities")
		send("EvHome1", fake.AppHomeOpenedEvent("UHOME"))
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		c, err := fake.WaitCall(ctx, "views.publish", func(c slacktest.Call) bool { return c.Params["user_id"] == "UHOME" })
		if err != nil {
			t.Fatal(err)
		}
		body := string(c.Body)
		// The draft's channel is a link to it: <#CHOME> (JSON-escaped in the body).
		for _, want := range []string{"/cto-role", "/jd", "/interview", "Your drafts (1)", "#CHOME"} {
			if !strings.Contains(body, want) {
				t.Errorf("the Home tab lacks %q: %s", want, body)
			}
		}
	})
	MustNoViolations(t, fake)
}
