package sessions

import "github.com/redis/go-redis/v9"

// The Lua scripts that change a candidate. Each takes KEYS[1] = the
// candidate's hash, KEYS[2] = the channel's candidate index, KEYS[3] = the
// channel's interview loop and, when the request's claim is recorded with
// the write, KEYS[4] = the claim (its token and TTL are then the last two
// ARGV; see claimStateLua: a delivery whose write landed before gets that
// write's result again, another delivery -2, a fenced claim -4). ARGV[1]
// is the candidate TTL in milliseconds; every write refreshes it on the
// three keys.
//
// A candidate's hash holds: name, by (who added them), at (when, Unix
// milliseconds), inc (the candidate's identity: see scorecard.Candidate),
// closed (who closed the debrief), e:USER (USER is expected to score: they
// opened a scorecard), s:USER (USER's scorecard JSON), r:USER (when USER
// first read the whole debrief, Unix milliseconds) and f:USER (USER's
// scorecard as it was then). One HSET per scorer, so concurrent
// submissions from several interviewers never overwrite one another.
//
// The loop's hash holds owner: who runs the channel's interview loop.
//
// A script given a candidate's identity (inc, empty for any) acts only on
// that candidate: one removed and added again under the same name is
// another, and the script returns -5.
const candidateLua = "local claimKey = KEYS[4]\n" + claimStateLua + `
local function touch()
	redis.call('PEXPIRE', KEYS[1], ARGV[1])
	redis.call('PEXPIRE', KEYS[2], ARGV[1])
	redis.call('PEXPIRE', KEYS[3], ARGV[1])
end
local function other(want)
	if want == '' then return false end
	local inc = redis.call('HGET', KEYS[1], 'inc') or ('t' .. (redis.call('HGET', KEYS[1], 'at') or ''))
	return inc ~= want
end
`

// addCandidateScript adds a candidate unless they exist, and makes ARGV[8]
// the loop's owner if it has none. ARGV: ttl, id, name, by, at, cap, inc,
// owner. Returns 1, 0 if they exist, -1 if the channel has cap
// candidates, -2 if another delivery claimed the request.
var addCandidateScript = redis.NewScript(candidateLua + `
local early = claimed() if early then return early end
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[6]) then return -1 end
redis.call('HSET', KEYS[1], 'name', ARGV[3], 'by', ARGV[4], 'at', ARGV[5], 'inc', ARGV[7])
redis.call('SADD', KEYS[2], ARGV[2])
if ARGV[8] ~= '' then redis.call('HSETNX', KEYS[3], 'owner', ARGV[8]) end
touch()
record('1')
return 1
`)

// expectScript records that ARGV[2] is expected to score the candidate.
// ARGV: ttl, user, inc. Returns 1, -1 if there is no such candidate, -2
// for a duplicate, -3 if the debrief is closed, -5 for another candidate.
var expectScript = redis.NewScript(candidateLua + `
local early = claimed() if early then return early end
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if other(ARGV[3]) then record('-5') return -5 end
if redis.call('HEXISTS', KEYS[1], 'closed') == 1 then return -3 end
redis.call('HSET', KEYS[1], 'e:' .. ARGV[2], '1')
touch()
record('1')
return 1
`)

// submitScript stores ARGV[2]'s scorecard, replacing theirs. ARGV: ttl,
// user, scorecard JSON, inc. Returns 1 (first), 2 (replaced), -1 if there
// is no such candidate, -2 for a duplicate, -3 if the debrief is closed,
// -5 for another candidate.
var submitScript = redis.NewScript(candidateLua + `
local early = claimed() if early then return early end
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if other(ARGV[4]) then record('-5') return -5 end
if redis.call('HEXISTS', KEYS[1], 'closed') == 1 then return -3 end
local had = redis.call('HEXISTS', KEYS[1], 's:' .. ARGV[2])
redis.call('HSET', KEYS[1], 's:' .. ARGV[2], ARGV[3], 'e:' .. ARGV[2], '1')
touch()
record(tostring(1 + had))
return 1 + had
`)

// readScript records that ARGV[2] read the whole debrief at ARGV[3],
// unless they had before, and freezes their scorecard as it is. ARGV:
// ttl, user, at, inc. Returns 1, 2 if they had read it before, -1 if
// there is no such candidate, -2 for a duplicate, -5 for another
// candidate.
var readScript = redis.NewScript(candidateLua + `
local early = claimed() if early then return early end
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if other(ARGV[4]) then record('-5') return -5 end
if redis.call('HSETNX', KEYS[1], 'r:' .. ARGV[2], ARGV[3]) == 0 then record('2') return 2 end
local card = redis.call('HGET', KEYS[1], 's:' .. ARGV[2])
if card then redis.call('HSET', KEYS[1], 'f:' .. ARGV[2], card) end
touch()
record('1')
return 1
`)

// closeScript closes the debrief. ARGV: ttl, by, inc. Returns 1, 2 if it
// was closed already, -1 if there is no such candidate, -2 for a
// duplicate, -5 for another candidate.
var closeScript = redis.NewScript(candidateLua + `
local early = claimed() if early then return early end
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if other(ARGV[3]) then record('-5') return -5 end
if redis.call('HEXISTS', KEYS[1], 'closed') == 1 then return 2 end
redis.call('HSET', KEYS[1], 'closed', ARGV[2])
touch()
record('1')
return 1
`)

// removeCandidateScript deletes the candidate and every scorecard. ARGV:
// ttl, id, inc. Returns 1, -1 if there is no such candidate, -2 for a
// duplicate, -5 for another candidate.
var removeCandidateScript = redis.NewScript(candidateLua + `
local early = claimed() if early then return early end
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if other(ARGV[3]) then record('-5') return -5 end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[2])
if redis.call('SCARD', KEYS[2]) > 0 then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end
record('1')
return 1
`)

// loopOwnerScript makes ARGV[3] the loop's owner if its owner is still
// ARGV[2] (empty for none). ARGV: ttl, owner expected, new owner. Returns 1,
// or 0 if the owner changed meanwhile.
var loopOwnerScript = redis.NewScript(candidateLua + `
local early = claimed() if early then return early end
if (redis.call('HGET', KEYS[3], 'owner') or '') ~= ARGV[2] then record('0') return 0 end
redis.call('HSET', KEYS[3], 'owner', ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[1])
record('1')
return 1
`)
