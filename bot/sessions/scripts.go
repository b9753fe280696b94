package sessions

import "github.com/redis/go-redis/v9"

// The Lua scripts that change a session. Each takes the session's keys in
// the order of keys.list and ARGV[1] = the session TTL in milliseconds,
// and refreshes that TTL on every key of the session that exists.
//
// The draft hash's field v is a revision counter owned by the store: it
// is 1 when a draft is created and goes up by one with every update, so
// an update can check that nobody wrote in between its read and its write.
// Field w holds a random token naming the last write, so that a write the
// client resends after a lost reply (a timeout, a dropped connection)
// reports success instead of a conflict and is not applied twice.

// touch is the prelude every script shares.
const touch = `
local function touch()
	for i = 1, math.min(#KEYS, 5) do redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
end
`

// claimStateLua lets a script record the request's claim (dedup.Claim)
// with its write. The claim's key, when given, is the Lua variable
// claimKey (set before it); its token and TTL are then the last two ARGV.
// A recorded claim's value is the token of the delivery that recorded it,
// then a newline and the outcome of its write (what a retry of that write
// reports); fenceScript's tombstone is fencedMark. claimState() names
// whose claim is recorded: 'none', 'own' (this delivery's: the write is a
// retry of one that landed), 'other' (another delivery's) or 'fenced'.
// record(outcome) records this one; recorded() returns the outcome
// recorded with it; claimed() returns what a write returns without
// running again: -2 for another delivery's claim, -4 for a fenced one,
// the recorded outcome (1 if none) for this delivery's, or nil.
const claimStateLua = `
local function claimState()
	if not claimKey then return 'none' end
	local by = redis.call('GET', claimKey)
	if not by then return 'none' end
	if by == '` + fencedMark + `' then return 'fenced' end
	if string.match(by, '^[^\n]*') == ARGV[#ARGV-1] then return 'own' end
	return 'other'
end
local function record(outcome)
	if claimKey then redis.call('SET', claimKey, ARGV[#ARGV-1] .. '\n' .. (outcome or ''), 'PX', ARGV[#ARGV]) end
end
local function recorded()
	return string.match(redis.call('GET', claimKey), '\n(.*)$') or ''
end
local function claimed()
	local st = claimState()
	if st == 'other' then return -2 end
	if st == 'fenced' then return -4 end
	if st == 'own' then return tonumber(recorded()) or 1 end
	return nil
end
`

// claimLua is claimStateLua for the session scripts, whose claim key is
// KEYS[6].
const claimLua = "local claimKey = KEYS[6]\n" + claimStateLua

// fencedMark is the value of a fenced claim: no delivery's token.
const fencedMark = "!fenced"

// Results a script returns about the claim it was given.
const (
	resultDuplicate = -2 // another delivery recorded the claim: nothing done
	resultFenced    = -3 // the claim was fenced: nothing done
	resultApplied   = 2  // this delivery's write landed before: nothing done again
)

// createScript writes a new draft and its first history entry unless a
// draft exists. ARGV: ttl, write token, draft JSON, entry JSON, and the
// claim's (see claimLua). Returns 1 (also when this delivery's create
// landed before), 0 if a draft exists, -2 if another delivery of the
// request claimed it, or -3 if the claim was fenced.
var createScript = redis.NewScript(touch + claimLua + `
local st = claimState()
if st == 'other' then return -2 end
if st == 'fenced' then return -3 end
if st == 'own' then return 1 end
if redis.call('HEXISTS', KEYS[1], 'v') == 1 then
	if redis.call('HGET', KEYS[1], 'w') == ARGV[2] then return 1 end
	return 0
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[1], 'v', '1', 'w', ARGV[2], 'd', ARGV[3])
redis.call('RPUSH', KEYS[2], ARGV[4])
touch()
record()
return 1
`)

// updateScript replaces the draft if its revision is still ARGV[3], and
// appends to the history. ARGV: ttl, write token, revision read, draft
// JSON, entry JSON, history cap, and the claim's (see claimLua). Returns 1,
// 0 if the revision changed, -1 if the draft is gone, -2 if another
// delivery of the request claimed it, -3 if the claim was fenced, or 2 if
// this delivery's update landed before and this is another write (the
// store's loop retrying after a lost reply): the claim then holds that
// update's entry JSON. The same write resent returns 1 again.
var updateScript = redis.NewScript(touch + claimLua + `
local st = claimState()
if st == 'other' then return -2 end
if st == 'fenced' then return -3 end
if st == 'own' then
	if redis.call('HGET', KEYS[1], 'w') == ARGV[2] then return 1 end
	return 2
end
local v = redis.call('HGET', KEYS[1], 'v')
if not v then return -1 end
if v ~= ARGV[3] then
	if redis.call('HGET', KEYS[1], 'w') == ARGV[2] then return 1 end
	return 0
end
redis.call('HSET', KEYS[1], 'v', tostring(tonumber(v) + 1), 'w', ARGV[2], 'd', ARGV[4])
redis.call('RPUSH', KEYS[2], ARGV[5])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[6]), -1)
touch()
record(ARGV[5])
return 1
`)

