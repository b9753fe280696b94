package sessions

import (
	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
)

// The keys tests look at directly, as the store builds them.

// sessionKeys returns the keys of key's session.
func sessionKeys(key hirebot.SessionKey) (keys, error) {
	sl, err := sessionSlot(key)
	return sl.session(), err
}

// candidateKeys returns the keys of candidate id's hash, of key's
// candidate index and of its interview loop.
func candidateKeys(key hirebot.SessionKey, id string) (cand, index, loop string, err error) {
	sl, err := sessionSlot(key)
	return sl.candidate(id), sl.candidates(), sl.loop(), err
}

// userKey returns the key of user's index of drafts.
func userKey(team, user string) (string, error) {
	sl, err := userSlot(team, user)
	return sl.key("drafts"), err
}

// claimKeyOf returns the key that records claim c.
func claimKeyOf(c *dedup.Claim) (string, error) { return claimKey(c.Team, c.Channel, c.ID) }
