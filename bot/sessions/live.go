package sessions

import (
	"context"
	"strconv"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/live"
	"github.com/redis/go-redis/v9"
)

// The live message's record: which Slack message shows a channel's draft
// (the draft hash's field live, "CHANNEL/TS"), which revision of the draft
// it shows (lv), whose turn it is to update it (liveturn) and, outside
// every session's slot, the sessions whose message may be behind
// (behindKey). Package live decides when the message changes; these are
// the facts it keeps.

// behindKey is the sorted set of the sessions whose live message may be
// behind their draft: member TEAM:CHANNEL, score the Unix time in
// milliseconds from which any replica may bring it up to date. It is one
// key of its own, outside every session's hash slot, so a session script
// cannot touch it: it is written before the change (a crash then leaves at
// most a marker on a message already current, which costs one read).
const behindKey = "hirebot:live:behind"

// takeTurnScript takes the turn to update a live message for ARGV[1]
// milliseconds. KEYS: the turn key. Returns 0 if taken, or the
// milliseconds until the current turn ends.
var takeTurnScript = redis.NewScript(`
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
return math.max(redis.call('PTTL', KEYS[1]), 1)
`)

// TakeLive takes the turn to update key's live message, across every
// replica, for gap — no other replica may update it until gap has passed —
// and reads what the message should show, in one round trip. When another
// replica holds the turn it returns how long until it may try again (and
// a view of no use). A missing draft is a hirebot.NotFound error.
func (s *Store) TakeLive(ctx context.Context, key hirebot.SessionKey, gap time.Duration) (live.View, time.Duration, error) {
	sl, err := sessionSlot(key)
	if err != nil {
		return live.View{}, 0, err
	}
	ctx = named(ctx, "take the live message's turn and read the draft")
	var turn *redis.Cmd
	var vals *redis.SliceCmd
	_, _ = s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		turn = p.EvalSha(ctx, takeTurnScript.Hash(), []string{sl.liveTurn()}, gap.Milliseconds())
		vals = p.HMGet(ctx, sl.session().draft, "v", "d", "live", "lv")
		return nil
	})
	if redis.HasErrorPrefix(turn.Err(), "NOSCRIPT") {
		turn = takeTurnScript.Eval(ctx, s.client, []string{sl.liveTurn()}, gap.Milliseconds())
	}
	ms, err := turn.Int64()
	if err != nil {
		return live.View{}, 0, storeError("take the live message's turn", err)
	}
	if ms > 0 {
		return live.View{}, time.Duration(ms) * time.Millisecond, nil
	}
	v, err := vals.Result()
	if err != nil {
		return live.View{}, 0, storeError("read the draft and its live message", err)
	}
	rev, _ := v[0].(string)
	b, _ := v[1].(string)
	if rev == "" || b == "" {
		return live.View{}, 0, ErrNoDraft
	}
	var view live.View
	view.Ref, _ = v[2].(string)
	lv, _ := v[3].(string)
	view.Rev, _ = strconv.Atoi(rev)
	view.Shown, _ = strconv.Atoi(lv)
	view.Draft, err = decodeDraft([]byte(b))
	return view, 0, err
}

// recordLiveScript records that the message ARGV[3] shows revision
// ARGV[4], if the draft's live message is still ARGV[2] ("" for none): as
// the new live message when the two differ. A revision older than the one
// recorded is not recorded. KEYS: the session's (keys.list). ARGV: ttl,
// old, ref, revision. Returns {1, revision now} when recorded, {2,
// revision now} when another message is the live one, {0, 0} when there
// is no draft.
var recordLiveScript = redis.NewScript(`
local v = redis.call('HGET', KEYS[1], 'v')
if not v then return {0, 0} end
local live = redis.call('HGET', KEYS[1], 'live') or ''
if live ~= ARGV[2] then return {2, tonumber(v)} end
if ARGV[3] ~= live then
	redis.call('HSET', KEYS[1], 'live', ARGV[3])
	redis.call('HDEL', KEYS[1], 'lv')
end
if tonumber(ARGV[4]) > tonumber(redis.call('HGET', KEYS[1], 'lv') or '0') then
	redis.call('HSET', KEYS[1], 'lv', ARGV[4])
end
for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
return {1, tonumber(v)}
`)

