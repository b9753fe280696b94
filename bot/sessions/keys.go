package sessions

import (
	"fmt"
	"strings"

	"github.com/hirebot/hirebot"
)

// slot is the prefix of a group of keys that share a hash tag, and so one
// cluster slot: hirebot:{TEAM:CHANNEL}: for a session (its draft, kit,
// candidates, claims and outbox, which one script can change together),
// hirebot:{TEAM:USER}: for a user's indexes, hirebot:{TEAM}: for the
// claims of requests from no channel. Every key is built from one.
type slot string

// tagged returns the slot of the hash tag made of ids, after checking each
// (what names it) can't break the key layout.
func tagged(ids ...[2]string) (slot, error) {
	parts := make([]string, len(ids))
	for i, id := range ids {
		if err := checkID(id[0], id[1]); err != nil {
			return "", err
		}
		parts[i] = id[1]
	}
	return slot("hirebot:{" + strings.Join(parts, ":") + "}:"), nil
}

// sessionSlot returns the slot of key's session.
func sessionSlot(key hirebot.SessionKey) (slot, error) {
	return tagged([2]string{"team", key.Team}, [2]string{"channel", key.Channel})
}

// userSlot returns the slot of user's indexes in team.
func userSlot(team, user string) (slot, error) {
	return tagged([2]string{"team", team}, [2]string{"user", user})
}

// claimSlot returns the slot of the claims on requests from team's
// channel: the session's, so that a session script can record one; the
// team's for a request from no channel (the App Home).
func claimSlot(team, channel string) (slot, error) {
	if channel == "" {
		return tagged([2]string{"team", team})
	}
	return sessionSlot(hirebot.SessionKey{Team: team, Channel: channel})
}

// key returns the key name in the slot.
func (s slot) key(name string) string { return string(s) + name }

// keys are the Redis keys of one session's draft and kit. Every session
// script takes them in this order (keys.list): draft, history, asked, kit,
// meta.
type keys struct {
	draft   string // hash: v (revision), w (last write), d (draft JSON), live (live message ref), lv (the version it shows), seen:USER
	history string // list of Entry JSON, oldest first, capped at HistoryCap
	asked   string // set of question ids already suggested
	kit     string // list of question ids saved to the interview kit
	meta    string // hash: kitgen (the kit's generation: see KitGeneration)
}

// session returns the keys of the session whose slot s is.
func (s slot) session() keys {
	return keys{draft: s.key("draft"), history: s.key("history"), asked: s.key("asked"), kit: s.key("kit"), meta: s.key("meta")}
}

// list returns the keys in the order session scripts expect.
func (k keys) list() []string { return []string{k.draft, k.history, k.asked, k.kit, k.meta} }

// The other keys of a session's slot.
func (s slot) claim(id string) string      { return s.key("claim:" + id) }
func (s slot) outbox() string              { return s.key("outbox") }
func (s slot) liveTurn() string            { return s.key("liveturn") }
func (s slot) announce(what string) string { return s.key("announce:" + what) }
func (s slot) candidates() string          { return s.key("candidates") }
func (s slot) archived() string            { return s.key("archived") }
func (s slot) loop() string                { return s.key("loop") }
func (s slot) candidate(id string) string  { return s.key("cand:" + id) }

// member is how a session is named in the sets outside every session's
// slot (the live markers, the outbox's due list): TEAM:CHANNEL.
func member(key hirebot.SessionKey) string { return key.Team + ":" + key.Channel }

// sessionOf reads a member back.
func sessionOf(m string) hirebot.SessionKey {
	team, channel, _ := strings.Cut(m, ":")
	return hirebot.SessionKey{Team: team, Channel: channel}
}

// checkID reports an internal error for an empty id or one holding a
// character of the key layout (Slack ids never do).
func checkID(what, id string) error {
	if id == "" || strings.ContainsAny(id, ":{}") {
		return fmt.Errorf("sessions: invalid %s id %q", what, id)
	}
	return nil
}
