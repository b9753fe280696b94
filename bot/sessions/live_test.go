package sessions

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/internal/redistest"
	"github.com/redis/go-redis/v9"
)

// mustLiveRef returns the live message recorded for key's draft ("" for
// none), read directly.
func mustLiveRef(tb testing.TB, s *Store, key hirebot.SessionKey) string {
	tb.Helper()
	k, _ := sessionKeys(key)
	ref, _ := s.client.HGet(tb.Context(), k.draft, "live").Result()
	return ref
}

// mustShown returns the revision recorded as shown by key's live
// message, read directly.
func mustShown(tb testing.TB, s *Store, key hirebot.SessionKey) int {
	tb.Helper()
	k, _ := sessionKeys(key)
	lv, _ := s.client.HGet(tb.Context(), k.draft, "lv").Result()
	n, _ := strconv.Atoi(lv)
	return n
}

// mustRecordLive records ref as key's live message, in place of whichever
// is recorded.
func mustRecordLive(tb testing.TB, s *Store, key hirebot.SessionKey, ref string) {
	tb.Helper()
	if won, _, err := s.RecordLive(tb.Context(), key, mustLiveRef(tb, s, key), ref, 1); err != nil || !won {
		tb.Fatalf("RecordLive(%q) = %v, %v", ref, won, err)
	}
}

// testReplaceLiveMessage races replicas that each posted a live message for
// one draft: exactly one of them is recorded.
func testReplaceLiveMessage(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	_, _, err := s.RecordLive(ctx, key, "", "C1/1", 1)
	wantKind(t, "RecordLive without a draft", err, hirebot.NotFound)
	MustCreate(t, s, key, "U1")
	const replicas = 8
	won := make(chan string, replicas)
	var wg sync.WaitGroup
	for i := range replicas {
		wg.Go(func() {
			ref := fmt.Sprintf("C1/%d", i)
			ok, _, err := newStore(t).RecordLive(ctx, key, "", ref, 1)
			if err != nil {
				t.Errorf("RecordLive(%s): %v", ref, err)
			}
			if ok {
				won <- ref
			}
		})
	}
	wg.Wait()
	close(won)
	var winners []string
	for ref := range won {
		winners = append(winners, ref)
	}
	if len(winners) != 1 {
		t.Fatalf("%d replicas recorded their live message (%v), want exactly 1", len(winners), winners)
	}
	if got := mustLiveRef(t, s, key); got != winners[0] {
		t.Errorf("recorded ref = %q, want the winner's %q", got, winners[0])
	}
	// A /jd show posts anew over the recorded message: it replaces it.
	if ok, _, err := s.RecordLive(ctx, key, winners[0], "C1/new", 1); !ok || err != nil {
		t.Errorf("replacing the recorded ref = %v, %v; want true", ok, err)
	}
	if ok, _, err := s.RecordLive(ctx, key, winners[0], "C1/stale", 1); ok || err != nil {
		t.Errorf("replacing a ref that is no longer recorded = %v, %v; want false", ok, err)
	}
}

// testLiveMessage: the live message is kept with the draft, through its
// updates, and read with it in one round trip.
func testLiveMessage(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	MustCreate(t, s, key, "U1")
	for _, ref := range []string{"C1/1700000000.000100", "C1/1700000001.000200", ""} {
		mustRecordLive(t, s, key, ref)
		if got := mustLiveRef(t, newStore(t), key); got != ref {
			t.Errorf("recorded ref = %q; want %q", got, ref)
		}
	}
	MustUpdate(t, s, key, "U1", addItem("U1", "x"))
	mustRecordLive(t, s, key, "C1/2")
	MustUpdate(t, s, key, "U1", addItem("U1", "y"))
	reader := newStore(t)
	if err := takeTurnScript.Load(ctx, reader.client).Err(); err != nil { // on every node of a cluster
		t.Fatal(err)
	}
	var h redistest.RoundTrips
	reader.client.AddHook(&h)
	view, wait, err := reader.TakeLive(ctx, key, time.Millisecond)
	if err != nil || wait != 0 || view.Ref != "C1/2" || view.Draft == nil || len(view.Draft.Sections[draft.Requirements]) != 2 || view.Rev != 3 {
		t.Errorf("after two updates, TakeLive = %+v, %v, %v; want the draft at revision 3 with its 2 items and the ref kept, C1/2", view, wait, err)
	}
	if n := h.N(); n != 1 {
		t.Errorf("TakeLive took %d round trips, want 1", n)
	}
	_, _, err = s.TakeLive(ctx, newKey(), time.Millisecond)
	wantKind(t, "TakeLive of a channel without a draft", err, hirebot.NotFound)
}

