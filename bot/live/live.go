// Package live owns each channel's live draft message: the one Slack
// message that shows the channel's job-description draft as it is. It
// decides when the message is posted or updated, keeps the record of which
// message it is and what it shows in the session store, and leaves
// markers there so that any replica brings a message up to date that the
// replica which changed the draft could not. It posts through a small
// Poster (the Slack adapter implements it) and renders through a Renderer
// (the /jd handler), and knows neither Slack nor Redis.
package live

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
)

// Poster posts, updates and deletes a card as a channel message, named by
// its reference "CHANNEL/TS". A refusal to post for a while (Slack's rate
// limit) is a *RateLimitedError.
type Poster interface {
	Post(ctx context.Context, channel string, card *bot.Card) (ref string, err error)
	Update(ctx context.Context, ref string, card *bot.Card) error
	Delete(ctx context.Context, ref string) error
}

// RateLimitedError says the poster may not post again for Wait.
type RateLimitedError struct {
	Wait time.Duration
	Err  error
}

// Error describes e for logs.
func (e *RateLimitedError) Error() string {
	return fmt.Sprintf("rate limited for %s: %v", e.Wait, e.Err)
}

// Unwrap returns the poster's own error.
func (e *RateLimitedError) Unwrap() error { return e.Err }

// Renderer renders a draft as its live message shows it.
type Renderer interface {
	DraftCard(d *draft.Draft) *bot.Card
}

// View is what a channel's live message should show and what is known of
// the message, read together.
type View struct {
	Draft *draft.Draft
	Rev   int    // the draft's revision: the store's count of its writes
	Ref   string // the live message; "" for none yet
	Shown int    // the revision Ref was last recorded showing (0: none)
}

// Store keeps the live message's record and markers, across replicas.
//
// TakeLive takes the turn to update key's message for gap — no other
// replica updates it meanwhile — and reads the View, in one round trip; it
// returns how long until the turn may be taken when another replica holds
// it. RecordLive records that ref shows revision rev (as the new live
// message when old differs: only if the recorded one is still old, else it
// reports false) and returns the draft's revision now; it clears key's
// marker, unless ref lost or the draft moved on since rev. MarkLiveBehind
// marks key's message as possibly behind, due for any replica to update
// at due; ClaimLiveBehind takes up to limit markers due at now for this
// replica, for lease; ClearLiveBehind removes key's. A draft that is gone
// is a hirebot.NotFound error.
type Store interface {
	TakeLive(ctx context.Context, key hirebot.SessionKey, gap time.Duration) (View, time.Duration, error)
	RecordLive(ctx context.Context, key hirebot.SessionKey, old, ref string, rev int) (bool, int, error)
	MarkLiveBehind(ctx context.Context, key hirebot.SessionKey, due time.Time) error
	ClaimLiveBehind(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]hirebot.SessionKey, error)
	ClearLiveBehind(ctx context.Context, key hirebot.SessionKey) error
}

// Pacing of live message updates.
const (
	// Gap is the least time between two updates of one channel's message,
	// by any replica: Slack's pace for a channel.
	Gap = time.Second
	// Grace is how long after a change its marker waits for the replica
	// that made it before any replica may take it: the store's writes mark
	// changes with it (sessions.Options.LiveGrace).
	Grace = 5 * time.Second
	// sweepEvery is how often Sweep looks for markers that came due.
	sweepEvery = time.Second
	// maxRetryWait caps the wait between failed updates (Retry-After
	// excepted).
	maxRetryWait = 30 * time.Second
	// maxFlushes is how many live messages a process updates at once.
	maxFlushes = 4
	// flushTimeout bounds one update.
	flushTimeout = 15 * time.Second
)

// Live keeps each channel's live draft message current. Changes are
// coalesced: a burst of edits becomes a few updates, at most one a Gap per
// channel, and the last one always shows the latest state, read from the
// store when it is sent. An update learns the draft's revision as it
// records what it showed: if another replica changed the draft
// meanwhile, the message is brought up to date again, so replicas never
// leave it rolled back.
//
// It never gives up while the draft is newer than the message: a failed
// update is retried, after the poster's wait when rate limited, however
// long. And a change is marked in the store before it is made (by the
// change's own write, or Expect): the marker is cleared once the message
// shows it, and if it is still there when due — the replica that made the
// change died, or is stuck — any replica's sweep (Sweep) takes it and
// brings the message up to date.
type Live struct {
	post   Poster
	render Renderer
	store  Store
	log    *slog.Logger
	window time.Duration
	now    func() time.Time

	mu      sync.Mutex
	pending map[hirebot.SessionKey]*state // channels with an update to send
	// ready are channels whose wait is over, in the order it ended. At
	// most maxFlushes goroutines take them, and none while there are none,
	// so a burst over many channels costs a timer and a map entry each,
	// not a goroutine each, and does not take the cores from acking.
	ready    []hirebot.SessionKey
	flushers int
	wg       sync.WaitGroup // one per pending channel
}

