package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/internal/redistest"
	"github.com/hirebot/hirebot/internal/slacktest"
)

// sentAdd is one /jd add of a load test: each has its own user, so its
// reply can be told apart from the others'.
type sentAdd struct {
	channel, user, item string
	acked               bool
	ack                 slacktest.Ack
}

// sendAddsEach sends n /jd add benefits commands at once over channels,
// each from its own user, and returns them once every one is acked or has
// failed. Each may take up to wait; started is closed once all are sent.
func sendAddsEach(fake *slacktest.Server, n int, channels []string, prefix string, wait time.Duration) []*sentAdd {
	adds := make([]*sentAdd, n)
	var wg sync.WaitGroup
	for i := range n {
		ch := channels[i%len(channels)]
		a := &sentAdd{channel: ch, user: fmt.Sprintf("U%04d", i), item: fmt.Sprintf("%s %s item %03d", prefix, ch, i)}
		adds[i] = a
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), wait)
			defer cancel()
			ack, err := fake.SendSlash(ctx, slacktest.Slash{Channel: a.channel, User: a.user, Command: "/jd", Text: "add benefits " + a.item})
			a.acked, a.ack = err == nil, ack
		})
	}
	wg.Wait()
	return adds
}

// addsTally counts what happened to a load of adds.
type addsTally struct {
	sent, acked, unacked int
	confirmed            int // replies that said "Added to"
	toldFailed           int // replies that said it did not work
	toldUnknown          int // replies that said the outcome is unknown
	lost                 int // acked, not told it failed, and not in the draft
	doubled              int // in the draft more than once
	falseFailed          int // told it failed, yet in the draft
	stray                int // in the draft though never sent
	interim              int // told first that the outcome was being found out
	// By each add's last reply: whether it said what became of the add.
	lastUnknown   int // the last reply still says the outcome is being found out
	landedUntold  int // in the draft, and the last reply does not say it was saved
	missingUntold int // not in the draft, and the last reply does not say it was not saved
}

// replyTo returns the text of the replies user got in channel.
func replyTo(fake *slacktest.Server, channel, user string) string {
	var out []string
	for _, m := range fake.Messages(channel) {
		if m.Ephemeral && m.User == user {
			out = append(out, MessageText(m))
		}
	}
	return strings.Join(out, "\n")
}

// lastReplyTo returns the text of the last reply user got in channel.
func lastReplyTo(fake *slacktest.Server, channel, user string) string {
	last := ""
	for _, m := range fake.Messages(channel) {
		if m.Ephemeral && m.User == user {
			last = MessageText(m)
		}
	}
	return last
}

// failedReply and unknownReply are what the bot says when a change did not
// happen, or when it cannot tell yet (it says which once it can: see
// mustTellEveryOutcome).
const (
	failedReply  = "try again"
	unknownReply = "is not known yet"
	savedReply   = "Your change was saved"
)

// tallyAdds compares what the adds' users were told with what the drafts
// of their channels hold.
func tallyAdds(tb testing.TB, fake *slacktest.Server, store *sessions.Store, adds []*sentAdd) addsTally {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	held := map[string]int{}
	seen := map[string]bool{}
	for _, a := range adds {
		if seen[a.channel] {
			continue
		}
		seen[a.channel] = true
		d, err := store.Scope(hirebot.SessionKey{Team: fake.TeamID(), Channel: a.channel}, nil, "").Draft(ctx)
		if err != nil {
			tb.Fatalf("draft of %s: %v", a.channel, err)
		}
		for _, it := range d.Sections[draft.Benefits] {
			held[it.Text]++
		}
	}
	t := addsTally{sent: len(adds)}
	sent := map[string]bool{}
	for _, a := range adds {
		sent[a.item] = true
		reply := replyTo(fake, a.channel, a.user)
		n := held[a.item]
		ok := strings.Contains(reply, "Added to") || strings.Contains(reply, savedReply)
		failed := strings.Contains(reply, failedReply) && !strings.Contains(reply, unknownReply) && !ok
		switch {
		case ok:
			t.confirmed++
		case strings.Contains(reply, unknownReply):
			t.toldUnknown++
		case failed:
			t.toldFailed++
		}
		if a.acked {
			t.acked++
		} else {
			t.unacked++
		}
		if a.acked && n == 0 && !failed && !strings.Contains(reply, unknownReply) {
			t.lost++
		}
		if n > 1 {
			t.doubled++
		}
		if failed && n > 0 {
			t.falseFailed++
		}
		if strings.Contains(reply, unknownReply) {
			t.interim++
		}
		last := lastReplyTo(fake, a.channel, a.user)
		saved := strings.Contains(last, "Added to") || strings.Contains(last, savedReply)
		notSaved := strings.Contains(last, failedReply) && !strings.Contains(last, unknownReply) && !saved
		switch {
		case strings.Contains(last, unknownReply):
			t.lastUnknown++
		case n > 0 && !saved:
			t.landedUntold++
		case n == 0 && !notSaved:
			t.missingUntold++
		}
	}
	for it := range held {
		if !sent[it] && strings.Contains(it, " item ") {
			t.stray++
		}
	}
	return t
}

