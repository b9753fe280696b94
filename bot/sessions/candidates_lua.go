package sessions

// The scripts that change a candidate (see writeScript for the protocol
// they share). Their keys are key[1] = the candidate's hash, key[2] = the
// channel's candidate index, key[3] = the channel's interview loop, key[4]
// = the channel's index of archived candidates; arg[1] is the candidate
// TTL in milliseconds, which every write refreshes on the first three
// (extend: never shortening one, so an archived candidate keeps the
// record retention it was given, and the loop lives as long as its
// records).
//
// An archived candidate's hash holds archived (JSON: who archived them and
// when) and, when archiving closed the debrief, archclosed; it is listed in
// key[4] instead of key[2].
//
// A candidate's hash holds k:USER too: the ratings USER's earlier
// scorecards gave that their latest no longer shows (see carry).
//
// A candidate's hash holds: name, by (who added them), at (when, Unix
// milliseconds), inc (the candidate's identity: see scorecard.Candidate),
// closed (who closed the debrief), e:USER (USER is expected to score: they
// opened a scorecard), s:USER (USER's scorecard JSON), r:USER (when USER
// first read the whole debrief, Unix milliseconds) and f:USER (USER's
// scorecard as it was then). One HSET per scorer, so concurrent
// submissions from several interviewers never overwrite one another.
//
// The hash also holds p:USER (USER is on the candidate's panel; the value
// the JSON list of the competencies they focus on).
//
// It holds decisions too: the JSON list of the hiring decisions recorded,
// oldest first.
//
// The loop's hash holds owner (who runs the channel's interview loop) and
// c:USER (USER is one of its coordinators).
//
// A script given a candidate's identity (inc, empty for any) acts only on
// that candidate: one removed and added again under the same name is
// another, and the script answers gone. One with no candidate answers
// none.
const candidateLua = `
local function other(want)
	if want == '' then return false end
	local inc = redis.call('HGET', key[1], 'inc') or ('t' .. (redis.call('HGET', key[1], 'at') or ''))
	return inc ~= want
end
local function candidate()
	return cjson.encode(redis.call('HGETALL', key[1]))
end
-- carry keeps the ratings a scorer's earlier scorecard (old) gave that
-- their new one (new) no longer shows — the kit changed between the two —
-- in k:USER, a JSON object competency -> {rating, note, kit, at}, so no
-- rating is ever dropped silently; a competency the new one shows again
-- leaves it.
local function carry(user, old, new)
	local o, n = cjson.decode(old), cjson.decode(new)
	local shown = {}
	for _, c in ipairs(n.competencies or {}) do shown[c] = true end
	local kept = {}
	local had = redis.call('HGET', key[1], 'k:' .. user)
	if had then kept = cjson.decode(had) end
	for c, r in pairs(o.ratings or {}) do
		if not shown[c] and kept[c] == nil then
			local note = ''
			if type(o.notes) == 'table' and o.notes[c] then note = o.notes[c] end
			kept[c] = {rating = r, note = note, kit = o.kit or '', at = o.at or ''}
		end
	end
	local any = false
	for c in pairs(kept) do
		if shown[c] then kept[c] = nil else any = true end
	end
	if any then
		redis.call('HSET', key[1], 'k:' .. user, cjson.encode(kept))
	else
		redis.call('HDEL', key[1], 'k:' .. user)
	end
end
local function extend(ttl, ...)
	ttl = tonumber(ttl)
	for _, k in ipairs({...}) do
		local left = redis.call('PTTL', k)
		if left ~= -2 and left < ttl then redis.call('PEXPIRE', k, ttl) end
	end
end
`

// addCandidateScript adds a candidate unless they exist, and makes arg[8]
// the loop's owner if it has none. arg: ttl, id, name, by, at, cap, inc,
// owner. Status ok, exists, or full (the channel has cap candidates).
var addCandidateScript = writeScript(candidateLua, `
if redis.call('EXISTS', key[1]) == 1 then return 'exists' end
if redis.call('SCARD', key[2]) >= tonumber(arg[6]) then return 'full' end
redis.call('HSET', key[1], 'name', arg[3], 'by', arg[4], 'at', arg[5], 'inc', arg[7])
redis.call('SADD', key[2], arg[2])
if arg[8] ~= '' then redis.call('HSETNX', key[3], 'owner', arg[8]) end
extend(arg[1], key[1], key[2], key[3])
return 'ok'
`)

