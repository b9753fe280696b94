package live_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/bot/live"
	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/internal/redistest"
)

// poster is a channel as the live message sees it: it records what is
// posted, updated and deleted, and fails as it is told to.
type poster struct {
	mu       sync.Mutex
	messages map[string]string // ref → the card's intro; deleted ones are gone
	posts    int
	updates  []time.Time
	n        int
	// fail, when set, answers the next call instead of the channel.
	fail func(method string) error
}

func newPoster() *poster { return &poster{messages: map[string]string{}} }

func (p *poster) refuse(method string) error {
	if p.fail == nil {
		return nil
	}
	err := p.fail(method)
	if err != nil {
		p.fail = nil
	}
	return err
}

func (p *poster) Post(_ context.Context, channel string, card *bot.Card) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.refuse("post"); err != nil {
		return "", err
	}
	p.n++
	p.posts++
	ref := channel + "/" + strconv.Itoa(p.n)
	p.messages[ref] = card.Intro
	return ref, nil
}

func (p *poster) Update(_ context.Context, ref string, card *bot.Card) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.refuse("update"); err != nil {
		return err
	}
	if _, ok := p.messages[ref]; !ok {
		return errors.New("message_not_found")
	}
	p.updates = append(p.updates, time.Now())
	p.messages[ref] = card.Intro
	return nil
}

func (p *poster) Delete(_ context.Context, ref string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.messages, ref)
	return nil
}

// shows returns what the channel's messages show, and how many posts and
// updates were made.
func (p *poster) shows() (map[string]string, int, int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string]string{}
	for ref, intro := range p.messages {
		out[ref] = intro
	}
	return out, p.posts, len(p.updates)
}

// renderer shows a draft's version.
type renderer struct{}

func (renderer) DraftCard(d *draft.Draft) *bot.Card {
	return &bot.Card{Intro: "version " + strconv.Itoa(d.Version)}
}

// fixture is a channel with a draft in a real redis-server, and a Live
// keeping its message current through a poster.
type fixture struct {
	store  *sessions.Store
	client redis.UniversalClient
	key    hirebot.SessionKey
	post   *poster
	live   *live.Live
}

var channels atomic.Int64

// mustFixture starts a redis-server and a Live on it, with a draft in a
// channel of its own; it waits for the Live's updates when the test ends.
func mustFixture(t *testing.T, srv *redistest.Server) *fixture {
	t.Helper()
	client, err := sessions.Open(t.Context(), srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = client.Close() })
	f := &fixture{store: sessions.New(client, sessions.Options{LiveGrace: live.Grace}), client: client,
		key: hirebot.SessionKey{Team: "T1", Channel: fmt.Sprintf("C%d", channels.Add(1))}, post: newPoster()}
	f.live = live.New(f.post, renderer{}, f.store, slog.New(slog.NewTextHandler(io.Discard, nil)), 20*time.Millisecond)
	t.Cleanup(f.live.Wait)
	d, e, err := draft.New(draft.Start{Role: "cto", Owner: "U1", At: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.store.Scope(f.key, nil, "U1").CreateDraft(t.Context(), d, e); err != nil {
		t.Fatal(err)
	}
	return f
}

// change changes the draft, as a request does, and tells Live.
func (f *fixture) change(t *testing.T, n int) int {
	t.Helper()
	d, _, err := f.store.Scope(f.key, nil, "U1").UpdateDraft(t.Context(), func(d *draft.Draft, _ int) (draft.Entry, error) {
		return d.Apply(draft.Change{Op: draft.OpAdd, Section: draft.Benefits, Text: "benefit " + strconv.Itoa(n), By: "U1", At: time.Now()})
	})
	if err != nil {
		t.Fatal(err)
	}
	f.live.Changed(f.key, false)
	return d.Version
}

// mustShow waits until the channel's one message shows version v.
func (f *fixture) mustShow(t *testing.T, v int) string {
	t.Helper()
	want := "version " + strconv.Itoa(v)
	deadline := time.Now().Add(10 * time.Second)
	for {
		shown, _, _ := f.post.shows()
		for ref, intro := range shown {
			if intro == want && len(shown) == 1 {
				return ref
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the channel shows %v, want one message at %q", shown, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// marked reports whether the channel's live message is marked behind.
func (f *fixture) marked(t *testing.T) bool {
	t.Helper()
	_, err := f.client.ZScore(t.Context(), "hirebot:live:behind", f.key.Team+":"+f.key.Channel).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		t.Fatal(err)
	}
	return err == nil
}

// TestBurstIsCoalesced: twenty changes in a burst are a few updates of
// the message (two, while the burst lasts under live.Gap), spaced at
// least live.Gap apart; the message ends showing the last, nothing is
// left marked behind, and each flush costs two round trips to the store.
func TestBurstIsCoalesced(t *testing.T) {
	t.Parallel()
	f := mustFixture(t, redistest.MustStart(t))
	f.live.Changed(f.key, false) // the message is posted, and the scripts loaded
	f.mustShow(t, 1)
	f.live.Wait()
	ops := &opCounts{n: map[string]int{}}
	f.client.AddHook(ops)
	last, start := 0, time.Now()
	for i := range 20 {
		last = f.change(t, i)
	}
	burst := time.Since(start)
	f.mustShow(t, last)
	f.live.Wait()
	counts := ops.counts()
	shown, posts, updates := f.post.shows()
	// One update as the burst begins, one a Gap while it lasts, one after.
	most := 2 + int(burst/live.Gap)
	if posts != 1 || updates == 0 || updates > most || len(shown) != 1 {
		t.Errorf("%d posts and %d updates for a message and a burst of 20 changes over %s; want 1 post and at most %d updates", posts, updates, burst, most)
	}
	f.post.mu.Lock()
	for i := 1; i < len(f.post.updates); i++ {
		if gap := f.post.updates[i].Sub(f.post.updates[i-1]); gap < live.Gap {
			t.Errorf("updates %s apart; want at least %s", gap, live.Gap)
		}
	}
	f.post.mu.Unlock()
	if f.marked(t) {
		t.Error("the message shows the draft, yet it is marked behind")
	}
	// A flush is two round trips: the turn taken with the read, and the
	// record of what it showed (which clears the marker, or, when the
	// draft moved on meanwhile, is followed by the marker set again).
	const take, record, mark = "take the live message's turn and read the draft", "record the live message", "mark the live message behind"
	if counts[record] != updates || counts[take] < updates || counts[mark] > updates {
		t.Errorf("%d updates took %v; want a record each, a take each (more when the turn was another's), and at most a marker each", updates, counts)
	}
	for op, n := range counts {
		if op != take && op != record && op != mark && op != "update draft" && op != "read draft" {
			t.Errorf("Live made %d round trips for %q", n, op)
		}
	}
}

// opCounts counts round trips by the store operation they were for.
type opCounts struct {
	mu sync.Mutex
	n  map[string]int
}

func (h *opCounts) add(ctx context.Context) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.n[sessions.Operation(ctx)]++
}

func (h *opCounts) counts() map[string]int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return maps.Clone(h.n)
}

func (h *opCounts) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h *opCounts) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if cmd.Name() != "hello" {
			h.add(ctx)
		}
		return next(ctx, cmd)
	}
}

