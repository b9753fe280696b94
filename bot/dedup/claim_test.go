package dedup

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
)

// TestClaimLifecycle follows a claim from a delivery's first write to its
// record: pending until recorded, its outcome in doubt only while a write
// carrying it was sent and not answered.
func TestClaimLifecycle(t *testing.T) {
	type state struct{ pending, unsettled, owes bool }
	for _, tt := range []struct {
		name string
		do   func(c *Claim)
		want state
	}{
		{"new", func(*Claim) {}, state{pending: true}},
		{"sent", func(c *Claim) { c.Sent() }, state{pending: true, unsettled: true}},
		{"recorded without a write", func(c *Claim) { c.Recorded() }, state{}},
		{"sent, then recorded", func(c *Claim) { c.Sent(); c.Recorded() }, state{}},
		{"recorded with what is owed", func(c *Claim) { c.Sent(); c.RecordedOwed() }, state{owes: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := NewClaim("T1", "C1", "envelope:1")
			tt.do(c)
			if got := (state{c.Pending(), c.Unsettled(), c.Owes()}); got != tt.want {
				t.Errorf("pending, unsettled, owes = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestNilClaim: a request that is not deduplicated has a nil claim, on
// which every method is safe and reports nothing to record or settle.
func TestNilClaim(t *testing.T) {
	var c *Claim
	c.Sent()
	if c.Pending() || c.Unsettled() || c.Owes() {
		t.Errorf("a nil claim is pending %v, unsettled %v, owes %v; want none", c.Pending(), c.Unsettled(), c.Owes())
	}
}

// TestClaimsNameDeliveries: every delivery of a request has a claim on the
// same id with a token of its own, so that a store tells its own record
// (a retried write) from another delivery's.
func TestClaimsNameDeliveries(t *testing.T) {
	a, b := NewClaim("T1", "C1", "envelope:1"), NewClaim("T1", "C1", "envelope:1")
	if a.ID != b.ID || a.Team != "T1" || a.Channel != "C1" {
		t.Errorf("claims = %+v, %+v; want both on T1/C1 envelope:1", a, b)
	}
	if a.Token == "" || a.Token == b.Token {
		t.Errorf("tokens %q and %q; want two, different", a.Token, b.Token)
	}
	c := NewClaim("T1", "", "event:T1:Ev1")
	c.Owed = &Owing{Payload: []byte("reply"), Lease: time.Second}
	if c.Channel != "" || c.Owed.Lease != time.Second {
		t.Errorf("a claim from no channel = %+v", c)
	}
}

// TestClaimConcurrent: a claim is marked by the writes of one request and
// read by the listener at once (go test -race).
func TestClaimConcurrent(t *testing.T) {
	c := NewClaim("T1", "C1", "envelope:1")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			c.Sent()
			_ = c.Unsettled()
			c.RecordedOwed()
			_ = c.Pending()
		})
	}
	wg.Wait()
	if c.Pending() || !c.Owes() {
		t.Errorf("after the writes, pending %v, owes %v", c.Pending(), c.Owes())
	}
}

// TestErrors: the errors a write returns about its claim carry the kinds
// callers branch on.
func TestErrors(t *testing.T) {
	if hirebot.KindOf(ErrFenced) != hirebot.Unavailable || hirebot.KindOf(ErrUnsettled) != hirebot.Unavailable {
		t.Errorf("kinds: fenced %v, unsettled %v; want unavailable", hirebot.KindOf(ErrFenced), hirebot.KindOf(ErrUnsettled))
	}
	if errors.Is(ErrDuplicate, ErrFenced) || errors.Is(ErrFenced, ErrUnsettled) {
		t.Error("the claim errors are not told apart")
	}
}