// expectScript records that arg[2] is expected to score the candidate.
// arg: ttl, user, inc. Status ok, none, gone or closed.
var expectScript = writeScript(candidateLua, `
if redis.call('EXISTS', key[1]) == 0 then return 'none' end
if other(arg[3]) then return 'gone' end
if redis.call('HEXISTS', key[1], 'closed') == 1 then return 'closed' end
redis.call('HSET', key[1], 'e:' .. arg[2], '1')
extend(arg[1], key[1], key[2], key[3])
return 'ok'
`)

// submitScript stores arg[2]'s scorecard, replacing theirs. arg: ttl,
// user, scorecard JSON, inc. Status ok (the first), replaced, none, gone
// or closed; the value is the candidate's hash as a JSON list of fields
// and values (not recorded with the claim: a write that landed before
// reads it again).
var submitScript = writeScript(candidateLua, `
if redis.call('EXISTS', key[1]) == 0 then return 'none' end
if other(arg[4]) then return 'gone', candidate(), false, '' end
if redis.call('HEXISTS', key[1], 'closed') == 1 then return 'closed', candidate(), false, '' end
local old = redis.call('HGET', key[1], 's:' .. arg[2])
local had = 0
if old then
	had = 1
	carry(arg[2], old, arg[3])
end
redis.call('HSET', key[1], 's:' .. arg[2], arg[3], 'e:' .. arg[2], '1')
extend(arg[1], key[1], key[2], key[3])
local status = 'ok'
if had == 1 then status = 'replaced' end
return status, candidate(), false, ''
`)

// readScript records that arg[2] read the whole debrief at arg[3],
// unless they had before, and freezes their scorecard as it is. arg:
// ttl, user, at, inc. Status ok, again (they had read it before), none or
// gone; the value of the first two is the candidate's hash, as
// submitScript's.
var readScript = writeScript(candidateLua, `
if redis.call('EXISTS', key[1]) == 0 then return 'none' end
if other(arg[4]) then return 'gone' end
if redis.call('HSETNX', key[1], 'r:' .. arg[2], arg[3]) == 0 then return 'again', candidate(), false, '' end
local card = redis.call('HGET', key[1], 's:' .. arg[2])
if card then redis.call('HSET', key[1], 'f:' .. arg[2], card) end
extend(arg[1], key[1], key[2], key[3])
return 'ok', candidate(), false, ''
`)

// closeScript closes the debrief. arg: ttl, by, inc. Status ok, already
// (it was closed), none or gone.
var closeScript = writeScript(candidateLua, `
if redis.call('EXISTS', key[1]) == 0 then return 'none' end
if other(arg[3]) then return 'gone' end
if redis.call('HEXISTS', key[1], 'closed') == 1 then return 'already' end
redis.call('HSET', key[1], 'closed', arg[2])
extend(arg[1], key[1], key[2], key[3])
return 'ok'
`)

// removeCandidateScript deletes the candidate and every scorecard, active
// or archived: an erasure. arg:
// ttl, id, inc. Status ok (the value: a JSON list of everyone expected to
// score or who scored, whose App Home lists the candidate), none or gone.
var removeCandidateScript = writeScript(candidateLua, `
if redis.call('EXISTS', key[1]) == 0 then return 'none' end
if other(arg[3]) then return 'gone' end
local users = {}
for _, f in ipairs(redis.call('HKEYS', key[1])) do
	local u = string.match(f, '^[esp]:(.*)$')
	if u then users[#users + 1] = u end
end
redis.call('DEL', key[1])
redis.call('SREM', key[2], arg[2])
redis.call('SREM', key[4], arg[2])
if redis.call('SCARD', key[2]) > 0 then redis.call('PEXPIRE', key[2], arg[1]) end
if #users == 0 then return 'ok', '[]', false, '' end
return 'ok', cjson.encode(users), false, ''
`)

// loopOwnerScript makes arg[3] the loop's owner if its owner is still
// arg[2] (empty for none). arg: ttl, owner expected, new owner. Status ok,
// or changed (the owner changed meanwhile).
var loopOwnerScript = writeScript(candidateLua, `
if (redis.call('HGET', key[3], 'owner') or '') ~= arg[2] then return 'changed' end
redis.call('HSET', key[3], 'owner', arg[3])
extend(arg[1], key[3])
return 'ok'
`)

