package sessions

// The scripts that change a draft (see writeScript for the protocol they
// share). Their keys are the session's, in the order of keys.list — draft,
// history, asked, kit, meta — and they refresh the session TTL, their
// arg[1], on each of them.
//
// The draft hash's field v is a revision counter owned by the store: it
// is 1 when a draft is created and goes up by one with every update, so
// an update can check that nobody wrote in between its read and its write.
// Field w holds a random token naming the last write, so that a write
// without a claim that the client resends after a lost reply (a timeout,
// a dropped connection) reports success instead of a conflict and is not
// applied twice. Field seen:USER holds the version USER last saw.

// createScript writes a new draft and its first history entry unless a
// draft exists. arg: ttl, write token, draft JSON, entry JSON, a seen
// field to record version 1 in ("" for none). Status ok, or exists.
var createScript = writeScript("", `
if redis.call('HEXISTS', key[1], 'v') == 1 then
	if redis.call('HGET', key[1], 'w') == arg[2] then return 'ok' end
	return 'exists'
end
redis.call('DEL', key[1], key[2])
redis.call('HSET', key[1], 'v', '1', 'w', arg[2], 'd', arg[3])
if arg[5] ~= '' then redis.call('HSET', key[1], arg[5], '1') end
redis.call('RPUSH', key[2], arg[4])
touch(arg[1], 5)
return 'ok'
`)

// updateScript replaces the draft if its revision is still arg[3], appends
// to the history and records that the author saw the new version. arg:
// ttl, write token, revision read, draft JSON, entry JSON, history cap,
// the author's seen field ("" for none), the draft's version as written
// (which an approval does not raise, so it is not the revision). Status ok (value: the entry), none
// (no draft), or stale (the revision changed: not recorded, the store
// reads again and retries).
var updateScript = writeScript("", `
local v = redis.call('HGET', key[1], 'v')
if not v then return 'none' end
if v ~= arg[3] then
	if redis.call('HGET', key[1], 'w') == arg[2] then return 'ok', arg[5] end
	return 'stale', '', true
end
local next = tostring(tonumber(v) + 1)
redis.call('HSET', key[1], 'v', next, 'w', arg[2], 'd', arg[4])
if arg[7] ~= '' then redis.call('HSET', key[1], arg[7], arg[8]) end
redis.call('RPUSH', key[2], arg[5])
redis.call('LTRIM', key[2], -tonumber(arg[6]), -1)
touch(arg[1], 5)
return 'ok', arg[5]
`)

// discardScript deletes the draft and its history if the revision is
// still arg[2]. arg: ttl, revision read. Status ok, none, or stale (not
// recorded: the store reads again).
var discardScript = writeScript("", `
local v = redis.call('HGET', key[1], 'v')
if not v then return 'none' end
if v ~= arg[2] then return 'stale', '', true end
redis.call('DEL', key[1], key[2])
return 'ok'
`)

// deleteScript removes the draft and its history if there is a draft.
// arg: ttl. Status ok or none.
var deleteScript = writeScript("", `
if redis.call('HEXISTS', key[1], 'v') == 0 then return 'none' end
redis.call('DEL', key[1], key[2])
return 'ok'
`)

// sawScript records that a user saw a version of the draft. arg: ttl, the
// user's seen field, version. Status ok or none.
var sawScript = writeScript("", `
if redis.call('HEXISTS', key[1], 'v') == 0 then return 'none' end
redis.call('HSET', key[1], arg[2], arg[3])
touch(arg[1], 5)
return 'ok'
`)
