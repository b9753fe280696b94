package sessions

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/redis/go-redis/v9"
)

// Scorecard reminders are scheduled in Redis, with no leader: a sorted set
// of due times (remindDueKey, member TEAM|CHANNEL|CANDIDATE|USER, score
// the Unix time in milliseconds it is due) and beside it, in the same
// slot, a hash of each reminder's state (remindStateKey, value
// "SENT\nTOKEN": how many were sent, and the token of the replica that
// holds it now, empty when none does). A replica takes the reminders due
// with one script (TakeReminders), which leases each to it — moves its due
// time to the lease's end and records its token — so that no other
// replica takes it meanwhile; it sends it, then marks it sent with another
// script (ReminderSent), which counts it and schedules the next, only
// while it still holds the token. A replica that dies holding reminders
// (even kill -9) leaves them to come due again when the lease ends, so
// none is lost; one is sent twice only if a replica dies in the moment
// between Slack taking the message and the mark, as with the outbox.

// The keys of the reminders' schedule: one slot of their own.
const (
	remindDueKey   = "hirebot:{remind}:due"
	remindStateKey = "hirebot:{remind}:state"
)

// remindMember names a reminder in the schedule.
func remindMember(team, channel, id, user string) string {
	return team + "|" + channel + "|" + id + "|" + user
}

// takeRemindersScript leases the reminders due by ARGV[1], at most
// ARGV[4], until ARGV[2], to token ARGV[3]. KEYS: due, state. It returns
// member, sent, previous token (empty unless a lease ran out), in turn.
var takeRemindersScript = redis.NewScript(`
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[4]))
local out = {}
for _, m in ipairs(due) do
	local st = redis.call('HGET', KEYS[2], m) or '0\n'
	local n, tok = string.match(st, '^(%d+)\n(.*)$')
	n = n or '0'
	redis.call('ZADD', KEYS[1], ARGV[2], m)
	redis.call('HSET', KEYS[2], m, n .. '\n' .. ARGV[3])
	out[#out + 1] = m
	out[#out + 1] = n
	out[#out + 1] = tok or ''
end
return out
`)

// reminderSentScript counts reminder ARGV[1] sent by the holder of token
// ARGV[2] and schedules the next at ARGV[3], or with ARGV[4] '1' drops it
// (the last was sent, or none is owed). KEYS: due, state. It returns 1,
// or 0 when the token no longer holds it.
var reminderSentScript = redis.NewScript(`
local st = redis.call('HGET', KEYS[2], ARGV[1])
if not st then return 0 end
local n, tok = string.match(st, '^(%d+)\n(.*)$')
if tok ~= ARGV[2] then return 0 end
if ARGV[4] == '1' then
	redis.call('ZREM', KEYS[1], ARGV[1])
	redis.call('HDEL', KEYS[2], ARGV[1])
	return 1
end
redis.call('HSET', KEYS[2], ARGV[1], (tonumber(n) + ARGV[5]) .. '\n')
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
return 1
`)

// scheduleReminders lists a reminder for each of users on candidate id of
// key's channel, due at, unless one is listed: in p, the pipeline of the
// write that puts them on the panel, ahead of it (a crash leaves at most
// a reminder for someone not on the panel, which is dropped when due).
func scheduleReminders(ctx context.Context, p redis.Pipeliner, team, channel, id string, users []string, at time.Time) {
	for _, u := range users {
		p.ZAddNX(ctx, remindDueKey, redis.Z{Score: float64(at.UnixMilli()), Member: remindMember(team, channel, id, u)})
	}
}

// TakeReminders leases to this replica, under token, up to limit
// reminders due by now, until now+lease: no other replica takes them
// meanwhile. A reminder whose Previous is set was leased before to a
// replica that did not mark it (it died, or hangs).
func (s *Store) TakeReminders(ctx context.Context, now time.Time, lease time.Duration, token string, limit int) ([]scorecard.Reminder, error) {
	const op = "take reminders"
	v, err := takeRemindersScript.Run(named(ctx, op), s.client, []string{remindDueKey, remindStateKey},
		now.UnixMilli(), now.Add(lease).UnixMilli(), token, limit).StringSlice()
	if err != nil {
		return nil, storeError(op, err)
	}
	var out []scorecard.Reminder
	for i := 0; i+2 < len(v); i += 3 {
		f := strings.Split(v[i], "|")
		if len(f) != 4 {
			continue
		}
		n, _ := strconv.Atoi(v[i+1])
		out = append(out, scorecard.Reminder{Team: f[0], Channel: f[1], Candidate: f[2], User: f[3], Sent: n, Token: token, Previous: v[i+2]})
	}
	return out, nil
}

// ReminderSent marks r sent (sent: false when none was, as when it is no
// longer owed) and schedules the next at next, or, with last, drops it.
// It reports false when r's lease ran out and another replica took it.
func (s *Store) ReminderSent(ctx context.Context, r scorecard.Reminder, sent bool, next time.Time, last bool) (bool, error) {
	const op = "mark a reminder sent"
	flag, add := "", 0
	if last {
		flag = "1"
	}
	if sent {
		add = 1
	}
	n, err := reminderSentScript.Run(named(ctx, op), s.client, []string{remindDueKey, remindStateKey},
		remindMember(r.Team, r.Channel, r.Candidate, r.User), r.Token, next.UnixMilli(), flag, add).Int()
	if err != nil {
		return false, storeError(op, err)
	}
	return n == 1, nil
}

// reminderDue returns when the reminders of the candidates, by
// "CHANNEL/ID", are due for user in team (zero for none).
func (s *Store) reminderDue(ctx context.Context, team, user string, entries []string) (map[string]time.Time, error) {
	cmds := make([]*redis.FloatCmd, len(entries))
	_, err := s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, e := range entries {
			channel, id, _ := strings.Cut(e, "/")
			cmds[i] = p.ZScore(ctx, remindDueKey, remindMember(team, channel, id, user))
		}
		return nil
	})
	if err != nil && err != redis.Nil {
		return nil, fmt.Errorf("sessions: read reminders due: %w", err)
	}
	out := map[string]time.Time{}
	for i, e := range entries {
		if ms, err := cmds[i].Result(); err == nil {
			out[e] = time.UnixMilli(int64(ms)).UTC()
		}
	}
	return out, nil
}
