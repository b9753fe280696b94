package sessions

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/redis/go-redis/v9"
)

// The outbox keeps the replies owed after an ack until they are delivered:
// the write that records a request's claim records what the request is
// owed there too, before the request is acked (see writeScript), and the
// replica marks it delivered once Slack took the reply. A reply still owed
// when its lease runs out — the replica that owed it died, or hangs — is
// taken by any replica (TakeOwed) and delivered by that one.
//
// Each channel's session has its own outbox, a hash in the session's slot
// (hirebot:{TEAM:CHANNEL}:outbox): field the request's dedup id, value
// "STATE\nLEASE\nCREATED\nTOKEN\nPAYLOAD" with STATE p (owed) or d
// (delivered: the payload is dropped, the field kept while Slack may
// deliver the request again), LEASE and CREATED in Unix milliseconds, and
// TOKEN naming the delivery that owes it (so that a write the client
// resends after a lost reply finds its own). It lives OutboxTTL after
// its last write. outboxDueKey lists the sessions whose outbox holds
// replies owed, by when any replica may take them.

// OutboxTTL is how long an owed reply is kept: a response_url takes
// replies for 30 minutes.
const OutboxTTL = 30 * time.Minute

// outboxDueKey is the sorted set of the sessions whose outbox owes
// replies: member TEAM:CHANNEL, score the Unix time in milliseconds from
// which any replica may take them. One key of its own, outside every
// session's slot, like behindKey.
const outboxDueKey = "hirebot:outbox:due"

// oweScript records a reply owed unless one is recorded, owed or
// delivered, under the id. KEYS: outbox. ARGV: id, lease, created,
// payload, TTL, token. Returns 1 if recorded (also when this delivery
// recorded it before: a resent write), 0 if the id has another's.
var oweScript = redis.NewScript(`
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v then
	if ARGV[6] ~= '' and string.match(v, '^%a\n%d+\n%d+\n([^\n]*)\n') == ARGV[6] then return 1 end
	return 0
end
redis.call('HSET', KEYS[1], ARGV[1], 'p\n' .. ARGV[2] .. '\n' .. ARGV[3] .. '\n' .. ARGV[6] .. '\n' .. ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`)

// Owe records payload as the reply owed to the request id of key's
// session by the delivery token names, which will deliver it; any replica
// may take it once lease has passed (see TakeOwed). It reports false,
// recording nothing, when another delivery of the request has a reply
// recorded already, owed or delivered: then that one answers.
func (s *Store) Owe(ctx context.Context, key hirebot.SessionKey, id, token string, payload []byte, lease time.Duration) (bool, error) {
	const op = "record the reply owed"
	sl, err := sessionSlot(key)
	if err != nil {
		return false, err
	}
	ok := sl.outbox()
	ctx = named(ctx, op)
	now := time.Now()
	due := now.Add(lease).UnixMilli()
	keys, args := []string{ok}, []any{id, due, now.UnixMilli(), payload, OutboxTTL.Milliseconds(), token}
	var n *redis.Cmd
	_, _ = s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		// The session is listed first: a crash then leaves at most a
		// listing of an outbox with nothing owed, never a reply owed and
		// unlisted.
		p.ZAdd(ctx, outboxDueKey, redis.Z{Score: float64(due), Member: member(key)})
		n = p.EvalSha(ctx, oweScript.Hash(), keys, args...)
		return nil
	})
	if redis.HasErrorPrefix(n.Err(), "NOSCRIPT") {
		n = oweScript.Eval(ctx, s.client, keys, args...)
	}
	v, err := n.Int64()
	if err != nil {
		return false, storeError(op, err)
	}
	return v == 1, nil
}

// Owing reports whether request id of key's session has a reply recorded,
// owed or delivered.
func (s *Store) Owing(ctx context.Context, key hirebot.SessionKey, id string) (bool, error) {
	const op = "look for a reply owed"
	sl, err := sessionSlot(key)
	if err != nil {
		return false, err
	}
	n, err := s.client.HExists(named(ctx, op), sl.outbox(), id).Result()
	return n, storeError(op, err)
}

