package sessions

import (
	"context"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/internal/redistest"
)

// TestOutage stops Redis under a live Store: every call answers
// Unavailable within 2 s, and once Redis is back the same client works
// again and the draft is intact.
func TestOutage(t *testing.T) {
	t.Parallel()
	srv := redistest.MustStart(t)
	s := New(MustOpen(t, srv.URL()), Options{})
	key := newKey()
	MustCreate(t, s, key, "U1")
	MustUpdate(t, s, key, "U1", addItem("U1", "before the outage"))

	srv.Stop(t)
	calls := []struct {
		name string
		do   func(ctx context.Context) error
	}{
		{"Ping", s.Ping},
		{"Draft", func(ctx context.Context) error { _, err := s.Scope(key, nil, "").Draft(ctx); return err }},
		{"UpdateDraft", func(ctx context.Context) error {
			_, _, err := s.Scope(key, nil, "U1").UpdateDraft(ctx, addItem("U1", "during the outage"))
			return err
		}},
		{"CreateDraft", func(ctx context.Context) error {
			return s.Scope(newKey(), nil, "").CreateDraft(ctx, testDraft("U1"), startEntry("U1"))
		}},
		{"History", func(ctx context.Context) error { _, err := s.Scope(key, nil, "").History(ctx, 5); return err }},
		{"MarkAsked", func(ctx context.Context) error { return s.Scope(key, nil, "").MarkAsked(ctx, "q1") }},
		{"RecordClaim", func(ctx context.Context) error {
			return s.RecordClaim(ctx, dedup.NewClaim(key.Team, key.Channel, "Ev1"))
		}},
	}
	for _, c := range calls {
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		start := time.Now()
		err := c.do(ctx)
		cancel()
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s took %v while Redis was down, want under 2s", c.name, d)
		}
		wantKind(t, c.name+" while Redis is down", err, hirebot.Unavailable)
	}

	srv.Restart(t)
	deadline := time.Now().Add(10 * time.Second)
	var err error
	for {
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
		err = s.Ping(ctx)
		cancel()
		if err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("the client did not reconnect after Redis came back: %v", err)
	}
	d := mustDraft(t, s, key)
	if items := d.Sections[draft.Requirements]; len(items) != 1 || items[0].Text != "before the outage" {
		t.Errorf("after restart, requirements = %+v, want the one item from before", items)
	}
	d = MustUpdate(t, s, key, "U1", addItem("U1", "after the outage"))
	if len(d.Sections[draft.Requirements]) != 2 {
		t.Errorf("after restart, update gave %d items, want 2", len(d.Sections[draft.Requirements]))
	}
	if h, _ := s.Scope(key, nil, "").History(t.Context(), 0); len(h) != 3 {
		t.Errorf("after restart, history has %d entries, want 3", len(h))
	}
}
