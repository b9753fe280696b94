package socket

import (
	"context"
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

// LiveRefs remembers which message is a channel's live draft message.
// ReplaceLiveMessage records ref only if the recorded one is still old, and
// reports whether it did.
type LiveRefs interface {
	ReplaceLiveMessage(ctx context.Context, key hirebot.SessionKey, old, ref string) (bool, error)
}

// Live keeps each channel's live draft message current. Changes are
// coalesced: a burst of edits becomes a few chat.update calls, and the
// last one always shows the latest state, read from the store when it is
// sent. Once a burst is over, the draft is read once more: if another
// replica changed it while this one was updating, the message is brought
// up to date again, so replicas never leave it rolled back.
type Live struct {
	post   *Delivery // posts and updates the message: Live only decides when
	src    LiveSource
	refs   LiveRefs
	log    *slog.Logger
	window time.Duration

	mu      sync.Mutex
	pending map[hirebot.SessionKey]*liveState // channels with an update to send
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

// liveState is one pending channel's.
type liveState struct {
	dirty    bool // changed since the last flush began
	fresh    bool // post anew instead of updating
	failures int  // flushes failed in a row
}

// NewLive returns a Live that waits window after a change before updating
// (300 ms when zero), and posts and updates through a Delivery on api.
func NewLive(api *slack.Client, src LiveSource, refs LiveRefs, log *slog.Logger, window time.Duration) *Live {
	if window <= 0 {
		window = 300 * time.Millisecond
	}
	return &Live{post: &Delivery{api: api, log: log}, src: src, refs: refs, log: log, window: window,
		pending: map[hirebot.SessionKey]*liveState{}}
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
// and returns Slack's refusal if there is one.
func (lv *Live) PostNow(ctx context.Context, key hirebot.SessionKey) error {
	return lv.flush(ctx, key, true)
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
// it, then wait a window (or, after a failure, a second for each failure
// in a row) for more changes; if it did not, it is no longer pending.
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
	fresh := st.fresh
	st.fresh = false
	lv.mu.Unlock()

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	err := lv.flush(ctx, key, fresh)
	cancel()

	lv.mu.Lock()
	defer lv.mu.Unlock()
	if err == nil {
		st.failures = 0
		lv.after(lv.window, key)
		return
	}
	st.failures++
	lv.log.Warn("live draft message not updated", "team", key.Team, "channel", key.Channel,
		"attempt", st.failures, "err", err)
	if st.failures >= 5 {
		lv.log.Error("giving up on the live draft message until the next change",
			"team", key.Team, "channel", key.Channel)
		delete(lv.pending, key)
		lv.wg.Done()
		return
	}
	st.dirty = true
	st.fresh = st.fresh || fresh
	lv.after(time.Duration(st.failures)*time.Second, key)
}

// flush shows the current draft in the channel's live message. Unless
// another local change is already waiting (whose flush reads the draft
// anyway), it then reads the draft again and asks for another round if
// the draft moved on, or the live message moved, meanwhile.
func (lv *Live) flush(ctx context.Context, key hirebot.SessionKey, fresh bool) error {
	card, version, ref, err := lv.src.LiveCard(ctx, key)
	if hirebot.KindOf(err) == hirebot.NotFound {
		return nil // discarded meanwhile
	}
	if err != nil {
		return fmt.Errorf("render live draft: %w", err)
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
	lv.mu.Lock()
	st, ok := lv.pending[key]
	again := ok && st.dirty
	lv.mu.Unlock()
	if again {
		return nil
	}
	if _, now, nowRef, err := lv.src.LiveCard(ctx, key); err == nil && (now > version || nowRef != ref) {
		lv.markDirty(key)
	}
	return nil
}

// markDirty asks for another round for key: at its next turn if it is
// pending, else after a window (a flush by PostNow has no turn of its own).
func (lv *Live) markDirty(key hirebot.SessionKey) { lv.Changed(key, false) }
