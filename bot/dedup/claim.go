// Package dedup is how a request that Slack delivers more than once has
// one effect: each delivery carries a Claim on the request, and the first
// write that records it acts; every later delivery finds it recorded. The
// claim also carries what the request is owed after its ack (Owing), which
// the store keeps with it until the answer is delivered.
package dedup

import (
	"crypto/rand"
	"errors"
	"sync/atomic"
	"time"

	"github.com/hirebot/hirebot"
)

// ErrDuplicate is returned by a write whose claim another delivery of the
// same request has recorded: the write did nothing, and nothing should be
// said to anyone. Check it with errors.Is.
var ErrDuplicate = errors.New("dedup: the request was handled already (Slack delivered it twice)")

// ErrFenced is returned by a write whose claim was fenced: the delivery
// that made it could not learn in time whether the write landed, so it
// recorded a tombstone under the claim that no write can pass, and told
// the user the change did not happen. Its kind is hirebot.Unavailable.
var ErrFenced = &hirebot.Error{Kind: hirebot.Unavailable,
	Err: errors.New("dedup: the request was fenced off: it did not happen")}

// ErrUnsettled says a write was sent but neither its reply nor a fence
// could reach the store in time: whether it landed is not known yet. Its
// kind is hirebot.Unavailable; the user must not be told it failed, and is
// told the outcome once a fence can reach the store.
var ErrUnsettled = &hirebot.Error{Kind: hirebot.Unavailable,
	Err: errors.New("dedup: the store did not answer; whether the change landed is unknown")}

// Settled is what Fence learned about a claim whose write had an unknown
// outcome.
type Settled int

const (
	// NotApplied: the tombstone is in place; the write can never apply.
	NotApplied Settled = iota
	// Applied: the claim was recorded by this delivery's write: it landed.
	Applied
	// Duplicate: another delivery of the request recorded the claim.
	Duplicate
)

// A Claim is the right to act on one delivery of a request. Slack may
// deliver the same request more than once (after a reconnect, or when an
// ack was late); the first delivery to record its claim acts, and every
// other delivery of the same request finds the claim recorded and does
// nothing.
//
// A claim belongs to the request's scope in the session store: the store
// records it in the same atomic write as the request's first change (with
// what the request is owed, Owed), so deduplication costs no round trip of
// its own, and returns ErrDuplicate when another delivery recorded it
// first. A request that changes nothing records its claim on its own
// before its reply is sent.
//
// The store keeps the outcome of the write with the claim: a write the
// store retries (a lost reply, a resent script, another try of its loop)
// finds the claim recorded with its own token, and the store reports the
// first application's result instead of applying the change twice. When
// even that cannot be learned in time (Unsettled), the caller fences the
// claim: a tombstone that no write can pass (see ErrFenced), or proof that
// the write landed.
type Claim struct {
	Team    string // the workspace the request came from
	Channel string // the channel, "" when it came from none (the App Home)
	ID      string // names the request: the same for every delivery of it
	// Token names this delivery: a store that finds the claim recorded
	// with this token knows the record is its own (a retried write), not
	// another delivery's.
	Token string
	// Owed, when set, is what the request is owed after its ack, as the
	// adapter encodes it: the write that records the claim keeps it in the
	// session's outbox in the same round trip, so that any replica can
	// answer the request if the one that took it dies before answering.
	Owed *Owing

	recorded     atomic.Bool
	sent         atomic.Bool
	owedRecorded atomic.Bool
}

// Owing is what a request is owed after its ack, kept in an outbox until
// it is delivered: Payload (opaque to the store) names the request and
// where its answer goes; any replica may take it once Lease has passed
// since it was recorded.
type Owing struct {
	Payload []byte
	Lease   time.Duration
}

// NewClaim returns a pending claim on the request named id.
func NewClaim(team, channel, id string) *Claim {
	return &Claim{Team: team, Channel: channel, ID: id, Token: rand.Text()}
}

// Pending reports whether c is a claim still to be recorded; a nil claim
// (a request that is not deduplicated) is not.
func (c *Claim) Pending() bool { return c != nil && !c.recorded.Load() }

// Recorded notes that the claim has been recorded.
func (c *Claim) Recorded() { c.recorded.Store(true) }

// RecordedOwed notes that the claim has been recorded with what the
// request is owed (Owed): the outbox holds it until it is delivered.
func (c *Claim) RecordedOwed() {
	c.recorded.Store(true)
	c.owedRecorded.Store(true)
}

// Owes reports whether the outbox holds what the request is owed: its
// claim was recorded with it.
func (c *Claim) Owes() bool { return c != nil && c.owedRecorded.Load() }

// Sent notes that a write recording c has been sent to the store: from
// then on, until c is recorded, whether the write landed is unknown.
func (c *Claim) Sent() {
	if c != nil {
		c.sent.Store(true)
	}
}

// Unsettled reports whether a write recording c was sent and its outcome
// is unknown: it may have landed, its reply lost.
func (c *Claim) Unsettled() bool { return c.Pending() && c.sent.Load() }

// Ref names one request of a session: the session's team and channel, and
// the request's dedup id.
type Ref struct {
	Team, Channel, ID string
}

// Owed is a reply owed to a request after its ack, as an outbox keeps it
// until it is delivered: the request's session, its dedup id, the reply
// as the adapter encoded it, and when it was first owed.
type Owed struct {
	Team, Channel string
	ID            string
	Payload       []byte
	Created       time.Time
}