// RecordLive records that the message ref shows revision rev of key's
// draft: as the draft's live message if the one recorded is still old
// ("" for none; old == ref for an update of the message), so that of two
// replicas that each posted a live message one wins, and the other learns
// it lost (false) and can delete its own. It returns the draft's revision
// now. In the same round trip it clears key's marker; when ref lost, or
// the draft has moved on since rev, it marks the message behind again
// (the caller goes on to bring it up to date). A missing draft is a
// hirebot.NotFound error.
func (s *Store) RecordLive(ctx context.Context, key hirebot.SessionKey, old, ref string, rev int) (bool, int, error) {
	sl, err := sessionSlot(key)
	if err != nil {
		return false, 0, err
	}
	ctx = named(ctx, "record the live message")
	keys, args := sl.session().list(), []any{s.ttlMillis(), old, ref, rev}
	var res *redis.Cmd
	_, _ = s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		res = p.EvalSha(ctx, recordLiveScript.Hash(), keys, args...)
		p.ZRem(ctx, behindKey, member(key))
		return nil
	})
	if redis.HasErrorPrefix(res.Err(), "NOSCRIPT") {
		res = recordLiveScript.Eval(ctx, s.client, keys, args...)
	}
	v, err := res.Int64Slice()
	if err != nil || len(v) != 2 {
		return false, 0, storeError("record the live message", err)
	}
	won, now := v[0] == 1, int(v[1])
	if v[0] == 0 {
		return false, 0, ErrNoDraft
	}
	if !won || now > rev {
		err = s.MarkLiveBehind(ctx, key, time.Now().Add(max(s.liveGrace, time.Second)))
	}
	return won, now, err
}

// MarkLiveBehind notes that key's live message may fall behind its draft,
// and that if it is still marked at due, any replica should bring it up to
// date. Marking it again moves due.
func (s *Store) MarkLiveBehind(ctx context.Context, key hirebot.SessionKey, due time.Time) error {
	if _, err := sessionSlot(key); err != nil {
		return err
	}
	err := s.client.ZAdd(named(ctx, "mark the live message behind"), behindKey,
		redis.Z{Score: float64(due.UnixMilli()), Member: member(key)}).Err()
	return storeError("mark the live message behind", err)
}

// ClearLiveBehind removes key's marker: its live message is up to date.
func (s *Store) ClearLiveBehind(ctx context.Context, key hirebot.SessionKey) error {
	err := s.client.ZRem(named(ctx, "clear the live message's marker"), behindKey, member(key)).Err()
	return storeError("clear the live message's marker", err)
}

// takeDueScript takes up to ARGV[3] members due by ARGV[1] of a sorted set
// of sessions and moves them to ARGV[2], atomically, so that one replica
// takes each. KEYS: the set.
var takeDueScript = redis.NewScript(`
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, m in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[2], m) end
return due
`)

// takeDue takes, for this replica, up to limit sessions of the sorted set
// set due at now: they move lease into the future, so no other replica
// takes them meanwhile, and come due again if this one dies too.
func (s *Store) takeDue(ctx context.Context, op, set string, now time.Time, lease time.Duration, limit int) ([]hirebot.SessionKey, error) {
	members, err := takeDueScript.Run(named(ctx, op), s.client, []string{set},
		now.UnixMilli(), now.Add(lease).UnixMilli(), limit).StringSlice()
	if err != nil {
		return nil, storeError(op, err)
	}
	keys := make([]hirebot.SessionKey, 0, len(members))
	for _, m := range members {
		keys = append(keys, sessionOf(m))
	}
	return keys, nil
}

// ClaimLiveBehind takes up to limit sessions whose marker is due at now,
// for this replica: their markers move lease into the future, so no other
// replica takes them meanwhile, and come due again if this one dies too.
func (s *Store) ClaimLiveBehind(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]hirebot.SessionKey, error) {
	return s.takeDue(ctx, "claim live messages behind", behindKey, now, lease, limit)
}
