package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/internal/redistest"
	"github.com/hirebot/hirebot/internal/slacktest"
)

// mustStoreOn returns a session store on the Redis at url, to look at what
// the bots stored.
func mustStoreOn(tb testing.TB, url string) *sessions.Store {
	tb.Helper()
	c, err := sessions.Open(context.Background(), url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = c.Close() })
	return sessions.New(c, sessions.Options{})
}

// mustHistoryLen fails unless the channel's draft history has want entries.
func mustHistoryLen(tb testing.TB, store *sessions.Store, fake *slacktest.Server, channel string, want int) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	h, err := store.Scope(hirebot.SessionKey{Team: fake.TeamID(), Channel: channel}, nil, "").History(ctx, 0)
	if err != nil {
		tb.Fatalf("history of %s: %v", channel, err)
	}
	if len(h) != want {
		tb.Errorf("history of %s has %d entries, want %d", channel, len(h), want)
	}
}

// addsLoad is a burst of /jd add benefits commands sent at once.
type addsLoad struct {
	mu     sync.Mutex
	acks   []slacktest.Ack
	errs   []error
	byChan map[string][]string // channel → item texts
}

// sendAdds sends n /jd add commands at once, spread round-robin over
// channels and users, and waits for every ack.
func sendAdds(fake *slacktest.Server, n int, channels []string, users int, prefix string) *addsLoad {
	l := &addsLoad{byChan: map[string][]string{}}
	var wg sync.WaitGroup
	for i := range n {
		ch := channels[i%len(channels)]
		it := fmt.Sprintf("%s %s item %03d", prefix, ch, i)
		l.byChan[ch] = append(l.byChan[ch], it)
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			a, err := fake.SendSlash(ctx, slacktest.Slash{Channel: ch, User: fmt.Sprintf("U%d", i%users+1), Command: "/jd", Text: "add benefits " + it})
			l.mu.Lock()
			defer l.mu.Unlock()
			if err != nil {
				l.errs = append(l.errs, err)
				return
			}
			l.acks = append(l.acks, a)
		})
	}
	wg.Wait()
	return l
}

// sockets counts the sockets the load was acked on.
func (l *addsLoad) sockets() int {
	seen := map[int]bool{}
	for _, a := range l.acks {
		seen[a.Socket] = true
	}
	return len(seen)
}

// mustAllLand checks that every add of the load was acked in time,
// confirmed, and is in its channel's export once, and that each channel's
// history has one entry per add after the before entries it had.
func (l *addsLoad) mustAllLand(tb testing.TB, fake *slacktest.Server, store *sessions.Store, before int) {
	tb.Helper()
	for _, err := range l.errs {
		tb.Errorf("an add was not acked: %v", err)
	}
	for _, a := range l.acks {
		if a.Latency > 3*time.Second {
			tb.Errorf("an add was acked after %s", a.Latency)
		}
	}
	for ch, items := range l.byChan {
		mustConfirmAdds(tb, fake, ch, items)
		got := sectionItems(MustExportText(tb, fake, ch), "Benefits")
		if len(got) != len(items) {
			tb.Errorf("the export of %s has %d benefits, want %d", ch, len(got), len(items))
		}
		mustHoldOnce(tb, got, items...)
		mustHistoryLen(tb, store, fake, ch, len(items)+before)
	}
}

// handledBy counts the requests a bot handled, from its logs.
func handledBy(b *runningBot) int {
	return strings.Count(b.logs.String(), `"msg":"handled"`)
}

// TestReplicasShareRedis runs two bot processes, two sockets each, on one
// Redis and sends bursts of concurrent edits over every socket: every edit
// lands once, in order of nobody's choosing but with none lost.
func TestReplicasShareRedis(t *testing.T) {
	// Not parallel: a load test that measures acks against Slack's 3 s
	// runs before the parallel tests, not on cores they share.
	fake, srv, cfg := MustOnRedis(t)
	b1, b2 := MustStartReplicas(t, fake, cfg)
	store := mustStoreOn(t, srv.URL())

	t.Run("40 adds from 8 users", func(t *testing.T) {
		MustCommand(t, fake, "C40", "U1", "/jd", "start cto", "Started a draft")
		v := mustEmptyBenefits(t, fake, "C40") + 40
		l := sendAdds(fake, 40, []string{"C40"}, 8, "Issue check")
		if n := l.sockets(); n < 4 {
			t.Errorf("the adds were acked on %d sockets, want all 4", n)
		}
		l.mustAllLand(t, fake, store, v-40)
		MustCommand(t, fake, "C40", "U1", "/jd", "history", fmt.Sprintf("v%d", v))
		mustLiveShows(t, fake, "C40", fmt.Sprintf("Version %d ·", v))
	})
	t.Run("200 adds over 5 channels", func(t *testing.T) {
		channels := []string{"C201", "C202", "C203", "C204", "C205"}
		v := 0
		for _, ch := range channels {
			MustCommand(t, fake, ch, "U1", "/jd", "start cto", "Started a draft")
			v = mustEmptyBenefits(t, fake, ch) + 40
		}
		h1, h2 := handledBy(b1), handledBy(b2)
		l := sendAdds(fake, 200, channels, 10, "Replica load")
		if n := l.sockets(); n < 4 {
			t.Errorf("the adds were acked on %d sockets, want all 4", n)
		}
		l.mustAllLand(t, fake, store, v-40)
		if handledBy(b1) == h1 || handledBy(b2) == h2 {
			t.Errorf("one bot handled none of the load (bot 1: %d, bot 2: %d)", handledBy(b1)-h1, handledBy(b2)-h2)
		}
		for _, ch := range channels {
			mustLiveShows(t, fake, ch, "Replica load "+ch+" item", fmt.Sprintf("Version %d ·", v))
		}
	})
	MustNoViolations(t, fake)
	mustNoTokens(t, fake, logsOf(b1, b2))
}

// TestBotOnRedisCluster runs the bot on a three-node Redis Cluster.
func TestBotOnRedisCluster(t *testing.T) {
	t.Parallel()
	fake := MustNewFake(t)
	cl := redistest.MustStartCluster(t)
	cfg := testConfig(fake, cl.URL())
	MustStartBot(t, fake, cfg)

	want := []string{"Runs on a cluster one", "Runs on a cluster two", "Runs on a cluster three"}
	for _, ch := range []string{"C1", "C2", "C3"} {
		MustCommand(t, fake, ch, "U1", "/jd", "start cto", "Started a draft")
		for _, it := range want {
			MustCommand(t, fake, ch, "U2", "/jd", "add requirements "+it, "Added to requirements")
		}
		mustHoldOnce(t, sectionItems(MustExportText(t, fake, ch), "Requirements"), want...)
		MustCommand(t, fake, ch, "U2", "/interview", "2", "Red flags")
	}
	mustHistoryLen(t, mustStoreOn(t, cl.URL()), fake, "C2", 4)
	MustNoViolations(t, fake)
}

// mustEmptyBenefits removes the benefits a fresh draft starts with, so that
// a load of 40 adds fills the section to its limit, and returns the
// draft's version after that.
func mustEmptyBenefits(tb testing.TB, fake *slacktest.Server, channel string) int {
	tb.Helper()
	n := len(sectionItems(MustExportText(tb, fake, channel), "Benefits"))
	for range n {
		MustCommand(tb, fake, channel, "U1", "/jd", "remove benefits 1", "Removed from benefits")
	}
	return 1 + n
}
