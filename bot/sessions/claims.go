package sessions

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/redis/go-redis/v9"
)

// ClaimTTL is how long a recorded claim is kept: well past the minutes in
// which Slack redelivers a request.
const ClaimTTL = 10 * time.Minute

// claimKey returns the Redis key that records c. A claim on a request from
// a channel shares the hash tag of the channel's session, so a session
// script can record it (in a cluster, a script may only touch one slot).
func claimKey(c *dedup.Claim) (string, error) { return claimKeyOf(c.Team, c.Channel, c.ID) }

// claimKeyOf returns the key of the claim on request id from team's
// channel ("" for none).
func claimKeyOf(team, channel, id string) (string, error) {
	if err := checkID("team", team); err != nil {
		return "", err
	}
	tag := team
	if channel != "" {
		if err := checkID("channel", channel); err != nil {
			return "", err
		}
		tag += ":" + channel
	}
	return "hirebot:{" + tag + "}:claim:" + id, nil
}

// claimScript records a claim unless another delivery has. KEYS: the
// claim. ARGV: token, TTL in milliseconds. Returns 1 if the claim is now
// recorded with this token (or already was), 0 if with another, -3 if it
// was fenced.
var claimScript = redis.NewScript(`
local by = redis.call('GET', KEYS[1])
if by == '` + fencedMark + `' then return -3 end
if by then
	if string.match(by, '^[^\n]*') ~= ARGV[1] then return 0 end
	return 1
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`)

// fenceScript settles a claim whose write had an unknown outcome. KEYS:
// the claim. ARGV: token, TTL in milliseconds. If nobody recorded the
// claim it records the tombstone, so that no write carrying it can apply,
// and returns 0 (also when it was fenced before); it returns 1 if this
// token recorded it (the write landed), 2 if another delivery did.
var fenceScript = redis.NewScript(`
local by = redis.call('GET', KEYS[1])
if not by then
	redis.call('SET', KEYS[1], '` + fencedMark + `', 'PX', ARGV[2])
	return 0
end
if by == '` + fencedMark + `' then return 0 end
if string.match(by, '^[^\n]*') == ARGV[1] then return 1 end
return 2
`)

// Fence settles c, whose write was sent but whose outcome is unknown (its
// reply was lost, or its deadline passed): if the write landed, it reports
// dedup.Applied; if another delivery recorded c, dedup.Duplicate;
// otherwise it records a tombstone under c, so the write (even one still
// on its way to Redis) can never apply, and reports dedup.NotApplied. An
// error means Redis could not be asked: the outcome is still unknown.
func (s *Store) Fence(ctx context.Context, c *dedup.Claim) (dedup.Settled, error) {
	key, err := claimKey(c)
	if err != nil {
		return dedup.NotApplied, err
	}
	n, err := fenceScript.Run(ctx, s.client, []string{key}, c.Token, ClaimTTL.Milliseconds()).Int64()
	if err != nil {
		return dedup.NotApplied, storeError("fence the request's claim", err)
	}
	switch n {
	case 1:
		// c stays pending: a write carrying it again reports the first
		// application's result (see UpdateDraft).
		return dedup.Applied, nil
	case 2:
		return dedup.Duplicate, nil
	}
	return dedup.NotApplied, nil
}

// claimOutcome returns the outcome recorded with c by the write that
// recorded it (see claimLua).
func (s *Store) claimOutcome(ctx context.Context, c *dedup.Claim) (string, error) {
	key, err := claimKey(c)
	if err != nil {
		return "", err
	}
	v, err := s.client.Get(ctx, key).Result()
	if err != nil {
		return "", storeError("read the outcome of the request's first write", err)
	}
	_, outcome, _ := strings.Cut(v, "\n")
	return outcome, nil
}

// RecordClaim records c, across every replica, unless another delivery of
// the same request has recorded it: then it returns dedup.ErrDuplicate.
// Recording it again with the same token succeeds. It costs one round
// trip; writes to a session record the pending claim they are given at no
// extra cost.
func (s *Store) RecordClaim(ctx context.Context, c *dedup.Claim) error {
	key, err := claimKey(c)
	if err != nil {
		return err
	}
	n, err := claimScript.Run(ctx, s.client, []string{key}, c.Token, ClaimTTL.Milliseconds()).Int64()
	if err != nil {
		return storeError("record the request's claim", err)
	}
	switch n {
	case 0:
		return dedup.ErrDuplicate
	case resultFenced:
		return dedup.ErrFenced
	}
	c.Recorded()
	return nil
}

// recordPending records c if it is pending. Writes that cannot record
// the claim in their own script call it first, so that a second delivery
// changes nothing.
func (s *Store) recordPending(ctx context.Context, c *dedup.Claim) error {
	if c.Pending() {
		return s.RecordClaim(ctx, c)
	}
	return nil
}

// foldedClaim returns c when it is pending and a script writing key's
// session can record it, or nil.
func foldedClaim(c *dedup.Claim, key hirebot.SessionKey) *dedup.Claim {
	if !c.Pending() || c.Team != key.Team || c.Channel != key.Channel {
		return nil
	}
	return c
}

// claimArgs returns the extra key and arguments a session script takes to
// record c (see claimLua), or nothing when c is nil.
func claimArgs(c *dedup.Claim) (extraKeys []string, extraArgs []any, err error) {
	if c == nil {
		return nil, nil, nil
	}
	key, err := claimKey(c)
	if err != nil {
		return nil, nil, err
	}
	return []string{key}, []any{c.Token, strconv.FormatInt(ClaimTTL.Milliseconds(), 10)}, nil
}
