package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hirebot/hirebot/internal/redistest"
	"github.com/hirebot/hirebot/internal/slacktest"
)

// MustMark returns a point in the fake's message order: every message
// posted after it has a greater timestamp (see MustWaitReply).
func MustMark(tb testing.TB, fake *slacktest.Server) string {
	tb.Helper()
	return fake.NewTS()
}

// MustWaitReply waits for a message in channel, posted after since, whose
// text holds every one of want.
func MustWaitReply(tb testing.TB, fake *slacktest.Server, since, channel string, want ...string) slacktest.Message {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	m, err := fake.WaitMessage(ctx, func(m slacktest.Message) bool {
		return m.Channel == channel && m.TS > since && containsAll(MessageText(m), want)
	})
	if err != nil {
		var seen []string
		for _, m := range fake.Messages(channel) {
			if m.TS > since {
				seen = append(seen, MessageText(m))
			}
		}
		tb.Fatalf("no new message in %s containing %q: %v\nnew messages:\n%s", channel, want, err, strings.Join(seen, "\n---\n"))
	}
	return m
}

// MustCommand sends a slash command and waits for the reply holding every one
// of want.
func MustCommand(tb testing.TB, fake *slacktest.Server, channel, user, command, text string, want ...string) slacktest.Message {
	tb.Helper()
	since := MustMark(tb, fake)
	MustSlash(tb, fake, slacktest.Slash{Channel: channel, User: user, Command: command, Text: text})
	return MustWaitReply(tb, fake, since, channel, want...)
}

// MustExportText runs /jd export text in channel and returns the uploaded file.
func MustExportText(tb testing.TB, fake *slacktest.Server, channel string) string {
	tb.Helper()
	before := map[string]bool{}
	for _, f := range fake.Files() {
		before[f.ID] = true
	}
	MustSlash(tb, fake, slacktest.Slash{Channel: channel, User: "U1", Command: "/jd", Text: "export text"})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	f, err := fake.WaitFile(ctx, func(f slacktest.File) bool { return f.Channel == channel && !before[f.ID] })
	if err != nil {
		tb.Fatalf("/jd export text in %s uploaded no file: %v", channel, err)
	}
	return string(f.Content)
}

// sectionItems returns the "- " items under the heading label (e.g.
// "Requirements") of a text export: the heading, a blank line, then one
// item a line.
func sectionItems(export, label string) []string {
	lines := strings.Split(export, "\n")
	var items []string
	for i := 0; i < len(lines); i++ {
		if lines[i] != label || i+1 >= len(lines) || lines[i+1] != "" {
			continue
		}
		for _, l := range lines[i+2:] {
			item, ok := strings.CutPrefix(l, "- ")
			if !ok {
				break
			}
			items = append(items, item)
		}
	}
	return items
}

// mustConfirmAdds waits until each of items has been confirmed to its
// author in channel with an "Added to …" reply.
func mustConfirmAdds(tb testing.TB, fake *slacktest.Server, channel string, items []string) {
	tb.Helper()
	var missing []string
	ok := pollUntil(20*time.Second, func() bool {
		confirmed := map[string]bool{}
		for _, m := range fake.Messages(channel) {
			if text := MessageText(m); m.Ephemeral && strings.Contains(text, "Added to") {
				confirmed[text] = true
			}
		}
		missing = missing[:0]
		for _, it := range items {
			found := false
			for text := range confirmed {
				if strings.Contains(text, `"`+it+`"`) {
					found = true
					break
				}
			}
			if !found {
				missing = append(missing, it)
			}
		}
		return len(missing) == 0
	})
	if !ok {
		for _, m := range fake.Messages(channel) {
			if text := MessageText(m); m.Ephemeral && !strings.Contains(text, "Added to") {
				tb.Logf("a reply to %s that confirms nothing: %.300q", m.User, text)
			}
		}
		tb.Fatalf("%d of %d adds in %s were never confirmed, e.g. %q", len(missing), len(items), channel, missing[0])
	}
}

