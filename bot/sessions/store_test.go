package sessions

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/internal/redistest"
	"github.com/redis/go-redis/v9"
)

// TestStore runs the contract suite against every backend. Each call of
// newStore returns a Store with a client of its own, like a replica.
func TestStore(t *testing.T) {
	eachBackend(t, Options{}, testStore, "redis-server", "embedded", "cluster", "sentinel")
}

// eachBackend runs suite, in parallel, against each of the named backends
// — a redis-server, the embedded store, a Redis Cluster, Sentinel — with
// stores made with opts.
func eachBackend(t *testing.T, opts Options, suite func(t *testing.T, newStore func(t *testing.T) *Store), names ...string) {
	backends := map[string]func(t *testing.T) func(t *testing.T) *Store{
		"redis-server": func(t *testing.T) func(t *testing.T) *Store {
			srv := redistest.MustStart(t)
			return func(t *testing.T) *Store { return New(MustOpen(t, srv.URL()), opts) }
		},
		"embedded": func(t *testing.T) func(t *testing.T) *Store {
			c, closeFn, err := OpenEmbedded()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(closeFn)
			o := c.(*redis.Client).Options()
			return func(t *testing.T) *Store {
				c := redis.NewClient(&redis.Options{Addr: o.Addr, Password: o.Password, DisableIdentity: true})
				t.Cleanup(func() { c.Close() })
				return New(c, opts)
			}
		},
		"cluster": func(t *testing.T) func(t *testing.T) *Store {
			cl := redistest.MustStartCluster(t)
			return func(t *testing.T) *Store { return New(MustOpen(t, cl.URL()), opts) }
		},
		"sentinel": func(t *testing.T) func(t *testing.T) *Store {
			sn := redistest.MustStartSentinel(t)
			return func(t *testing.T) *Store { return New(MustOpen(t, sn.URL()), opts) }
		},
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			suite(t, backends[name](t))
		})
	}
}

// MustOpen opens url with Open and closes the client when the test ends.
func MustOpen(tb testing.TB, url string) redis.UniversalClient {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := Open(ctx, url)
	if err != nil {
		tb.Fatalf("Open(%q): %v", url, err)
	}
	tb.Cleanup(func() { c.Close() })
	return c
}

// testStore is the contract every backend keeps.
func testStore(t *testing.T, newStore func(t *testing.T) *Store) {
	for _, tc := range []struct {
		name string
		test func(t *testing.T, newStore func(t *testing.T) *Store)
	}{
		{"NotFound", testNotFound},
		{"CreateExists", testCreateExists},
		{"UpdateHistory", testUpdateHistory},
		{"UpdateRoundTrips", testUpdateRoundTrips},
		{"FnError", testFnError},
		{"Race", testRace},
		{"RetryBudget", testRetryBudget},
		{"Resend", testResend},
		{"Concurrent", testConcurrent},
		{"TTL", testTTL},
		{"Isolation", testIsolation},
		{"Delete", testDelete},
		{"LiveMessage", testLiveMessage},
		{"ReplaceLiveMessage", testReplaceLiveMessage},
		{"LiveBehind", testLiveBehind},
		{"LiveTurn", testLiveTurn},
		{"RecordLiveMarker", testRecordLiveMarker},
		{"UserDrafts", testUserDrafts},
		{"Asked", testAsked},
		{"Kit", testKit},
		{"Claims", testClaims},
		{"Seen", testSeen},
		{"Discard", testDiscard},
		{"ClearKit", testClearKit},
		{"RemoveFromKitIf", testRemoveFromKitIf},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.test(t, newStore)
		})
	}
}

// newTeam returns a team id no other test uses.
func newTeam() string { return "T" + rand.Text()[:12] }

// newKey returns a session key no other test uses.
func newKey() hirebot.SessionKey { return hirebot.SessionKey{Team: newTeam(), Channel: "C0001"} }

// testDraft returns a fresh draft owned by owner.
func testDraft(owner string) *draft.Draft {
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	return &draft.Draft{
		ID:       strings.ToLower(rand.Text()),
		Role:     "cto",
		Fields:   map[draft.Field]string{draft.Title: "CTO"},
		Sections: map[draft.Section][]draft.Item{},
		Owner:    owner,
		Status:   draft.Open,
		Version:  1,
		Created:  now,
		Updated:  now,
	}
}

// startEntry is the history entry of creating a draft.
func startEntry(by string) draft.Entry {
	return draft.Entry{Version: 1, Op: "start", By: by, At: time.Now().UTC(), Summary: "started the draft"}
}

// addItem returns an update that appends text to the requirements.
func addItem(by, text string) func(d *draft.Draft, _ int) (draft.Entry, error) {
	return func(d *draft.Draft, _ int) (draft.Entry, error) {
		d.Sections[draft.Requirements] = append(d.Sections[draft.Requirements], draft.Item{Text: text, Author: by})
		d.Version++
		return draft.Entry{Version: d.Version, Op: draft.OpAdd, By: by, Summary: "added " + text}, nil
	}
}

// MustCreate creates a draft owned by owner in key's channel.
func MustCreate(tb testing.TB, s *Store, key hirebot.SessionKey, owner string) {
	tb.Helper()
	if err := s.Scope(key, nil, "").CreateDraft(context.Background(), testDraft(owner), startEntry(owner)); err != nil {
		tb.Fatalf("CreateDraft(%v): %v", key, err)
	}
}

// mustDraftID returns the identity of key's draft.
func mustDraftID(tb testing.TB, s *Store, key hirebot.SessionKey) string {
	tb.Helper()
	d, err := s.Scope(key, nil, "").Draft(context.Background())
	if err != nil {
		tb.Fatalf("Draft(%v): %v", key, err)
	}
	return d.ID
}

// MustUpdate applies fn to key's draft.
func MustUpdate(tb testing.TB, s *Store, key hirebot.SessionKey, user string, fn func(d *draft.Draft, _ int) (draft.Entry, error)) *draft.Draft {
	tb.Helper()
	d, _, err := s.Scope(key, nil, user).UpdateDraft(context.Background(), fn)
	if err != nil {
		tb.Fatalf("UpdateDraft(%v): %v", key, err)
	}
	return d
}

