package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hirebot/hirebot/internal/slacktest"
)

// The round trips the bot makes to Redis, counted — not timed — from its
// own metrics (hirebot_store_round_trips_total, by the store operation
// each was for), so that a round trip added to a change fails a test.

// Operations no request causes: every replica runs them on its own,
// once a second (the live messages' sweep, the outbox's drain).
var pollers = map[string]bool{"claim live messages behind": true, "take the replies owed": true}

// tripsSince returns the round trips by operation the bot at addr made
// since before, and the total of those a request causes (pollers left
// out).
func tripsSince(t *testing.T, addr string, before map[string]float64) (map[string]float64, float64) {
	t.Helper()
	d := map[string]float64{}
	total := 0.0
	for op, n := range MustCounts(t, addr, "hirebot_store_round_trips_total", "operation") {
		if n -= before[op]; n > 0 {
			d[op] = n
			if !pollers[op] {
				total += n
			}
		}
	}
	return d, total
}

// breakdown prints round trips by operation, per unit of n.
func breakdown(d map[string]float64, n int) string {
	var parts []string
	for _, op := range slices.Sorted(maps.Keys(d)) {
		parts = append(parts, fmt.Sprintf("%s %.3f", op, d[op]/float64(n)))
	}
	return strings.Join(parts, "; ")
}

// TestRoundTripsPerChange: a /jd add costs two round trips — the read
// (with what its author saw) and the write (its claim, the reply it owes,
// what its author saw and the live marker riding in it) — and at most 2.2
// on average with the live message's refresh and the outbox's marks,
// under a burst of 120 adds by 40 people in 2 channels (the refresh is
// per burst: a flush a second at most, two round trips each); a scorecard
// submission costs two — the sheet's read and the write, which returns the
// candidate — before the channel's progress line.
func TestRoundTripsPerChange(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	addr := MustStartBot(t, fake, cfg).MustHTTPAddr(t)

	channels := channelNames("CRT", 2)
	mustStartDraftsIn(t, fake, channels)
	for _, ch := range channels {
		MustCommand(t, fake, ch, "U1", "/jd", "add benefits Warm-up", "Added to") // loads the scripts
		mustLiveShows(t, fake, ch, "Version 2 ·")
	}
	time.Sleep(time.Second) // the warm-up's live refresh and marks are done

	const adds, people = 120, 40
	before := MustCounts(t, addr, "hirebot_store_round_trips_total", "operation")
	sections := []string{"benefits", "requirements"} // 30 more each: a section holds 40
	var wg sync.WaitGroup
	for i := range adds {
		ch := channels[i%len(channels)]
		wg.Go(func() {
			MustSlash(t, fake, slacktest.Slash{Channel: ch, User: fmt.Sprintf("UP%02d", i%people), Command: "/jd",
				Text: fmt.Sprintf("add %s Round trip %s %03d", sections[i/len(channels)%2], ch, i)})
		})
	}
	wg.Wait()
	for _, ch := range channels {
		items := make([]string, 0, adds/len(channels))
		for i := range adds {
			if channels[i%len(channels)] == ch {
				items = append(items, fmt.Sprintf("Round trip %s %03d", ch, i))
			}
		}
		mustConfirmAdds(t, fake, ch, items)
		mustLiveShows(t, fake, ch, fmt.Sprintf("Version %d ·", 2+len(items)))
	}
	time.Sleep(time.Second) // the last refresh's record and the last marks go out
	d, total := tripsSince(t, addr, before)
	change := d["read draft"] + d["update draft"]
	t.Logf("/jd add: %.3f round trips a change itself, %.3f with everything it causes (%s)", change/adds, total/adds, breakdown(d, adds))
	if change > 2*adds {
		t.Errorf("%d adds took %.0f round trips themselves (read and write), %.3f each; want at most 2", adds, change, change/adds)
	}
	if total > 2.2*adds {
		t.Errorf("%d adds caused %.0f round trips, %.3f each with the live refresh and the outbox's marks; want at most 2.2", adds, total, total/adds)
	}

	const cards = 12
	sent := mustOpenScorecards(t, fake, []string{"CRTS"}, cards+1)
	sendCards(t, fake, sent[:1], 10*time.Second) // loads the scripts
	MustWaitMessage(t, fake, "CRTS", fmt.Sprintf("Ada Lovelace: 1 of %d scorecards in", cards+1))
	sent = sent[1:]
	time.Sleep(time.Second)
	before = MustCounts(t, addr, "hirebot_store_round_trips_total", "operation")
	sendCards(t, fake, sent, 10*time.Second)
	for _, c := range sent {
		MustWaitMessage(t, fake, c.channel, "Your scorecard for Ada Lovelace is saved")
	}
	MustWaitMessage(t, fake, "CRTS", fmt.Sprintf("Ada Lovelace: %d of %d scorecards in", cards+1, cards+1))
	time.Sleep(time.Second)
	d, total = tripsSince(t, addr, before)
	submission := d["read interview kit and draft"] + d["submit scorecard"]
	t.Logf("scorecard: %.3f round trips a submission itself, %.3f with the progress line and the outbox's marks (%s)",
		submission/cards, total/cards, breakdown(d, cards))
	if submission > 2*cards {
		t.Errorf("%d submissions took %.0f round trips themselves, %.3f each; want at most 2", cards, submission, submission/cards)
	}
	if other := total - submission - d["take the turn to announce"] - d["read candidate"] - d["give back the turn to announce"] - d["mark replies delivered"]; other > 0 {
		t.Errorf("submissions caused %.0f round trips besides themselves, the progress line and the marks: %s", other, breakdown(d, 1))
	}
	MustNoViolations(t, fake)
}