// testLiveTurn: one replica at a time has the turn to update a live
// message; a revision older than the one recorded is not recorded, and a
// new message shows nothing until it is recorded.
func testLiveTurn(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	MustCreate(t, s, key, "U1")
	if _, wait, err := s.TakeLive(ctx, key, time.Minute); err != nil || wait != 0 {
		t.Fatalf("TakeLive = %v, %v; want the turn", wait, err)
	}
	if _, wait, err := newStore(t).TakeLive(ctx, key, time.Minute); err != nil || wait <= 0 || wait > time.Minute {
		t.Errorf("TakeLive by another replica during the turn = %v, %v; want the time left", wait, err)
	}
	if ok, _, err := s.RecordLive(ctx, key, "", "C1/1", 3); !ok || err != nil {
		t.Fatalf("RecordLive = %v, %v", ok, err)
	}
	if ok, _, err := s.RecordLive(ctx, key, "C1/1", "C1/1", 2); !ok || err != nil {
		t.Fatalf("RecordLive of an older revision = %v, %v; want it taken as the live message still", ok, err)
	}
	if got := mustShown(t, s, key); got != 3 {
		t.Errorf("shown = %d; want 3 (an older revision does not overwrite a newer)", got)
	}
	if ok, _, err := s.RecordLive(ctx, key, "C1/other", "C1/other", 5); ok || err != nil {
		t.Errorf("RecordLive of a message that is not the live one = %v, %v; want false", ok, err)
	}
	if got := mustShown(t, s, key); got != 3 {
		t.Errorf("shown after another message's record = %d, want 3", got)
	}
	if _, _, err := s.RecordLive(ctx, key, "C1/1", "C1/2", 0); err != nil {
		t.Fatal(err)
	}
	if got := mustShown(t, s, key); got != 0 {
		t.Errorf("a new live message shows %d before it is recorded, want 0", got)
	}
}

// testRecordLiveMarker: recording that the message shows the draft as it
// is clears its marker; a message that lost to another, or shows a
// revision the draft has moved on from, stays marked.
func testRecordLiveMarker(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	MustCreate(t, s, key, "U1")
	marked := func() bool { // read directly: the marker set is shared by the tests running beside this one
		t.Helper()
		_, err := s.client.ZScore(ctx, behindKey, member(key)).Result()
		if err != nil && !errors.Is(err, redis.Nil) {
			t.Fatal(err)
		}
		return err == nil
	}
	if err := s.MarkLiveBehind(ctx, key, time.Now()); err != nil {
		t.Fatal(err)
	}
	if won, now, err := s.RecordLive(ctx, key, "", "C1/1", 1); !won || now != 1 || err != nil {
		t.Fatalf("RecordLive = %v, %d, %v; want recorded, revision 1", won, now, err)
	}
	if marked() {
		t.Error("the message shows the draft as it is, yet it is still marked behind")
	}
	MustUpdate(t, s, key, "U1", addItem("U1", "x"))
	if won, now, err := s.RecordLive(ctx, key, "C1/1", "C1/1", 1); !won || now != 2 || err != nil {
		t.Fatalf("RecordLive of an old revision = %v, %d, %v; want recorded, revision 2 now", won, now, err)
	}
	if !marked() {
		t.Error("the message shows revision 1 of a draft at 2, and is not marked behind")
	}
	if won, _, err := s.RecordLive(ctx, key, "", "C1/lost", 2); won || err != nil {
		t.Fatalf("RecordLive of a message that lost = %v, %v; want false", won, err)
	}
	if !marked() {
		t.Error("a lost message's record cleared the marker")
	}
}