// wantKind fails the test unless err is of kind k.
func wantKind(tb testing.TB, what string, err error, k hirebot.Kind) {
	tb.Helper()
	if got := hirebot.KindOf(err); err == nil || got != k {
		tb.Errorf("%s: error = %v (kind %v), want kind %v", what, err, got, k)
	}
}

func testNotFound(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	_, err := s.Scope(key, nil, "").Draft(ctx)
	wantKind(t, "Draft", err, hirebot.NotFound)
	if !errors.Is(err, ErrNoDraft) {
		t.Errorf("Draft error = %v, want ErrNoDraft", err)
	}
	called := false
	_, _, err = s.Scope(key, nil, "U1").UpdateDraft(ctx, func(d *draft.Draft, _ int) (draft.Entry, error) {
		called = true
		return draft.Entry{}, nil
	})
	wantKind(t, "UpdateDraft", err, hirebot.NotFound)
	if called {
		t.Error("UpdateDraft called fn without a draft")
	}
	wantKind(t, "DeleteDraft", s.Scope(key, nil, "").DeleteDraft(ctx), hirebot.NotFound)
	_, _, err = s.RecordLive(ctx, key, "", "C1/1.2", 1)
	wantKind(t, "RecordLive", err, hirebot.NotFound)
	if h, err := s.Scope(key, nil, "").History(ctx, 10); err != nil || len(h) != 0 {
		t.Errorf("History = %v, %v; want none", h, err)
	}
	_, _, err = s.TakeLive(ctx, key, time.Millisecond)
	wantKind(t, "TakeLive", err, hirebot.NotFound)
	// A failed RecordLive must not leave a husk that blocks creation.
	MustCreate(t, s, key, "U1")
}

func testCreateExists(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	want := testDraft("U1")
	if err := s.Scope(key, nil, "").CreateDraft(ctx, want, startEntry("U1")); err != nil {
		t.Fatalf("CreateDraft: %v", err)
	}
	got, err := s.Scope(key, nil, "").Draft(ctx)
	if err != nil {
		t.Fatalf("Draft: %v", err)
	}
	if got.Owner != "U1" || got.Fields[draft.Title] != "CTO" || !got.Created.Equal(want.Created) || got.Version != 1 {
		t.Errorf("Draft = %+v, want %+v", got, want)
	}
	err = newStore(t).Scope(key, nil, "").CreateDraft(ctx, testDraft("U2"), startEntry("U2"))
	wantKind(t, "second CreateDraft", err, hirebot.Conflict)
	if !errors.Is(err, ErrDraftExists) {
		t.Errorf("second CreateDraft error = %v, want ErrDraftExists", err)
	}
	got, _ = s.Scope(key, nil, "").Draft(ctx)
	if got.Owner != "U1" {
		t.Errorf("after refused CreateDraft, owner = %q, want U1", got.Owner)
	}
	if h, _ := s.Scope(key, nil, "").History(ctx, 0); len(h) != 1 || h[0].By != "U1" {
		t.Errorf("History = %+v, want the one start entry", h)
	}
}