// mustHoldOnce fails unless every one of want is among items exactly once.
func mustHoldOnce(tb testing.TB, items []string, want ...string) {
	tb.Helper()
	for _, w := range want {
		if n := countOf(items, w); n != 1 {
			tb.Errorf("%q is in the export %d times, want once; items:\n%s", w, n, strings.Join(items, "\n"))
		}
	}
}

func countOf(items []string, s string) int {
	n := 0
	for _, it := range items {
		if it == s {
			n++
		}
	}
	return n
}

func containsAll(text string, want []string) bool {
	for _, w := range want {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// MustFreeAddr returns a 127.0.0.1 address that was free a moment ago.
func MustFreeAddr(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// readyz returns the status code of GET /readyz on addr, or 0 when the
// request fails.
func getReadyz(addr string) int {
	c := &http.Client{Timeout: 3 * time.Second}
	resp, err := c.Get("http://" + addr + "/readyz")
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// pollUntil polls cond every 20 ms until it holds or d passes.
func pollUntil(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// slashEnvelope is a slash_commands envelope as Slack sends it, with no
// response_url, so the reply goes through chat.postEphemeral.
func slashEnvelope(tb testing.TB, fake *slacktest.Server, id string, retry int, channel, user, command, text string) slacktest.Envelope {
	tb.Helper()
	p, err := json.Marshal(map[string]string{
		"token": "fake-verification-token", "team_id": fake.TeamID(), "team_domain": "fake",
		"channel_id": channel, "channel_name": "channel-" + strings.ToLower(channel),
		"user_id": user, "user_name": "user-" + strings.ToLower(user),
		"command": command, "text": text, "api_app_id": slacktest.AppID, "is_enterprise_install": "false",
	})
	if err != nil {
		tb.Fatal(err)
	}
	env := slacktest.Envelope{ID: id, Type: slacktest.TypeSlashCommands, Payload: p, AcceptsResponsePayload: true, RetryAttempt: retry}
	if retry > 0 {
		env.RetryReason = "timeout"
	}
	return env
}

// MustSendEnvelope sends env and checks it is acked in time.
func MustSendEnvelope(tb testing.TB, fake *slacktest.Server, env slacktest.Envelope) slacktest.Ack {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ack, err := fake.SendEnvelope(ctx, env)
	if err != nil {
		tb.Fatalf("envelope %s: %v", env.ID, err)
	}
	if ack.Latency > 3*time.Second {
		tb.Errorf("envelope %s acked after %s", env.ID, ack.Latency)
	}
	return ack
}

// mustLogLine waits until the bot's logs hold a line with every one of want.
func mustLogLine(tb testing.TB, b *runningBot, want ...string) {
	tb.Helper()
	ok := pollUntil(10*time.Second, func() bool {
		return slices.ContainsFunc(strings.Split(b.logs.String(), "\n"), func(l string) bool { return containsAll(l, want) })
	})
	if !ok {
		tb.Fatalf("no log line with %q; logs:\n%s", want, b.logs.String())
	}
}

// TestRedeliveredEnvelopesHaveOneEffect sends the same slash command
// envelope twice, as Slack does when it retries, and the same Events API
// event in two envelopes: each is handled once.
func TestRedeliveredEnvelopesHaveOneEffect(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	b := MustStartBot(t, fake, cfg)

	MustCommand(t, fake, "C1", "U1", "/jd", "start cto", "Started a draft")
	since := MustMark(t, fake)
	MustSendEnvelope(t, fake, slashEnvelope(t, fake, "env-dup-1", 0, "C1", "U1", "/jd", "add requirements Redelivered once"))
	MustWaitReply(t, fake, since, "C1", "Redelivered once")
	MustSendEnvelope(t, fake, slashEnvelope(t, fake, "env-dup-1", 1, "C1", "U1", "/jd", "add requirements Redelivered once"))
	mustLogLine(t, b, "duplicate envelope ignored", "env-dup-1")

	mustHoldOnce(t, sectionItems(MustExportText(t, fake, "C1"), "Requirements"), "Redelivered once")
	if n := len(slices.DeleteFunc(fake.Messages("C1"), func(m slacktest.Message) bool {
		return !strings.Contains(MessageText(m), "Added to requirements")
	})); n != 1 {
		t.Errorf("%d replies to the redelivered /jd add, want 1", n)
	}

	// Two deliveries of one /jd add at the same time, as after a
	// reconnect: the change's own write records the claim, so one lands.
	since = MustMark(t, fake)
	var wg sync.WaitGroup
	for retry := range 2 {
		wg.Go(func() {
			MustSendEnvelope(t, fake, slashEnvelope(t, fake, "env-dup-2", retry, "C1", "U1", "/jd", "add requirements Delivered twice at once"))
		})
	}
	wg.Wait()
	MustWaitReply(t, fake, since, "C1", "Delivered twice at once")
	mustLogLine(t, b, "duplicate envelope ignored", "env-dup-2")
	mustHoldOnce(t, sectionItems(MustExportText(t, fake, "C1"), "Requirements"), "Delivered twice at once")

	// /interview writes the questions it asked: its claim is recorded
	// before that write, so a redelivery neither asks nor answers again.
	since = MustMark(t, fake)
	MustSendEnvelope(t, fake, slashEnvelope(t, fake, "env-dup-3", 0, "C3", "U1", "/interview", "2"))
	MustWaitReply(t, fake, since, "C3", "Interview questions")
	MustSendEnvelope(t, fake, slashEnvelope(t, fake, "env-dup-3", 1, "C3", "U1", "/interview", "2"))
	mustLogLine(t, b, "duplicate envelope ignored", "env-dup-3")
	if n := len(fake.Messages("C3")); n != 1 {
		t.Errorf("the redelivered /interview got %d answers, want 1", n)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for range 2 {
		if _, err := fake.SendEvent(ctx, "EvDup1", fake.MentionEvent("C2", "U2", "<@"+slacktest.BotUserID+"> what does a CIO do?")); err != nil {
			t.Fatal(err)
		}
	}
	MustWaitMessage(t, fake, "C2", "CIO")
	mustLogLine(t, b, "duplicate envelope ignored", "EvDup1")
	if n := len(fake.Messages("C2")); n != 1 {
		t.Errorf("the event sent twice got %d answers, want 1", n)
	}
	MustNoViolations(t, fake)
}

// TestRedisOutage stops Redis under a running bot: session commands say
// storage is unavailable within 3 s, knowledge lookups still work, /readyz
// says 503; once Redis is back the same bot works again and nothing
// written before the outage is lost.
func TestRedisOutage(t *testing.T) {
	t.Parallel()
	fake, srv, cfg := MustOnRedis(t)
	addr := MustStartBot(t, fake, cfg).MustHTTPAddr(t)

	MustCommand(t, fake, "C1", "U1", "/jd", "start cto", "Started a draft")
	before := []string{"Before the outage one", "Before the outage two", "Before the outage three"}
	for _, it := range before {
		MustCommand(t, fake, "C1", "U1", "/jd", "add requirements "+it, "Added to requirements")
	}
	if code := getReadyz(addr); code != http.StatusOK {
		t.Errorf("/readyz = %d with Redis up, want 200", code)
	}

	srv.Stop(t)
	start := time.Now()
	m := MustCommand(t, fake, "C1", "U1", "/jd", "add requirements During the outage", "storage unavailable")
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the outage reply took %s, want under 3s", d)
	}
	if !m.Ephemeral {
		t.Error("the outage reply was public")
	}
	MustCommand(t, fake, "C1", "U1", "/cto-role", "cio", "Chief Information Officer")
	// A burst during the outage: every one of 40 commands is told within 3 s,
	// however few workers there are.
	start = time.Now()
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			MustSlash(t, fake, slacktest.Slash{Channel: fmt.Sprintf("CB%02d", i), User: "U2", Command: "/jd", Text: "add benefits burst"})
		})
	}
	wg.Wait()
	for i := range 40 {
		MustWaitMessage(t, fake, fmt.Sprintf("CB%02d", i), "storage unavailable")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("40 commands during the outage took %s to be answered, want under 3s", d)
	}
	// Every session command says so; /interview may answer without its
	// session, but never stays silent.
	for _, c := range []struct {
		command, text string
		want          []string
	}{
		{"/jd", "show", []string{"storage unavailable"}},
		{"/jd", "history", []string{"storage unavailable"}},
		{"/jd", "export text", []string{"storage unavailable"}},
		{"/jd", "start cto", []string{"storage unavailable"}},
		{"/interview", "2", nil},
	} {
		MustCommand(t, fake, "C1", "U1", c.command, c.text, c.want...)
	}
	if code := getReadyz(addr); code != http.StatusServiceUnavailable {
		t.Errorf("/readyz = %d with Redis down, want 503", code)
	}

	srv.Restart(t)
	if !pollUntil(10*time.Second, func() bool { return getReadyz(addr) == http.StatusOK }) {
		t.Fatalf("/readyz did not come back to 200 within 10s of Redis restarting")
	}
	MustCommand(t, fake, "C1", "U1", "/jd", "add requirements After the outage", "Added to requirements")
	items := sectionItems(MustExportText(t, fake, "C1"), "Requirements")
	mustHoldOnce(t, items, append(before, "After the outage")...)
	if slices.Contains(items, "During the outage") {
		t.Error("the change refused during the outage is in the draft")
	}
	MustNoViolations(t, fake)
}

// newestLive returns the channel's live draft message: the newest public
// message of the bot holding the draft's title.
func newestLive(fake *slacktest.Server, channel string) (slacktest.Message, bool) {
	ms := fake.Messages(channel)
	for i := len(ms) - 1; i >= 0; i-- {
		if !ms[i].Ephemeral && ms[i].User == slacktest.BotUserID && ms[i].ThreadTS == "" && strings.Contains(MessageText(ms[i]), "Requirements") {
			return ms[i], true
		}
	}
	return slacktest.Message{}, false
}

// mustLiveShows waits until the channel's live message shows every one of
// want.
func mustLiveShows(tb testing.TB, fake *slacktest.Server, channel string, want ...string) slacktest.Message {
	tb.Helper()
	var m slacktest.Message
	ok := pollUntil(15*time.Second, func() bool {
		var found bool
		m, found = newestLive(fake, channel)
		return found && containsAll(MessageText(m), want)
	})
	if !ok {
		tb.Fatalf("the live message in %s does not show %q within 15s; it shows:\n%s", channel, want, MessageText(m))
	}
	return m
}

// mustHonourRetryAfter checks that after each of the rate-limited calls of
// method (the n calls after the first `from`), the next call came at
// least retryAfter later.
func mustHonourRetryAfter(tb testing.TB, fake *slacktest.Server, method string, from, n int, retryAfter time.Duration) {
	tb.Helper()
	calls := fake.Calls(method)
	if len(calls) < from+n+1 {
		tb.Fatalf("%d calls of %s after the rate limit, want at least %d", len(calls)-from, method, n+1)
	}
	for i := from; i < from+n; i++ {
		if gap := calls[i+1].At.Sub(calls[i].At); gap < retryAfter-100*time.Millisecond {
			tb.Errorf("%s call %d came %s after a 429 with Retry-After %s", method, i+1, gap, retryAfter)
		}
	}
}

// TestSlackFaults runs the bot through Slack's rate limits, errors and
// dropped connections: no change is lost and every command is answered.
func TestSlackFaults(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	// The fake pings every second; three seconds without one is a dead socket.
	cfg.PingTimeout = 3 * time.Second
	MustStartBot(t, fake, cfg)

	MustCommand(t, fake, "C1", "U1", "/jd", "start cto", "Started a draft")
	mustLiveShows(t, fake, "C1", "Requirements")

	t.Run("chat.update rate limited", func(t *testing.T) {
		from := len(fake.Calls("chat.update"))
		fake.RateLimit("chat.update", 2, time.Second)
		for i := range 3 {
			MustCommand(t, fake, "C1", "U2", "/jd", fmt.Sprintf("add benefits Rate limited update %d", i), "Added to benefits")
		}
		mustLiveShows(t, fake, "C1", "Rate limited update 0", "Rate limited update 1", "Rate limited update 2")
		mustHonourRetryAfter(t, fake, "chat.update", from, 2, time.Second)
	})
	t.Run("chat.postMessage rate limited", func(t *testing.T) {
		from := len(fake.Calls("chat.postMessage"))
		fake.RateLimit("chat.postMessage", 2, time.Second)
		since := MustMark(t, fake)
		MustSlash(t, fake, slacktest.Slash{Channel: "C1", User: "U2", Command: "/jd", Text: "show"})
		MustCommand(t, fake, "C1", "U3", "/jd", "add benefits Posted after a rate limit", "Added to benefits")
		// /jd show posts the live message anew once Slack lets it; the
		// add may first update the old one.
		ok := pollUntil(15*time.Second, func() bool {
			m, found := newestLive(fake, "C1")
			return found && m.TS > since && strings.Contains(MessageText(m), "Posted after a rate limit")
		})
		if !ok {
			m, _ := newestLive(fake, "C1")
			t.Errorf("/jd show did not post the live message anew with the add; the newest shows:\n%s", MessageText(m))
		}
		mustHonourRetryAfter(t, fake, "chat.postMessage", from, 2, time.Second)
	})
	t.Run("chat.update fails", func(t *testing.T) {
		fake.Fail("chat.update", 2, "internal_error")
		var want []string
		for i := range 4 {
			it := fmt.Sprintf("After a failed update %d", i)
			want = append(want, it)
			MustCommand(t, fake, "C1", "U4", "/jd", "add nice-to-have "+it, "Added to nice-to-have")
		}
		mustLiveShows(t, fake, "C1", want...)
	})

	faults := []struct {
		name   string
		inject func()
		after  func()
	}{
		{"disconnect", func() { fake.Disconnect("refresh_requested") }, nil},
		{"drop", fake.Drop, nil},
		{"no pings", fake.StopPings, fake.StartPings},
	}
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			opened := fake.ConnectionsOpened()
			f.inject()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if f.after != nil {
				// With no pings the bot must give up on its sockets and open
				// new ones; pings resume for the new sockets.
				for fake.ConnectionsOpened() < opened+2 && ctx.Err() == nil {
					time.Sleep(20 * time.Millisecond)
				}
				if got := fake.ConnectionsOpened() - opened; got < 2 {
					t.Fatalf("after 10s without pings the bot opened %d new sockets, want 2", got)
				}
				f.after()
			}
			if err := fake.WaitConnections(ctx, 2); err != nil {
				t.Fatalf("the bot did not reconnect: %v", err)
			}
			if fake.ConnectionsOpened() < opened+2 {
				t.Errorf("opened %d sockets after %s, want 2 new ones", fake.ConnectionsOpened()-opened, f.name)
			}
			for i := range 3 {
				MustCommand(t, fake, "C1", "U5", "/jd", fmt.Sprintf("add responsibilities After %s %d", f.name, i), "Added to responsibilities")
				MustCommand(t, fake, "C9", "U5", "/cto-role", "cio", "Chief Information Officer")
			}
			if f.after != nil {
				MustCommand(t, fake, "C9", "U5", "/interview", "2", "Red flags")
			}
			mustLiveShows(t, fake, "C1", fmt.Sprintf("After %s 2", f.name))
		})
	}
	t.Run("drop under load", func(t *testing.T) {
		MustCommand(t, fake, "C3", "U1", "/jd", "start cto", "Started a draft")
		var want []string
		var wg sync.WaitGroup
		errs := make(chan error, 20)
		for i := range 20 {
			it := fmt.Sprintf("Sent while sockets drop %d", i)
			want = append(want, it)
			wg.Go(func() {
				ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
				defer cancel()
				if _, err := fake.SendSlash(ctx, slacktest.Slash{Channel: "C3", User: fmt.Sprintf("U%d", i%4), Command: "/jd", Text: "add benefits " + it}); err != nil {
					errs <- err
				}
			})
			if i == 5 || i == 12 {
				fake.Drop()
			}
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("a command sent while sockets dropped was never acked: %v", err)
		}
		mustConfirmAdds(t, fake, "C3", want)
		mustHoldOnce(t, sectionItems(MustExportText(t, fake, "C3"), "Benefits"), want...)
	})
	MustNoViolations(t, fake)
}

