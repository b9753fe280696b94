package main

import (
	"fmt"
	"testing"
	"time"

	"github.com/hirebot/hirebot/internal/redistest"
	"github.com/hirebot/hirebot/internal/slacktest"
)

// mustLiveShowWithin waits up to d until the channel's live message shows
// every one of want, and returns how long it took.
func mustLiveShowWithin(tb testing.TB, fake *slacktest.Server, channel string, d time.Duration, want ...string) time.Duration {
	tb.Helper()
	start := time.Now()
	var m slacktest.Message
	if !pollUntil(d, func() bool {
		var found bool
		m, found = newestLive(fake, channel)
		return found && containsAll(MessageText(m), want)
	}) {
		tb.Fatalf("the live message in %s does not show %q within %s; it shows:\n%s", channel, want, d, MessageText(m))
	}
	return time.Since(start)
}

// TestLiveOutlastsRateLimits rate-limits chat.update 40 times in a row
// with Retry-After 1 s, and, in a second channel of its own fake, once
// with Retry-After 30 s: the live message waits each out and shows the
// newest version in the end, and no update comes before Slack allowed it.
func TestLiveOutlastsRateLimits(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		n          int
		retryAfter time.Duration
	}{
		{"40 times Retry-After 1s", 40, time.Second},
		{"once Retry-After 30s", 1, 30 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake, _, cfg := MustOnRedis(t)
			MustStartBot(t, fake, cfg)
			const ch = "CRATE"
			MustCommand(t, fake, ch, "U1", "/jd", "start cto", "Started a draft")
			mustLiveShows(t, fake, ch, "Requirements")

			from := len(fake.Calls("chat.update"))
			fake.RateLimit("chat.update", tc.n, tc.retryAfter)
			MustCommand(t, fake, ch, "U1", "/jd", "add benefits Shown after the rate limit", "Added to benefits")
			// Changes keep coming while the message waits.
			if !pollUntil(10*time.Second, func() bool { return len(fake.Calls("chat.update")) > from }) {
				t.Fatal("the live message was never updated after the change")
			}
			MustCommand(t, fake, ch, "U2", "/jd", "add benefits Newest while rate limited", "Added to benefits")
			took := mustLiveShowWithin(t, fake, ch, time.Duration(tc.n)*tc.retryAfter+30*time.Second,
				"Shown after the rate limit", "Newest while rate limited", "Version 3 ·")
			mustHonourRetryAfter(t, fake, "chat.update", from, tc.n, tc.retryAfter)
			t.Logf("%d × 429 with Retry-After %s: the live message showed version 3 after %s, %d chat.update calls",
				tc.n, tc.retryAfter, took.Round(100*time.Millisecond), len(fake.Calls("chat.update"))-from)
			MustNoViolations(t, fake)
		})
	}
}

// TestLiveUpdatedAfterReplicaKilled kills the replica that made a change
// while its live message update is on its way (the call hangs), and starts
// another: the marker the change left in Redis makes the new replica bring
// the message up to date.
func TestLiveUpdatedAfterReplicaKilled(t *testing.T) {
	t.Parallel()
	bin := MustBuildBinary(t)
	fake := MustNewFake(t)
	srv := redistest.MustStart(t)
	first := MustStartBinary(t, bin, fake, srv.URL())
	const ch = "CDEAD"
	MustCommand(t, fake, ch, "U1", "/jd", "start cto", "Started a draft")
	mustLiveShows(t, fake, ch, "Requirements")

	from := len(fake.Calls("chat.update"))
	fake.HangCalls("chat.update", 1)
	MustCommand(t, fake, ch, "U1", "/jd", "add benefits Made just before the crash", "Added to benefits")
	if !pollUntil(10*time.Second, func() bool { return len(fake.Calls("chat.update")) > from }) {
		t.Fatal("the replica never tried to update the live message")
	}
	if err := first.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-first.done
	killed := time.Now()
	if m, _ := newestLive(fake, ch); containsAll(MessageText(m), []string{"Made just before the crash"}) {
		t.Fatal("the live message was updated before the kill: nothing left to pick up")
	}

	MustStartBinary(t, bin, fake, srv.URL())
	took := mustLiveShowWithin(t, fake, ch, 30*time.Second, "Made just before the crash", "Version 2 ·")
	t.Logf("replica killed mid-update: a restarted replica updated the live message %s after the kill (%s after it started)",
		time.Since(killed).Round(100*time.Millisecond), took.Round(100*time.Millisecond))
	MustNoViolations(t, fake)
}

// TestLiveRateAcrossReplicas sends a burst of adds to one channel through
// two replicas: the live message is updated at most about once a second,
// whichever replica sends the update, and shows every add in the end.
func TestLiveRateAcrossReplicas(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	MustStartBot(t, fake, cfg)
	MustStartBot(t, fake, cfg)
	const ch = "CPACE"
	MustCommand(t, fake, ch, "U1", "/jd", "start cto", "Started a draft")
	// 40 adds fill benefits to its limit only once the template's are gone.
	version := mustEmptyBenefits(t, fake, ch) + 40
	live := mustLiveShows(t, fake, ch, "Requirements")

	from := len(fake.Calls("chat.update"))
	var items []string
	// 40 adds paced 100 ms apart, so both replicas have changes to show
	// for about 4 s.
	for i := range 40 {
		it := fmt.Sprintf("Paced add %02d", i)
		items = append(items, it)
		MustSlash(t, fake, slacktest.Slash{Channel: ch, User: fmt.Sprintf("U%d", i%8+1), Command: "/jd", Text: "add benefits " + it})
		time.Sleep(100 * time.Millisecond) // pacing the load, not waiting for anything
	}
	mustLiveShowWithin(t, fake, ch, 30*time.Second, append(items, fmt.Sprintf("Version %d ·", version))...)
	var at []time.Time
	for _, c := range fake.Calls("chat.update")[from:] {
		if c.Params["ts"] == live.TS {
			at = append(at, c.At)
		}
	}
	if len(at) < 2 {
		t.Fatalf("%d updates of the live message for 40 adds", len(at))
	}
	span := at[len(at)-1].Sub(at[0])
	minGap := span
	for i := 1; i < len(at); i++ {
		minGap = min(minGap, at[i].Sub(at[i-1]))
	}
	t.Logf("40 adds through two replicas: %d updates of the live message over %s, the closest %s apart", len(at), span.Round(10*time.Millisecond), minGap.Round(10*time.Millisecond))
	// About one a second: the turn is taken in Redis before each call, so
	// two calls can come closer only by the difference in their delays.
	if limit := int(span/(900*time.Millisecond)) + 1; len(at)-1 > limit {
		t.Errorf("%d updates in %s, more than about one a second", len(at), span)
	}
	MustNoViolations(t, fake)
}