// String prints the tally for the test log.
func (t addsTally) String() string {
	return fmt.Sprintf("sent %d, acked %d, unacked %d; replies: %d confirmed, %d failed, %d unknown (%d told so at first); lost %d, doubled %d, false failed %d, stray %d; last replies: %d still unknown, %d saved but not told so, %d not saved but not told so",
		t.sent, t.acked, t.unacked, t.confirmed, t.toldFailed, t.toldUnknown, t.interim, t.lost, t.doubled, t.falseFailed, t.stray,
		t.lastUnknown, t.landedUntold, t.missingUntold)
}

// mustAnswerEveryOutcome waits until no acked add's last reply says its
// outcome is still being found out (the bot follows such a reply up once
// the store answers).
func mustAnswerEveryOutcome(tb testing.TB, fake *slacktest.Server, adds []*sentAdd) {
	tb.Helper()
	var waiting []string
	if !pollUntil(60*time.Second, func() bool {
		waiting = waiting[:0]
		for _, a := range adds {
			if a.acked && strings.Contains(lastReplyTo(fake, a.channel, a.user), unknownReply) {
				waiting = append(waiting, a.item)
			}
		}
		return len(waiting) == 0
	}) {
		tb.Errorf("%d adds were told their outcome was being found out, and never told it: %q", len(waiting), waiting)
	}
}

// mustTellEveryOutcome fails unless every add that landed ends with a reply
// saying it was saved, and every one that did not with one saying it was
// not: no reply is left saying the outcome is unknown.
func mustTellEveryOutcome(tb testing.TB, t addsTally) {
	tb.Helper()
	if t.lastUnknown != 0 || t.landedUntold != 0 || t.missingUntold != 0 || t.unacked != 0 {
		tb.Errorf("adds whose last reply still says the outcome is unknown %d, saved but not told so %d, not saved but not told so %d, unacked %d; want 0 each",
			t.lastUnknown, t.landedUntold, t.missingUntold, t.unacked)
	}
}

// mustAnswerAll waits until every acked add that only picks (all when
// nil) has had a reply.
func mustAnswerAll(tb testing.TB, fake *slacktest.Server, adds []*sentAdd, only func(*sentAdd) bool) (envelopes []string) {
	tb.Helper()
	var missing []string
	if !pollUntil(30*time.Second, func() bool {
		missing, envelopes = missing[:0], envelopes[:0]
		for _, a := range adds {
			if a.acked && (only == nil || only(a)) && replyTo(fake, a.channel, a.user) == "" {
				missing = append(missing, fmt.Sprintf("%q (envelope %s, socket %d)", a.item, a.ack.EnvelopeID, a.ack.Socket))
				envelopes = append(envelopes, a.ack.EnvelopeID)
			}
		}
		return len(missing) == 0
	}) {
		tb.Errorf("%d acked adds had no reply within 30s: %s", len(missing), strings.Join(missing, ", "))
		return envelopes
	}
	return nil
}

// mustNoDamage fails unless no acked add was lost, none doubled, nobody
// told an add failed that is in the draft, and nothing unsent appeared.
func mustNoDamage(tb testing.TB, t addsTally) {
	tb.Helper()
	if t.lost != 0 || t.doubled != 0 || t.falseFailed != 0 || t.stray != 0 {
		tb.Errorf("acked changes lost %d, doubled %d, false failed %d, stray %d; want 0 each", t.lost, t.doubled, t.falseFailed, t.stray)
	}
}

// mustStartDraftsIn starts a draft in each channel.
func mustStartDraftsIn(tb testing.TB, fake *slacktest.Server, channels []string) {
	tb.Helper()
	for _, ch := range channels {
		MustCommand(tb, fake, ch, "U1", "/jd", "start cto", "Started a draft")
	}
}

// channelNames returns n channel ids with prefix.
func channelNames(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%02d", prefix, i)
	}
	return out
}