func (h *opCounts) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		h.add(ctx)
		return next(ctx, cmds)
	}
}

// TestRateLimited: a rate-limited update is retried after the poster's
// wait, and the marker is kept meanwhile so that no change is left
// unshown should this replica die.
func TestRateLimited(t *testing.T) {
	t.Parallel()
	f := mustFixture(t, redistest.MustStart(t))
	f.live.Changed(f.key, false)
	f.mustShow(t, 1)
	f.live.Wait()
	wait := 1500 * time.Millisecond
	f.post.mu.Lock()
	f.post.fail = func(method string) error {
		if method != "update" {
			return nil
		}
		return &live.RateLimitedError{Wait: wait, Err: errors.New("ratelimited")}
	}
	f.post.mu.Unlock()
	start := time.Now()
	v := f.change(t, 1)
	f.mustShow(t, v)
	if took := time.Since(start); took < wait {
		t.Errorf("the update came %s after the change, before the rate limit's %s", took, wait)
	}
	f.live.Wait()
	if f.marked(t) {
		t.Error("the message is current, yet marked behind")
	}
}

// TestPostNow: a new message is posted at once, at the bottom, and
// becomes the live one; the old one stays as it was. The poster's refusal
// reaches the caller.
func TestPostNow(t *testing.T) {
	t.Parallel()
	f := mustFixture(t, redistest.MustStart(t))
	if err := f.live.PostNow(t.Context(), f.key); err != nil {
		t.Fatal(err)
	}
	first := f.mustShow(t, 1)
	// One update a Gap per channel: post again once the turn is ours,
	// waiting as long as the store says, not a guessed sleep.
	for {
		err := f.live.PostNow(t.Context(), f.key)
		if wait, taken := live.TurnTaken(err); taken {
			time.Sleep(wait)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		break
	}
	shown, posts, _ := f.post.shows()
	if posts != 2 || len(shown) != 2 {
		t.Errorf("after two posts the channel shows %v; want both messages", shown)
	}
	v := f.change(t, 1)
	deadline := time.Now().Add(10 * time.Second)
	for {
		shown, _, _ = f.post.shows()
		if shown[first] == "version 1" && strings.Count(fmt.Sprint(shown), "version "+strconv.Itoa(v)) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the channel shows %v; want the old message left at version 1 and the new one at %d", shown, v)
		}
		time.Sleep(10 * time.Millisecond)
	}

	g := mustFixture(t, redistest.MustStart(t))
	refused := errors.New("not_in_channel")
	g.post.fail = func(string) error { return refused }
	if err := g.live.PostNow(t.Context(), g.key); !errors.Is(err, refused) {
		t.Errorf("PostNow = %v, want the poster's refusal", err)
	}
}

// TestSweepTakesOverAMarker: a change whose replica died before the
// message showed it (a marker comes due, and no Changed) is shown by any
// replica's sweep.
func TestSweepTakesOverAMarker(t *testing.T) {
	t.Parallel()
	srv := redistest.MustStart(t)
	f := mustFixture(t, srv)
	if err := f.store.MarkLiveBehind(t.Context(), f.key, time.Now()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); f.live.Sweep(ctx) }()
	f.mustShow(t, 1)
	cancel()
	<-done
	f.live.Wait()
	if f.marked(t) {
		t.Error("the marker was left after the message was brought up to date")
	}
}

// TestGoneDraft: a draft discarded before its message is updated leaves
// nothing to show and no marker.
func TestGoneDraft(t *testing.T) {
	t.Parallel()
	f := mustFixture(t, redistest.MustStart(t))
	d, err := f.store.Scope(f.key, nil, "").Draft(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if err := f.store.Scope(f.key, nil, "U1").DiscardDraft(t.Context(), d.ID, d.Version); err != nil {
		t.Fatal(err)
	}
	if err := f.store.MarkLiveBehind(t.Context(), f.key, time.Now()); err != nil {
		t.Fatal(err)
	}
	f.live.Changed(f.key, false)
	f.live.Wait()
	if shown, posts, _ := f.post.shows(); posts != 0 {
		t.Errorf("a discarded draft was posted: %v", shown)
	}
	if f.marked(t) {
		t.Error("a discarded draft's marker was left")
	}
}
