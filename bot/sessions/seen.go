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
// still at version — the version its discard confirmation was asked at —
// and returns a *draft.StaleError otherwise. The session's interview kit
// and asked questions stay: they belong to the hiring session, not to the
// draft. A missing draft is a hirebot.NotFound error; claim as for every
// write.
func (s *Store) DiscardDraft(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, version int) error {
	k, err := sessionKeys(key)
	if err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		d, rev, err := s.readForUpdate(ctx, k)
		if err != nil {
			return err
		}
		if d.Version != version {
			return &draft.StaleError{Base: version, Now: d.Version}
		}
		n, err := s.runInt(ctx, "discard draft", discardScript, k, claim, rev)
		switch {
		case err != nil:
			return err
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
// ARGV[2]. ARGV: ttl, revision read. Returns 1, 0 if the revision changed,
// or -1 if there is no draft.
var discardScript = redis.NewScript(`
local v = redis.call('HGET', KEYS[1], 'v')
if not v then return -1 end
if v ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1], KEYS[2])
return 1
`)

// ClearKit empties the channel's interview kit if it still holds exactly
// expect, the questions shown when the person was asked to confirm; it
// returns false, changing nothing, if the kit changed since.
func (s *Store) ClearKit(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, expect []string) (bool, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return false, err
	}
	args := make([]any, len(expect))
	for i, id := range expect {
		args[i] = id
	}
	n, err := s.runInt(ctx, "clear interview kit", clearKitScript, k, claim, args...)
	return n == 1, err
}

// clearKitScript deletes the kit if it holds exactly ARGV[2:]. ARGV: ttl,
// ids…. Returns 1, or 0 if the kit holds something else.
var clearKitScript = redis.NewScript(`
local ids = redis.call('LRANGE', KEYS[4], 0, -1)
if #ids ~= #ARGV - 1 then return 0 end
for i, id in ipairs(ids) do
	if id ~= ARGV[i + 1] then return 0 end
end
redis.call('DEL', KEYS[4])
return 1
`)
