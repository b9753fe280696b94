package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/internal/redistest"
	"github.com/hirebot/hirebot/internal/slacktest"
)

// syncBuffer is a bytes.Buffer safe for concurrent writes (the bot's logs).
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// runningBot is one hirebot process, run in-process exactly as main runs it.
type runningBot struct {
	logs   *syncBuffer
	cancel context.CancelFunc
	done   chan int
}

// logsOf joins what the bots have logged.
func logsOf(bots ...*runningBot) string {
	var b strings.Builder
	for _, bot := range bots {
		b.WriteString(bot.logs.String())
	}
	return b.String()
}

// Stop stops the bot as SIGTERM would and returns its exit status.
func (b *runningBot) Stop(tb testing.TB) int {
	tb.Helper()
	b.cancel()
	select {
	case code := <-b.done:
		b.done <- code
		return code
	case <-time.After(20 * time.Second):
		tb.Fatal("the bot did not stop within 20s")
		return -1
	}
}

// testConfig is the configuration of a bot under test, pointed at fake and
// redisURL ("" for the embedded store). Tests change its fields before
// MustStartBot; nothing reads the environment, so tests run in parallel.
func testConfig(fake *slacktest.Server, redisURL string) config {
	return config{
		AppToken: fake.AppToken(), BotToken: fake.BotToken(), APIURL: fake.URL(), RedisURL: redisURL,
		HTTPAddr: "127.0.0.1:0", LogLevel: "debug", LogFormat: "json",
		Connections: 2, Admins: []string{"UADMIN"}, ShutdownTimeout: 10 * time.Second,
		SessionTTL: 720 * time.Hour, CandidateTTL: 2160 * time.Hour, RecordRetention: 9600 * time.Hour, PingTimeout: 30 * time.Second,
		RemindAfter: 24 * time.Hour, RemindEvery: 24 * time.Hour, RemindMax: 5,
		CTORoleCommand: "/cto-role", JDCommand: "/jd", InterviewCmd: "/interview",
		StartRetry: backoff{Initial: 20 * time.Millisecond, Max: 200 * time.Millisecond},
	}
}

