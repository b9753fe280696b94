package main

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
	"github.com/hirebot/hirebot/bot/ctorole"
	"github.com/hirebot/hirebot/internal/slacktest"
	"github.com/hirebot/hirebot/knowledge"
)

// floorConnections matches the bot's default HIREBOT_CONNECTIONS, so the
// floor and the bot spread envelopes over the same number of sockets.
const floorConnections = 2

// tinyAck is the smallest reply a floor bot can ack a slash command with.
var tinyAck = json.RawMessage(`{"response_type":"ephemeral","text":"ok"}`)

// floorTopic is the /cto-role topic whose card the floor bot acks every
// command with. A floor for /cto-role has to send an answer's worth of
// Block Kit: of the six topics the load drives (2,263–3,161 bytes, 2,736
// on average), this card (2,656 bytes) is the nearest to the average, and
// a little under it, so the floor is not made slower than the bot's work.
const floorTopic = "cto-vs-cio"

// MustCardAck renders the card /cto-role answers text with, as an ack
// payload: a floor bot acking with it sends what the bot sends, so the two
// differ only in the work the bot does to find and render it.
func MustCardAck(tb testing.TB, text string) json.RawMessage {
	tb.Helper()
	pack, err := knowledge.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	r, err := ctorole.New(pack, "/cto-role").Handle(context.Background(), bot.Request{Source: bot.Slash, Text: text})
	if err != nil {
		tb.Fatal(err)
	}
	m := blockkit.Card(r.Card)
	b, err := json.Marshal(map[string]any{"response_type": "ephemeral", "text": m.Text, "blocks": slack.Blocks{BlockSet: m.Blocks}})
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// MustStartFloorBot connects the floor bot to fake: the least a slack-go
// Socket Mode app can do, acking every slash command with payload and
// nothing else. It is what the bot's throughput is compared with. The
// returned func disconnects it and waits for its goroutines.
func MustStartFloorBot(tb testing.TB, fake *slacktest.Server, payload json.RawMessage) (stop func()) {
	tb.Helper()
	before := fake.ConnectionsOpened()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	api := slack.New(fake.BotToken(), slack.OptionAppLevelToken(fake.AppToken()), slack.OptionAPIURL(fake.URL()))
	for range floorConnections {
		client := socketmode.New(api)
		wg.Go(func() { _ = client.RunContext(ctx) })
		wg.Go(func() { floorLoop(ctx, client, payload) })
	}
	stop = func() {
		cancel()
		wg.Wait()
	}
	wctx, wcancel := context.WithTimeout(context.Background(), loadTimeout)
	defer wcancel()
	if err := fake.WaitConnectionsSince(wctx, before, floorConnections); err != nil {
		stop()
		tb.Fatalf("the floor bot did not connect: %v", err)
	}
	return stop
}

// floorLoop acks every slash command client reads with payload, until ctx
// is done.
func floorLoop(ctx context.Context, client *socketmode.Client, payload json.RawMessage) {
	for {
		select {
		case <-ctx.Done():
			return
		case evt := <-client.Events:
			if evt.Type != socketmode.EventTypeSlashCommand || evt.Request == nil {
				continue
			}
			actx, cancel := context.WithTimeout(ctx, time.Second)
			_ = client.AckCtx(actx, evt.Request.EnvelopeID, payload)
			cancel()
		}
	}
}
