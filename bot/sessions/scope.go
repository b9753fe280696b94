package sessions

import (
	"context"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
)

// Scope is one request's view of its channel's session: every read and
// write the request makes goes through it. It carries the session's key,
// the request's claim and its author, so that no caller passes them by
// hand: the request's first write records the claim with the change's
// outcome and what the request is owed (dedup.Claim.Owed), and every write
// to the draft records that its author has seen the version it made — in
// the write's one round trip. A Scope is cheap: make one per request
// (Store.Scope).
type Scope struct {
	s     *Store
	key   hirebot.SessionKey
	slot  slot
	err   error // the key can't name a session: every call fails with it
	claim *dedup.Claim
	user  string
}

// Scope returns the scope of a request on key's session made by user
// ("" for nobody: a read for the live message), carrying its claim (nil
// when the request is not deduplicated).
func (s *Store) Scope(key hirebot.SessionKey, claim *dedup.Claim, user string) *Scope {
	sl, err := sessionSlot(key)
	if err == nil && user != "" {
		err = checkID("user", user)
	}
	return &Scope{s: s, key: key, slot: sl, err: err, claim: claim, user: user}
}

// Key returns the session the scope is of.
func (sc *Scope) Key() hirebot.SessionKey { return sc.key }

// run runs w as this request's write (see send): its claim rides in the
// write when it is still pending and of this session; a pending claim of
// another session is recorded first, on its own, unless w is a draft's
// (w.live), which leaves it to its request. A claim recorded by this
// delivery with nothing written (RecordClaim) leaves the write to make: it
// then runs again without the claim.
func (sc *Scope) run(ctx context.Context, w write) (result, error) {
	if sc.err != nil {
		return result{}, sc.err
	}
	claim := sc.folded()
	if claim == nil && sc.claim.Pending() && !w.live {
		if err := sc.s.RecordClaim(ctx, sc.claim); err != nil {
			return result{}, err
		}
	}
	r, err := sc.s.send(ctx, w, sc.key, sc.slot, claim)
	if err == nil && r.again && r.status == statusClaimed {
		return sc.s.send(ctx, w, sc.key, sc.slot, nil)
	}
	return r, err
}

// folded returns the scope's claim when it is pending and a script on this
// session can record it, or nil.
func (sc *Scope) folded() *dedup.Claim {
	c := sc.claim
	if !c.Pending() || c.Team != sc.key.Team || c.Channel != sc.key.Channel {
		return nil
	}
	return c
}

// settled marks the scope's claim recorded once a write that had landed
// before has read back the rest of its result (see write.readBack).
func (sc *Scope) settled() {
	if c := sc.folded(); c != nil {
		recorded(c, sc.key)
	}
}

// keys returns the session's draft and kit keys.
func (sc *Scope) keys() keys { return sc.slot.session() }
