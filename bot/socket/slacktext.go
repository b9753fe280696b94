package socket

import (
	"regexp"
	"strings"
)

// slackSequence matches one of the control sequences Slack writes into the
// text of a message or slash command: <@U123|dana>, <#C123|general>,
// <!here>, <!subteam^S1|@leads>, <https://example.com|example.com>.
var slackSequence = regexp.MustCompile(`<([^<>]*)>`)

// fromSlack turns the text of a slash command, mention or direct message
// back into what the person typed. Slack escapes &, < and > as HTML
// entities and writes links, channels and special mentions as control
// sequences. Links become the text as typed, channels "#name", special
// mentions "@here" or the group's handle. User mentions stay escaped
// (<@U123|dana>): they carry the user id that /jd owner needs, and
// rendering escapes them again, so they never ping anyone.
func fromSlack(text string) string {
	if !strings.ContainsAny(text, "<&") {
		return text
	}
	text = slackSequence.ReplaceAllStringFunc(text, func(seq string) string {
		inner := seq[1 : len(seq)-1]
		target, label, _ := strings.Cut(inner, "|")
		switch {
		case strings.HasPrefix(target, "@"):
			return seq
		case strings.HasPrefix(target, "#"):
			if label != "" {
				return "#" + label
			}
			return target
		case strings.HasPrefix(target, "!"):
			if label != "" {
				return label
			}
			name, _, _ := strings.Cut(target[1:], "^")
			return "@" + name
		case label != "":
			return label
		default:
			return strings.TrimPrefix(target, "mailto:")
		}
	})
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(text)
}
