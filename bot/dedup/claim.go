// Package dedup is how a request that Slack delivers more than once has
// one effect: the claim a request makes, recorded with its first write.
package dedup

import (
	"context"
	"crypto/rand"
	"sync/atomic"
)

// A Claim is the right to act on one delivery of a request. Slack may
// deliver the same request more than once (after a reconnect, or when an
// ack was late); the first delivery to record its claim acts, and every
// other delivery of the same request finds the claim recorded and does
// nothing.
//
// The claim is recorded with the request's first effect: the session store
// records it in the same atomic write as a change to the session, so
// deduplication costs no round trip of its own; a request that changes
// nothing records it on its own before its reply is sent.
type Claim struct {
	Team    string // the workspace the request came from
	Channel string // the channel, "" when it came from none (the App Home)
	ID      string // names the request: the same for every delivery of it
	// Token names this delivery: a store that finds the claim recorded
	// with this token knows the record is its own (a retried write), not
	// another delivery's.
	Token string

	recorded atomic.Bool
}

// NewClaim returns a pending claim on the request named id.
func NewClaim(team, channel, id string) *Claim {
	return &Claim{Team: team, Channel: channel, ID: id, Token: rand.Text()}
}

// Pending reports whether the claim still has to be recorded.
func (c *Claim) Pending() bool { return !c.recorded.Load() }

// Recorded notes that the claim has been recorded.
func (c *Claim) Recorded() { c.recorded.Store(true) }

// claimKey is the context key of a request's Claim.
type claimKey struct{}

// WithClaim returns ctx carrying c, for the store to record with the
// request's first effect.
func WithClaim(ctx context.Context, c *Claim) context.Context {
	return context.WithValue(ctx, claimKey{}, c)
}

// ClaimFrom returns the claim ctx carries, or nil.
func ClaimFrom(ctx context.Context) *Claim {
	c, _ := ctx.Value(claimKey{}).(*Claim)
	return c
}