// state is one pending channel's.
type state struct {
	dirty    bool // changed since the last flush began
	fresh    bool // post anew instead of updating
	adopted  bool // taken from a marker: skip the update if the message is current
	failures int  // flushes failed in a row
}

// turnTaken says another replica updated the channel's message less than
// Gap ago: try again after wait. It is not a failure.
type turnTaken struct{ wait time.Duration }

func (t *turnTaken) Error() string { return "another replica's turn to update the live message" }

// TurnTaken reports whether err says that another replica (or this one)
// updated the channel's message less than Gap ago, and how long until
// the next turn.
func TurnTaken(err error) (time.Duration, bool) {
	var t *turnTaken
	if errors.As(err, &t) {
		return t.wait, true
	}
	return 0, false
}

// New returns a Live that waits window after a change before updating
// (300 ms when zero), renders with render and posts with post.
func New(post Poster, render Renderer, store Store, log *slog.Logger, window time.Duration) *Live {
	if window <= 0 {
		window = 300 * time.Millisecond
	}
	return &Live{post: post, render: render, store: store, log: log, window: window,
		pending: map[hirebot.SessionKey]*state{}, now: time.Now}
}

// Expect marks key's live message as possibly behind, so that if no
// replica brings it up to date another one does, after Grace; now makes
// the marker due at once (a redelivered request: the replica that made
// the change may be gone). A failure to mark is logged.
func (lv *Live) Expect(ctx context.Context, key hirebot.SessionKey, now bool) {
	if key.Channel == "" {
		return
	}
	due := lv.now().Add(Grace)
	if now {
		due = lv.now()
	}
	if err := lv.store.MarkLiveBehind(ctx, key, due); err != nil {
		lv.log.Warn("could not mark the live draft message as behind", "team", key.Team, "channel", key.Channel, "err", err)
	}
}