// TestKillReplicaMidLoad runs two replicas as real processes on one Redis
// and sends 500 concurrent /jd adds and 48 scorecards over their four
// sockets; one replica is killed with SIGKILL in the middle. Slack (the
// fake) redelivers every envelope the dead replica had not acked, on the
// survivor's sockets, with the same envelope_id and retry_attempt one
// higher. Every add that was acked is in the draft, none twice; every
// scorecard acked is stored; and every one of them gets its answer, those
// the killed replica applied or owed included.
func TestKillReplicaMidLoad(t *testing.T) {
	// Not parallel: a load test that measures acks against Slack's 3 s
	// runs before the parallel tests, not on cores they share.
	bin := MustBuildBinary(t)
	fake := MustNewFake(t)
	srv := redistest.MustStart(t)
	// The victim reaches Redis through a proxy that holds every script
	// reply for a moment, so that whenever it is killed it has envelopes
	// in hand that it has not acked: that is what the test is about, and
	// it must not depend on how fast the machine is.
	slow := redistest.MustStartProxy(t, srv.Addr)
	victim := MustStartBinary(t, bin, fake, slow.URL())
	victimSockets := fake.ConnectionsOpened()
	survivor := MustStartBinary(t, bin, fake, srv.URL())
	store := mustStoreOn(t, srv.URL())

	// 25 channels of 20 adds: a section holds at most draft.MaxItems.
	channels := channelNames("CK", 25)
	mustStartDraftsIn(t, fake, channels)
	cards := mustOpenScorecards(t, fake, channelNames("CKS", 6), 8)
	before := len(fake.Acks())

	var (
		adds   []*sentAdd
		subs   []*sentCard
		loaded = make(chan struct{})
		scored = make(chan struct{})
	)
	slow.SetFaults(redistest.Faults{HoldShare: 1, HoldFor: 15 * time.Millisecond})
	go func() {
		defer close(loaded)
		adds = sendAddsEach(fake, 500, channels, "Crash", 60*time.Second)
	}()
	go func() {
		defer close(scored)
		subs = sendCards(t, fake, cards, 60*time.Second)
	}()
	onVictimSocket := func(socket int) bool { return socket <= victimSockets }
	if !pollUntil(30*time.Second, func() bool {
		return len(fake.Acks()) >= before+100 && fake.InFlight(onVictimSocket) >= 3
	}) {
		t.Fatalf("the replicas acked %d adds, the victim holds %d unacked; want 100 acked with 3 held", len(fake.Acks())-before, fake.InFlight(onVictimSocket))
	}
	if err := victim.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	killedAt := len(fake.Acks()) - before
	<-victim.done
	<-loaded
	<-scored

	onVictim, onSurvivor := 0, 0
	for _, a := range adds {
		if a.acked && a.ack.Socket <= victimSockets {
			onVictim++
		} else if a.acked {
			onSurvivor++
		}
	}
	// Every add that was acked is answered: by the replica that applied
	// it, or — when that one was killed after its change, before or after
	// its ack — by the survivor, from the outbox (a reply owed after an
	// ack) or from the claim's recorded outcome (a redelivery of a change
	// applied before the ack).
	answered := strings.Count(survivor.logs.String(), "delivering a reply left owed") +
		strings.Count(survivor.logs.String(), "answered with its recorded outcome")
	for _, env := range mustAnswerAll(t, fake, adds, nil) {
		for _, a := range adds {
			if a.ack.EnvelopeID != env {
				continue
			}
			for _, line := range strings.Split(survivor.logs.String()+victim.logs.String(), "\n") {
				if strings.Contains(line, env) || strings.Contains(line, `"user":"`+a.user+`"`) {
					t.Logf("log of %s: %s", env, line)
				}
			}
			for _, c := range fake.Calls("") {
				if strings.Contains(fmt.Sprint(c), a.user) {
					t.Logf("Slack call for %s: %.300v", env, c)
				}
			}
		}
	}
	logs := survivor.logs.String()
	redelivered := strings.Count(logs, `"retry_attempt":`)
	tally := tallyAdds(t, fake, store, adds)
	mustAnswerCards(t, fake, store, subs)
	answered = strings.Count(survivor.logs.String(), "delivering a reply left owed") +
		strings.Count(survivor.logs.String(), "answered with its recorded outcome")
	t.Logf("SIGKILL after %d acks: %d adds acked by the killed replica, %d by the survivor; %d request log lines of redelivered envelopes on the survivor; %d replies the killed replica owed or had applied were answered by the survivor",
		killedAt, onVictim, onSurvivor, redelivered, answered)
	t.Logf("kill -9 of one of two replicas: %s", tally)
	if tally.unacked != 0 {
		t.Errorf("%d adds were never acked", tally.unacked)
	}
	mustNoDamage(t, tally)
	if redelivered == 0 {
		t.Error("no envelope was redelivered to the survivor: the kill came too late to test anything")
	}
	MustNoViolations(t, fake)
	mustNoTokens(t, fake, logs)
}

