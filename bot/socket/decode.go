package socket

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
)

// origin is where a request came from in Slack: what a reply needs to
// find its way back.
type origin struct {
	responseURL string
	triggerID   string
	threadTS    string // for mentions and direct messages
	messageTS   string // the message a pressed button was on
}

// maxText caps what the bot reads of any one message or command: Slack's
// own limit on a message. Every handler has a lower limit of its own and
// tells the user what it is, so it must see the text as typed, not cut.
const maxText = 40000

// mentionRE matches user mentions, which are stripped from @hirebot questions.
var mentionRE = regexp.MustCompile(`<@[A-Z0-9]+(\|[^>]*)?>`)

// decodeSlash turns a slash command into a request.
func (l *Listener) decodeSlash(cmd slack.SlashCommand) (bot.Request, origin, bool) {
	name, ok := l.router.Canonical(cmd.Command)
	if !ok {
		name = strings.TrimPrefix(cmd.Command, "/")
	}
	req := bot.Request{
		Source: bot.Slash, Team: cmd.TeamID, Channel: cmd.ChannelID, User: cmd.UserID,
		Command: name, Text: fromSlack(cmd.Text),
	}
	return req, origin{responseURL: cmd.ResponseURL, triggerID: cmd.TriggerID}, true
}

// decodeInteraction turns a button press or a modal submission into a
// request. Other interactions are ignored.
func (l *Listener) decodeInteraction(cb slack.InteractionCallback) (bot.Request, origin, bool) {
	req := bot.Request{Team: cb.Team.ID, User: cb.User.ID}
	o := origin{responseURL: cb.ResponseURL, triggerID: cb.TriggerID}
	switch cb.Type {
	case slack.InteractionTypeBlockActions:
		if len(cb.ActionCallback.BlockActions) == 0 {
			return req, o, false
		}
		a := cb.ActionCallback.BlockActions[0]
		req.Source = bot.Press
		req.Command, req.Action = splitAction(blockkit.ActionName(a.ActionID))
		req.Value = a.Value
		req.Channel = cb.Channel.ID
		if req.Channel == "" {
			req.Channel = cb.Container.ChannelID
		}
		o.messageTS = cb.Container.MessageTs
	case slack.InteractionTypeViewSubmission:
		req.Source = bot.Submit
		req.Command, req.Action = splitAction(cb.View.CallbackID)
		req.Channel, req.Value = unwrapMetadata(cb.View.PrivateMetadata)
		if cb.View.State == nil || len(cb.View.State.Values) == 0 {
			break // no state: Values stays nil, and the router refuses it
		}
		req.Values = map[string]string{}
		for blockID, actions := range cb.View.State.Values {
			for _, v := range actions {
				req.Values[blockID] = v.Value
				if v.SelectedOption.Value != "" { // radio buttons, selects
					req.Values[blockID] = v.SelectedOption.Value
				}
			}
		}
	default:
		return req, o, false
	}
	return req, o, req.Command != ""
}

// decodeEvent turns an Events API event into a request: @mentions, direct
// messages and App Home visits. The bot's own messages are ignored.
func (l *Listener) decodeEvent(ev slackevents.EventsAPIEvent) (bot.Request, origin, bool) {
	req := bot.Request{Team: ev.TeamID}
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == "" || e.User == l.botUserID {
			return req, origin{}, false
		}
		req.Source, req.Command, req.Channel, req.User = bot.Mention, "ask", e.Channel, e.User
		req.Text = strings.TrimSpace(fromSlack(mentionRE.ReplaceAllString(e.Text, " ")))
		return req, origin{threadTS: firstNonEmpty(e.ThreadTimeStamp, e.TimeStamp)}, true
	case *slackevents.MessageEvent:
		if e.ChannelType != "im" || e.BotID != "" || e.SubType != "" || e.User == "" || e.User == l.botUserID {
			return req, origin{}, false
		}
		req.Source, req.Command, req.Channel, req.User = bot.Direct, "ask", e.Channel, e.User
		req.Text = strings.TrimSpace(fromSlack(mentionRE.ReplaceAllString(e.Text, " ")))
		return req, origin{threadTS: firstNonEmpty(e.ThreadTimeStamp, e.TimeStamp)}, true
	case *slackevents.AppHomeOpenedEvent:
		if e.Tab != "" && e.Tab != "home" {
			return req, origin{}, false
		}
		req.Source, req.Command, req.User, req.Channel = bot.Home, "home", e.User, e.Channel
		return req, origin{}, true
	}
	return req, origin{}, false
}

// finish fills the parts of a request every source shares.
func (l *Listener) finish(req *bot.Request) {
	req.At = time.Now()
	if len(req.Text) > maxText {
		req.Text = strings.ToValidUTF8(req.Text[:maxText], "")
	}
}

// splitAction splits "jd:edit" into ("jd", "edit").
func splitAction(s string) (command, action string) {
	command, action, _ = strings.Cut(s, ":")
	return command, action
}

// wrapMetadata puts the channel in front of a handler's modal metadata, so
// the submission can be tied back to the channel's session.
func wrapMetadata(channel, meta string) string { return channel + "\n" + meta }

// unwrapMetadata undoes wrapMetadata.
func unwrapMetadata(s string) (channel, meta string) {
	channel, meta, _ = strings.Cut(s, "\n")
	return channel, meta
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// envelopeKind names the type of a Socket Mode event for logs and metrics.
func envelopeKind(evt socketmode.Event) string {
	if evt.Request != nil && evt.Request.Type != "" {
		return evt.Request.Type
	}
	return string(evt.Type)
}

// eventID returns the Events API event_id of an envelope, if it has one.
func eventID(req *socketmode.Request) string {
	if req == nil {
		return ""
	}
	var p struct {
		EventID string `json:"event_id"`
	}
	_ = json.Unmarshal(req.Payload, &p)
	return p.EventID
}

// dedupID names an envelope for deduplication: the event_id of an Events
// API envelope (Slack keeps it across redeliveries), else the envelope id.
func dedupID(team string, req *socketmode.Request) string {
	if id := eventID(req); id != "" {
		return fmt.Sprintf("event:%s:%s", team, id)
	}
	return "envelope:" + req.EnvelopeID
}
