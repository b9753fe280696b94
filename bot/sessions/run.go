package sessions

import (
	"context"
	"fmt"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/redis/go-redis/v9"
)

// The store owns the protocol of a write: every change to a session is one
// Lua script run by one runner (send), in one round trip, and the script
// also records the request's claim with the change's outcome, and with it
// what the request is owed after its ack (the outbox entry); beside it, in
// the same round trip, go the markers kept outside the session's slot (the
// live message's, the outbox's due list) and the user's index. A new kind
// of write is one script (writeScript) and one method that calls run.
//
// A write script's KEYS are the claim's key and the session's outbox,
// then its own (the Lua table key); its ARGV are the protocol's seven
// (the claim's token, '' when the write records no claim, and TTL; the
// owed entry's id, '' for none, payload and lease end; now; the outbox
// TTL), then its own (the Lua table arg). Its body, a Lua function, returns
// a status — "ok", or the script's own word for the outcome: "exists",
// "stale", … — a value that goes with it (an entry's JSON, an id), and
// optionally whether the outcome is only for now (retry: the claim is not
// recorded, and the store tries again) and what to record instead of the
// value (a value only this reply needs). The script answers in one shape,
// {status, value, again, recorded}, which decodeResult reads: again says
// this delivery's write had landed before (a resend after a lost reply)
// and status and value are what it recorded then.

// The statuses the protocol itself answers; a script's own never start
// with "!".
const (
	statusDuplicate = "!duplicate" // another delivery recorded the claim: nothing done
	statusFenced    = "!fenced"    // the claim was fenced: nothing done
	// statusClaimed is recorded by a request that wrote nothing (see
	// RecordClaim): a write of the same delivery after it is its own to
	// make.
	statusClaimed = "claimed"
)

// protocolHead is the start of every write script: the key and arg tables,
// and the claim's check. A claim recorded already answers at once: by
// another delivery, or fenced, nothing is done; by this one, what it
// recorded is answered again.
const protocolHead = `
local key, arg = {}, {}
for i = 3, #KEYS do key[i - 2] = KEYS[i] end
for i = 8, #ARGV do arg[i - 7] = ARGV[i] end
local token = ARGV[1]
if token ~= '' then
	local by = redis.call('GET', KEYS[1])
	if by == '` + fencedMark + `' then return {'` + statusFenced + `', '', 0, 0} end
	if by then
		local tok, status, value = string.match(by, '^([^\n]*)\n?([^\n]*)\n?(.*)$')
		if tok ~= token then return {'` + statusDuplicate + `', '', 0, 0} end
		return {status, value, 1, 0}
	end
end
local function touch(ttl, n)
	for i = 1, n do redis.call('PEXPIRE', key[i], ttl) end
end
`

// protocolTail runs the body and records the claim with its outcome, and
// the owed entry beside it.
const protocolTail = `
local status, value, retry, keep = write()
value = value or ''
if token == '' or retry then return {status, value, 0, 0} end
redis.call('SET', KEYS[1], token .. '\n' .. status .. '\n' .. (keep or value), 'PX', ARGV[2])
if ARGV[3] ~= '' and redis.call('HEXISTS', KEYS[2], ARGV[3]) == 0 then
	redis.call('HSET', KEYS[2], ARGV[3], 'p\n' .. ARGV[5] .. '\n' .. ARGV[6] .. '\n' .. token .. '\n' .. ARGV[4])
	redis.call('PEXPIRE', KEYS[2], ARGV[7])
end
return {status, value, 0, 1}
`

// writeScript returns the script of a write: lib (Lua helpers its body
// uses) and body, the Lua function write's.
func writeScript(lib, body string) *redis.Script {
	return redis.NewScript(protocolHead + lib + "local function write()\n" + body + "\nend\n" + protocolTail)
}

// write is one change to a session, as its method describes it to the
// runner.
type write struct {
	op     string        // names it in errors and metrics: "update draft"
	script *redis.Script // from writeScript
	keys   []string      // its own keys (the Lua table key)
	args   []any         // its own arguments (the Lua table arg)
	// live marks the session's live message behind, due LiveGrace later,
	// ahead of the change (Options.LiveGrace).
	live bool
	// index, when set, lists member in that user index, kept for
	// indexTTL: best effort, in the same round trip.
	index, member string
	indexTTL      time.Duration
	// before, when set, adds commands to the round trip ahead of the
	// script (as the live and outbox markers go): markers outside the
	// session's slot that the write needs kept.
	before func(ctx context.Context, p redis.Pipeliner)
	// record marks a write that records the claim and changes nothing:
	// its outcome, should its reply be lost, leaves nothing to settle.
	record bool
	// readBack leaves the claim unsettled when the write had landed before
	// (result.again): its method reads the rest of its result back, and
	// marks the claim recorded once it has (Scope.settled). Until then,
	// whether the write landed is all that is known.
	readBack bool
}

