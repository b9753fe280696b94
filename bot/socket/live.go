package socket

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
)

// LiveSource renders a channel's live draft card as it is now, with the
// draft's version and the reference of its live message ("" if none), in
// one read.
type LiveSource interface {
	LiveCard(ctx context.Context, key hirebot.SessionKey) (card *bot.Card, version int, ref string, err error)
}

// LiveRefs remembers which message is a channel's live draft message.
type LiveRefs interface {
	SetLiveMessage(ctx context.Context, key hirebot.SessionKey, ref string) error
}

// Live keeps each channel's live draft message current. Changes are
// coalesced: a burst of edits becomes a few chat.update calls, and the
// last one always shows the latest state, read from the store when it is
// sent. Once a burst is over, the draft is read once more: if another
// replica changed it while this one was updating, the message is brought
// up to date again, so replicas never leave it rolled back.
type Live struct {
	api    *slack.Client
	src    LiveSource
	refs   LiveRefs
	log    *slog.Logger
	window time.Duration

	// flushes bounds how many channels' messages are brought up to date
	// at once, so a burst over many channels does not take the cores
	// from acking.
	flushes chan struct{}

	mu      sync.Mutex
	pending map[hirebot.SessionKey]*liveState
	wg      sync.WaitGroup
}

// maxFlushes is how many live messages a process updates at once.
const maxFlushes = 4

type liveState struct {
	dirty bool
	fresh bool
}

// NewLive returns a Live that waits window after a change before updating
// (300 ms when zero).
func NewLive(api *slack.Client, src LiveSource, refs LiveRefs, log *slog.Logger, window time.Duration) *Live {
	if window <= 0 {
		window = 300 * time.Millisecond
	}
	return &Live{api: api, src: src, refs: refs, log: log, window: window,
		flushes: make(chan struct{}, maxFlushes), pending: map[hirebot.SessionKey]*liveState{}}
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
	st := &liveState{dirty: true, fresh: fresh}
	lv.pending[key] = st
	lv.wg.Add(1)
	go lv.run(key, st)
}

// Wait blocks until every pending update has been sent or given up.
func (lv *Live) Wait() { lv.wg.Wait() }

// run sends the updates of one channel until nothing is pending.
func (lv *Live) run(key hirebot.SessionKey, st *liveState) {
	defer lv.wg.Done()
	failures := 0
	delay := lv.window
	for {
		time.Sleep(delay)
		lv.mu.Lock()
		if !st.dirty {
			delete(lv.pending, key)
			lv.mu.Unlock()
			return
		}
		st.dirty, delay = false, lv.window
		fresh := st.fresh
		st.fresh = false
		lv.mu.Unlock()

		lv.flushes <- struct{}{}
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		err := lv.flush(ctx, key, fresh)
		cancel()
		<-lv.flushes
		if err == nil {
			failures = 0
			continue
		}
		failures++
		lv.log.Warn("live draft message not updated", "team", key.Team, "channel", key.Channel,
			"attempt", failures, "err", err)
		if failures >= 5 {
			lv.log.Error("giving up on the live draft message until the next change",
				"team", key.Team, "channel", key.Channel)
			failures = 0
			lv.mu.Lock()
			delete(lv.pending, key)
			lv.mu.Unlock()
			return
		}
		lv.mu.Lock()
		st.dirty = true
		st.fresh = st.fresh || fresh
		lv.mu.Unlock()
		delay = time.Duration(failures) * time.Second
	}
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
	m := blockkit.Card(card)
	opts := []slack.MsgOption{slack.MsgOptionBlocks(m.Blocks...), slack.MsgOptionText(m.Text, false)}
	channel, ts, _ := strings.Cut(ref, "/")
	if ref == "" || fresh {
		_, ts, err = lv.api.PostMessageContext(ctx, key.Channel, opts...)
		if err != nil {
			return fmt.Errorf("post live draft: %w", err)
		}
		ref = key.Channel + "/" + ts
		if err := lv.refs.SetLiveMessage(ctx, key, ref); err != nil {
			return fmt.Errorf("remember live draft message: %w", err)
		}
	} else if _, _, _, err = lv.api.UpdateMessageContext(ctx, channel, ts, opts...); err != nil {
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
		lv.mu.Lock()
		if st, ok := lv.pending[key]; ok {
			st.dirty = true
		}
		lv.mu.Unlock()
	}
	return nil
}
