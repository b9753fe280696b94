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

	"github.com/hirebot/hirebot/bot/draft"
	"github.com/redis/go-redis/v9"
)

// The draft: the channel's job description, its history, and what each
// person last saw of it (the draft hash's field seen:USER, which shares
// the draft's slot and TTL and goes when the draft goes).

// Draft returns the channel's draft. A missing or expired draft is a
// hirebot.NotFound error.
func (sc *Scope) Draft(ctx context.Context) (*draft.Draft, error) {
	if sc.err != nil {
		return nil, sc.err
	}
	b, err := sc.s.client.HGet(named(ctx, "read draft"), sc.keys().draft, "d").Bytes()
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
// among d.Owner's drafts. If the channel
// has a draft already, it returns a hirebot.Conflict error
// (ErrDraftExists) and changes nothing.
func (sc *Scope) CreateDraft(ctx context.Context, d *draft.Draft, e draft.Entry) error {
	db, eb, err := encode(d, e)
	if err != nil {
		return err
	}
	owner := d.Owner
	if owner == "" {
		owner = e.By
	}
	w := sc.draftWrite("create draft", createScript, owner, writeToken(), db, eb, "")
	r, err := sc.run(ctx, w)
	switch {
	case err != nil:
		return err
	case r.status == "exists":
		return ErrDraftExists
	}
	return nil
}

// UpdateDraft changes the channel's draft: it reads the draft and the
// version the scope's author last saw, calls fn to change the draft in
// place and to describe the change, and writes the draft, the entry fn
// returned to the history, and that the author has seen the new version,
// atomically, in two round trips to Redis. It returns the draft as
// written and the entry.
//
// If another writer changed the draft between the read and the write,
// UpdateDraft reads it again and calls fn again on the newer draft, so fn
// may run more than once and must do nothing but change d. Updates from
// one process to one session never race each other; only other processes
// do. When the draft keeps changing under it until ctx is done or the
// retry budget is spent, UpdateDraft returns a hirebot.Conflict error.
//
// An error from fn is returned as is and nothing is written. A missing
// draft is a hirebot.NotFound error. The author, if any, is listed with
// the channel among their drafts.
//
// A write whose reply was lost (a timeout, a reset connection) may have
// landed. Every retry of it — the client's, the NOSCRIPT fallback, this
// loop's with a fresh write token, or a later call with the same claim —
// finds the claim recorded with its own token and applies nothing again:
// UpdateDraft then returns the draft as it is and the entry of the change
// that landed. A claim fenced meanwhile (dedup.ErrFenced) never applies.
func (sc *Scope) UpdateDraft(ctx context.Context, fn func(d *draft.Draft, seen int) (draft.Entry, error)) (*draft.Draft, draft.Entry, error) {
	if sc.err != nil {
		return nil, draft.Entry{}, sc.err
	}
	unlock, err := sc.s.lock(ctx, sc.key)
	if err != nil {
		return nil, draft.Entry{}, err
	}
	defer unlock()
	for attempt := 0; ; attempt++ {
		d, rev, seen, err := sc.readForUpdate(ctx)
		if err != nil {
			return nil, draft.Entry{}, err
		}
		e, err := fn(d, seen)
		if err != nil {
			return nil, draft.Entry{}, err
		}
		db, eb, err := encode(d, e)
		if err != nil {
			return nil, draft.Entry{}, err
		}
		w := sc.draftWrite("update draft", updateScript, sc.user, writeToken(), rev, db, eb, HistoryCap, sc.seenField(), d.Version)
		w.readBack = true
		r, err := sc.run(ctx, w)
		switch {
		case err != nil:
			return nil, draft.Entry{}, err
		case r.status == "none":
			return nil, draft.Entry{}, ErrNoDraft
		case r.again:
			return sc.landed(ctx, r.value)
		case r.status == "ok":
			return d, e, nil
		case attempt >= sc.s.retries:
			return nil, draft.Entry{}, ErrBusy
		}
		if err := sleep(ctx, backoff(attempt)); err != nil {
			return nil, draft.Entry{}, fmt.Errorf("%w: %w", ErrBusy, err)
		}
	}
}

// landed returns what UpdateDraft returns for a change that landed before,
// in a write whose reply was lost: the draft as it is now, and the entry
// that write recorded with its claim. Until both are read the claim stays
// unsettled: an error here says nothing about the change, which landed.
func (sc *Scope) landed(ctx context.Context, entry string) (*draft.Draft, draft.Entry, error) {
	var e draft.Entry
	if err := json.Unmarshal([]byte(entry), &e); err != nil {
		return nil, draft.Entry{}, fmt.Errorf("sessions: decode the entry of the change that landed: %w", err)
	}
	d, err := sc.Draft(ctx)
	if err != nil {
		return nil, draft.Entry{}, err
	}
	sc.settled()
	return d, e, nil
}

// readForUpdate returns the draft, its revision and the version the
// scope's author last saw (0: none), in one round trip.
func (sc *Scope) readForUpdate(ctx context.Context) (*draft.Draft, string, int, error) {
	fields := []string{"v", "d"}
	if sc.user != "" {
		fields = append(fields, sc.seenField())
	}
	vals, err := sc.s.client.HMGet(named(ctx, "read draft"), sc.keys().draft, fields...).Result()
	if err != nil {
		return nil, "", 0, storeError("read draft", err)
	}
	rev, _ := vals[0].(string)
	b, _ := vals[1].(string)
	if rev == "" || b == "" {
		return nil, "", 0, ErrNoDraft
	}
	seen := 0
	if len(vals) > 2 {
		s, _ := vals[2].(string)
		seen, _ = strconv.Atoi(s)
	}
	d, err := decodeDraft([]byte(b))
	return d, rev, seen, err
}

// DiscardDraft deletes the channel's draft and its history if the draft is
// still the draft id names (a *draft.OtherDraftError otherwise), at version
// — the version its discard confirmation was asked at — and returns a
// *draft.StaleError otherwise. The session's interview kit and asked
// questions stay: they belong to the hiring session, not to the draft. A
// missing draft is a hirebot.NotFound error.
func (sc *Scope) DiscardDraft(ctx context.Context, id string, version int) error {
	for attempt := 0; ; attempt++ {
		d, rev, _, err := sc.readForUpdate(ctx)
		switch {
		case errors.Is(err, ErrNoDraft) && sc.folded() != nil:
			// Perhaps this delivery's own discard, whose reply was lost:
			// the script answers from the claim.
		case err != nil:
			return err
		case d.Is(id) != nil:
			return d.Is(id)
		case d.Version != version:
			return &draft.StaleError{Base: version, Now: d.Version}
		}
		r, err := sc.run(ctx, write{op: "discard draft", script: discardScript, keys: sc.keys().list(), args: []any{sc.s.ttlMillis(), rev}})
		switch {
		case err != nil:
			return err
		case r.status == "ok":
			return nil
		case r.status == "none":
			return ErrNoDraft
		case attempt >= sc.s.retries:
			return ErrBusy
		}
		if err := sleep(ctx, backoff(attempt)); err != nil {
			return err
		}
	}
}

// DeleteDraft removes the channel's draft: the draft, its history and
// live message. The interview kit and the questions asked belong to the
// channel's hiring session and stay. If the channel has no draft, it
// returns a hirebot.NotFound error and changes nothing.
func (sc *Scope) DeleteDraft(ctx context.Context) error {
	r, err := sc.run(ctx, write{op: "delete draft", script: deleteScript, keys: sc.keys().list(), args: []any{sc.s.ttlMillis()}})
	if err == nil && r.status == "none" {
		return ErrNoDraft
	}
	return err
}

// Saw records that the scope's author has seen version of the draft (by a
// /jd command or a button that shows it), with the request's claim if it
// is still to be recorded. A missing draft is a hirebot.NotFound error; a
// scope without an author records nothing.
func (sc *Scope) Saw(ctx context.Context, version int) error {
	if sc.user == "" || version == 0 {
		return nil
	}
	r, err := sc.run(ctx, write{op: "record what a user saw", script: sawScript, keys: sc.keys().list(),
		args: []any{sc.s.ttlMillis(), sc.seenField(), version}})
	if err == nil && r.status == "none" {
		return ErrNoDraft
	}
	return err
}

// Seen returns the version of the channel's draft the scope's author last
// saw, or 0 if they have not seen it.
func (sc *Scope) Seen(ctx context.Context) (int, error) {
	if sc.err != nil || sc.user == "" {
		return 0, sc.err
	}
	v, err := sc.s.client.HGet(named(ctx, "read what a user saw"), sc.keys().draft, sc.seenField()).Result()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, storeError("read what a user saw", err)
	}
	n, _ := strconv.Atoi(v)
	return n, nil
}

