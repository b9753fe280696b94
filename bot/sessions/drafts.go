package sessions

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/redis/go-redis/v9"
)

// Draft returns the channel's draft. A missing or expired draft is a
// hirebot.NotFound error.
func (s *Store) Draft(ctx context.Context, key hirebot.SessionKey) (*draft.Draft, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return nil, err
	}
	b, err := s.client.HGet(ctx, k.draft, "d").Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, ErrNoDraft
	}
	if err != nil {
		return nil, storeError("read draft", err)
	}
	return decodeDraft(b)
}

// CreateDraft stores d as the channel's new draft, with e as the first line
// of its history (any earlier history is dropped), and lists the channel
// among d.Owner's drafts. If the channel has a draft already, it returns a
// hirebot.Conflict error (ErrDraftExists) and changes nothing. A pending
// claim is recorded with the write (dedup.ErrDuplicate if another delivery
// recorded it); claim may be nil.
func (s *Store) CreateDraft(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, d *draft.Draft, e draft.Entry) error {
	k, err := sessionKeys(key)
	if err != nil {
		return err
	}
	db, eb, err := encode(d, e)
	if err != nil {
		return err
	}
	owner := d.Owner
	if owner == "" {
		owner = e.By
	}
	c := foldedClaim(claim, key)
	n, err := s.runIndexed(ctx, "create draft", createScript, k, key, owner, c, writeToken(), db, eb)
	switch {
	case err != nil:
		return err
	case n == resultDuplicate:
		return dedup.ErrDuplicate
	case n == resultFenced:
		return dedup.ErrFenced
	case n == 0:
		return ErrDraftExists
	}
	if c != nil {
		c.Recorded()
	}
	return nil
}

// UpdateDraft changes the channel's draft: it reads the draft, calls fn to
// change it in place and to describe the change, and writes the draft and
// the entry fn returned to the history, atomically, in two round trips to
// Redis. It returns the draft as written and the entry.
//
// If another writer changed the draft between the read and the write,
// UpdateDraft reads it again and calls fn again on the newer draft, so fn
// may run more than once and must do nothing but change d. Updates from
// one process to one session never race each other; only other processes
// do. When the draft keeps changing under it until ctx is done or the
// retry budget is spent, UpdateDraft returns a hirebot.Conflict error.
//
// An error from fn is returned as is and nothing is written. A missing
// draft is a hirebot.NotFound error. user, if not empty, is who made the
// change: the channel is listed among their drafts. A pending claim is
// recorded in the same write, so that a second delivery of the request
// gets dedup.ErrDuplicate and changes nothing; the two round trips stay
// two. claim may be nil.
//
// A write whose reply was lost (a timeout, a reset connection) may have
// landed. Every retry of it — the client's, the NOSCRIPT fallback, this
// loop's with a fresh write token, or a later call with the same claim —
// finds the claim recorded with its own token and applies nothing again:
// UpdateDraft then returns the draft as it is and the entry of the change
// that landed. A claim fenced meanwhile (dedup.ErrFenced) never applies.
func (s *Store) UpdateDraft(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, user string, fn func(d *draft.Draft) (draft.Entry, error)) (*draft.Draft, draft.Entry, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return nil, draft.Entry{}, err
	}
	unlock, err := s.lock(ctx, key)
	if err != nil {
		return nil, draft.Entry{}, err
	}
	defer unlock()

	c := foldedClaim(claim, key)
	for attempt := 0; ; attempt++ {
		d, rev, err := s.readForUpdate(ctx, k)
		if err != nil {
			return nil, draft.Entry{}, err
		}
		e, err := fn(d)
		if err != nil {
			return nil, draft.Entry{}, err
		}
		db, eb, err := encode(d, e)
		if err != nil {
			return nil, draft.Entry{}, err
		}
		n, err := s.runIndexed(ctx, "update draft", updateScript, k, key, user, c, writeToken(), rev, db, eb, HistoryCap)
		switch {
		case err != nil:
			return nil, draft.Entry{}, err
		case n == 1:
			if c != nil {
				c.Recorded()
			}
			return d, e, nil
		case n == resultApplied:
			return s.appliedUpdate(ctx, key, c)
		case n == resultDuplicate:
			return nil, draft.Entry{}, dedup.ErrDuplicate
		case n == resultFenced:
			return nil, draft.Entry{}, dedup.ErrFenced
		case n < 0:
			return nil, draft.Entry{}, ErrNoDraft
		case attempt >= s.retries:
			return nil, draft.Entry{}, ErrBusy
		}
		if err := sleep(ctx, backoff(attempt)); err != nil {
			return nil, draft.Entry{}, fmt.Errorf("%w: %w", ErrBusy, err)
		}
	}
}

