package sessions

import (
	"errors"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/scorecard"
)

// testCandidateIdentity: a candidate removed and added again under the
// same name is another candidate; every write that names the first is
// refused and changes nothing of the second.
func testCandidateIdentity(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	id := mustAdd(t, s, key, "Ada Lovelace")
	first, err := s.Scope(key, nil, "").Candidate(ctx, id)
	if err != nil || first.Inc == "" {
		t.Fatalf("Candidate = %+v, %v; want an identity", first, err)
	}
	if err := s.Scope(key, nil, "").RemoveCandidate(ctx, id, first.Inc); err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, key, "Ada Lovelace")
	second, _ := s.Scope(key, nil, "").Candidate(ctx, id)
	if second.Inc == first.Inc || second.ID != first.ID {
		t.Fatalf("added again: identity %q, first %q", second.Inc, first.Inc)
	}
	if _, _, err := s.Scope(key, nil, "").SubmitScorecard(ctx, id, second.Inc, rated("U2", 3)); err != nil {
		t.Fatal(err)
	}
	var gone *hirebot.GoneError
	for name, err := range map[string]error{
		"ExpectScorer": s.Scope(key, nil, "U1").ExpectScorer(ctx, id, first.Inc),
		"SubmitScorecard": func() error {
			_, _, err := s.Scope(key, nil, "").SubmitScorecard(ctx, id, first.Inc, rated("U1", 1))
			return err
		}(),
		"MarkDebriefRead": func() error {
			_, _, err := s.Scope(key, nil, "U1").MarkDebriefRead(ctx, id, first.Inc, time.Now())
			return err
		}(),
		"CloseDebrief":    func() error { _, err := s.Scope(key, nil, "U1").CloseDebrief(ctx, id, first.Inc); return err }(),
		"RemoveCandidate": s.Scope(key, nil, "").RemoveCandidate(ctx, id, first.Inc),
	} {
		if !errors.As(err, &gone) || gone.What != "candidate" {
			t.Errorf("%s for the removed candidate = %v, want a GoneError", name, err)
		}
	}
	now, err := s.Scope(key, nil, "").Candidate(ctx, id)
	if err != nil || now.Closed || len(now.Cards) != 1 || len(now.Expected) != 1 || len(now.Read) != 0 {
		t.Errorf("the candidate added again changed: %+v, %v", now, err)
	}
}

// testDebriefRead: reading the debrief freezes the reader's scorecard as
// it was; a later submission replaces the scorecard but not what was
// frozen, and reading again freezes nothing anew.
func testDebriefRead(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	id := mustAdd(t, s, key, "Ada Lovelace")
	c, _ := s.Scope(key, nil, "").Candidate(ctx, id)
	throwaway := rated("U1", 1)
	if _, _, err := s.Scope(key, nil, "").SubmitScorecard(ctx, id, c.Inc, throwaway); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC)
	if _, again, err := s.Scope(key, nil, "U1").MarkDebriefRead(ctx, id, c.Inc, at); err != nil || again {
		t.Fatalf("MarkDebriefRead = %v, %v", again, err)
	}
	if _, _, err := s.Scope(key, nil, "").SubmitScorecard(ctx, id, c.Inc, rated("U1", 4)); err != nil {
		t.Fatal(err)
	}
	if _, again, err := s.Scope(key, nil, "U1").MarkDebriefRead(ctx, id, c.Inc, at.Add(time.Hour)); err != nil || !again {
		t.Fatalf("MarkDebriefRead again = %v, %v", again, err)
	}
	c, _ = s.Scope(key, nil, "").Candidate(ctx, id)
	if c.Cards["U1"].Ratings["vision"] != 4 || c.Frozen["U1"].Ratings["vision"] != 1 || !c.Read["U1"].Equal(at) {
		t.Errorf("after a revision: card %+v, frozen %+v, read %v", c.Cards["U1"], c.Frozen["U1"], c.Read["U1"])
	}
	if rev, before := c.RevisionOf("U1"); rev != scorecard.Revised || before.Ratings["vision"] != 1 {
		t.Errorf("RevisionOf = %v, %+v", rev, before)
	}
}

// testLoop: whoever adds the first candidate runs the loop; later adds
// and a removal of every candidate leave it; a hand-over takes only if
// the owner is still the one expected; the loop lives as the candidates
// do.
func testLoop(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	if l, err := s.Scope(key, nil, "").Loop(ctx); err != nil || l.Owner != "" {
		t.Fatalf("Loop of a channel with no candidates = %+v, %v", l, err)
	}
	add := func(name, by string) {
		t.Helper()
		if err := s.Scope(key, nil, "").AddCandidate(ctx, scorecard.Candidate{Name: name, AddedBy: by, Added: time.Now()}, by); err != nil {
			t.Fatal(err)
		}
	}
	add("Ada Lovelace", "UFIRST")
	add("Grace Hopper", "USECOND")
	if l, _ := s.Scope(key, nil, "").Loop(ctx); l.Owner != "UFIRST" {
		t.Errorf("Loop owner = %q, want UFIRST", l.Owner)
	}
	if ok, err := s.Scope(key, nil, "").SetLoopOwner(ctx, "USECOND", "UX"); err != nil || ok {
		t.Errorf("SetLoopOwner expecting the wrong owner = %v, %v; want false", ok, err)
	}
	if ok, err := s.Scope(key, nil, "").SetLoopOwner(ctx, "UFIRST", "ULEAD"); err != nil || !ok {
		t.Errorf("SetLoopOwner = %v, %v", ok, err)
	}
	if l, _ := s.Scope(key, nil, "").Loop(ctx); l.Owner != "ULEAD" {
		t.Errorf("Loop owner after a hand-over = %q, want ULEAD", l.Owner)
	}
	_, _, loop, _ := candidateKeys(key, "")
	if d := s.client.PTTL(ctx, loop).Val(); d < s.candTTL-time.Minute || d > s.candTTL {
		t.Errorf("the loop expires in %v, want the candidate TTL %v", d, s.candTTL)
	}
}