// TestSecrecyAndLimits runs a session of every kind of command and checks
// that no token reaches the logs, that HIREBOT_ALLOWED_CHANNELS keeps
// drafting to its channels, and that over-long input is refused with the
// limit stated.
func TestSecrecyAndLimits(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(slacktest.Options{PingInterval: time.Second,
		AppToken: "xapp-1-A0FAKE-1234567890-appSecretValue7f3a", BotToken: "xoxb-1234-5678-botSecretValue9c1e"})
	t.Cleanup(fake.Close)
	srv := redistest.MustStart(t)
	cfg := testConfig(fake, srv.URL())
	cfg.AllowedChannels = []string{"C1"}
	b := MustStartBot(t, fake, cfg)

	MustCommand(t, fake, "C1", "U1", "/cto-role", "", "Share in channel")
	MustCommand(t, fake, "C1", "U1", "/cto-role", "cio", "Chief Information Officer")
	MustPress(t, fake, slacktest.Action{Channel: "C1", User: "U2", ActionID: "cto-role:share#0", Value: "cio-overview"})
	MustWaitMessage(t, fake, "C1", "Shared by <@U2>")
	MustCommand(t, fake, "C1", "U1", "/jd", "start cto", "Started a draft")
	MustCommand(t, fake, "C1", "U2", "/jd", "add requirements Has run <!channel> on call", "Added to requirements")
	MustCommand(t, fake, "C1", "U2", "/jd", "set salary 200k", "salary")
	MustCommand(t, fake, "C1", "U1", "/jd", "history", "Draft history")
	MustExportText(t, fake, "C1")
	MustCommand(t, fake, "C1", "U3", "/interview", "2", "Red flags")
	MustCommand(t, fake, "C1", "U3", "/interview", "kit")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := fake.SendEvent(ctx, "", fake.MentionEvent("C1", "U4", "<@"+slacktest.BotUserID+"> who owns the IT budget?")); err != nil {
		t.Fatal(err)
	}
	if _, err := fake.SendEvent(ctx, "", fake.DirectMessageEvent("D4", "U4", "kinds of cto")); err != nil {
		t.Fatal(err)
	}
	MustWaitMessage(t, fake, "D4", "infrastructure")

	t.Run("allowed channels", func(t *testing.T) {
		m := MustCommand(t, fake, "C2", "U1", "/jd", "start cto", "not enabled in this channel", "HIREBOT_ALLOWED_CHANNELS")
		if !m.Ephemeral {
			t.Error("the refusal was public")
		}
		if msgs := fake.Messages("C2"); slices.ContainsFunc(msgs, func(m slacktest.Message) bool { return !m.Ephemeral }) {
			t.Error("a draft was posted in a channel that is not allowed")
		}
		MustCommand(t, fake, "C2", "U1", "/cto-role", "cio", "Chief Information Officer")
	})
	t.Run("over-long input", func(t *testing.T) {
		tests := []struct {
			command, text string
			want          []string
		}{
			{"/jd", "add requirements " + strings.Repeat("x", 5000), []string{"5017", "4000"}},
			{"/cto-role", strings.Repeat("budget ", 86)[:600], []string{"500"}},
			{"/interview", strings.Repeat("y", 300), []string{"200"}},
		}
		for _, tt := range tests {
			m := MustCommand(t, fake, "C1", "U1", tt.command, tt.text, tt.want...)
			if !m.Ephemeral {
				t.Errorf("%s with %d characters: the refusal was public", tt.command, len(tt.text))
			}
			t.Logf("%s with %d characters: %s", tt.command, len(tt.text), MessageText(m))
		}
		items := sectionItems(MustExportText(t, fake, "C1"), "Requirements")
		if slices.ContainsFunc(items, func(s string) bool { return strings.Contains(s, "xxxxxxxxxx") }) {
			t.Error("the over-long item was added")
		}
	})
	MustNoViolations(t, fake)
	mustNoTokens(t, fake, b.logs.String())
	if !strings.Contains(b.logs.String(), `"level":"DEBUG"`) {
		t.Error("the bot did not log at debug level, so the check proves little")
	}
}
