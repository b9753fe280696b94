package sessions

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/draft"
)

func testSeen(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	wantKind(t, "MarkSeen without a draft", s.Scope(key, nil, "UA").Saw(ctx, 1), hirebot.NotFound)
	MustCreate(t, s, key, "U1")
	if v, err := s.Scope(key, nil, "UA").Seen(ctx); err != nil || v != 0 {
		t.Fatalf("Seen before anything = %d, %v", v, err)
	}
	if err := s.Scope(key, nil, "UA").Saw(ctx, 4); err != nil {
		t.Fatal(err)
	}
	if err := s.Scope(key, nil, "UB").Saw(ctx, 2); err != nil {
		t.Fatal(err)
	}
	MustUpdate(t, s, key, "U1", addItem("U1", "x"))
	for user, want := range map[string]int{"UA": 4, "UB": 2, "UC": 0} {
		if v, err := s.Scope(key, nil, user).Seen(ctx); err != nil || v != want {
			t.Errorf("Seen(%s) = %d, %v; want %d", user, v, err, want)
		}
	}
	// What people saw goes with the draft.
	if err := s.Scope(key, nil, "").DeleteDraft(ctx); err != nil {
		t.Fatal(err)
	}
	MustCreate(t, s, key, "U1")
	if v, _ := s.Scope(key, nil, "UA").Seen(ctx); v != 0 {
		t.Errorf("a new draft remembers UA saw v%d", v)
	}
}