// appliedUpdate returns what UpdateDraft returns for a change that landed
// before, in a write whose reply was lost: the draft as it is now, and the
// entry that write recorded with its claim c.
// Until both are read the claim stays unsettled: an error here says
// nothing about the change, which landed.
func (s *Store) appliedUpdate(ctx context.Context, key hirebot.SessionKey, c *dedup.Claim) (*draft.Draft, draft.Entry, error) {
	outcome, err := s.claimOutcome(ctx, c)
	if err != nil {
		return nil, draft.Entry{}, err
	}
	var e draft.Entry
	if err := json.Unmarshal([]byte(outcome), &e); err != nil {
		return nil, draft.Entry{}, fmt.Errorf("sessions: decode the entry of the change that landed: %w", err)
	}
	d, err := s.Draft(ctx, key)
	if err != nil {
		return nil, draft.Entry{}, err
	}
	c.Recorded()
	return d, e, nil
}

// readForUpdate returns the draft and its revision in one round trip.
func (s *Store) readForUpdate(ctx context.Context, k keys) (*draft.Draft, string, error) {
	vals, err := s.client.HMGet(ctx, k.draft, "v", "d").Result()
	if err != nil {
		return nil, "", storeError("read draft", err)
	}
	rev, _ := vals[0].(string)
	b, _ := vals[1].(string)
	if rev == "" || b == "" {
		return nil, "", ErrNoDraft
	}
	d, err := decodeDraft([]byte(b))
	return d, rev, err
}

// backoff returns a random wait before retry attempt+1: up to 1 ms at
// first, growing to at most 20 ms.
func backoff(attempt int) time.Duration {
	ceiling := time.Duration(min(attempt+1, 20)) * time.Millisecond
	return time.Duration(rand.Int64N(int64(ceiling))) + 100*time.Microsecond
}

// writeToken returns a random token that names one write.
func writeToken() string { return strconv.FormatUint(rand.Uint64(), 36) }

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// DeleteDraft removes the channel's draft: the draft, its history and
// live message. The interview kit and the questions asked belong to the
// channel's hiring session and stay. If the
// channel has no draft, it returns a hirebot.NotFound error and changes
// nothing. A pending claim is recorded first (dedup.ErrDuplicate if
// another delivery recorded it); claim may be nil.
func (s *Store) DeleteDraft(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim) error {
	k, err := sessionKeys(key)
	if err != nil {
		return err
	}
	n, err := s.runInt(ctx, "delete draft", deleteScript, k, claim)
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNoDraft
	}
	return nil
}

// History returns the last limit entries of the draft's history, oldest
// first; all of them (at most HistoryCap) if limit <= 0. A channel without
// a draft has no history.
func (s *Store) History(ctx context.Context, key hirebot.SessionKey, limit int) ([]draft.Entry, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return nil, err
	}
	start := int64(0)
	if limit > 0 {
		start = -int64(limit)
	}
	raw, err := s.client.LRange(ctx, k.history, start, -1).Result()
	if err != nil {
		return nil, storeError("read history", err)
	}
	entries := make([]draft.Entry, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal([]byte(r), &entries[i]); err != nil {
			return nil, fmt.Errorf("sessions: decode history entry: %w", err)
		}
	}
	return entries, nil
}

// LiveDraft returns the channel's draft and the reference of its live
// message ("" if it has none), in one round trip. A missing draft is a
// hirebot.NotFound error.
func (s *Store) LiveDraft(ctx context.Context, key hirebot.SessionKey) (*draft.Draft, string, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return nil, "", err
	}
	vals, err := s.client.HMGet(ctx, k.draft, "d", "live").Result()
	if err != nil {
		return nil, "", storeError("read draft and live message", err)
	}
	b, _ := vals[0].(string)
	ref, _ := vals[1].(string)
	if b == "" {
		return nil, "", ErrNoDraft
	}
	d, err := decodeDraft([]byte(b))
	return d, ref, err
}

