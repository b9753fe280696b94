package socket

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/internal/slacktest"
)

// MustRunListener runs a Listener over router against fake until the test
// ends.
func MustRunListener(tb testing.TB, fake *slacktest.Server, router *bot.Router) {
	tb.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	api := slack.New(fake.BotToken(), slack.OptionAppLevelToken(fake.AppToken()), slack.OptionAPIURL(fake.URL()))
	l := New(Config{Connections: 1, ShutdownTimeout: 2 * time.Second},
		Deps{API: api, Router: router, Delivery: NewDelivery(api, log), Log: log})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- l.Run(ctx) }()
	wctx, wcancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer wcancel()
	if err := fake.WaitConnections(wctx, 1); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			tb.Errorf("listener: %v", err)
		}
	})
}

func TestQuickAnswersRideInTheAck(t *testing.T) {
	fake := slacktest.New(slacktest.Options{PingInterval: time.Second})
	defer fake.Close()
	var runs sync.Map // command → *atomic.Int64: how often its handler ran
	card := func(parts int, word string) bot.HandlerFunc {
		return func(_ context.Context, req bot.Request) (bot.Reply, error) {
			n, _ := runs.LoadOrStore(req.Command, new(atomic.Int64))
			n.(*atomic.Int64).Add(1)
			c := &bot.Card{Title: "answer"}
			for range parts {
				c.Parts = append(c.Parts, bot.Part{Text: strings.Repeat(word, 580)})
			}
			return bot.Reply{Card: c}, nil
		}
	}
	router := bot.NewRouter(slog.New(slog.DiscardHandler),
		bot.Command{Name: "small", Slash: "/small", Handler: card(1, "word "), Quick: true},
		// 12,000 characters of three-byte UTF-8 are over 20 KB.
		bot.Command{Name: "huge", Slash: "/huge", Handler: card(40, "語語語語 "), Quick: true},
		bot.Command{Name: "slow", Slash: "/slow", Handler: card(1, "word ")},
	)
	MustRunListener(t, fake, router)

	tests := []struct {
		command string
		inAck   bool
	}{
		{"/small", true},
		{"/huge", false}, // over 20 KB: acked empty, answered through response_url
		{"/slow", false}, // not quick: always through response_url
	}
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			channel := "C" + strings.ToUpper(tt.command[1:])
			ack, err := fake.SendSlash(ctx, slacktest.Slash{Channel: channel, Command: tt.command})
			if err != nil {
				t.Fatal(err)
			}
			gotInAck := strings.Contains(string(ack.Payload), `"blocks"`)
			if gotInAck != tt.inAck {
				t.Errorf("answer in ack = %v, want %v (payload %d bytes)", gotInAck, tt.inAck, len(ack.Payload))
			}
			if len(ack.Payload) >= 20*1024 {
				t.Errorf("ack of %d bytes; Slack drops 20 KB and more", len(ack.Payload))
			}
			if _, err := fake.WaitMessage(ctx, func(m slacktest.Message) bool {
				return m.Channel == channel && strings.Contains(m.Text, "answer")
			}); err != nil {
				t.Errorf("no answer reached the channel: %v", err)
			}
			// The table decides where the answer goes before the handler
			// runs, and it runs once, whichever way the answer goes.
			if n, _ := runs.Load(tt.command[1:]); n == nil || n.(*atomic.Int64).Load() != 1 {
				t.Errorf("handler of %s ran %v times, want once", tt.command, n)
			}
		})
	}
	if v := fake.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}