func testDiscard(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	wantKind(t, "DiscardDraft without a draft", s.Scope(key, nil, "").DiscardDraft(ctx, "x", 1), hirebot.NotFound)
	MustCreate(t, s, key, "U1")
	id := mustDraftID(t, s, key)
	if _, err := s.Scope(key, nil, "").AddToKit(ctx, "", "q1"); err != nil {
		t.Fatal(err)
	}
	MustUpdate(t, s, key, "U2", addItem("U2", "newer work"))
	var stale *draft.StaleError
	if err := s.Scope(key, nil, "").DiscardDraft(ctx, id, 1); !errors.As(err, &stale) || stale.Base != 1 || stale.Now != 2 {
		t.Fatalf("discard asked at v1 of a v2 draft = %v, want a StaleError", err)
	}
	if _, err := s.Scope(key, nil, "").Draft(ctx); err != nil {
		t.Fatalf("a refused discard deleted the draft: %v", err)
	}
	var other *draft.OtherDraftError
	if err := s.Scope(key, nil, "").DiscardDraft(ctx, "earlier", 2); !errors.As(err, &other) || other.Want != "earlier" || other.Now != id {
		t.Fatalf("discard asked for another draft = %v, want an OtherDraftError", err)
	}
	if err := s.Scope(key, nil, "").DiscardDraft(ctx, id, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Scope(key, nil, "").Draft(ctx); hirebot.KindOf(err) != hirebot.NotFound {
		t.Errorf("Draft after discard = %v", err)
	}
	if kit, _ := s.Scope(key, nil, "").Kit(ctx); !slices.Equal(kit, []string{"q1"}) {
		t.Errorf("discard touched the kit: %v", kit)
	}
}

func testClearKit(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	for _, id := range []string{"q1", "q2"} {
		if _, err := s.Scope(key, nil, "").AddToKit(ctx, "", id); err != nil {
			t.Fatal(err)
		}
	}
	gen := mustKitGen(t, s, key)
	if ok, err := s.Scope(key, nil, "").ClearKit(ctx, gen, []string{"q1"}); ok || err != nil {
		t.Fatalf("ClearKit with an older kit = %v, %v; want refused", ok, err)
	}
	if ok, err := s.Scope(key, nil, "").ClearKit(ctx, gen, []string{"q2", "q1"}); ok || err != nil {
		t.Fatalf("ClearKit with another order = %v, %v; want refused", ok, err)
	}
	if ok, err := s.Scope(key, nil, "").ClearKit(ctx, gen, []string{"q1", "q2"}); !ok || err != nil {
		t.Fatalf("ClearKit = %v, %v", ok, err)
	}
	if kit, _ := s.Scope(key, nil, "").Kit(ctx); len(kit) != 0 {
		t.Errorf("kit after clear = %v", kit)
	}
	// The kit built after the clear is another kit: what was shown for the
	// cleared one acts on nothing.
	if _, err := s.Scope(key, nil, "").AddToKit(ctx, "", "q3"); err != nil {
		t.Fatal(err)
	}
	now := mustKitGen(t, s, key)
	if now == gen || now == "" {
		t.Fatalf("the kit's generation after a clear = %q, before %q", now, gen)
	}
	var gone *hirebot.GoneError
	if _, err := s.Scope(key, nil, "").AddToKit(ctx, gen, "q4"); !errors.As(err, &gone) || gone.What != "kit" {
		t.Errorf("AddToKit shown for the cleared kit = %v, want a GoneError", err)
	}
	if ok, err := s.Scope(key, nil, "").ClearKit(ctx, gen, []string{"q3"}); ok || !errors.As(err, &gone) {
		t.Errorf("ClearKit shown for the cleared kit = %v, %v, want a GoneError", ok, err)
	}
	if added, err := s.Scope(key, nil, "").AddToKit(ctx, now, "q4"); err != nil || !added {
		t.Errorf("AddToKit shown for the kit as it is = %v, %v", added, err)
	}
	if kit, _ := s.Scope(key, nil, "").Kit(ctx); !slices.Equal(kit, []string{"q3", "q4"}) {
		t.Errorf("kit = %v, want [q3 q4]", kit)
	}
}

// mustKitGen returns the generation of key's interview kit.
func mustKitGen(tb testing.TB, s *Store, key hirebot.SessionKey) string {
	tb.Helper()
	gen, err := s.Scope(key, nil, "").KitGeneration(context.Background())
	if err != nil || gen == "" {
		tb.Fatalf("KitGeneration = %q, %v", gen, err)
	}
	return gen
}

// testRemoveFromKitIf: a confirmed removal acts only on the kit it was
// shown for (its generation) and only if the question is still where it
// was; the same question at the same place in a kit built after a clear
// is not touched.
func testRemoveFromKitIf(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	for _, id := range []string{"q1", "q2", "q3"} {
		if _, err := s.Scope(key, nil, "").AddToKit(ctx, "", id); err != nil {
			t.Fatal(err)
		}
	}
	gen := mustKitGen(t, s, key)
	for _, tt := range []struct {
		n  int
		id string
	}{{2, "q3"}, {3, "q2"}, {4, "q2"}, {0, "q1"}} {
		if ok, err := s.Scope(key, nil, "").RemoveFromKitIf(ctx, gen, tt.n, tt.id); ok || err != nil {
			t.Errorf("RemoveFromKitIf(%d, %s) in [q1 q2 q3] = %v, %v; want refused", tt.n, tt.id, ok, err)
		}
	}
	if ok, err := s.Scope(key, nil, "").RemoveFromKitIf(ctx, gen, 2, "q2"); !ok || err != nil {
		t.Fatalf("RemoveFromKitIf(2, q2) = %v, %v; want removed", ok, err)
	}
	if kit, _ := s.Scope(key, nil, "").Kit(ctx); !slices.Equal(kit, []string{"q1", "q3"}) {
		t.Fatalf("kit = %v, want [q1 q3]", kit)
	}
	// Cleared and built again with the same questions: another kit.
	if ok, err := s.Scope(key, nil, "").ClearKit(ctx, gen, []string{"q1", "q3"}); !ok || err != nil {
		t.Fatalf("ClearKit = %v, %v", ok, err)
	}
	for _, id := range []string{"q1", "q3"} {
		if _, err := s.Scope(key, nil, "").AddToKit(ctx, "", id); err != nil {
			t.Fatal(err)
		}
	}
	var gone *hirebot.GoneError
	if ok, err := s.Scope(key, nil, "").RemoveFromKitIf(ctx, gen, 1, "q1"); ok || !errors.As(err, &gone) {
		t.Errorf("RemoveFromKitIf shown for the cleared kit = %v, %v; want a GoneError", ok, err)
	}
	if kit, _ := s.Scope(key, nil, "").Kit(ctx); !slices.Equal(kit, []string{"q1", "q3"}) {
		t.Errorf("kit after a refused removal = %v, want [q1 q3]", kit)
	}
}
