package sessions

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/redis/go-redis/v9"
)

// The claims: a recorded claim's key is hirebot:{TEAM:CHANNEL}:claim:ID,
// in its session's slot (see claimSlot), and its value the token of the
// delivery that recorded it, then a line with the outcome's status and
// the rest with its value (what a retry of that write is answered: see
// writeScript). fenceScript's tombstone is fencedMark.

// ClaimTTL is how long a recorded claim is kept: well past the minutes in
// which Slack redelivers a request.
const ClaimTTL = 10 * time.Minute

// fencedMark is the value of a fenced claim: no delivery's token.
const fencedMark = "!fenced"

// claimKey returns the Redis key that records claim id on a request from
// team's channel ("" for none).
func claimKey(team, channel, id string) (string, error) {
	sl, err := claimSlot(team, channel)
	return sl.claim(id), err
}

// recordScript records the claim with nothing written: the protocol of a
// write (writeScript), with the owed entry beside it, and no change.
var recordScript = writeScript("", `return '`+statusClaimed+`'`)

// teamClaimScript records a claim on a request from no channel, which has
// no session (and so no outbox) to record it in. KEYS: the claim. ARGV:
// token, TTL in milliseconds. Returns 1 if the claim is now recorded with
// this token (or already was), 0 if with another, -1 if it was fenced.
var teamClaimScript = redis.NewScript(`
local by = redis.call('GET', KEYS[1])
if by == '` + fencedMark + `' then return -1 end
if by then
	if string.match(by, '^[^\n]*') ~= ARGV[1] then return 0 end
	return 1
end
redis.call('SET', KEYS[1], ARGV[1] .. '\n` + statusClaimed + `\n', 'PX', ARGV[2])
return 1
`)

// RecordClaim records c, across every replica, with what its request is
// owed (c.Owed), unless another delivery of the same request has recorded
// it: then it returns dedup.ErrDuplicate. Recording it again with the same
// token succeeds. It costs one round trip; a request's writes record its
// pending claim at no extra cost.
func (s *Store) RecordClaim(ctx context.Context, c *dedup.Claim) error {
	const op = "record the request's claim"
	if c.Channel != "" {
		key := hirebot.SessionKey{Team: c.Team, Channel: c.Channel}
		sl, err := sessionSlot(key)
		if err != nil {
			return err
		}
		_, err = s.send(ctx, write{op: op, script: recordScript, record: true}, key, sl, c)
		return err
	}
	key, err := claimKey(c.Team, "", c.ID)
	if err != nil {
		return err
	}
	n, err := teamClaimScript.Run(named(ctx, op), s.client, []string{key}, c.Token, ClaimTTL.Milliseconds()).Int64()
	switch {
	case err != nil:
		return storeError(op, err)
	case n == 0:
		return dedup.ErrDuplicate
	case n < 0:
		return dedup.ErrFenced
	}
	c.Recorded()
	return nil
}

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
	const op = "fence the request's claim"
	key, err := claimKey(c.Team, c.Channel, c.ID)
	if err != nil {
		return dedup.NotApplied, err
	}
	n, err := fenceScript.Run(named(ctx, op), s.client, []string{key}, c.Token, ClaimTTL.Milliseconds()).Int64()
	if err != nil {
		return dedup.NotApplied, storeError(op, err)
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

// ClaimToken returns the token of the delivery that recorded the claim
// on request id from key's session ("" if none did, or if it was fenced):
// another delivery that takes it on acts as that delivery, whose writes
// report their first results (see UpdateDraft) instead of applying again.
func (s *Store) ClaimToken(ctx context.Context, team, channel, id string) (string, error) {
	const op = "read the request's claim"
	key, err := claimKey(team, channel, id)
	if err != nil {
		return "", err
	}
	v, err := s.client.Get(named(ctx, op), key).Result()
	switch {
	case errors.Is(err, redis.Nil):
		return "", nil
	case err != nil:
		return "", storeError(op, err)
	case v == fencedMark:
		return "", nil
	}
	tok, _, _ := strings.Cut(v, "\n")
	return tok, nil
}
