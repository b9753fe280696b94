package interview

import (
	"strings"

	"github.com/hirebot/hirebot/bot/scorecard"
)

// Every button and form of /interview that acts on the kit or on a
// candidate names the one it was shown for: the kit by its generation
// (which changes when the kit is cleared), a candidate by their id and
// identity (which a candidate removed and added again under the same
// name does not share). Values:
//
//	kit.GEN|ARG          Add to kit (ARG: the question), Clear the kit (ARG: the kit's fingerprint)
//	cand.ID.INC|ARG      Remove (ARG: how many scorecards it removes); the scorecard form's metadata (ARG: see scorecardModal)
//
// A value of another shape comes from a hirebot before these identities
// (or was forged) and is refused, never applied to what is there now.

// kitValue returns the value of a button shown for the kit of generation
// gen, with arg.
func kitValue(gen, arg string) string { return "kit." + gen + "|" + arg }

// parseKitValue reads a kitValue.
func parseKitValue(v string) (gen, arg string, ok bool) {
	head, arg, ok := strings.Cut(v, "|")
	gen, found := strings.CutPrefix(head, "kit.")
	if !ok || !found || !isWord(gen) {
		return "", "", false
	}
	return gen, arg, true
}

// candValue returns the value of a button or form shown for candidate c,
// with arg.
func candValue(c scorecard.Candidate, arg string) string {
	return "cand." + c.ID + "." + c.Inc + "|" + arg
}

// parseCandValue reads a candValue.
func parseCandValue(v string) (id, inc, arg string, ok bool) {
	head, arg, ok := strings.Cut(v, "|")
	rest, found := strings.CutPrefix(head, "cand.")
	id, inc, dot := strings.Cut(rest, ".")
	if !ok || !found || !dot || !isCandidateID(id) || !isWord(inc) {
		return "", "", "", false
	}
	return id, inc, arg, true
}

// isWord reports whether s is 1–40 lower-case letters and digits: a
// generation or an identity as the store makes them.
func isWord(s string) bool {
	return s != "" && len(s) <= 40 && strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789") == ""
}