// deliveredScript marks a reply delivered, dropping its payload. KEYS:
// outbox. ARGV: id, now, TTL.
var deliveredScript = redis.NewScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], 'd\n0\n' .. ARGV[2] .. '\n\n')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`)

// Delivered marks the replies owed to the requests done delivered, all in
// one round trip: a replica marks the replies it delivered in batches.
func (s *Store) Delivered(ctx context.Context, done ...dedup.Ref) error {
	const op = "mark replies delivered"
	ctx = named(ctx, op)
	now, ttl := time.Now().UnixMilli(), OutboxTTL.Milliseconds()
	type sent struct {
		cmd  *redis.Cmd
		keys []string
		id   string
	}
	var cmds []sent
	_, _ = s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, d := range done {
			sl, err := sessionSlot(hirebot.SessionKey{Team: d.Team, Channel: d.Channel})
			if err != nil {
				continue // no session, so nothing owed
			}
			keys := []string{sl.outbox()}
			cmds = append(cmds, sent{p.EvalSha(ctx, deliveredScript.Hash(), keys, d.ID, now, ttl), keys, d.ID})
		}
		return nil
	})
	var errs []error
	for _, c := range cmds {
		err := c.cmd.Err()
		if redis.HasErrorPrefix(err, "NOSCRIPT") {
			err = deliveredScript.Run(ctx, s.client, c.keys, c.id, now, ttl).Err()
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return storeError(op, errors.Join(errs...))
}

// takeScript takes the owed replies whose lease ended by ARGV[1] for this
// replica until ARGV[2], dropping those created before ARGV[3] (too old to
// answer) and delivered ones marked before ARGV[4]. KEYS: outbox. Returns
// {next lease end of a reply still owed by another (0: none), id, created,
// payload, …}.
var takeScript = redis.NewScript(`
local out = {0}
local next = 0
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
	local id, v = all[i], all[i + 1]
	local state, lease, created, token, payload = string.match(v, '^(%a)\n(%d+)\n(%d+)\n([^\n]*)\n(.*)$')
	lease, created = tonumber(lease), tonumber(created)
	if not state then
		redis.call('HDEL', KEYS[1], id)
	elseif state == 'd' then
		if created < tonumber(ARGV[4]) then redis.call('HDEL', KEYS[1], id) end
	elseif created < tonumber(ARGV[3]) then
		redis.call('HDEL', KEYS[1], id)
	elseif lease <= tonumber(ARGV[1]) then
		redis.call('HSET', KEYS[1], id, 'p\n' .. ARGV[2] .. '\n' .. created .. '\n' .. token .. '\n' .. payload)
		table.insert(out, id)
		table.insert(out, tostring(created))
		table.insert(out, payload)
	elseif next == 0 or lease < next then
		next = lease
	end
end
out[1] = next
return out
`)

// dropDueScript removes a session from the due set if its score is still
// ARGV[2], the one the replica that found its outbox empty set: a reply
// owed since has moved it. KEYS: the due set.
var dropDueScript = redis.NewScript(`
local s = redis.call('ZSCORE', KEYS[1], ARGV[1])
if s and tonumber(s) == tonumber(ARGV[2]) then redis.call('ZREM', KEYS[1], ARGV[1]) end
return 1
`)

// TakeOwed takes, for this replica, up to limit sessions' replies whose
// lease ended by now: they are leased to it for lease, and come due again
// if it dies too. Replies created more than OutboxTTL ago are dropped, as
// Slack no longer takes them.
func (s *Store) TakeOwed(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]dedup.Owed, error) {
	const op = "take the replies owed"
	until := now.Add(lease).UnixMilli()
	keys, err := s.takeDue(ctx, op, outboxDueKey, now, lease, limit)
	if err != nil {
		return nil, err
	}
	ctx = named(ctx, op)
	var out []dedup.Owed
	var errs []error
	for _, key := range keys {
		m := member(key)
		owed, next, err := s.takeOwed(ctx, key, now, until)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, owed...)
		switch {
		case next > 0:
			err = s.client.ZAdd(ctx, outboxDueKey, redis.Z{Score: float64(max(next, until)), Member: m}).Err()
		case len(owed) == 0:
			err = dropDueScript.Run(ctx, s.client, []string{outboxDueKey}, m, until).Err()
		}
		if err != nil {
			errs = append(errs, storeError("reschedule the replies owed", err))
		}
	}
	return out, errors.Join(errs...)
}

// takeOwed takes key's owed replies whose lease ended by now until until,
// and returns them with when the next reply still owed there comes due
// (0: none).
func (s *Store) takeOwed(ctx context.Context, key hirebot.SessionKey, now time.Time, until int64) ([]dedup.Owed, int64, error) {
	sl, err := sessionSlot(key)
	if err != nil {
		return nil, 0, err
	}
	v, err := takeScript.Run(ctx, s.client, []string{sl.outbox()}, now.UnixMilli(), until,
		now.Add(-OutboxTTL).UnixMilli(), now.Add(-ClaimTTL).UnixMilli()).Slice()
	if err != nil {
		return nil, 0, storeError("take the replies owed", err)
	}
	next, _ := v[0].(int64)
	var out []dedup.Owed
	for i := 1; i+2 < len(v); i += 3 {
		id, _ := v[i].(string)
		created, _ := v[i+1].(string)
		payload, _ := v[i+2].(string)
		ms, err := strconv.ParseInt(created, 10, 64)
		if err != nil {
			return nil, 0, fmt.Errorf("sessions: an owed reply's time %q: %w", created, err)
		}
		out = append(out, dedup.Owed{Team: key.Team, Channel: key.Channel, ID: id, Payload: []byte(payload), Created: time.UnixMilli(ms)})
	}
	if next > 0 && next < until {
		next = until
	}
	return out, next, nil
}
