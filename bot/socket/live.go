package socket

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
)

// LiveSource renders a channel's live draft card as it is now, with the
// draft's version and the reference of its live message ("" if none), in
// one read.
type LiveSource interface {
	LiveCard(ctx context.Context, key hirebot.SessionKey) (card *bot.Card, version int, ref string, err error)
}

// LiveRefs remembers which message is a channel's live draft message and
// which version it shows, and marks the channels whose message may be
// behind. ReplaceLiveMessage records ref only if the recorded one is still
// old, and reports whether it did. SetLiveShown records the version ref
// shows; LiveShown returns it (0 if unknown or ref is not the live
// message). MarkLiveBehind marks key's message as possibly behind, due for
// any replica to update at due; ClaimLiveBehind takes up to limit markers
// due at now for this replica for lease; ClearLiveBehind removes key's.
// TakeLiveTurn takes the turn to update key's message for gap, across
// replicas, or says how long until the current turn ends.
type LiveRefs interface {
	ReplaceLiveMessage(ctx context.Context, key hirebot.SessionKey, old, ref string) (bool, error)
	SetLiveShown(ctx context.Context, key hirebot.SessionKey, ref string, version int) error
	LiveShown(ctx context.Context, key hirebot.SessionKey, ref string) (int, error)
	MarkLiveBehind(ctx context.Context, key hirebot.SessionKey, due time.Time) error
	ClaimLiveBehind(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]hirebot.SessionKey, error)
	ClearLiveBehind(ctx context.Context, key hirebot.SessionKey) error
	TakeLiveTurn(ctx context.Context, key hirebot.SessionKey, gap time.Duration) (time.Duration, error)
}

// Live keeps each channel's live draft message current. Changes are
// coalesced: a burst of edits becomes a few chat.update calls, at most one
// a second per channel (Slack's pace for a channel), and the last one
// always shows the latest state, read from the store when it is sent.
// Once a burst is over, the draft is read once more: if another replica
// changed it while this one was updating, the message is brought up to
// date again, so replicas never leave it rolled back.
//
// It never gives up while the draft is newer than the message: a failed
// update is retried, after Slack's Retry-After when rate limited, however
// long. And a change is marked in the store before it is made (Expect):
// the marker is cleared once the message shows it, and if it is still
// there when due — the replica that made the change died, or is stuck —
// any replica's sweep (Sweep) takes it and brings the message up to date.
type Live struct {
	post   *Delivery // posts and updates the message: Live only decides when
	src    LiveSource
	refs   LiveRefs
	log    *slog.Logger
	window time.Duration

	mu      sync.Mutex
	pending map[hirebot.SessionKey]*liveState // channels with an update to send
	now     func() time.Time
	// ready are channels whose wait is over, in the order it ended. At
	// most maxFlushes goroutines take them, and none while there are none,
	// so a burst over many channels costs a timer and a map entry each,
	// not a goroutine each, and does not take the cores from acking.
	ready    []hirebot.SessionKey
	flushers int
	wg       sync.WaitGroup // one per pending channel
}

// maxFlushes is how many live messages a process updates at once.
const maxFlushes = 4

// Pacing of live message updates.
const (
	// liveGap is the least time between two updates of one channel's
	// message, by any replica.
	liveGap = time.Second
	// LiveGrace is how long after a change its marker waits for the
	// replica that made it before any replica may take it: the store's
	// writes mark changes with it (sessions.Options.LiveGrace).
	LiveGrace = 5 * time.Second
	// sweepEvery is how often Sweep looks for markers that came due.
	sweepEvery = time.Second
	// maxRetryWait caps the wait between failed updates (Retry-After
	// excepted).
	maxRetryWait = 30 * time.Second
)

// turnTaken says another replica updated the channel's message less than
// liveGap ago: try again after wait. It is not a failure.
type turnTaken struct{ wait time.Duration }

func (t *turnTaken) Error() string { return "another replica's turn to update the live message" }

// liveState is one pending channel's.
type liveState struct {
	dirty    bool // changed since the last flush began
	fresh    bool // post anew instead of updating
	adopted  bool // taken from a marker: skip the update if the message is current
	failures int  // flushes failed in a row
}

// NewLive returns a Live that waits window after a change before updating
// (300 ms when zero), and posts and updates through a Delivery on api.
func NewLive(api *slack.Client, src LiveSource, refs LiveRefs, log *slog.Logger, window time.Duration) *Live {
	if window <= 0 {
		window = 300 * time.Millisecond
	}
	return &Live{post: &Delivery{api: api, log: log}, src: src, refs: refs, log: log, window: window,
		pending: map[hirebot.SessionKey]*liveState{}, now: time.Now}
}

// Expect marks key's live message as possibly behind, so that if no
// replica brings it up to date another one does, after LiveGrace; now makes
// the marker due at once (a redelivered request: the replica that made the
// change may be gone). A failure to mark is logged.
func (lv *Live) Expect(ctx context.Context, key hirebot.SessionKey, now bool) {
	if key.Channel == "" {
		return
	}
	due := lv.now().Add(LiveGrace)
	if now {
		due = lv.now()
	}
	if err := lv.refs.MarkLiveBehind(ctx, key, due); err != nil {
		lv.log.Warn("could not mark the live draft message as behind", "team", key.Team, "channel", key.Channel, "err", err)
	}
}

