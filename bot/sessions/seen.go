package sessions

import (
	"context"
	"errors"
	"strconv"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/redis/go-redis/v9"
)

// What each person last saw of the draft is kept in the draft's own hash,
// field "seen:USER", so it shares the session's slot and TTL and goes when
// the draft goes (discarded, expired or started anew).

// seenField returns the draft hash field that holds what user last saw.
func seenField(user string) string { return "seen:" + user }

// MarkSeen records that user has seen version of the channel's draft (by a
// /jd command or a button). A missing draft is a hirebot.NotFound error.
func (s *Store) MarkSeen(ctx context.Context, key hirebot.SessionKey, user string, version int) error {
	k, err := sessionKeys(key)
	if err != nil {
		return err
	}
	if err := checkID("user", user); err != nil {
		return err
	}
	n, err := s.runInt(ctx, "record what a user saw", markSeenScript, k, nil, seenField(user), version)
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNoDraft
	}
	return nil
}

// Seen returns the version of the channel's draft user last saw, or 0 if
// they have not seen it.
func (s *Store) Seen(ctx context.Context, key hirebot.SessionKey, user string) (int, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return 0, err
	}
	v, err := s.client.HGet(ctx, k.draft, seenField(user)).Result()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, storeError("read what a user saw", err)
	}
	n, _ := strconv.Atoi(v)
	return n, nil
}

// markSeenScript sets the field ARGV[2] of the draft hash to ARGV[3].
// ARGV: ttl, field, version. Returns 1, or 0 if there is no draft.
var markSeenScript = redis.NewScript(touch + `
if redis.call('HEXISTS', KEYS[1], 'v') == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
touch()
return 1
`)

// DiscardDraft deletes the channel's draft and its history if the draft is
// still the draft id names (a *draft.OtherDraftError otherwise), at version
// — the version its discard confirmation was asked at — and returns a
// *draft.StaleError otherwise. The session's interview kit
// and asked questions stay: they belong to the hiring session, not to the
// draft. A missing draft is a hirebot.NotFound error; claim as for every
// write.
func (s *Store) DiscardDraft(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, id string, version int) error {
	k, err := sessionKeys(key)
	if err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		d, rev, err := s.readForUpdate(ctx, k)
		switch {
		case errors.Is(err, ErrNoDraft) && foldedClaim(claim, key) != nil:
			// Perhaps this delivery's own discard, whose reply was lost:
			// the script answers from the claim.
		case err != nil:
			return err
		case d.Is(id) != nil:
			return d.Is(id)
		case d.Version != version:
			return &draft.StaleError{Base: version, Now: d.Version}
		}
		n, err := s.runClaimedInt(ctx, "discard draft", discardScript, k, key, claim, rev)
		if err != nil {
			return err
		}
		switch {
		case n == 1:
			return nil
		case n < 0:
			return ErrNoDraft
		case attempt >= s.retries:
			return ErrBusy
		}
		if err := sleep(ctx, backoff(attempt)); err != nil {
			return err
		}
	}
}

// discardScript deletes the draft and its history if the revision is still
// ARGV[2]. ARGV: ttl, revision read, and the claim's (see claimLua).
// Returns 1, 0 if the revision changed (not recorded: the store reads
// again and retries with the same claim), -1 if there is no draft, or -2
// or -3 for a claim another delivery recorded or that was fenced; a
// delivery whose discard landed before gets 1 again.
var discardScript = redis.NewScript(claimLua + `
local st = claimState()
if st == 'other' then return -2 end
if st == 'fenced' then return -3 end
if st == 'own' then return tonumber(recorded()) end
local v = redis.call('HGET', KEYS[1], 'v')
if not v then record('-1') return -1 end
if v ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1], KEYS[2])
record('1')
return 1
`)