// result is a write script's answer.
type result struct {
	status string // "ok", or the script's own word for the outcome
	value  string // what goes with it
	// again says this delivery's write had landed before, its reply lost:
	// status and value are what it recorded then.
	again    bool
	recorded bool // the claim was recorded with this outcome
}

// decodeResult reads a write script's reply, {status, value, again,
// recorded}.
func decodeResult(op string, v any) (result, error) {
	r, ok := v.([]any)
	if !ok || len(r) != 4 {
		return result{}, fmt.Errorf("sessions: %s: the script answered %v", op, v)
	}
	status, _ := r[0].(string)
	value, _ := r[1].(string)
	again, _ := r[2].(int64)
	recorded, _ := r[3].(int64)
	return result{status: status, value: value, again: again == 1, recorded: recorded == 1}, nil
}

// send runs w on key's session (of slot sl) in one round trip, carrying
// claim (nil for none: the write records no claim). A claim another
// delivery recorded is dedup.ErrDuplicate, a fenced one dedup.ErrFenced;
// a claim recorded with the outcome, now or before, is marked so.
func (s *Store) send(ctx context.Context, w write, key hirebot.SessionKey, sl slot, claim *dedup.Claim) (result, error) {
	now := time.Now()
	keys := append([]string{sl.claim("-"), sl.outbox()}, w.keys...)
	proto := []any{"", 0, "", "", 0, 0, 0}
	var due time.Time
	if claim != nil {
		keys[0] = sl.claim(claim.ID)
		proto[0], proto[1] = claim.Token, ClaimTTL.Milliseconds()
		if o := claim.Owed; o != nil && key.Channel != "" {
			due = now.Add(o.Lease)
			proto[2], proto[3], proto[4] = claim.ID, o.Payload, due.UnixMilli()
		}
		proto[5], proto[6] = now.UnixMilli(), OutboxTTL.Milliseconds()
	}
	args := append(proto, w.args...)
	if !w.record {
		claim.Sent()
	}
	ctx = named(ctx, w.op)
	var res *redis.Cmd
	_, _ = s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		if w.live && s.liveGrace > 0 {
			// Ahead of the change: a crash leaves at most a marker on a
			// message that is current, never a change without one.
			p.ZAdd(ctx, behindKey, redis.Z{Score: float64(now.Add(s.liveGrace).UnixMilli()), Member: member(key)})
		}
		if !due.IsZero() {
			// Likewise the outbox's due list: at worst it lists an outbox
			// that owes nothing.
			p.ZAdd(ctx, outboxDueKey, redis.Z{Score: float64(due.UnixMilli()), Member: member(key)})
		}
		if w.before != nil {
			w.before(ctx, p)
		}
		res = p.EvalSha(ctx, w.script.Hash(), keys, args...)
		if w.index != "" {
			p.SAdd(ctx, w.index, w.member)
			p.PExpire(ctx, w.index, w.indexTTL)
		}
		return nil
	})
	if redis.HasErrorPrefix(res.Err(), "NOSCRIPT") {
		// First use on this server (or after a restart): send the source.
		res = w.script.Eval(ctx, s.client, keys, args...)
	}
	v, err := res.Result()
	if err != nil {
		return result{}, storeError(w.op, err)
	}
	r, err := decodeResult(w.op, v)
	switch {
	case err != nil:
		return r, err
	case r.status == statusDuplicate:
		return r, dedup.ErrDuplicate
	case r.status == statusFenced:
		return r, dedup.ErrFenced
	case claim == nil || (!r.recorded && !r.again) || (r.again && w.readBack):
		return r, nil
	}
	recorded(claim, key)
	return r, nil
}

// recorded marks claim recorded by a write to key's session: with what the
// request is owed, when it carries that.
func recorded(claim *dedup.Claim, key hirebot.SessionKey) {
	if claim.Owed != nil && key.Channel != "" {
		claim.RecordedOwed()
	} else {
		claim.Recorded()
	}
}

// opKey is the context key under which the store names the operation a
// round trip is for.
type opKey struct{}

// named returns ctx naming the store operation op.
func named(ctx context.Context, op string) context.Context {
	return context.WithValue(ctx, opKey{}, op)
}

// Operation returns the name of the store operation a round trip made with
// ctx is for ("update draft", "read draft"), or "" when the store did not
// name it: a go-redis hook counts round trips by it (see
// metrics.RedisHook).
func Operation(ctx context.Context) string {
	op, _ := ctx.Value(opKey{}).(string)
	return op
}
