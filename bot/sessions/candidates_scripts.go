package sessions

import "github.com/redis/go-redis/v9"

// The Lua scripts that change a candidate. Each takes KEYS[1] = the
// candidate's hash, KEYS[2] = the channel's candidate index, and, when the
// request's claim is recorded with the write, KEYS[3] = the claim (its
// token and TTL are then the last two ARGV; see claimStateLua: a delivery
// whose write landed before gets that write's result again, another
// delivery -2, a fenced claim -4). ARGV[1] is the candidate TTL
// in milliseconds; every write refreshes it on both keys.
//
// A candidate's hash holds: name, by (who added them), at (when, Unix
// milliseconds), closed (who closed the debrief), e:USER (USER is
// expected to score: they opened a scorecard) and s:USER (USER's
// scorecard JSON). One HSET per scorer, so concurrent submissions from
// several interviewers never overwrite one another.
const candidateLua = "local claimKey = KEYS[3]\n" + claimStateLua + `
local function touch()
	redis.call('PEXPIRE', KEYS[1], ARGV[1])
	redis.call('PEXPIRE', KEYS[2], ARGV[1])
end
`

// addCandidateScript adds a candidate unless they exist. ARGV: ttl, id,
// name, by, at, cap. Returns 1, 0 if they exist, -1 if the channel has
// cap candidates, -2 if another delivery claimed the request.
var addCandidateScript = redis.NewScript(candidateLua + `
local early = claimed() if early then return early end
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[6]) then return -1 end
redis.call('HSET', KEYS[1], 'name', ARGV[3], 'by', ARGV[4], 'at', ARGV[5])
redis.call('SADD', KEYS[2], ARGV[2])
touch()
record('1')
return 1
`)

// expectScript records that ARGV[2] is expected to score the candidate.
// ARGV: ttl, user. Returns 1, -1 if there is no such candidate, -2 for a
// duplicate, -3 if the debrief is closed.
var expectScript = redis.NewScript(candidateLua + `
local early = claimed() if early then return early end
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HEXISTS', KEYS[1], 'closed') == 1 then return -3 end
redis.call('HSET', KEYS[1], 'e:' .. ARGV[2], '1')
touch()
record('1')
return 1
`)

// submitScript stores ARGV[2]'s scorecard, replacing theirs. ARGV: ttl,
// user, scorecard JSON. Returns 1 (first), 2 (replaced), -1 if there is
// no such candidate, -2 for a duplicate, -3 if the debrief is closed.
var submitScript = redis.NewScript(candidateLua + `
local early = claimed() if early then return early end
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HEXISTS', KEYS[1], 'closed') == 1 then return -3 end
local had = redis.call('HEXISTS', KEYS[1], 's:' .. ARGV[2])
redis.call('HSET', KEYS[1], 's:' .. ARGV[2], ARGV[3], 'e:' .. ARGV[2], '1')
touch()
record(tostring(1 + had))
return 1 + had
`)

// closeScript closes the debrief. ARGV: ttl, by. Returns 1, 2 if it was
// closed already, -1 if there is no such candidate, -2 for a duplicate.
var closeScript = redis.NewScript(candidateLua + `
local early = claimed() if early then return early end
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HEXISTS', KEYS[1], 'closed') == 1 then return 2 end
redis.call('HSET', KEYS[1], 'closed', ARGV[2])
touch()
record('1')
return 1
`)

// removeCandidateScript deletes the candidate and every scorecard. ARGV:
// ttl, id. Returns 1, -1 if there is no such candidate, -2 for a
// duplicate.
var removeCandidateScript = redis.NewScript(candidateLua + `
local early = claimed() if early then return early end
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[2])
if redis.call('SCARD', KEYS[2]) > 0 then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end
record('1')
return 1
`)