// sentCard is one scorecard submission of a load test.
type sentCard struct {
	channel, user string
	view          slacktest.View
	acked         bool
	ack           slacktest.Ack
}

// mustOpenScorecards adds Ada Lovelace to each channel and opens a
// scorecard for her for per users in each, each its own user.
func mustOpenScorecards(tb testing.TB, fake *slacktest.Server, channels []string, per int) []*sentCard {
	tb.Helper()
	var out []*sentCard
	for _, ch := range channels {
		MustCommand(tb, fake, ch, "U1", "/interview", "candidate add Ada Lovelace", "Added Ada Lovelace")
		for i := range per {
			user := fmt.Sprintf("S%s%02d", ch, i)
			out = append(out, &sentCard{channel: ch, user: user, view: mustOpenScorecard(tb, fake, ch, user, "Ada Lovelace")})
		}
	}
	return out
}

// sendCards submits every scorecard at once and returns once each is
// acked or has failed, waiting up to wait for each.
func sendCards(tb testing.TB, fake *slacktest.Server, cards []*sentCard, wait time.Duration) []*sentCard {
	var wg sync.WaitGroup
	for i, c := range cards {
		values := scorecardValues(tb, c.view, 1+i%4, 3, "", "yes")
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), wait)
			defer cancel()
			ack, err := fake.SendViewSubmission(ctx, slacktest.ViewSubmission{User: c.user, ViewID: c.view.ID, Values: values})
			c.acked, c.ack = err == nil, ack
		})
	}
	wg.Wait()
	return cards
}

// mustAnswerCards checks that every scorecard acked is stored and its
// scorer told so, and that every scorecard stored was answered.
func mustAnswerCards(tb testing.TB, fake *slacktest.Server, store *sessions.Store, cards []*sentCard) {
	tb.Helper()
	const saved = "Your scorecard for Ada Lovelace is saved"
	var missing []string
	pollUntil(30*time.Second, func() bool {
		missing = missing[:0]
		for _, c := range cards {
			if c.acked && !strings.Contains(replyTo(fake, c.channel, c.user), saved) {
				missing = append(missing, c.user)
			}
		}
		return len(missing) == 0
	})
	if len(missing) > 0 {
		tb.Errorf("%d acked scorecards had no answer within 30s: %v", len(missing), missing)
	}
	stored, acked := 0, 0
	byChannel := map[string]map[string]bool{}
	for _, c := range cards {
		if byChannel[c.channel] == nil {
			cand, err := store.Scope(hirebot.SessionKey{Team: fake.TeamID(), Channel: c.channel}, nil, "").Candidate(context.Background(), scorecard.ID("Ada Lovelace"))
			if err != nil {
				tb.Fatalf("the candidate of %s: %v", c.channel, err)
			}
			byChannel[c.channel] = map[string]bool{}
			for u := range cand.Cards {
				byChannel[c.channel][u] = true
			}
		}
		in := byChannel[c.channel][c.user]
		switch {
		case c.acked && !in:
			tb.Errorf("%s's scorecard was acked but is not stored", c.user)
		case in && !strings.Contains(replyTo(fake, c.channel, c.user), saved):
			tb.Errorf("%s's scorecard is stored but they were not told", c.user)
		}
		if in {
			stored++
		}
		if c.acked {
			acked++
		}
	}
	// The channel's progress converges: its last line has the stored count.
	for ch := range byChannel {
		cand, err := store.Scope(hirebot.SessionKey{Team: fake.TeamID(), Channel: ch}, nil, "").Candidate(context.Background(), scorecard.ID("Ada Lovelace"))
		if err != nil {
			tb.Fatal(err)
		}
		in, of := cand.Progress()
		want := fmt.Sprintf("Ada Lovelace: %d of %d scorecards in.", in, of)
		if !pollUntil(30*time.Second, func() bool {
			lines := progressLines(fake, ch)
			return len(lines) > 0 && strings.Contains(lines[len(lines)-1], want)
		}) {
			lines := progressLines(fake, ch)
			tb.Errorf("the last progress line of %s is %q, want %q", ch, lines[len(lines)-1:], want)
		}
	}
	tb.Logf("scorecards: %d sent, %d acked, %d stored, every one answered; every channel's last progress line has the stored count", len(cards), acked, stored)
}