// Sweep takes the markers that came due, every sweepEvery until ctx is
// done, and brings their live messages up to date.
func (lv *Live) Sweep(ctx context.Context) {
	t := time.NewTicker(sweepEvery)
	defer t.Stop()
	for {
		keys, err := lv.refs.ClaimLiveBehind(ctx, lv.now(), LiveGrace, 50)
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
	lv.pending[key] = &liveState{dirty: true, adopted: true}
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
	lv.pending[key] = &liveState{dirty: true, fresh: fresh}
	lv.wg.Add(1)
	lv.after(lv.window, key)
}

// PostNow posts key's live message at once, at the bottom of the channel,
// and returns Slack's refusal if there is one. It also fails when the
// channel's message was updated less than a second ago (by any replica):
// the caller then leaves the post to Changed.
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
// it, then wait at least liveGap (or, after a failure, Slack's Retry-After
// or a backoff) for more changes; if it did not, it is no longer pending.
// A failed flush is retried for as long as it takes.
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

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	err := lv.flush(ctx, key, fresh, adopted)
	cancel()

	if err == nil {
		lv.mu.Lock()
		defer lv.mu.Unlock()
		st.failures = 0
		lv.after(max(lv.window, liveGap), key)
		return
	}
	var taken *turnTaken
	if errors.As(err, &taken) {
		lv.mu.Lock()
		defer lv.mu.Unlock()
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
	var rl *slack.RateLimitedError
	if errors.As(err, &rl) {
		wait = max(rl.RetryAfter, time.Second)
	}
	lv.log.Warn("live draft message not updated; retrying", "team", key.Team, "channel", key.Channel,
		"attempt", failures, "retry_in", wait.String(), "err", err)
	// Keep the marker from coming due while this replica waits its turn.
	mctx, mcancel := context.WithTimeout(context.Background(), time.Second)
	if merr := lv.refs.MarkLiveBehind(mctx, key, lv.now().Add(wait+LiveGrace)); merr != nil {
		lv.log.Debug("could not move the live message's marker", "err", merr)
	}
	mcancel()
	lv.mu.Lock()
	defer lv.mu.Unlock()
	lv.after(wait, key)
}

// flush shows the current draft in the channel's live message and records
// the version it shows. adopted (taken from a marker) skips the update
// when the message already shows the draft's version. Unless another local
// change is already waiting (whose flush reads the draft anyway), it then
// reads the draft again and asks for another round if the draft moved on,
// or the live message moved, meanwhile; if not, the message is current and
// its marker is cleared.
func (lv *Live) flush(ctx context.Context, key hirebot.SessionKey, fresh, adopted bool) error {
	card, version, ref, err := lv.src.LiveCard(ctx, key)
	if hirebot.KindOf(err) == hirebot.NotFound {
		return lv.refs.ClearLiveBehind(ctx, key) // discarded meanwhile
	}
	if err != nil {
		return fmt.Errorf("render live draft: %w", err)
	}
	if adopted && ref != "" && !fresh {
		if shown, err := lv.refs.LiveShown(ctx, key, ref); err == nil && shown >= version {
			return lv.refs.ClearLiveBehind(ctx, key)
		}
	}
	// One update a second per channel, whichever replica sends it.
	if wait, err := lv.refs.TakeLiveTurn(ctx, key, liveGap); err != nil {
		return fmt.Errorf("take the live message's turn: %w", err)
	} else if wait > 0 {
		return &turnTaken{wait: wait}
	}
	if ref == "" || fresh {
		old := ref
		if ref, err = lv.post.postCard(ctx, key.Channel, card); err != nil {
			return fmt.Errorf("post live draft: %w", err)
		}
		if won, err := lv.refs.ReplaceLiveMessage(ctx, key, old, ref); err != nil {
			return fmt.Errorf("remember live draft message: %w", err)
		} else if !won {
			// Another replica posted one too and recorded it first: take
			// ours back and bring theirs up to date instead.
			if err := lv.post.deleteCard(ctx, ref); err != nil {
				lv.log.Warn("a second live draft message could not be deleted", "team", key.Team, "channel", key.Channel, "err", err)
			}
			lv.markDirty(key)
			return nil
		}
	} else if err := lv.post.updateCard(ctx, ref, card); err != nil {
		return fmt.Errorf("update live draft: %w", err)
	}
	if err := lv.refs.SetLiveShown(ctx, key, ref, version); err != nil {
		lv.log.Debug("could not record the live message's version", "err", err)
	}
	lv.mu.Lock()
	st, ok := lv.pending[key]
	again := ok && st.dirty
	lv.mu.Unlock()
	if again {
		return nil
	}
	if _, now, nowRef, err := lv.src.LiveCard(ctx, key); err == nil && (now > version || nowRef != ref) {
		lv.markDirty(key)
	} else if err == nil {
		if err := lv.refs.ClearLiveBehind(ctx, key); err != nil {
			lv.log.Debug("could not clear the live message's marker", "err", err)
		}
	}
	return nil
}

// markDirty asks for another round for key: at its next turn if it is
// pending, else after a window (a flush by PostNow has no turn of its own).
func (lv *Live) markDirty(key hirebot.SessionKey) { lv.Changed(key, false) }