// History returns the last limit entries of the draft's history, oldest
// first; all of them (at most HistoryCap) if limit <= 0. A channel without
// a draft has no history.
func (sc *Scope) History(ctx context.Context, limit int) ([]draft.Entry, error) {
	if sc.err != nil {
		return nil, sc.err
	}
	start := int64(0)
	if limit > 0 {
		start = -int64(limit)
	}
	raw, err := sc.s.client.LRange(named(ctx, "read history"), sc.keys().history, start, -1).Result()
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

// draftWrite is a write of op to the draft by user: it marks the live
// message behind and lists the channel among user's drafts ("" for
// nobody), in the write's round trip.
func (sc *Scope) draftWrite(op string, script *redis.Script, user string, args ...any) write {
	w := write{op: op, script: script, keys: sc.keys().list(), args: append([]any{sc.s.ttlMillis()}, args...), live: true}
	if index, err := userSlot(sc.key.Team, user); user != "" && err == nil {
		w.index, w.member, w.indexTTL = index.key("drafts"), sc.key.Channel, sc.s.ttl
	}
	return w
}

// seenField returns the draft hash's field that holds what the scope's
// author last saw ("" for no author).
func (sc *Scope) seenField() string {
	if sc.user == "" {
		return ""
	}
	return "seen:" + sc.user
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
