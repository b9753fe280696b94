// Package sessions keeps each channel's hiring session in Redis, so that
// several bot replicas can serve one workspace and no change is ever lost.
//
// A session is the channel's job-description draft with its history and
// live message, and the interview questions already asked and saved to the
// kit. Its keys are namespaced and hash-tagged by workspace and channel
// (hirebot:{T123:C456}:draft), so one session lives in one cluster slot and
// changes atomically in one Lua script. Every key of a session carries the
// session TTL, refreshed on each change; a session left alone for that
// long expires, and then reads as if it never existed.
//
// Every method does I/O and takes a context: callers should give it a
// deadline (a few seconds per event). With a client from Open, a Redis
// that is down answers within about 1–2 s with an error of kind
// hirebot.Unavailable, and the client reconnects by itself when Redis is
// back. Errors a user can act on are *hirebot.Error values; anything else
// is an internal error.
package sessions

import (
	"context"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/redis/go-redis/v9"
)

// Limits of a session.
const (
	// DefaultTTL is how long a session lives after its last change.
	DefaultTTL = 30 * 24 * time.Hour
	// DefaultRetries is how often UpdateDraft retries a write that lost a
	// race with another replica before it reports a conflict.
	DefaultRetries = 100
	// HistoryCap is how many history entries a draft keeps (the newest).
	HistoryCap = 500
	// KitCap is how many questions an interview kit holds.
	KitCap = 50
	// DefaultCandidateTTL is how long a candidate and their scorecards
	// live after the last change to them.
	DefaultCandidateTTL = 90 * 24 * time.Hour
)

// stripes is the number of locks that serialise updates within a process.
const stripes = 256

// Options configures a Store. The zero value uses the defaults.
type Options struct {
	// TTL is how long a session lives after its last change
	// (default DefaultTTL).
	TTL time.Duration
	// Retries is how often UpdateDraft re-reads and re-applies a change
	// after another writer changed the draft first (default
	// DefaultRetries). It is bounded by the caller's context too.
	Retries int
	// CandidateTTL is how long a candidate and their scorecards live after
	// the last change to them (default DefaultCandidateTTL).
	CandidateTTL time.Duration
	// LiveGrace, when not zero, makes every draft write mark the draft's
	// live message behind (see MarkLiveBehind), due LiveGrace later, in
	// the same round trip as the write and ahead of it.
	LiveGrace time.Duration
}

// Store keeps hiring sessions in Redis. It is safe for concurrent use, and
// any number of Stores, in any number of processes, may share one Redis.
type Store struct {
	client    redis.UniversalClient
	ttl       time.Duration
	retries   int
	candTTL   time.Duration
	liveGrace time.Duration
	// locks serialise UpdateDraft calls for the same session within this
	// process, so that only writers in other processes ever contend. Each
	// is a one-slot semaphore so that waiting respects the context.
	locks [stripes]chan struct{}
}

// New returns a Store that keeps sessions in the Redis that client talks
// to. The Store does not own the client: closing it is the caller's job.
func New(client redis.UniversalClient, opts Options) *Store {
	s := &Store{client: client, ttl: opts.TTL, retries: opts.Retries, liveGrace: opts.LiveGrace}
	if s.ttl <= 0 {
		s.ttl = DefaultTTL
	}
	if s.retries <= 0 {
		s.retries = DefaultRetries
	}
	s.candTTL = opts.CandidateTTL
	if s.candTTL <= 0 {
		s.candTTL = DefaultCandidateTTL
	}
	for i := range s.locks {
		s.locks[i] = make(chan struct{}, 1)
	}
	return s
}

// Ping reports whether Redis answers.
func (s *Store) Ping(ctx context.Context) error {
	return storeError("ping", s.client.Ping(ctx).Err())
}

// lock takes the in-process lock of key's stripe, or gives up when ctx is
// done. The returned function releases it.
func (s *Store) lock(ctx context.Context, key hirebot.SessionKey) (func(), error) {
	h := fnv.New32a()
	h.Write([]byte(key.String()))
	l := s.locks[h.Sum32()%stripes]
	select {
	case l <- struct{}{}:
		return func() { <-l }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("%w: %w", ErrBusy, ctx.Err())
	}
}

// ttlMillis is the session TTL as a script argument.
func (s *Store) ttlMillis() int64 { return s.ttl.Milliseconds() }

// run runs a session script on k's keys (EVALSHA, falling back to EVAL),
// first recording claim if it is pending: these scripts do not record it
// themselves.
func (s *Store) run(ctx context.Context, op string, script *redis.Script, k keys, claim *dedup.Claim, args ...any) (any, error) {
	if err := s.recordPending(ctx, claim); err != nil {
		return nil, err
	}
	args = append([]any{s.ttlMillis()}, args...)
	v, err := script.Run(ctx, s.client, k.list(), args...).Result()
	if err != nil {
		return nil, storeError(op, err)
	}
	return v, nil
}

// runClaimed runs a session script that records claim in its own write
// (see claimLua) when claim is pending and of key's session, so that a
// write resent after a lost reply reports its first result instead of
// applying again, and the listener can settle a lost reply by fencing.
// Any other pending claim is recorded first, as run does. The caller marks
// the claim recorded once the script reports a result of its own.
func (s *Store) runClaimed(ctx context.Context, op string, script *redis.Script, k keys, key hirebot.SessionKey, claim *dedup.Claim, args ...any) (any, error) {
	c := foldedClaim(claim, key)
	if c == nil {
		return s.run(ctx, op, script, k, claim, args...)
	}
	extraKeys, extraArgs, err := claimArgs(c)
	if err != nil {
		return nil, err
	}
	args = append(append([]any{s.ttlMillis()}, args...), extraArgs...)
	c.Sent()
	v, err := script.Run(ctx, s.client, append(k.list(), extraKeys...), args...).Result()
	if err != nil {
		return nil, storeError(op, err)
	}
	return v, nil
}

// runClaimedInt is runClaimed for scripts that return an integer: it maps
// the claim's results to their errors (see claimResult).
func (s *Store) runClaimedInt(ctx context.Context, op string, script *redis.Script, k keys, key hirebot.SessionKey, claim *dedup.Claim, args ...any) (int64, error) {
	v, err := s.runClaimed(ctx, op, script, k, key, claim, args...)
	if err != nil {
		return 0, err
	}
	n, ok := v.(int64)
	if !ok {
		return 0, fmt.Errorf("sessions: %s: script returned %v", op, v)
	}
	return n, claimResult(claim, n)
}

// claimResult maps a claimed script's claim results to their errors
// (dedup.ErrDuplicate, dedup.ErrFenced); any other result is the
// script's own, and marks claim recorded.
func claimResult(claim *dedup.Claim, n int64) error {
	switch n {
	case resultDuplicate:
		return dedup.ErrDuplicate
	case resultFenced:
		return dedup.ErrFenced
	}
	if claim != nil {
		claim.Recorded()
	}
	return nil
}

// runInt is run for scripts that return an integer.
func (s *Store) runInt(ctx context.Context, op string, script *redis.Script, k keys, claim *dedup.Claim, args ...any) (int64, error) {
	v, err := s.run(ctx, op, script, k, claim, args...)
	if err != nil {
		return 0, err
	}
	n, ok := v.(int64)
	if !ok {
		return 0, fmt.Errorf("sessions: %s: script returned %T, want an integer", op, v)
	}
	return n, nil
}
