package slacktest

import (
	"regexp"
	"strings"
)

// controlSequence matches the control sequences Slack itself writes into a
// message's text: user, channel and special mentions and links. A test
// that means one writes it as Slack sends it ("<@U123|dana>").
var controlSequence = regexp.MustCompile(`<(?:@[UW][A-Z0-9]+|#C[A-Z0-9]+|![a-z][^<>|]*|(?:https?|mailto):[^<>|\s]+)(?:\|[^<>]*)?>`)

// entities escapes what a person typed the way Slack does.
var entities = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Escape returns text as Slack delivers typed text in a slash command or
// a message event: &, < and > as HTML entities, except inside the control
// sequences Slack writes (see controlSequence), which pass unchanged.
func Escape(text string) string {
	var b strings.Builder
	last := 0
	for _, m := range controlSequence.FindAllStringIndex(text, -1) {
		b.WriteString(entities.Replace(text[last:m[0]]))
		b.WriteString(text[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(entities.Replace(text[last:]))
	return b.String()
}
