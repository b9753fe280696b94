package bot

import "regexp"

// MentionPattern matches a user mention as Slack escapes it, <@U123|dana>
// or <@U123>: the id, then the name if any. Commands whose text names
// people (Command.Mentions) receive them so.
const MentionPattern = `<@([A-Za-z0-9][A-Za-z0-9._-]{0,39})(?:\|([^<>|]*))?>`

var wholeMention = regexp.MustCompile(`^` + MentionPattern + `$`)

// UserOf returns the Slack user id a word names: an escaped mention,
// <@U123|name> or <@U123>, which only Slack (or the shell, for its users)
// writes, or a bare user id (U… or W…), with or without an @. It reports
// false for anything else, such as a bare "@dana", which names nobody.
func UserOf(word string) (string, bool) {
	if m := wholeMention.FindStringSubmatch(word); m != nil {
		return m[1], true
	}
	id := word
	if len(id) > 0 && id[0] == '@' {
		id = id[1:]
	}
	if len(id) < 2 || len(id) > 20 || (id[0] != 'U' && id[0] != 'W') {
		return "", false
	}
	for _, r := range id {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return "", false
		}
	}
	return id, true
}