// MustServe runs serve with cfg in the background, as main does after
// reading the environment, and returns at once.
func MustServe(tb testing.TB, cfg config) *runningBot {
	tb.Helper()
	if err := cfg.check(); err != nil {
		tb.Fatalf("test configuration: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	b := &runningBot{logs: &syncBuffer{}, cancel: cancel, done: make(chan int, 1)}
	go func() { b.done <- serve(ctx, cfg, b.logs) }()
	return b
}

// MustStartBot starts a bot with cfg, waits until it has connections open
// beyond the ones already there, and stops it when the test ends.
func MustStartBot(tb testing.TB, fake *slacktest.Server, cfg config) *runningBot {
	tb.Helper()
	before := fake.ConnectionsOpened()
	b := MustServe(tb, cfg)
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	if err := fake.WaitConnectionsSince(wctx, before, cfg.Connections); err != nil {
		b.cancel()
		tb.Fatalf("bot did not connect: %v\nlogs:\n%s", err, b.logs.String())
	}
	tb.Cleanup(func() {
		if code := b.Stop(tb); code != 0 {
			tb.Errorf("bot exited %d; logs:\n%s", code, b.logs.String())
		}
		MustJSONLogs(tb, b.logs.String(), cfg.AppToken, cfg.BotToken)
	})
	return b
}

// MustHTTPAddr returns the address the bot serves health and metrics on,
// from its start-up log line: tests listen on port 0, so no two parallel
// tests can race for a port.
func (b *runningBot) MustHTTPAddr(tb testing.TB) string {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, line := range strings.Split(b.logs.String(), "\n") {
			var rec struct{ Msg, Addr string }
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "health and metrics listening" && rec.Addr != "" {
				return rec.Addr
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	tb.Fatalf("the bot logged no health address; logs:\n%s", b.logs.String())
	return ""
}

// MustJSONLogs checks that every line the bot logged is one JSON object
// with a level and a message, and that no token appears in any line.
func MustJSONLogs(tb testing.TB, logs string, tokens ...string) {
	tb.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(logs, "\n"), "\n") {
		if line == "" {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			tb.Errorf("log line %d is not JSON: %q", i+1, line)
			continue
		}
		if rec["level"] == nil || rec["msg"] == nil {
			tb.Errorf("log line %d has no level or msg: %q", i+1, line)
		}
		for _, tok := range tokens {
			if tok != "" && strings.Contains(line, tok) {
				tb.Errorf("log line %d shows a token: %q", i+1, line)
			}
		}
	}
}

// MustOnRedis starts a fake Slack and a redis-server for one test, and
// returns them with the configuration of a bot on both: where most
// end-to-end tests begin. The test changes the configuration, if it needs
// to, before it starts bots with it (MustStartBot).
func MustOnRedis(tb testing.TB) (*slacktest.Server, *redistest.Server, config) {
	tb.Helper()
	fake := MustNewFake(tb)
	srv := redistest.MustStart(tb)
	return fake, srv, testConfig(fake, srv.URL())
}

// MustNewFake starts a fake Slack for one test.
func MustNewFake(tb testing.TB) *slacktest.Server {
	tb.Helper()
	fake := slacktest.New(slacktest.Options{PingInterval: time.Second})
	tb.Cleanup(fake.Close)
	return fake
}

// MustSlash sends a slash command and checks it is acked within Slack's 3 s.
func MustSlash(tb testing.TB, fake *slacktest.Server, s slacktest.Slash) slacktest.Ack {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ack, err := fake.SendSlash(ctx, s)
	if err != nil {
		tb.Fatalf("%s %s: %v", s.Command, s.Text, err)
	}
	if ack.Latency > 3*time.Second {
		tb.Errorf("%s %s acked after %s; Slack allows 3s", s.Command, s.Text, ack.Latency)
	}
	return ack
}

// MustPress presses a button and checks it is acked in time.
func MustPress(tb testing.TB, fake *slacktest.Server, a slacktest.Action) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ack, err := fake.SendAction(ctx, a)
	if err != nil {
		tb.Fatalf("press %s: %v", a.ActionID, err)
	}
	if ack.Latency > 3*time.Second {
		tb.Errorf("press %s acked after %s", a.ActionID, ack.Latency)
	}
}

// MustWaitMessage waits for a message in channel whose text (message text
// and block texts) contains every one of want.
func MustWaitMessage(tb testing.TB, fake *slacktest.Server, channel string, want ...string) slacktest.Message {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	m, err := fake.WaitMessage(ctx, func(m slacktest.Message) bool {
		if m.Channel != channel {
			return false
		}
		text := MessageText(m)
		for _, w := range want {
			if !strings.Contains(text, w) {
				return false
			}
		}
		return true
	})
	if err != nil {
		var seen []string
		for _, m := range fake.Messages(channel) {
			seen = append(seen, MessageText(m))
		}
		tb.Fatalf("no message in %s containing %q: %v\nmessages:\n%s", channel, want, err, strings.Join(seen, "\n---\n"))
	}
	return m
}

// MessageText is a message's text and every text of its blocks, joined.
func MessageText(m slacktest.Message) string {
	var parts []string
	parts = append(parts, m.Text)
	var v any
	if len(m.Blocks) > 0 && json.Unmarshal(m.Blocks, &v) == nil {
		collectText(v, &parts)
	}
	return strings.Join(parts, "\n")
}

func collectText(v any, out *[]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && (k == "text" || k == "value") {
				*out = append(*out, s)
			} else {
				collectText(x, out)
			}
		}
	case []any:
		for _, x := range v {
			collectText(x, out)
		}
	}
}

// MustNoViolations fails if the fake saw anything real Slack would refuse.
func MustNoViolations(tb testing.TB, fake *slacktest.Server) {
	tb.Helper()
	if v := fake.Violations(); len(v) > 0 {
		tb.Errorf("Slack would have refused %d calls:\n%s", len(v), strings.Join(v, "\n"))
	}
}

// mustRedis opens a client on url for a test to look at what the bot stored.
func mustRedis(tb testing.TB, url string) redis.UniversalClient {
	tb.Helper()
	c, err := sessions.Open(context.Background(), url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = c.Close() })
	return c
}

// MustEventually polls cond until it holds, failing the test after
// timeout. The timeout is generous: it guards against a hang, not a slow
// machine.
func MustEventually(tb testing.TB, timeout time.Duration, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
