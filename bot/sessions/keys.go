package sessions

import (
	"fmt"
	"strings"

	"github.com/hirebot/hirebot"
)

// keys are the Redis keys of one session. They share the hash tag
// {TEAM:CHANNEL}, so in a cluster they live in one slot and a script can
// change them together.
//
// Every session script receives them as KEYS in this order: draft,
// history, asked, kit, meta.
type keys struct {
	draft   string // hash: v (revision), d (draft JSON), live (live message ref), lv (the version it shows)
	history string // list of Entry JSON, oldest first, capped at historyCap
	asked   string // set of question ids already suggested
	kit     string // list of question ids saved to the interview kit
	meta    string // hash: kitgen (the kit's generation: see KitGeneration)
}

// sessionKeys returns the keys of key's session, or an error if its team
// or channel could break the key layout.
func sessionKeys(key hirebot.SessionKey) (keys, error) {
	if err := checkID("team", key.Team); err != nil {
		return keys{}, err
	}
	if err := checkID("channel", key.Channel); err != nil {
		return keys{}, err
	}
	p := "hirebot:{" + key.Team + ":" + key.Channel + "}:"
	return keys{draft: p + "draft", history: p + "history", asked: p + "asked", kit: p + "kit", meta: p + "meta"}, nil
}

// liveTurn is the key held while a replica's turn to update the live
// message lasts (see TakeLiveTurn); it is not one of the session's keys
// proper and expires on its own.
func (k keys) liveTurn() string { return strings.TrimSuffix(k.draft, "draft") + "liveturn" }

// list returns the keys in the order session scripts expect.
func (k keys) list() []string { return []string{k.draft, k.history, k.asked, k.kit, k.meta} }

// userKey returns the key of the set of channels in which user started or
// edited a draft, for the App Home.
func userKey(team, user string) (string, error) {
	if err := checkID("team", team); err != nil {
		return "", err
	}
	if err := checkID("user", user); err != nil {
		return "", err
	}
	return "hirebot:{" + team + ":" + user + "}:drafts", nil
}

// dedupKey returns the key that remembers an event or action id.
func dedupKey(id string) string { return "hirebot:dedup:{" + id + "}" }

// checkID reports an internal error for an empty id or one holding a
// character of the key layout (Slack ids never do).
func checkID(what, id string) error {
	if id == "" || strings.ContainsAny(id, ":{}") {
		return fmt.Errorf("sessions: invalid %s id %q", what, id)
	}
	return nil
}
