package sessions

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/redis/go-redis/v9"
)

// behindKey is the sorted set of the sessions whose live message may be
// behind their draft: member TEAM:CHANNEL, score the Unix time in
// milliseconds from which any replica may bring it up to date. It is one
// key of its own, outside every session's hash slot, so a session script
// cannot touch it: it is written before the change (a crash then leaves at
// most a marker on a message already current, which costs one read).
const behindKey = "hirebot:live:behind"

// MarkLiveBehind notes that key's live message may fall behind its draft,
// and that if it is still marked at due, any replica should bring it up to
// date. Marking it again moves due.
func (s *Store) MarkLiveBehind(ctx context.Context, key hirebot.SessionKey, due time.Time) error {
	if _, err := sessionKeys(key); err != nil {
		return err
	}
	err := s.client.ZAdd(ctx, behindKey, redis.Z{Score: float64(due.UnixMilli()), Member: key.Team + ":" + key.Channel}).Err()
	return storeError("mark the live message behind", err)
}

// ClearLiveBehind removes key's marker: its live message is up to date.
func (s *Store) ClearLiveBehind(ctx context.Context, key hirebot.SessionKey) error {
	return storeError("clear the live message's marker", s.client.ZRem(ctx, behindKey, key.Team+":"+key.Channel).Err())
}

// claimBehindScript takes up to ARGV[3] markers due by ARGV[1] and moves
// them to ARGV[2], atomically, so that one replica takes each. KEYS: the
// marker set.
var claimBehindScript = redis.NewScript(`
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, m in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[2], m) end
return due
`)

// ClaimLiveBehind takes up to limit sessions whose marker is due at now,
// for this replica: their markers move lease into the future, so no other
// replica takes them meanwhile, and come due again if this one dies too.
func (s *Store) ClaimLiveBehind(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]hirebot.SessionKey, error) {
	members, err := claimBehindScript.Run(ctx, s.client, []string{behindKey},
		now.UnixMilli(), now.Add(lease).UnixMilli(), limit).StringSlice()
	if err != nil {
		return nil, storeError("claim live messages behind", err)
	}
	keys := make([]hirebot.SessionKey, 0, len(members))
	for _, m := range members {
		team, channel, _ := strings.Cut(m, ":")
		keys = append(keys, hirebot.SessionKey{Team: team, Channel: channel})
	}
	return keys, nil
}

// setShownScript records that the live message ARGV[2] shows version
// ARGV[3], unless the draft's live message is another one or already shows
// a newer version. ARGV: ttl, ref, version. Returns 1 if recorded.
var setShownScript = redis.NewScript(touch + `
if redis.call('HGET', KEYS[1], 'live') ~= ARGV[2] then return 0 end
local cur = tonumber(redis.call('HGET', KEYS[1], 'lv') or '0')
if tonumber(ARGV[3]) <= cur then return 0 end
redis.call('HSET', KEYS[1], 'lv', ARGV[3])
touch()
return 1
`)

// SetLiveShown records that the live message ref shows the draft at
// version. It is ignored if ref is no longer the draft's live message.
func (s *Store) SetLiveShown(ctx context.Context, key hirebot.SessionKey, ref string, version int) error {
	k, err := sessionKeys(key)
	if err != nil {
		return err
	}
	_, err = s.runInt(ctx, "record the live message's version", setShownScript, k, nil, ref, version)
	return err
}

// LiveShown returns the draft version the live message ref was last
// recorded showing, 0 if none or if ref is no longer the live message.
func (s *Store) LiveShown(ctx context.Context, key hirebot.SessionKey, ref string) (int, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return 0, err
	}
	vals, err := s.client.HMGet(ctx, k.draft, "live", "lv").Result()
	if err != nil {
		return 0, storeError("read the live message's version", err)
	}
	if live, _ := vals[0].(string); live != ref || ref == "" {
		return 0, nil
	}
	lv, _ := vals[1].(string)
	n, err := strconv.Atoi(lv)
	if lv != "" && err != nil {
		return 0, fmt.Errorf("sessions: live message version %q: %w", lv, err)
	}
	return n, nil
}

// takeTurnScript takes the turn to update a live message for ARGV[1]
// milliseconds. KEYS: the turn key. Returns 0 if taken, or the
// milliseconds until the current turn ends.
var takeTurnScript = redis.NewScript(`
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
return math.max(redis.call('PTTL', KEYS[1]), 1)
`)

// TakeLiveTurn takes the turn to update key's live message, across every
// replica, for gap: no other replica may update it until gap has passed.
// It returns 0 when the turn is this replica's, or how long until it may
// try again.
func (s *Store) TakeLiveTurn(ctx context.Context, key hirebot.SessionKey, gap time.Duration) (time.Duration, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return 0, err
	}
	ms, err := takeTurnScript.Run(ctx, s.client, []string{k.liveTurn()}, gap.Milliseconds()).Int64()
	if err != nil {
		return 0, storeError("take the live message's turn", err)
	}
	return time.Duration(ms) * time.Millisecond, nil
}
