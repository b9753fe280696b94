package sessions

import (
	"context"
	"math/rand/v2"
	"strconv"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/redis/go-redis/v9"
)

// The interview kit has a generation: a random word it keeps until it is
// cleared, in the session's meta hash (field kitgen).

// ClearKit empties the channel's interview kit if it is still of
// generation gen (a *hirebot.GoneError otherwise) and holds exactly
// expect, the questions shown when the person was asked to confirm; it
// returns false, changing nothing, if the kit changed since. The emptied
// kit gets a new generation: nothing shown for the old one acts on it.
func (s *Store) ClearKit(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, gen string, expect []string) (bool, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return false, err
	}
	args := []any{gen, newGeneration(), len(expect)}
	for _, id := range expect {
		args = append(args, id)
	}
	n, err := s.runClaimedInt(ctx, "clear interview kit", clearKitScript, k, key, claim, args...)
	if err == nil && n == -5 {
		return false, &hirebot.GoneError{What: "kit"}
	}
	return n == 1, err
}

// clearKitScript deletes the kit if it is of generation ARGV[2] and holds
// exactly the ARGV[4] ids that follow, and gives it the new generation
// ARGV[3]. ARGV: ttl, generation, new generation, count, ids…, and the
// claim's (see claimLua). Returns 1, 0 if the kit holds something else,
// -5 if it is of another generation, or -2 or -3 for a claim another
// delivery recorded or that was fenced; a delivery whose clear landed
// before gets its result again.
var clearKitScript = redis.NewScript(touch + claimLua + kitGenLua + `
local st = claimState()
if st == 'other' then return -2 end
if st == 'fenced' then return -3 end
if st == 'own' then return tonumber(recorded()) end
if kitGen(ARGV[3]) ~= ARGV[2] then record('-5') return -5 end
local n = tonumber(ARGV[4])
local ids = redis.call('LRANGE', KEYS[4], 0, -1)
if #ids ~= n then record('0') return 0 end
for i, id in ipairs(ids) do
	if id ~= ARGV[i + 4] then record('0') return 0 end
end
redis.call('DEL', KEYS[4])
redis.call('HSET', KEYS[5], 'kitgen', ARGV[3])
touch()
record('1')
return 1
`)

// KitGeneration returns the generation of the channel's interview kit: a
// random word the kit keeps until it is cleared, when it gets a new one
// (a kit that never had one gets it now). Buttons and confirmations shown
// for the kit carry it, so that nothing shown before a clear acts on the
// kit built after it.
func (s *Store) KitGeneration(ctx context.Context, key hirebot.SessionKey) (string, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return "", err
	}
	v, err := kitGenScript.Run(ctx, s.client, k.list(), s.ttlMillis(), newGeneration()).Text()
	if err != nil {
		return "", storeError("read the interview kit's generation", err)
	}
	return v, nil
}

// newGeneration returns a fresh generation: 64 random bits in base 36.
func newGeneration() string { return strconv.FormatUint(rand.Uint64(), 36) }
