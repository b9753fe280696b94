package sessions

import (
	"testing"
	"time"

	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/hirebot/hirebot/internal/redistest"
)

// TestOutbox: a reply owed is the owing replica's until its lease ends,
// then any replica's (once: leased to it); another delivery of the same
// request cannot owe it again; delivered, it is never taken; too old, it
// is dropped.
func TestOutbox(t *testing.T) {
	t.Parallel()
	srv := redistest.MustStart(t)
	s := New(MustOpen(t, srv.URL()), Options{})
	ctx, key := t.Context(), newKey()
	if ok, err := s.Owe(ctx, key, "envelope:E1", "tok1", []byte("reply one"), time.Minute); err != nil || !ok {
		t.Fatalf("Owe = %v, %v", ok, err)
	}
	if ok, err := s.Owe(ctx, key, "envelope:E1", "tok2", []byte("another"), time.Minute); err != nil || ok {
		t.Errorf("Owe by a second delivery = %v, %v; want false", ok, err)
	}
	if ok, err := s.Owe(ctx, key, "envelope:E1", "tok1", []byte("reply one"), time.Minute); err != nil || !ok {
		t.Errorf("Owe resent by the same delivery = %v, %v; want true", ok, err)
	}
	if owing, err := s.Owing(ctx, key, "envelope:E1"); err != nil || !owing {
		t.Errorf("Owing = %v, %v", owing, err)
	}
	if got, _ := s.TakeOwed(ctx, time.Now(), time.Minute, 10); len(got) != 0 {
		t.Errorf("TakeOwed within the lease = %+v, want nothing", got)
	}
	later := time.Now().Add(2 * time.Minute)
	got, err := s.TakeOwed(ctx, later, time.Minute, 10)
	if err != nil || len(got) != 1 || string(got[0].Payload) != "reply one" || got[0].Team != key.Team || got[0].Channel != key.Channel {
		t.Fatalf("TakeOwed after the lease = %+v, %v", got, err)
	}
	if again, _ := s.TakeOwed(ctx, later, time.Minute, 10); len(again) != 0 {
		t.Errorf("TakeOwed by another replica meanwhile = %+v, want nothing", again)
	}
	if err := s.Delivered(ctx, dedup.Ref{Team: key.Team, Channel: key.Channel, ID: "envelope:E1"}); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.TakeOwed(ctx, later.Add(5*time.Minute), time.Minute, 10); len(again) != 0 {
		t.Errorf("TakeOwed of a delivered reply = %+v", again)
	}
	if ok, _ := s.Owe(ctx, key, "envelope:E1", "tok3", []byte("late"), time.Minute); ok {
		t.Error("a delivered reply was owed again")
	}
	if ok, _ := s.Owe(ctx, key, "envelope:E2", "tok4", []byte("old"), time.Minute); !ok {
		t.Fatal("Owe E2")
	}
	if got, _ := s.TakeOwed(ctx, time.Now().Add(OutboxTTL+time.Minute), time.Minute, 10); len(got) != 0 {
		t.Errorf("TakeOwed of a reply older than OutboxTTL = %+v, want it dropped", got)
	}
}