// deleteScript removes the draft and its history if there is a draft; the
// interview kit and asked questions belong to the session and stay.
// ARGV: ttl (unused). Returns 1, or 0 if there was no draft.
var deleteScript = redis.NewScript(`
if redis.call('HEXISTS', KEYS[1], 'v') == 0 then return 0 end
redis.call('DEL', KEYS[1], KEYS[2])
return 1
`)

// setLiveScript sets (or, for "", clears) the draft's live message ref.
// ARGV: ttl, ref. Returns 1, or 0 if there is no draft.
var setLiveScript = redis.NewScript(touch + `
if redis.call('HEXISTS', KEYS[1], 'v') == 0 then return 0 end
if ARGV[2] == '' then
	redis.call('HDEL', KEYS[1], 'live', 'lv')
else
	redis.call('HSET', KEYS[1], 'live', ARGV[2])
	redis.call('HDEL', KEYS[1], 'lv')
end
touch()
return 1
`)

// replaceLiveScript sets the draft's live message ref to ARGV[3] only if it
// is still ARGV[2] ("" for none). ARGV: ttl, old ref, new ref. Returns 1
// when set, 2 when the ref is no longer the old one, 0 if there is no draft.
var replaceLiveScript = redis.NewScript(touch + `
if redis.call('HEXISTS', KEYS[1], 'v') == 0 then return 0 end
local now = redis.call('HGET', KEYS[1], 'live') or ''
if now ~= ARGV[2] then return 2 end
redis.call('HSET', KEYS[1], 'live', ARGV[3])
redis.call('HDEL', KEYS[1], 'lv')
touch()
return 1
`)

// markAskedScript adds ARGV[2:] to the asked set. ARGV: ttl, ids….
var markAskedScript = redis.NewScript(touch + `
redis.call('SADD', KEYS[3], unpack(ARGV, 2))
touch()
return 1
`)

// forgetAskedScript removes ARGV[2:] from the asked set. ARGV: ttl, ids….
var forgetAskedScript = redis.NewScript(touch + `
redis.call('SREM', KEYS[3], unpack(ARGV, 2))
touch()
return 1
`)

// kitGenLua reads the kit's generation (see KitGeneration) as kitGen(),
// giving the kit the new generation fresh when it has none yet.
const kitGenLua = `
local function kitGen(fresh)
	local g = redis.call('HGET', KEYS[5], 'kitgen')
	if g then return g end
	redis.call('HSET', KEYS[5], 'kitgen', fresh)
	redis.call('PEXPIRE', KEYS[5], ARGV[1])
	return fresh
end
`

// kitGenScript returns the kit's generation, giving it one (ARGV[2]) if it
// has none. ARGV: ttl, fresh generation.
var kitGenScript = redis.NewScript(kitGenLua + `
return kitGen(ARGV[2])
`)

// addKitScript appends a question to the kit if the kit is still of
// generation ARGV[4] (empty for any). ARGV: ttl, id, kit cap, generation, a
// fresh generation for a kit that has none, and the claim's (see
// claimLua). Returns 1, 0 if the id is already there, -1 if the kit is
// full, -5 if the kit is of another generation (it was cleared), -2 if
// another delivery of the request claimed it or -3 if the claim was
// fenced; a delivery whose write landed before gets that write's result
// again.
var addKitScript = redis.NewScript(touch + claimLua + kitGenLua + `
local st = claimState()
if st == 'other' then return -2 end
if st == 'fenced' then return -3 end
if st == 'own' then return tonumber(recorded()) end
if ARGV[4] ~= '' and kitGen(ARGV[5]) ~= ARGV[4] then record('-5') return -5 end
local ids = redis.call('LRANGE', KEYS[4], 0, -1)
for _, id in ipairs(ids) do
	if id == ARGV[2] then record('0') return 0 end
end
if #ids >= tonumber(ARGV[3]) then record('-1') return -1 end
redis.call('RPUSH', KEYS[4], ARGV[2])
touch()
record('1')
return 1
`)

// removeKitScript removes the ARGV[2]th (1-based) question of the kit.
// ARGV: ttl, n, and the claim's (see claimLua). Returns {1, id}, {0,
// length} if n is out of range, or {-2, ""} or {-3, ""} for a claim another
// delivery recorded or that was fenced; a delivery whose write landed
// before gets {1, id} of that write again, and removes nothing more.
var removeKitScript = redis.NewScript(touch + claimLua + `
local st = claimState()
if st == 'other' then return {-2, ''} end
if st == 'fenced' then return {-3, ''} end
if st == 'own' then
	local r = recorded()
	local ok, v = string.match(r, '^(%-?%d+) (.*)$')
	if tonumber(ok) == 1 then return {1, v} end
	return {0, tonumber(v) or 0}
end
local ids = redis.call('LRANGE', KEYS[4], 0, -1)
local n = tonumber(ARGV[2])
if n < 1 or n > #ids then
	record('0 ' .. #ids)
	return {0, #ids}
end
local id = table.remove(ids, n)
redis.call('DEL', KEYS[4])
if #ids > 0 then redis.call('RPUSH', KEYS[4], unpack(ids)) end
touch()
record('1 ' .. id)
return {1, id}
`)