// SetLiveMessage records the reference of the draft's live message; ""
// forgets it. A missing draft is a hirebot.NotFound error.
func (s *Store) SetLiveMessage(ctx context.Context, key hirebot.SessionKey, ref string) error {
	k, err := sessionKeys(key)
	if err != nil {
		return err
	}
	n, err := s.runInt(ctx, "set live message", setLiveScript, k, nil, ref)
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNoDraft
	}
	return nil
}

// ReplaceLiveMessage records ref as the draft's live message only if the
// one recorded is still old ("" for none): of two replicas that each posted
// a live message for the same draft, one wins and the other learns it
// lost (false) and can delete its own message. A missing draft is a
// hirebot.NotFound error.
func (s *Store) ReplaceLiveMessage(ctx context.Context, key hirebot.SessionKey, old, ref string) (bool, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return false, err
	}
	n, err := s.runInt(ctx, "replace live message", replaceLiveScript, k, nil, old, ref)
	switch {
	case err != nil:
		return false, err
	case n == 0:
		return false, ErrNoDraft
	}
	return n == 1, nil
}

// runIndexed runs a script that returns an integer and, in the same round
// trip, lists key's channel among user's drafts (when user is not empty)
// and, with Options.LiveGrace, marks its live message behind first.
// The index is best effort: its failure does not fail the script. A
// non-nil claim is passed for the script to record (see claimLua).
func (s *Store) runIndexed(ctx context.Context, op string, script *redis.Script, k keys, key hirebot.SessionKey, user string, claim *dedup.Claim, args ...any) (int64, error) {
	extraKeys, extraArgs, err := claimArgs(claim)
	if err != nil {
		return 0, err
	}
	keyList := append(k.list(), extraKeys...)
	var index string
	if user != "" {
		var err error
		if index, err = userKey(key.Team, user); err != nil {
			return 0, err
		}
	}
	args = append(append([]any{s.ttlMillis()}, args...), extraArgs...)
	claim.Sent()
	var res *redis.Cmd
	_, _ = s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		if s.liveGrace > 0 {
			// Ahead of the change: a crash leaves at most a marker on a
			// message that is current, never a change without one.
			p.ZAdd(ctx, behindKey, redis.Z{Score: float64(time.Now().Add(s.liveGrace).UnixMilli()), Member: key.Team + ":" + key.Channel})
		}
		res = p.EvalSha(ctx, script.Hash(), keyList, args...)
		if index != "" {
			p.SAdd(ctx, index, key.Channel)
			p.PExpire(ctx, index, s.ttl)
		}
		return nil
	})
	if redis.HasErrorPrefix(res.Err(), "NOSCRIPT") {
		// First use on this server (or after a restart): send the source.
		res = script.Eval(ctx, s.client, keyList, args...)
	}
	n, err := res.Int64()
	if err != nil {
		return 0, storeError(op, err)
	}
	return n, nil
}

// encode returns the JSON of a draft and a history entry.
func encode(d *draft.Draft, e draft.Entry) (db, eb []byte, err error) {
	// Without HTML escaping, "<" takes one byte, not six: what a draft
	// takes in Redis stays close to its text (draft.MaxContentBytes).
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err = enc.Encode(d); err != nil {
		return nil, nil, fmt.Errorf("sessions: encode draft: %w", err)
	}
	db = bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if eb, err = json.Marshal(e); err != nil {
		return nil, nil, fmt.Errorf("sessions: encode history entry: %w", err)
	}
	return db, eb, nil
}

// decodeDraft decodes a stored draft.
func decodeDraft(b []byte) (*draft.Draft, error) {
	d := new(draft.Draft)
	if err := json.Unmarshal(b, d); err != nil {
		return nil, fmt.Errorf("sessions: decode draft: %w", err)
	}
	d.EnsureRefs()
	d.EnsureID()
	return d, nil
}
