package main

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/hirebot/hirebot/bot/fakeslack"
)

// floorConnections matches the bot's default HIREBOT_CONNECTIONS, so the
// floor and the bot spread envelopes over the same number of sockets.
const floorConnections = 2

// floorAck is the fixed reply the floor bot acks every slash command with.
var floorAck = json.RawMessage(`{"response_type":"ephemeral","text":"ok"}`)

// MustStartFloorBot connects the floor bot to fake: the least a slack-go
// Socket Mode app can do, acking every slash command with floorAck and
// nothing else. It is what the bot's throughput is compared with. The
// returned func disconnects it and waits for its goroutines.
func MustStartFloorBot(tb testing.TB, fake *fakeslack.Server) (stop func()) {
	tb.Helper()
	before := fake.Connections()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	api := slack.New(fake.BotToken(), slack.OptionAppLevelToken(fake.AppToken()), slack.OptionAPIURL(fake.URL()))
	for range floorConnections {
		client := socketmode.New(api)
		wg.Go(func() { _ = client.RunContext(ctx) })
		wg.Go(func() { floorLoop(ctx, client) })
	}
	stop = func() {
		cancel()
		wg.Wait()
	}
	wctx, wcancel := context.WithTimeout(context.Background(), loadTimeout)
	defer wcancel()
	if err := fake.WaitConnections(wctx, before+floorConnections); err != nil {
		stop()
		tb.Fatalf("the floor bot did not connect: %v", err)
	}
	return stop
}

// floorLoop acks every slash command client reads, until ctx is done.
func floorLoop(ctx context.Context, client *socketmode.Client) {
	for {
		select {
		case <-ctx.Done():
			return
		case evt := <-client.Events:
			if evt.Type != socketmode.EventTypeSlashCommand || evt.Request == nil {
				continue
			}
			actx, cancel := context.WithTimeout(ctx, time.Second)
			_ = client.AckCtx(actx, evt.Request.EnvelopeID, floorAck)
			cancel()
		}
	}
}