// panelScript sets the candidate's panel, replacing the one it had. arg:
// ttl, inc, then user and focus JSON pairs. Status ok, none, gone or
// closed; the value of ok is the candidate's hash, as submitScript's.
var panelScript = writeScript(candidateLua, `
if redis.call('EXISTS', key[1]) == 0 then return 'none' end
if other(arg[2]) then return 'gone' end
if redis.call('HEXISTS', key[1], 'closed') == 1 then return 'closed' end
for _, f in ipairs(redis.call('HKEYS', key[1])) do
	if string.sub(f, 1, 2) == 'p:' then redis.call('HDEL', key[1], f) end
end
for i = 3, #arg - 1, 2 do
	redis.call('HSET', key[1], 'p:' .. arg[i], arg[i + 1])
end
extend(arg[1], key[1], key[2], key[3])
return 'ok', candidate(), false, ''
`)

// coordinatorScript names arg[2] a coordinator of the loop (arg[3] '1')
// or removes them (empty). arg: ttl, user, add. Status ok, or same (nothing
// to change).
var coordinatorScript = writeScript(candidateLua, `
local field = 'c:' .. arg[2]
local changed
if arg[3] == '1' then changed = redis.call('HSET', key[3], field, '1') else changed = redis.call('HDEL', key[3], field) end
if changed == 0 then return 'same' end
extend(arg[1], key[3])
return 'ok'
`)

// decideScript appends a hiring decision to the candidate's history,
// keeping the newest arg[4]. arg: ttl, inc, decision JSON, cap. Status ok,
// none or gone; the value of ok is the candidate's hash.
var decideScript = writeScript(candidateLua, `
if redis.call('EXISTS', key[1]) == 0 then return 'none' end
if other(arg[2]) then return 'gone' end
local list = {}
local had = redis.call('HGET', key[1], 'decisions')
if had then list = cjson.decode(had) end
list[#list + 1] = cjson.decode(arg[3])
while #list > tonumber(arg[4]) do table.remove(list, 1) end
redis.call('HSET', key[1], 'decisions', cjson.encode(list))
extend(arg[1], key[1], key[2], key[3])
return 'ok', candidate(), false, ''
`)

// archiveScript archives the candidate: out of the candidate index into
// the archived one, the debrief closed (unless it was), kept for the
// record retention arg[6] from now, and the loop at least as long. arg:
// ttl, inc, id, by, at, retention. Status ok, already, none or gone.
var archiveScript = writeScript(candidateLua, `
if redis.call('EXISTS', key[1]) == 0 then return 'none' end
if other(arg[2]) then return 'gone' end
if redis.call('HEXISTS', key[1], 'archived') == 1 then return 'already' end
redis.call('HSET', key[1], 'archived', cjson.encode({by = arg[4], at = tonumber(arg[5])}))
if redis.call('HSETNX', key[1], 'closed', arg[4]) == 1 then redis.call('HSET', key[1], 'archclosed', '1') end
redis.call('SREM', key[2], arg[3])
redis.call('SADD', key[4], arg[3])
redis.call('PEXPIRE', key[1], arg[6])
extend(arg[6], key[3], key[4])
return 'ok'
`)

// restoreScript brings an archived candidate back: into the candidate
// index, the debrief open again if archiving closed it, with the
// candidate TTL. arg: ttl, inc, id, cap. Status ok, active (not archived),
// full, none or gone.
var restoreScript = writeScript(candidateLua, `
if redis.call('EXISTS', key[1]) == 0 then return 'none' end
if other(arg[2]) then return 'gone' end
if redis.call('HEXISTS', key[1], 'archived') == 0 then return 'active' end
if redis.call('SCARD', key[2]) >= tonumber(arg[4]) then return 'full' end
redis.call('HDEL', key[1], 'archived')
if redis.call('HDEL', key[1], 'archclosed') == 1 then redis.call('HDEL', key[1], 'closed') end
redis.call('SREM', key[4], arg[3])
redis.call('SADD', key[2], arg[3])
redis.call('PEXPIRE', key[1], arg[1])
extend(arg[1], key[1], key[2], key[3])
return 'ok'
`)
