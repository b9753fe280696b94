package sessions

import "github.com/redis/go-redis/v9"

// The scripts that change the interview kit and the asked questions (see
// writeScript for the protocol they share). Their keys are the session's,
// in the order of keys.list — draft, history, asked, kit, meta — and they
// refresh the session TTL, their arg[1], on each of them.

// kitGenLua reads the kit's generation (see KitGeneration) as
// kitGen(fresh), giving the kit the new generation fresh when it has none
// yet.
const kitGenLua = `
local function kitGen(meta, ttl, fresh)
	local g = redis.call('HGET', meta, 'kitgen')
	if g then return g end
	redis.call('HSET', meta, 'kitgen', fresh)
	redis.call('PEXPIRE', meta, ttl)
	return fresh
end
`

// kitGenScript returns the kit's generation, giving it one (ARGV[2]) if it
// has none. KEYS: the session's. ARGV: ttl, fresh generation.
var kitGenScript = redis.NewScript(kitGenLua + `
return kitGen(KEYS[5], ARGV[1], ARGV[2])
`)

// askedScript adds to the asked set, or removes from it, the ids arg[3:].
// arg: ttl, SADD or SREM, ids…. Status ok.
var askedScript = writeScript("", `
redis.call(arg[2], key[3], unpack(arg, 3))
touch(arg[1], 5)
return 'ok'
`)

// addKitScript appends question arg[2] to the kit if the kit is still of
// generation arg[4] (empty for any). arg: ttl, id, kit cap, generation, a
// fresh generation for a kit that has none. Status ok, exists (the id is
// there already), full, or gone (the kit is of another generation: it was
// cleared).
var addKitScript = writeScript(kitGenLua, `
if arg[4] ~= '' and kitGen(key[5], arg[1], arg[5]) ~= arg[4] then return 'gone' end
local ids = redis.call('LRANGE', key[4], 0, -1)
for _, id in ipairs(ids) do
	if id == arg[2] then return 'exists' end
end
if #ids >= tonumber(arg[3]) then return 'full' end
redis.call('RPUSH', key[4], arg[2])
touch(arg[1], 5)
return 'ok'
`)

// removeKitScript removes the arg[2]th (1-based) question of the kit.
// With a generation arg[3] it acts only on the kit of that generation
// (status gone otherwise), and with an id arg[4] only if the question
// there is that one (status changed otherwise). arg: ttl, n, generation
// or "", id or "", fresh generation. Status ok (value: the id removed),
// range (value: the kit's size), changed or gone.
var removeKitScript = writeScript(kitGenLua, `
if arg[3] ~= '' and kitGen(key[5], arg[1], arg[5]) ~= arg[3] then return 'gone' end
local ids = redis.call('LRANGE', key[4], 0, -1)
local n = tonumber(arg[2])
if arg[4] ~= '' and ids[n] ~= arg[4] then return 'changed' end
if n < 1 or n > #ids then return 'range', tostring(#ids) end
local id = table.remove(ids, n)
redis.call('DEL', key[4])
if #ids > 0 then redis.call('RPUSH', key[4], unpack(ids)) end
touch(arg[1], 5)
return 'ok', id
`)

// clearKitScript deletes the kit if it is of generation arg[2] and holds
// exactly the ids of arg[4] (one a line), and gives it the new generation
// arg[3]. arg: ttl, generation, new generation, ids. Status ok, changed
// (the kit holds something else), or gone (another generation).
var clearKitScript = writeScript(kitGenLua, `
if kitGen(key[5], arg[1], arg[3]) ~= arg[2] then return 'gone' end
local ids = redis.call('LRANGE', key[4], 0, -1)
if table.concat(ids, '\n') ~= arg[4] then return 'changed' end
redis.call('DEL', key[4])
redis.call('HSET', key[5], 'kitgen', arg[3])
touch(arg[1], 5)
return 'ok'
`)

// shownScript marks questions asked and records them, in order, as the
// last batch its author (arg[2]) was shown: field batch:USER of the
// session's meta hash. arg: ttl, user, ids.
var shownScript = writeScript("", `
redis.call('SADD', key[3], unpack(arg, 3))
redis.call('HSET', key[5], 'batch:' .. arg[2], table.concat(arg, ',', 3))
touch(arg[1], 5)
return 'ok'
`)

// addKitManyScript appends the questions arg[5..] to the kit, in order,
// skipping those it holds, while it has room, if the kit is still of
// generation arg[3] (empty for any). arg: ttl, kit cap, generation, a
// fresh generation, ids. Status ok or full (some did not fit), the value
// the ids added, comma-separated; or gone.
var addKitManyScript = writeScript(kitGenLua, `
if arg[3] ~= '' and kitGen(key[5], arg[1], arg[4]) ~= arg[3] then return 'gone' end
local ids = redis.call('LRANGE', key[4], 0, -1)
local have = {}
for _, id in ipairs(ids) do have[id] = true end
local added, n, status = {}, #ids, 'ok'
for i = 5, #arg do
	local id = arg[i]
	if not have[id] then
		if n >= tonumber(arg[2]) then
			status = 'full'
		else
			redis.call('RPUSH', key[4], id)
			have[id] = true
			n = n + 1
			added[#added + 1] = id
		end
	end
end
touch(arg[1], 5)
return status, table.concat(added, ',')
`)

// addTeamScript appends a team's own question arg[5] to the kit, and keeps
// its competency and text (arg[6], JSON) in the session's meta hash, field
// tq:ID, if the kit is still of generation arg[3] (empty for any). arg:
// ttl, kit cap, generation, a fresh generation, id, question JSON. Status
// ok, exists, full or gone.
var addTeamScript = writeScript(kitGenLua, `
if arg[3] ~= '' and kitGen(key[5], arg[1], arg[4]) ~= arg[3] then return 'gone' end
local ids = redis.call('LRANGE', key[4], 0, -1)
for _, id in ipairs(ids) do
	if id == arg[5] then return 'exists' end
end
if #ids >= tonumber(arg[2]) then return 'full' end
redis.call('RPUSH', key[4], arg[5])
redis.call('HSET', key[5], 'tq:' .. arg[5], arg[6])
touch(arg[1], 5)
return 'ok'
`)