func testUpdateHistory(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	MustCreate(t, s, key, "U1")
	const n = 10
	for i := range n {
		d, e, err := s.Scope(key, nil, "U2").UpdateDraft(ctx, addItem("U2", "item "+strconv.Itoa(i)))
		if err != nil {
			t.Fatalf("UpdateDraft %d: %v", i, err)
		}
		if d.Version != i+2 || e.Version != i+2 {
			t.Errorf("update %d: draft version %d, entry version %d; want %d", i, d.Version, e.Version, i+2)
		}
	}
	d, err := s.Scope(key, nil, "").Draft(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(d.Sections[draft.Requirements]); got != n {
		t.Errorf("draft has %d items, want %d", got, n)
	}
	h, err := s.Scope(key, nil, "").History(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != n+1 {
		t.Fatalf("history has %d entries, want %d", len(h), n+1)
	}
	for i, e := range h {
		if e.Version != i+1 {
			t.Errorf("history[%d].Version = %d, want %d (oldest first)", i, e.Version, i+1)
		}
	}
	last, err := s.Scope(key, nil, "").History(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(last) != 3 || last[0].Version != n-1 || last[2].Version != n+1 {
		t.Errorf("History(3) = %+v, want versions %d..%d", last, n-1, n+1)
	}
}

// testUpdateRoundTrips: a change is two round trips — the read (with what
// its author saw) and the write — and the write carries all the protocol:
// the request's claim, what it is owed after its ack (the outbox entry),
// that its author has seen the new version, and the live message's
// marker.
func testUpdateRoundTrips(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	s.liveGrace = time.Minute
	MustCreate(t, s, key, "U1")
	MustUpdate(t, s, key, "U1", addItem("U1", "warm-up")) // loads the script
	var h redistest.RoundTrips
	s.client.AddHook(&h)
	const n = 5
	for i := range n {
		// Each as a request would: with a pending claim, which the
		// change records in its own write, with what it is owed.
		c := dedup.NewClaim(key.Team, key.Channel, "envelope:"+strconv.Itoa(i))
		c.Owed = &dedup.Owing{Payload: []byte("reply " + strconv.Itoa(i)), Lease: time.Minute}
		seen := -1
		_, e, err := s.Scope(key, c, "U1").UpdateDraft(ctx, func(d *draft.Draft, saw int) (draft.Entry, error) {
			seen = saw
			return addItem("U1", strconv.Itoa(i))(d, saw)
		})
		if err != nil {
			t.Fatal(err)
		}
		if c.Pending() || !c.Owes() {
			t.Errorf("update %d left its claim pending (%v) or its reply unowed (owes %v)", i, c.Pending(), c.Owes())
		}
		if seen != e.Version-1 {
			t.Errorf("update %d read that its author saw v%d, want v%d (their last change)", i, seen, e.Version-1)
		}
	}
	if got := h.N(); got != 2*n {
		t.Errorf("%d updates took %d round trips, claims, owed replies, what the author saw and the live marker included; want %d", n, got, 2*n)
	}
	k, _ := sessionKeys(key)
	sl, _ := sessionSlot(key)
	owed, _ := s.client.HLen(ctx, sl.outbox()).Result()
	seen, _ := s.client.HGet(ctx, k.draft, "seen:U1").Result()
	_, behind := s.client.ZScore(ctx, behindKey, member(key)).Result()
	if owed != n || seen != strconv.Itoa(n+2) || behind != nil {
		t.Errorf("after %d updates: %d replies owed, U1 saw v%s, marker %v; want %d owed, v%d seen, a marker", n, owed, seen, behind, n, n+2)
	}
}

func testFnError(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	MustCreate(t, s, key, "U1")
	bad := hirebot.Errorf(hirebot.Invalid, "that section does not exist")
	_, _, err := s.Scope(key, nil, "U2").UpdateDraft(ctx, func(d *draft.Draft, _ int) (draft.Entry, error) {
		d.Fields[draft.Title] = "changed"
		return draft.Entry{}, bad
	})
	if err != bad {
		t.Errorf("UpdateDraft = %v, want fn's error as is", err)
	}
	d, _ := s.Scope(key, nil, "").Draft(ctx)
	if d.Fields[draft.Title] != "CTO" || d.Version != 1 {
		t.Errorf("draft changed after fn failed: %+v", d)
	}
	if h, _ := s.Scope(key, nil, "").History(ctx, 0); len(h) != 1 {
		t.Errorf("history has %d entries after fn failed, want 1", len(h))
	}
	if got, _ := s.UserDrafts(ctx, key.Team, "U2"); len(got) != 0 {
		t.Errorf("UserDrafts(U2) = %v after a failed edit, want none", got)
	}
}

// testRace makes another replica write between UpdateDraft's read and its
// write: the update must retry on the newer draft and keep both changes.
func testRace(t *testing.T, newStore func(t *testing.T) *Store) {
	s, other, ctx, key := newStore(t), newStore(t), t.Context(), newKey()
	MustCreate(t, s, key, "U1")
	calls := 0
	d, _, err := s.Scope(key, nil, "U1").UpdateDraft(ctx, func(d *draft.Draft, _ int) (draft.Entry, error) {
		calls++
		if calls == 1 {
			MustUpdate(t, other, key, "U2", addItem("U2", "theirs"))
		}
		return addItem("U1", "mine")(d, 0)
	})
	if err != nil {
		t.Fatalf("UpdateDraft: %v", err)
	}
	if calls != 2 {
		t.Errorf("fn ran %d times, want 2 (once more after the conflict)", calls)
	}
	want := []string{"theirs", "mine"}
	for _, got := range [][]draft.Item{d.Sections[draft.Requirements], mustDraft(t, s, key).Sections[draft.Requirements]} {
		var texts []string
		for _, it := range got {
			texts = append(texts, it.Text)
		}
		if !slices.Equal(texts, want) {
			t.Errorf("requirements = %q, want %q", texts, want)
		}
	}
	if h, _ := s.Scope(key, nil, "").History(ctx, 0); len(h) != 3 {
		t.Errorf("history has %d entries, want 3", len(h))
	}
}

// testRetryBudget makes every attempt lose the race: UpdateDraft gives up
// with a conflict once its retries are spent.
func testRetryBudget(t *testing.T, newStore func(t *testing.T) *Store) {
	s, other, ctx, key := newStore(t), newStore(t), t.Context(), newKey()
	s = New(s.client, Options{Retries: 2})
	MustCreate(t, s, key, "U1")
	calls := 0
	_, _, err := s.Scope(key, nil, "U1").UpdateDraft(ctx, func(d *draft.Draft, _ int) (draft.Entry, error) {
		calls++
		MustUpdate(t, other, key, "U2", addItem("U2", strconv.Itoa(calls)))
		return addItem("U1", "mine")(d, 0)
	})
	wantKind(t, "UpdateDraft", err, hirebot.Conflict)
	if !errors.Is(err, ErrBusy) {
		t.Errorf("UpdateDraft error = %v, want ErrBusy", err)
	}
	if calls != 3 {
		t.Errorf("fn ran %d times, want 3 (1 + 2 retries)", calls)
	}
	if d := mustDraft(t, s, key); len(d.Sections[draft.Requirements]) != 3 {
		t.Errorf("draft has %d items, want only the other replica's 3", len(d.Sections[draft.Requirements]))
	}
}

// testResend sends the same create and update twice, as the client does
// when a reply is lost: each lands once and reports success both times,
// its claim too.
func testResend(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	sc := s.Scope(key, nil, "U1")
	start, add := dedup.NewClaim(key.Team, key.Channel, "start"), dedup.NewClaim(key.Team, key.Channel, "add")
	db, eb, _ := encode(testDraft("U1"), startEntry("U1"))
	for i := range 2 {
		r, err := s.send(ctx, sc.draftWrite("create", createScript, "U1", "token1", db, eb, ""), key, sc.slot, start)
		if err != nil || r.status != "ok" {
			t.Errorf("create #%d = %+v, %v; want ok", i+1, r, err)
		}
	}
	d := testDraft("U1")
	e, _ := addItem("U1", "once")(d, 0)
	db, eb, _ = encode(d, e)
	for i := range 2 {
		r, err := s.send(ctx, sc.draftWrite("update", updateScript, "U1", "token2", "1", db, eb, HistoryCap, ""), key, sc.slot, add)
		if err != nil || r.status != "ok" {
			t.Errorf("update #%d = %+v, %v; want ok", i+1, r, err)
		}
	}
	if r, err := s.send(ctx, sc.draftWrite("update", updateScript, "U1", "token3", "1", db, eb, HistoryCap, ""), key, sc.slot, nil); err != nil || r.status != "stale" {
		t.Errorf("a different write on the old revision = %+v, %v; want stale (conflict)", r, err)
	}
	if h, _ := s.Scope(key, nil, "").History(ctx, 0); len(h) != 2 {
		t.Errorf("history has %d entries, want 2", len(h))
	}
	if got := mustDraft(t, s, key).Sections[draft.Requirements]; len(got) != 1 {
		t.Errorf("requirements = %+v, want one item", got)
	}
}

// mustDraft reads key's draft.
func mustDraft(tb testing.TB, s *Store, key hirebot.SessionKey) *draft.Draft {
	tb.Helper()
	d, err := s.Scope(key, nil, "").Draft(context.Background())
	if err != nil {
		tb.Fatalf("Draft(%v): %v", key, err)
	}
	return d
}

func testConcurrent(t *testing.T, newStore func(t *testing.T) *Store) {
	stores := []*Store{newStore(t), newStore(t), newStore(t), newStore(t)}
	key := newKey()
	MustCreate(t, stores[0], key, "U1")
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	const n = 200
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			user := "U" + strconv.Itoa(i%7)
			_, _, err := stores[i%len(stores)].Scope(key, nil, user).UpdateDraft(ctx, addItem(user, "change "+strconv.Itoa(i)))
			if err != nil {
				errs <- fmt.Errorf("update %d: %w", i, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	d, err := stores[1].Scope(key, nil, "").Draft(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, it := range d.Sections[draft.Requirements] {
		seen[it.Text] = true
	}
	for i := range n {
		if !seen["change "+strconv.Itoa(i)] {
			t.Errorf("change %d was lost", i)
		}
	}
	if len(d.Sections[draft.Requirements]) != n || d.Version != n+1 {
		t.Errorf("draft has %d items at version %d, want %d at %d", len(d.Sections[draft.Requirements]), d.Version, n, n+1)
	}
	if h, _ := stores[2].Scope(key, nil, "").History(ctx, 0); len(h) != n+1 {
		t.Errorf("history has %d entries, want %d", len(h), n+1)
	}
}

// ttls returns the remaining TTL of each key.
func ttls(t *testing.T, s *Store, keys ...string) []time.Duration {
	t.Helper()
	out := make([]time.Duration, len(keys))
	for i, k := range keys {
		d, err := s.client.PTTL(t.Context(), k).Result()
		if err != nil {
			t.Fatalf("PTTL %s: %v", k, err)
		}
		out[i] = d
	}
	return out
}

func testTTL(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	k, _ := sessionKeys(key)
	index, _ := userKey(key.Team, "U1")
	all := append(k.list(), index)

	MustCreate(t, s, key, "U1")
	if err := s.Scope(key, nil, "").MarkAsked(ctx, "q1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Scope(key, nil, "").AddToKit(ctx, "", "q1"); err != nil {
		t.Fatal(err)
	}
	mustKitGen(t, s, key) // the kit's generation lives in the session's meta hash
	mustRecordLive(t, s, key, "C1/1.2")
	wantTTLs := func(when string) {
		t.Helper()
		for i, d := range ttls(t, s, all...) {
			if d < DefaultTTL-time.Minute || d > DefaultTTL {
				t.Errorf("%s: TTL of %s = %v, want about %v", when, all[i], d, DefaultTTL)
			}
		}
	}
	wantTTLs("after create")

	shorten := func() {
		t.Helper()
		for _, k := range all {
			if err := s.client.PExpire(ctx, k, time.Minute).Err(); err != nil {
				t.Fatal(err)
			}
		}
	}
	shorten()
	MustUpdate(t, s, key, "U1", addItem("U1", "x"))
	wantTTLs("after update")

	for _, change := range []struct {
		name string
		do   func() error
	}{
		{"MarkAsked", func() error { return s.Scope(key, nil, "").MarkAsked(ctx, "q2") }},
		{"ForgetAsked", func() error { return s.Scope(key, nil, "").ForgetAsked(ctx, "q2") }},
		{"AddToKit", func() error { _, err := s.Scope(key, nil, "").AddToKit(ctx, "", "q2"); return err }},
		{"RemoveFromKit", func() error { _, err := s.Scope(key, nil, "").RemoveFromKit(ctx, 2); return err }},
		{"RecordLive", func() error { _, _, err := s.RecordLive(ctx, key, "C1/1.2", "C1/3.4", 1); return err }},
	} {
		shorten()
		if err := change.do(); err != nil {
			t.Fatalf("%s: %v", change.name, err)
		}
		// The user index is refreshed by draft writes only.
		for i, d := range ttls(t, s, k.list()...) {
			if d < DefaultTTL-time.Minute {
				t.Errorf("after %s: TTL of %s = %v, want it refreshed", change.name, all[i], d)
			}
		}
	}

	short := New(s.client, Options{TTL: time.Hour})
	other := newKey()
	MustCreate(t, short, other, "U1")
	ok, _ := sessionKeys(other)
	for i, d := range ttls(t, short, ok.draft, ok.history) {
		if d <= 0 || d > time.Hour {
			t.Errorf("with TTL 1h, key %d has TTL %v", i, d)
		}
	}
}

func testIsolation(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx := newStore(t), t.Context()
	team1, team2 := newTeam(), newTeam()
	a := hirebot.SessionKey{Team: team1, Channel: "C1"}
	b := hirebot.SessionKey{Team: team1, Channel: "C2"}
	c := hirebot.SessionKey{Team: team2, Channel: "C1"}

	MustCreate(t, s, a, "U1")
	for _, k := range []hirebot.SessionKey{b, c} {
		_, err := s.Scope(k, nil, "").Draft(ctx)
		wantKind(t, "Draft of "+k.String(), err, hirebot.NotFound)
	}
	MustCreate(t, s, b, "U1")
	MustCreate(t, s, c, "U1")
	MustUpdate(t, s, a, "U1", addItem("U1", "only in a"))
	if err := s.Scope(a, nil, "").MarkAsked(ctx, "qa"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Scope(a, nil, "").AddToKit(ctx, "", "qa"); err != nil {
		t.Fatal(err)
	}
	mustRecordLive(t, s, a, "C1/1.1")
	for _, k := range []hirebot.SessionKey{b, c} {
		d, err := s.Scope(k, nil, "").Draft(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Sections[draft.Requirements]) != 0 {
			t.Errorf("%v sees %v's items", k, a)
		}
		if h, _ := s.Scope(k, nil, "").History(ctx, 0); len(h) != 1 {
			t.Errorf("%v has %d history entries, want 1", k, len(h))
		}
		if asked, _ := s.Scope(k, nil, "").Asked(ctx); len(asked) != 0 {
			t.Errorf("%v sees asked questions %v", k, asked)
		}
		if kit, _ := s.Scope(k, nil, "").Kit(ctx); len(kit) != 0 {
			t.Errorf("%v sees kit %v", k, kit)
		}
		if ref := mustLiveRef(t, s, k); ref != "" {
			t.Errorf("%v sees live message %q", k, ref)
		}
	}
	if got, _ := s.UserDrafts(ctx, team2, "U1"); !slices.Equal(got, []string{"C1"}) {
		t.Errorf("UserDrafts(team2) = %v, want [C1]", got)
	}
	if err := s.Scope(a, nil, "").DeleteDraft(ctx); err != nil {
		t.Fatal(err)
	}
	for _, k := range []hirebot.SessionKey{b, c} {
		if _, err := s.Scope(k, nil, "").Draft(ctx); err != nil {
			t.Errorf("after deleting %v, Draft(%v): %v", a, k, err)
		}
	}
	if _, err := s.Scope(hirebot.SessionKey{Team: team1 + ":C1", Channel: "x"}, nil, "").Draft(ctx); err == nil || hirebot.KindOf(err) != hirebot.Internal {
		t.Errorf("a key with ':' in its team = %v, want an internal error", err)
	}
}

func testDelete(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	MustCreate(t, s, key, "U1")
	MustUpdate(t, s, key, "U1", addItem("U1", "x"))
	if err := s.Scope(key, nil, "").MarkAsked(ctx, "q1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Scope(key, nil, "").AddToKit(ctx, "", "q1"); err != nil {
		t.Fatal(err)
	}
	mustRecordLive(t, s, key, "C1/1.1")
	if err := newStore(t).Scope(key, nil, "").DeleteDraft(ctx); err != nil {
		t.Fatalf("DeleteDraft: %v", err)
	}
	k, _ := sessionKeys(key)
	for _, name := range []string{k.draft, k.history} {
		if n, err := s.client.Exists(ctx, name).Result(); err != nil || n != 0 {
			t.Errorf("after delete, EXISTS %s = %d, %v", name, n, err)
		}
	}
	// The kit and the questions asked belong to the hiring session, not to
	// the draft: deleting the draft keeps them.
	if kit, err := s.Scope(key, nil, "").Kit(ctx); err != nil || !slices.Equal(kit, []string{"q1"}) {
		t.Errorf("after delete, kit = %v, %v; want [q1]", kit, err)
	}
	if asked, err := s.Scope(key, nil, "").Asked(ctx); err != nil || !asked["q1"] {
		t.Errorf("after delete, asked = %v, %v; want q1", asked, err)
	}
	_, err := s.Scope(key, nil, "").Draft(ctx)
	wantKind(t, "Draft after delete", err, hirebot.NotFound)
	wantKind(t, "second DeleteDraft", s.Scope(key, nil, "").DeleteDraft(ctx), hirebot.NotFound)
	MustCreate(t, s, key, "U2")
	if h, _ := s.Scope(key, nil, "").History(ctx, 0); len(h) != 1 {
		t.Errorf("a new draft has %d history entries, want 1", len(h))
	}
}

func testUserDrafts(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, team := newStore(t), t.Context(), newTeam()
	c1 := hirebot.SessionKey{Team: team, Channel: "C1"}
	c2 := hirebot.SessionKey{Team: team, Channel: "C2"}
	MustCreate(t, s, c1, "U1")
	MustUpdate(t, s, c1, "U2", addItem("U2", "x"))
	MustCreate(t, s, c2, "U2")
	for _, tt := range []struct {
		user string
		want []string
	}{{"U1", []string{"C1"}}, {"U2", []string{"C1", "C2"}}, {"U3", nil}} {
		if got, err := s.UserDrafts(ctx, team, tt.user); err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("UserDrafts(%s) = %v, %v; want %v", tt.user, got, err, tt.want)
		}
	}
	if err := s.Scope(c1, nil, "").DeleteDraft(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.UserDrafts(ctx, team, "U2"); !slices.Equal(got, []string{"C2"}) {
		t.Errorf("after delete, UserDrafts(U2) = %v, want [C2]", got)
	}
	if got, _ := s.UserDrafts(ctx, team, "U1"); len(got) != 0 {
		t.Errorf("after delete, UserDrafts(U1) = %v, want none", got)
	}
}

func testAsked(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	if got, err := s.Scope(key, nil, "").Asked(ctx); err != nil || len(got) != 0 {
		t.Errorf("Asked of a new session = %v, %v; want none", got, err)
	}
	if err := s.Scope(key, nil, "").MarkAsked(ctx, "q1", "q2", "q3"); err != nil {
		t.Fatal(err)
	}
	if err := s.Scope(key, nil, "").MarkAsked(ctx); err != nil {
		t.Errorf("MarkAsked with no ids: %v", err)
	}
	if err := s.Scope(key, nil, "").ForgetAsked(ctx, "q2", "q9"); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"q1": true, "q3": true}
	if got, err := newStore(t).Scope(key, nil, "").Asked(ctx); err != nil || !mapsEqual(got, want) {
		t.Errorf("Asked = %v, %v; want %v", got, err, want)
	}
}

func mapsEqual(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func testKit(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	_, err := s.Scope(key, nil, "").RemoveFromKit(ctx, 1)
	wantKind(t, "RemoveFromKit of an empty kit", err, hirebot.Invalid)

	for _, tt := range []struct {
		id    string
		added bool
	}{{"q1", true}, {"q2", true}, {"q1", false}, {"q3", true}} {
		if got, err := s.Scope(key, nil, "").AddToKit(ctx, "", tt.id); err != nil || got != tt.added {
			t.Errorf("AddToKit(%s) = %v, %v; want %v", tt.id, got, err, tt.added)
		}
	}
	if got, _ := s.Scope(key, nil, "").Kit(ctx); !slices.Equal(got, []string{"q1", "q2", "q3"}) {
		t.Errorf("Kit = %v, want [q1 q2 q3]", got)
	}
	if id, err := s.Scope(key, nil, "").RemoveFromKit(ctx, 2); err != nil || id != "q2" {
		t.Errorf("RemoveFromKit(2) = %q, %v; want q2", id, err)
	}
	if got, _ := s.Scope(key, nil, "").Kit(ctx); !slices.Equal(got, []string{"q1", "q3"}) {
		t.Errorf("Kit = %v, want [q1 q3]", got)
	}
	for _, n := range []int{0, -1, 3} {
		_, err := s.Scope(key, nil, "").RemoveFromKit(ctx, n)
		wantKind(t, fmt.Sprintf("RemoveFromKit(%d)", n), err, hirebot.Invalid)
		var re *hirebot.RangeError
		if !errors.As(err, &re) || re.N != n || re.Size != 2 {
			t.Errorf("RemoveFromKit(%d) error = %v, want a RangeError of %d in 2", n, err, n)
		}
	}
	for i := 3; i <= KitCap; i++ {
		if _, err := s.Scope(key, nil, "").AddToKit(ctx, "", "x"+strconv.Itoa(i)); err != nil {
			t.Fatalf("AddToKit #%d: %v", i, err)
		}
	}
	_, err = s.Scope(key, nil, "").AddToKit(ctx, "", "one-too-many")
	wantKind(t, "AddToKit to a full kit", err, hirebot.Invalid)
	if fe := (*hirebot.FullError)(nil); !errors.As(err, &fe) || fe.Cap != KitCap {
		t.Errorf("AddToKit to a full kit = %v, want a FullError of %d", err, KitCap)
	}
	if added, err := s.Scope(key, nil, "").AddToKit(ctx, "", "q1"); err != nil || added {
		t.Errorf("AddToKit of a kept id to a full kit = %v, %v; want false, nil", added, err)
	}
	if got, _ := s.Scope(key, nil, "").Kit(ctx); len(got) != KitCap {
		t.Errorf("kit holds %d, want %d", len(got), KitCap)
	}
}

func testClaims(t *testing.T, newStore func(t *testing.T) *Store) {
	s, other, ctx := newStore(t), newStore(t), t.Context()
	key := newKey()
	MustCreate(t, s, key, "U1")
	deliveries := func(id string) (first, again, second *dedup.Claim) {
		first = dedup.NewClaim(key.Team, key.Channel, id)
		again = &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: id, Token: first.Token}
		return first, again, dedup.NewClaim(key.Team, key.Channel, id)
	}

	t.Run("on its own", func(t *testing.T) {
		first, again, second := deliveries("envelope:" + rand.Text())
		if err := s.RecordClaim(ctx, first); err != nil || first.Pending() {
			t.Fatalf("RecordClaim(first) = %v, pending %v; want nil, recorded", err, first.Pending())
		}
		if err := other.RecordClaim(ctx, again); err != nil {
			t.Errorf("RecordClaim with the same token = %v, want nil (a retried write)", err)
		}
		wantDuplicate(t, "RecordClaim of a second delivery", other.RecordClaim(ctx, second))
		if err := s.RecordClaim(ctx, dedup.NewClaim(key.Team, key.Channel, "envelope:"+rand.Text())); err != nil {
			t.Errorf("RecordClaim of another request = %v", err)
		}
		home := dedup.NewClaim(key.Team, "", "event:"+rand.Text())
		if err := s.RecordClaim(ctx, home); err != nil {
			t.Errorf("RecordClaim of a request from no channel = %v", err)
		}
		k, _ := claimKeyOf(first)
		if d := ttls(t, s, k)[0]; d <= 0 || d > ClaimTTL {
			t.Errorf("claim TTL = %v, want at most %v", d, ClaimTTL)
		}
	})

	t.Run("with a change", func(t *testing.T) {
		first, again, second := deliveries("envelope:" + rand.Text())
		if _, _, err := s.Scope(key, first, "U1").UpdateDraft(ctx, addItem("U1", "once")); err != nil {
			t.Fatal(err)
		}
		if first.Pending() {
			t.Error("UpdateDraft left the claim pending")
		}
		_, _, err := other.Scope(key, second, "U1").UpdateDraft(ctx, addItem("U1", "once"))
		wantDuplicate(t, "UpdateDraft of a second delivery", err)
		d, err := s.Scope(key, nil, "").Draft(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(d.Sections[draft.Requirements]); n != 1 {
			t.Errorf("requirements after two deliveries of one add: %d, want 1", n)
		}
		if err := s.RecordClaim(ctx, again); err != nil {
			t.Errorf("the change's own claim recorded again = %v, want nil", err)
		}
		wantDuplicate(t, "RecordClaim after the change recorded it", s.RecordClaim(ctx, second))
	})

	t.Run("a retry after a lost reply", func(t *testing.T) {
		key := newKey()
		MustCreate(t, s, key, "U1")
		first := dedup.NewClaim(key.Team, key.Channel, "envelope:"+rand.Text())
		_, e1, err := s.Scope(key, first, "U1").UpdateDraft(ctx, addItem("U1", "landed once"))
		if err != nil {
			t.Fatal(err)
		}
		// The same delivery writes again, as after a reply it never got: a
		// fresh write token, another replica's connection, the same claim.
		retry := &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: first.ID, Token: first.Token}
		d, e2, err := other.Scope(key, retry, "U1").UpdateDraft(ctx, addItem("U1", "landed once"))
		if err != nil {
			t.Fatalf("UpdateDraft retried by the same delivery = %v, want the first result", err)
		}
		if e2.Summary != e1.Summary || e2.Version != e1.Version {
			t.Errorf("retry reported %+v, want the first application's %+v", e2, e1)
		}
		if n := len(d.Sections[draft.Requirements]); n != 1 {
			t.Errorf("requirements after a retried add: %d, want 1", n)
		}
		if retry.Pending() {
			t.Error("an update that landed before left its claim pending")
		}
		if settled, err := s.Fence(ctx, retry); err != nil || settled != dedup.Applied {
			t.Errorf("Fence after the write landed = %v, %v; want Applied", settled, err)
		}
		again := &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: first.ID, Token: first.Token}
		if err := other.Scope(key, again, "").CreateDraft(ctx, testDraft("U1"), startEntry("U1")); err != nil {
			t.Errorf("CreateDraft retried by the same delivery = %v, want nil", err)
		}
	})

	t.Run("kit writes after a lost reply", func(t *testing.T) {
		key := newKey()
		for _, id := range []string{"q1", "q2", "q3"} {
			if _, err := s.Scope(key, nil, "").AddToKit(ctx, "", id); err != nil {
				t.Fatal(err)
			}
		}
		first := dedup.NewClaim(key.Team, key.Channel, "envelope:"+rand.Text())
		removed, err := s.Scope(key, first, "").RemoveFromKit(ctx, 1)
		if err != nil || removed != "q1" || first.Pending() {
			t.Fatalf("RemoveFromKit = %q, %v (pending %v); want q1, recorded", removed, err, first.Pending())
		}
		// The same delivery writes again, as after a reply it never got:
		// it reports the first result and removes nothing more.
		retry := &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: first.ID, Token: first.Token}
		if again, err := other.Scope(key, retry, "").RemoveFromKit(ctx, 1); err != nil || again != "q1" {
			t.Errorf("RemoveFromKit retried by the same delivery = %q, %v; want q1 again", again, err)
		}
		if settled, err := s.Fence(ctx, retry); err != nil || settled != dedup.Applied {
			t.Errorf("Fence after the remove landed = %v, %v; want Applied", settled, err)
		}
		_, err = other.Scope(key, dedup.NewClaim(key.Team, key.Channel, first.ID), "").RemoveFromKit(ctx, 1)
		wantDuplicate(t, "RemoveFromKit of a second delivery", err)
		if kit, _ := s.Scope(key, nil, "").Kit(ctx); strings.Join(kit, " ") != "q2 q3" {
			t.Errorf("kit after one remove delivered three times: %v, want [q2 q3]", kit)
		}

		add := dedup.NewClaim(key.Team, key.Channel, "envelope:"+rand.Text())
		if added, err := s.Scope(key, add, "").AddToKit(ctx, "", "q9"); err != nil || !added {
			t.Fatalf("AddToKit = %v, %v", added, err)
		}
		// Resent after a lost reply: the first result (added), not "already there".
		if added, err := other.Scope(key, &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: add.ID, Token: add.Token}, "").AddToKit(ctx, "", "q9"); err != nil || !added {
			t.Errorf("AddToKit retried by the same delivery = %v, %v; want true, nil", added, err)
		}
		fenced := dedup.NewClaim(key.Team, key.Channel, "envelope:"+rand.Text())
		fenced.Sent()
		if settled, err := s.Fence(ctx, fenced); err != nil || settled != dedup.NotApplied {
			t.Fatalf("Fence = %v, %v", settled, err)
		}
		late := &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: fenced.ID, Token: fenced.Token}
		if _, err := other.Scope(key, late, "").RemoveFromKit(ctx, 1); !errors.Is(err, dedup.ErrFenced) {
			t.Errorf("RemoveFromKit of a fenced claim = %v, want dedup.ErrFenced", err)
		}
		if kit, _ := s.Scope(key, nil, "").Kit(ctx); strings.Join(kit, " ") != "q2 q3 q9" {
			t.Errorf("kit: %v, want [q2 q3 q9]", kit)
		}

		gen := mustKitGen(t, s, key)
		clear := dedup.NewClaim(key.Team, key.Channel, "envelope:"+rand.Text())
		if cleared, err := s.Scope(key, clear, "").ClearKit(ctx, gen, []string{"q2", "q3", "q9"}); err != nil || !cleared {
			t.Fatalf("ClearKit = %v, %v", cleared, err)
		}
		// Resent: the kit is empty now, which no longer matches; the first
		// result (cleared) is what the delivery hears again.
		if cleared, err := other.Scope(key, &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: clear.ID, Token: clear.Token}, "").ClearKit(ctx, gen, []string{"q2", "q3", "q9"}); err != nil || !cleared {
			t.Errorf("ClearKit retried by the same delivery = %v, %v; want true, nil", cleared, err)
		}
		if cleared, err := s.Scope(key, nil, "").ClearKit(ctx, mustKitGen(t, s, key), []string{"q2"}); err != nil || cleared {
			t.Errorf("ClearKit of a kit that changed = %v, %v; want false, nil", cleared, err)
		}
	})

	t.Run("discard after a lost reply", func(t *testing.T) {
		key := newKey()
		MustCreate(t, s, key, "U1")
		id := mustDraftID(t, s, key)
		first := dedup.NewClaim(key.Team, key.Channel, "envelope:"+rand.Text())
		if err := s.Scope(key, first, "").DiscardDraft(ctx, id, 1); err != nil {
			t.Fatal(err)
		}
		// Resent by the same delivery (the listener serving it again after
		// fencing found it landed): it was discarded, not "no draft".
		if err := other.Scope(key, &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: first.ID, Token: first.Token}, "").DiscardDraft(ctx, id, 1); err != nil {
			t.Errorf("DiscardDraft retried by the same delivery = %v, want nil (the first result)", err)
		}
		if err := s.Scope(key, dedup.NewClaim(key.Team, key.Channel, "envelope:"+rand.Text()), "").DiscardDraft(ctx, id, 1); !errors.Is(err, ErrNoDraft) {
			t.Errorf("DiscardDraft with no draft = %v, want ErrNoDraft", err)
		}
		wantDuplicate(t, "DiscardDraft of a second delivery", func() error {
			MustCreate(t, s, key, "U1")
			return other.Scope(key, dedup.NewClaim(key.Team, key.Channel, first.ID), "").DiscardDraft(ctx, mustDraftID(t, s, key), 1)
		}())
	})

	t.Run("fenced", func(t *testing.T) {
		key := newKey()
		MustCreate(t, s, key, "U1")
		first, again, second := deliveries("envelope:" + rand.Text())
		first.Team, again.Team, second.Team = key.Team, key.Team, key.Team
		first.Channel, again.Channel, second.Channel = key.Channel, key.Channel, key.Channel
		first.Sent()
		if !first.Unsettled() {
			t.Fatal("a sent, unrecorded claim is not unsettled")
		}
		if settled, err := s.Fence(ctx, first); err != nil || settled != dedup.NotApplied {
			t.Fatalf("Fence of an unrecorded claim = %v, %v; want NotApplied", settled, err)
		}
		// The write that was on its way arrives after the fence.
		_, _, err := other.Scope(key, again, "U1").UpdateDraft(ctx, addItem("U1", "fenced off"))
		if !errors.Is(err, dedup.ErrFenced) || hirebot.KindOf(err) != hirebot.Unavailable {
			t.Errorf("UpdateDraft of a fenced claim = %v, want dedup.ErrFenced (unavailable)", err)
		}
		if err := s.RecordClaim(ctx, second); !errors.Is(err, dedup.ErrFenced) {
			t.Errorf("RecordClaim of a fenced claim = %v, want dedup.ErrFenced", err)
		}
		if settled, err := s.Fence(ctx, second); err != nil || settled != dedup.NotApplied {
			t.Errorf("Fence again = %v, %v; want NotApplied", settled, err)
		}
		d, err := s.Scope(key, nil, "").Draft(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(d.Sections[draft.Requirements]); n != 0 {
			t.Errorf("a fenced add is in the draft (%d items)", n)
		}
		other := dedup.NewClaim(key.Team, key.Channel, "envelope:"+rand.Text())
		if err := s.RecordClaim(ctx, other); err != nil {
			t.Fatal(err)
		}
		if settled, err := s.Fence(ctx, &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: other.ID, Token: "another"}); err != nil || settled != dedup.Duplicate {
			t.Errorf("Fence of a claim another delivery recorded = %v, %v; want Duplicate", settled, err)
		}
	})

	t.Run("with a start", func(t *testing.T) {
		first, _, second := deliveries("envelope:" + rand.Text())
		key := newKey()
		first.Team, second.Team = key.Team, key.Team
		if err := s.Scope(key, first, "").CreateDraft(ctx, testDraft("U1"), startEntry("U1")); err != nil {
			t.Fatal(err)
		}
		err := s.Scope(key, second, "").CreateDraft(ctx, testDraft("U1"), startEntry("U1"))
		wantDuplicate(t, "CreateDraft of a second delivery", err)
	})

	t.Run("before other writes", func(t *testing.T) {
		first, _, second := deliveries("envelope:" + rand.Text())
		if err := s.Scope(key, first, "").MarkAsked(ctx, "q1"); err != nil {
			t.Fatal(err)
		}
		wantDuplicate(t, "MarkAsked of a second delivery", s.Scope(key, second, "").MarkAsked(ctx, "q2"))
		if asked, _ := s.Scope(key, nil, "").Asked(ctx); !asked["q1"] || asked["q2"] {
			t.Errorf("asked = %v, want q1 only", asked)
		}
	})

	t.Run("a claim on another channel", func(t *testing.T) {
		c := dedup.NewClaim(key.Team, "C0OTHER", "envelope:"+rand.Text())
		if _, _, err := s.Scope(key, c, "U1").UpdateDraft(ctx, addItem("U1", "elsewhere")); err != nil {
			t.Fatal(err)
		}
		if !c.Pending() {
			t.Error("a change to one channel recorded a claim on another")
		}
	})
}