// Sweep takes the markers that came due, every sweepEvery until ctx is
// done, and brings their live messages up to date.
func (lv *Live) Sweep(ctx context.Context) {
	t := time.NewTicker(sweepEvery)
	defer t.Stop()
	for {
		keys, err := lv.store.ClaimLiveBehind(ctx, lv.now(), Grace, 50)
		if err != nil && ctx.Err() == nil {
			lv.log.Debug("could not look for live draft messages behind", "err", err)
		}
		for _, key := range keys {
			lv.log.Info("live draft message left behind: bringing it up to date", "team", key.Team, "channel", key.Channel)
			lv.adopt(key)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// adopt brings key's message up to date if it is behind.
func (lv *Live) adopt(key hirebot.SessionKey) {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	if st, ok := lv.pending[key]; ok {
		st.dirty = true
		return
	}
	lv.pending[key] = &state{dirty: true, adopted: true}
	lv.wg.Add(1)
	lv.after(0, key)
}

// Changed notes that key's draft changed. fresh posts a new message at the
// bottom of the channel instead of updating the old one.
func (lv *Live) Changed(key hirebot.SessionKey, fresh bool) {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	if st, ok := lv.pending[key]; ok {
		st.dirty = true
		st.fresh = st.fresh || fresh
		return
	}
	lv.pending[key] = &state{dirty: true, fresh: fresh}
	lv.wg.Add(1)
	lv.after(lv.window, key)
}

// PostNow posts key's live message at once, at the bottom of the channel,
// and returns the poster's refusal if there is one. It also fails when the
// channel's message was updated less than Gap ago (by any replica): the
// caller then leaves the post to Changed.
func (lv *Live) PostNow(ctx context.Context, key hirebot.SessionKey) error {
	return lv.flush(ctx, key, true, false)
}

// Wait blocks until every pending update has been sent or given up.
func (lv *Live) Wait() { lv.wg.Wait() }

// after puts key among the ready channels once d has passed.
func (lv *Live) after(d time.Duration, key hirebot.SessionKey) {
	time.AfterFunc(d, func() {
		lv.mu.Lock()
		defer lv.mu.Unlock()
		lv.ready = append(lv.ready, key)
		if lv.flushers < maxFlushes {
			lv.flushers++
			go lv.flushReady()
		}
	})
}

// flushReady brings ready channels up to date until none is left.
func (lv *Live) flushReady() {
	for {
		lv.mu.Lock()
		if len(lv.ready) == 0 {
			lv.flushers--
			lv.mu.Unlock()
			return
		}
		key := lv.ready[0]
		lv.ready = lv.ready[1:]
		lv.mu.Unlock()
		lv.turn(key)
	}
}

// turn is one channel's turn: if it changed since its last flush, flush
// it, then wait at least Gap (or, after a failure, the poster's wait or a
// backoff) for more changes; if it did not, it is no longer pending. A
// failed flush is retried for as long as it takes.
func (lv *Live) turn(key hirebot.SessionKey) {
	lv.mu.Lock()
	st := lv.pending[key]
	if !st.dirty {
		delete(lv.pending, key)
		lv.mu.Unlock()
		lv.wg.Done()
		return
	}
	st.dirty = false
	fresh, adopted := st.fresh, st.adopted
	st.fresh, st.adopted = false, false
	lv.mu.Unlock()

	ctx, cancel := context.WithTimeout(context.Background(), flushTimeout)
	err := lv.flush(ctx, key, fresh, adopted)
	cancel()

	var taken *turnTaken
	if err == nil || errors.As(err, &taken) {
		lv.mu.Lock()
		defer lv.mu.Unlock()
		if err == nil {
			st.failures = 0
			lv.after(max(lv.window, Gap), key)
			return
		}
		st.dirty = true
		st.fresh = st.fresh || fresh
		lv.after(taken.wait, key)
		return
	}
	lv.mu.Lock()
	st.failures++
	failures := st.failures
	st.dirty = true
	st.fresh = st.fresh || fresh
	lv.mu.Unlock()
	wait := min(time.Duration(failures)*time.Second, maxRetryWait)
	var rl *RateLimitedError
	if errors.As(err, &rl) {
		wait = max(rl.Wait, time.Second)
	}
	lv.log.Warn("live draft message not updated; retrying", "team", key.Team, "channel", key.Channel,
		"attempt", failures, "retry_in", wait.String(), "err", err)
	// Keep the marker from coming due while this replica waits its turn.
	mctx, mcancel := context.WithTimeout(context.Background(), time.Second)
	if merr := lv.store.MarkLiveBehind(mctx, key, lv.now().Add(wait+Grace)); merr != nil {
		lv.log.Debug("could not move the live message's marker", "err", merr)
	}
	mcancel()
	lv.mu.Lock()
	defer lv.mu.Unlock()
	lv.after(wait, key)
}

// flush shows the current draft in the channel's live message and records
// what it shows, in two round trips to the store: the turn taken with the
// read, and the record (which clears the marker, or, when the draft moved
// on or another message won, asks for another round). adopted (taken from
// a marker) skips the update when the message already shows the draft's
// revision.
func (lv *Live) flush(ctx context.Context, key hirebot.SessionKey, fresh, adopted bool) error {
	view, wait, err := lv.store.TakeLive(ctx, key, Gap)
	switch {
	case hirebot.KindOf(err) == hirebot.NotFound:
		return lv.store.ClearLiveBehind(ctx, key) // discarded meanwhile
	case err != nil:
		return fmt.Errorf("read the live draft: %w", err)
	case wait > 0:
		return &turnTaken{wait: wait}
	case adopted && view.Ref != "" && !fresh && view.Shown >= view.Rev:
		return lv.store.ClearLiveBehind(ctx, key)
	}
	card := lv.render.DraftCard(view.Draft)
	ref := view.Ref
	if ref == "" || fresh {
		if ref, err = lv.post.Post(ctx, key.Channel, card); err != nil {
			return fmt.Errorf("post live draft: %w", err)
		}
	} else if err := lv.post.Update(ctx, ref, card); err != nil {
		return fmt.Errorf("update live draft: %w", err)
	}
	won, now, err := lv.store.RecordLive(ctx, key, view.Ref, ref, view.Rev)
	if err != nil {
		lv.log.Debug("could not record what the live message shows", "err", err)
		return nil
	}
	if !won && ref != view.Ref {
		// Another replica posted one too and recorded it first: take ours
		// back and bring theirs up to date instead.
		if err := lv.post.Delete(ctx, ref); err != nil {
			lv.log.Warn("a second live draft message could not be deleted", "team", key.Team, "channel", key.Channel, "err", err)
		}
	}
	if !won || now > view.Rev {
		lv.Changed(key, false)
	}
	return nil
}
