package main

import (
	"testing"
	"time"

	"github.com/hirebot/hirebot/internal/redistest"
)

// TestLostRedisReplies runs two replicas on one Redis behind a proxy that
// holds 20 % of script replies for 1.3 s beyond the client's 1 s read
// timeout and drops 5 % with a reset, then restarts Redis in the middle of
// another load. The scripts whose replies are lost have run: retries (the
// client's, the store's loop, a fence) must not apply a change twice, and
// nobody may be told an add failed when it is in the draft. And nobody is
// left not knowing: every add that landed ends with a reply saying so,
// every one that did not with one saying it was not saved (an add whose
// outcome the store could not settle before the ack is followed up on
// the response_url once it can).
func TestLostRedisReplies(t *testing.T) {
	// Not parallel: a load test that measures acks against Slack's 3 s
	// runs before the parallel tests, not on cores they share.
	fake := MustNewFake(t)
	srv := redistest.MustStart(t)
	proxy := redistest.MustStartProxy(t, srv.Addr)
	cfg := testConfig(fake, proxy.URL())
	MustStartBot(t, fake, cfg)
	MustStartBot(t, fake, cfg)
	store := mustStoreOn(t, srv.URL())

	t.Run("held and reset replies", func(t *testing.T) {
		channels := channelNames("CL", 10)
		mustStartDraftsIn(t, fake, channels)
		proxy.SetFaults(redistest.Faults{HoldShare: 0.2, HoldFor: 2300 * time.Millisecond, ResetShare: 0.05})
		adds := sendAddsEach(fake, 200, channels, "Lost reply", 30*time.Second)
		proxy.SetFaults(redistest.Faults{})
		mustAnswerAll(t, fake, adds, nil)
		mustAnswerEveryOutcome(t, fake, adds)
		scripts, held, reset := proxy.Counts()
		tally := tallyAdds(t, fake, store, adds)
		t.Logf("lost Redis replies (%d script replies: %d held 2.3 s, %d reset): %s", scripts, held, reset, tally)
		if held == 0 || reset == 0 {
			t.Errorf("the proxy held %d and reset %d replies: no fault was tested", held, reset)
		}
		mustNoDamage(t, tally)
		mustTellEveryOutcome(t, tally)
	})

	// Writes whose outcome the store cannot settle before the ack: their
	// scripts swallowed (they never run), or their replies swallowed with
	// every fence's (they ran). Each is acked saying the outcome is being
	// found out, and followed up with it once the store answers.
	t.Run("outcome unknown at the ack", func(t *testing.T) {
		for _, tc := range []struct {
			name   string
			faults redistest.Faults
			landed bool
		}{
			{"not run", redistest.Faults{Unplugged: true}, false},
			{"run", redistest.Faults{Mute: true}, true},
		} {
			t.Run(tc.name, func(t *testing.T) {
				channels := channelNames("CU"+tc.name[:1], 4)
				mustStartDraftsIn(t, fake, channels)
				for _, ch := range channels { // the change's script is loaded, as it is after any change
					MustCommand(t, fake, ch, "U1", "/jd", "add benefits Before "+tc.name, "Added to")
				}
				proxy.SetFaults(tc.faults)
				adds := sendAddsEach(fake, 4, channels, "Unknown "+tc.name, 10*time.Second)
				proxy.SetFaults(redistest.Faults{})
				mustAnswerAll(t, fake, adds, nil)
				mustAnswerEveryOutcome(t, fake, adds)
				tally := tallyAdds(t, fake, store, adds)
				t.Logf("outcomes unknown at the ack (%s): %s", tc.name, tally)
				mustNoDamage(t, tally)
				mustTellEveryOutcome(t, tally)
				if tally.interim != len(adds) {
					t.Errorf("%d of %d adds were told their outcome was being found out; want all: the case was not tested", tally.interim, len(adds))
				}
				if saved := tally.confirmed; saved != map[bool]int{true: len(adds), false: 0}[tc.landed] {
					t.Errorf("%d of %d adds confirmed; want them all %s", saved, len(adds), map[bool]string{true: "saved", false: "not saved"}[tc.landed])
				}
			})
		}
	})

	t.Run("Redis restarted mid-load", func(t *testing.T) {
		channels := channelNames("CR", 10)
		mustStartDraftsIn(t, fake, channels)
		before := len(fake.Acks())
		loaded := make(chan []*sentAdd)
		go func() { loaded <- sendAddsEach(fake, 200, channels, "Restart", 30*time.Second) }()
		if !pollUntil(20*time.Second, func() bool { return len(fake.Acks()) >= before+50 }) {
			t.Fatal("fewer than 50 adds were acked")
		}
		srv.Restart(t)
		adds := <-loaded
		mustAnswerAll(t, fake, adds, nil)
		mustAnswerEveryOutcome(t, fake, adds)
		tally := tallyAdds(t, fake, store, adds)
		t.Logf("Redis restarted after %d acks: %s", 50, tally)
		mustNoDamage(t, tally)
		mustTellEveryOutcome(t, tally)
	})
	MustNoViolations(t, fake)
}