// wantDuplicate fails the test unless err says another delivery recorded
// the claim.
func wantDuplicate(tb testing.TB, what string, err error) {
	tb.Helper()
	if !errors.Is(err, dedup.ErrDuplicate) {
		tb.Errorf("%s: error = %v, want dedup.ErrDuplicate", what, err)
	}
}

// testLiveBehind checks the "live is behind" markers: each due marker is
// taken by one replica only, comes due again after its lease, and goes
// once cleared.
func testLiveBehind(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx := newStore(t), t.Context()
	key, later := newKey(), newKey()
	MustCreate(t, s, key, "U1")
	now := time.Now()
	if err := s.MarkLiveBehind(ctx, key, now.Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkLiveBehind(ctx, later, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	var (
		mu    sync.Mutex
		taken []hirebot.SessionKey
		wg    sync.WaitGroup
	)
	for range 4 {
		wg.Go(func() {
			keys, err := newStore(t).ClaimLiveBehind(ctx, now, time.Minute, 1000)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, k := range keys {
				if k == key || k == later {
					taken = append(taken, k)
				}
			}
		})
	}
	wg.Wait()
	if len(taken) != 1 || taken[0] != key {
		t.Errorf("replicas took %v, want %v once (the other is not due)", taken, key)
	}
	again, err := s.ClaimLiveBehind(ctx, now.Add(2*time.Minute), time.Minute, 1000)
	if err != nil || !slices.Contains(again, key) {
		t.Errorf("after the lease, ClaimLiveBehind = %v, %v; want %v due again", again, err, key)
	}
	if err := s.ClearLiveBehind(ctx, key); err != nil {
		t.Fatal(err)
	}
	if gone, _ := s.ClaimLiveBehind(ctx, now.Add(time.Hour), time.Minute, 1000); slices.Contains(gone, key) {
		t.Error("a cleared marker was taken")
	}

	marking := New(s.client, Options{LiveGrace: time.Minute})
	if _, _, err := marking.Scope(key, nil, "U1").UpdateDraft(ctx, addItem("U1", "marked")); err != nil {
		t.Fatal(err)
	}
	if soon, _ := s.ClaimLiveBehind(ctx, time.Now().Add(30*time.Second), time.Minute, 1000); slices.Contains(soon, key) {
		t.Error("a write's marker came due before its grace")
	}
	if due, err := s.ClaimLiveBehind(ctx, time.Now().Add(2*time.Minute), time.Minute, 1000); err != nil || !slices.Contains(due, key) {
		t.Errorf("after a write with LiveGrace, ClaimLiveBehind = %v, %v; want %v marked", due, err, key)
	}
}
