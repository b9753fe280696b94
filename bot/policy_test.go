package bot

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
)

// recorder records claims as a store would: the first delivery of a
// request records it, a second gets dedup.ErrDuplicate.
type recorder struct {
	by  map[string]string // request id → token
	err error             // when set, every call fails with it
	n   int
}

func (r *recorder) RecordClaim(_ context.Context, c *dedup.Claim) error {
	r.n++
	if r.err != nil {
		return r.err
	}
	if tok, ok := r.by[c.ID]; ok && tok != c.Token {
		return dedup.ErrDuplicate
	}
	r.by[c.ID] = c.Token
	c.Recorded()
	return nil
}

// echo answers with who asked and whether they are an admin.
var echo = HandlerFunc(func(_ context.Context, req Request) (Reply, error) {
	who := req.User
	if req.Admin {
		who += " (admin)"
	}
	return Reply{Card: &Card{Intro: who}}, nil
})

func TestPolicies(t *testing.T) {
	ctx := context.Background()
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	refusal := hirebot.Errorf(hirebot.Forbidden, "not here")
	inC1 := InChannels(map[string]bool{"C1": true}, refusal)

	t.Run("admins", func(t *testing.T) {
		h := Chain(echo, Admins(map[string]bool{"UADMIN": true}))
		for user, want := range map[string]string{"UADMIN": "UADMIN (admin)", "U2": "U2"} {
			// A request that claims to be an admin's is not taken at its word.
			reply, _ := h.Handle(ctx, Request{User: user, Admin: true})
			if reply.Card.Intro != want {
				t.Errorf("%s: %q, want %q", user, reply.Card.Intro, want)
			}
		}
	})

	t.Run("channels", func(t *testing.T) {
		h := Chain(echo, inC1)
		if _, err := h.Handle(ctx, Request{Channel: "C2", User: "U1"}); !errors.Is(err, refusal) {
			t.Errorf("in C2: %v, want the refusal", err)
		}
		if reply, err := h.Handle(ctx, Request{Channel: "C1", User: "U1"}); err != nil || reply.Card.Intro != "U1" {
			t.Errorf("in C1: %+v, %v", reply.Card, err)
		}
		if reply, err := Chain(echo, InChannels(nil, refusal)).Handle(ctx, Request{Channel: "C9", User: "U1"}); err != nil || reply.Card == nil {
			t.Errorf("with no channels listed, every channel is allowed: %v", err)
		}
	})

	t.Run("recover", func(t *testing.T) {
		logs.Reset()
		boom := HandlerFunc(func(context.Context, Request) (Reply, error) { panic("boom") })
		reply, err := Chain(boom, Recover(log)).Handle(ctx, Request{Command: "x"})
		if err == nil || reply.Card == nil || !strings.Contains(reply.Card.Intro, "something went wrong (ref ") {
			t.Fatalf("a panic answered %+v, %v", reply.Card, err)
		}
		if !strings.Contains(logs.String(), "handler panicked") {
			t.Errorf("the panic was not logged: %s", logs.String())
		}
	})

	t.Run("dedup", func(t *testing.T) {
		rec := &recorder{by: map[string]string{}}
		h := Chain(echo, Dedup(rec, log))
		first, second := dedup.NewClaim("T1", "C1", "envelope:1"), dedup.NewClaim("T1", "C1", "envelope:1")
		if reply, err := h.Handle(ctx, Request{User: "U1", Claim: first}); err != nil || reply.Card == nil || first.Pending() {
			t.Errorf("first delivery: %+v, %v, claim pending %v; want the reply and the claim recorded", reply.Card, err, first.Pending())
		}
		if reply, err := h.Handle(ctx, Request{User: "U1", Claim: second}); !errors.Is(err, dedup.ErrDuplicate) || reply.Card != nil {
			t.Errorf("second delivery: %+v, %v; want nothing said, dedup.ErrDuplicate", reply.Card, err)
		}
		calls := rec.n
		recorded := dedup.NewClaim("T1", "C1", "envelope:2")
		recorded.Recorded() // by the handler's own write
		if _, err := h.Handle(ctx, Request{User: "U1", Claim: recorded}); err != nil || rec.n != calls {
			t.Errorf("a claim the handler's write recorded was recorded again (%d calls, %v)", rec.n-calls, err)
		}
		if _, err := h.Handle(ctx, Request{User: "U1"}); err != nil || rec.n != calls {
			t.Errorf("a request without a claim was recorded (%v)", err)
		}
		down := &recorder{by: map[string]string{}, err: &hirebot.Error{Kind: hirebot.Unavailable, Err: errors.New("down")}}
		if reply, err := Chain(echo, Dedup(down, log)).Handle(ctx, Request{User: "U1", Claim: dedup.NewClaim("T1", "C1", "envelope:3")}); err != nil || reply.Card == nil {
			t.Errorf("with the store down, the reply is still sent: %+v, %v", reply.Card, err)
		}
	})
}
