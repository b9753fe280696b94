// Package sessions keeps each channel's hiring session in Redis, so that
// several bot replicas can serve one workspace and no change is ever lost.
//
// A session is the channel's job-description draft with its history and
// live message, the interview questions already asked and saved to the
// kit, and the candidates with their scorecards. Its keys are namespaced
// and hash-tagged by workspace and channel (hirebot:{T123:C456}:draft), so
// one session lives in one cluster slot and changes atomically in one Lua
// script. Every key of a session carries the session TTL (candidates their
// own), refreshed on each change; a session left alone for that long
// expires, and then reads as if it never existed.
//
// The store owns the protocol of a write (run.go): a request reads and
// writes through its Scope, and each write is one script that also
// records the request's claim, what the request is owed after its ack,
// and what its author has seen, in one round trip. The store is split by
// aggregate: drafts, kit, candidates (with scorecards and the interview
// loop), live (the live message's record and markers), claims and outbox.
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
	// DefaultRecordRetention is how long an archived candidate and their
	// scorecards are kept after archiving: over a year, the least US
	// federal rules keep hiring records for.
	DefaultRecordRetention = 400 * 24 * time.Hour
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
	// RecordRetention is how long an archived candidate and their
	// scorecards are kept after archiving (default
	// DefaultRecordRetention).
	RecordRetention time.Duration
	// RemindAfter, when not zero, schedules a reminder for each member
	// put on a candidate's panel, due RemindAfter later (see
	// TakeReminders).
	RemindAfter time.Duration
	// LiveGrace, when not zero, makes every draft write mark the draft's
	// live message behind (see MarkLiveBehind), due LiveGrace later, in
	// the same round trip as the write and ahead of it.
	LiveGrace time.Duration
}

// Store keeps hiring sessions in Redis. It is safe for concurrent use, and
// any number of Stores, in any number of processes, may share one Redis.
type Store struct {
	client      redis.UniversalClient
	ttl         time.Duration
	retries     int
	candTTL     time.Duration
	retention   time.Duration
	remindAfter time.Duration
	liveGrace   time.Duration
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
	s.remindAfter = opts.RemindAfter
	s.retention = opts.RecordRetention
	if s.retention <= 0 {
		s.retention = DefaultRecordRetention
	}
	for i := range s.locks {
		s.locks[i] = make(chan struct{}, 1)
	}
	return s
}

// Ping reports whether Redis answers.
func (s *Store) Ping(ctx context.Context) error {
	return storeError("ping", s.client.Ping(named(ctx, "ping")).Err())
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
