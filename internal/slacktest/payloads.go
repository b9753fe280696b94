package slacktest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// verificationToken is the legacy token Slack puts in every payload.
const verificationToken = "fake-verification-token"

// Slash is a slash command as a user types it. SendSlash escapes Text as
// Slack does (see Escape); write a mention as Slack sends it with
// should_escape on: "<@U123|dana>".
type Slash struct {
	Team    string // default Options.TeamID
	Channel string // default "C0GENERAL"
	User    string // default "U0USER"
	Command string // e.g. "/jd"
	Text    string
}

// Action is a click on an interactive element (block_actions).
type Action struct {
	Team      string // default Options.TeamID
	Channel   string // empty: the element is in the user's App Home view
	User      string // default "U0USER"
	ActionID  string
	Value     string
	BlockID   string // default "b_" + ActionID; block_id is always present
	MessageTS string // the message holding the element, if any
	Type      string // element type; default "button" ("static_select" sends selected_option)
}

// ViewSubmission is a user submitting a modal.
type ViewSubmission struct {
	Team            string // default Options.TeamID
	User            string // default "U0USER"
	ViewID          string // default: the user's latest view with CallbackID
	CallbackID      string
	PrivateMetadata string                       // default: the stored view's
	Values          map[string]map[string]string // block_id → action_id → value
	// EnvelopeID and RetryAttempt, when set, redeliver a submission by
	// hand: send the same EnvelopeID again with RetryAttempt > 0.
	EnvelopeID   string
	RetryAttempt int
}

// trigger is an issued trigger_id.
type trigger struct {
	user   string
	issued time.Time
	used   bool
}

// newTriggerLocked issues a trigger_id for user. The caller holds s.mu.
func (s *Server) newTriggerLocked(user string) string {
	id := fmt.Sprintf("%d.%d.%s", s.nextLocked(), time.Now().Unix(), strings.ToLower(randomID(16)))
	s.triggers[id] = &trigger{user: user, issued: time.Now()}
	return id
}

// SendSlash delivers a slash command and waits for its ack. A text or
// blocks payload in the ack becomes a message in the channel, ephemeral
// unless response_type is "in_channel", as Slack shows it.
func (s *Server) SendSlash(ctx context.Context, c Slash) (Ack, error) {
	c.Team = or(c.Team, s.opts.TeamID)
	c.Channel = or(c.Channel, "C0GENERAL")
	c.User = or(c.User, "U0USER")
	s.mu.Lock()
	hookID := s.newHookLocked(hook{channel: c.Channel, user: c.User})
	payload := map[string]string{
		"token":                 verificationToken,
		"team_id":               c.Team,
		"team_domain":           "fake",
		"channel_id":            c.Channel,
		"channel_name":          s.channelNameLocked(c.Channel),
		"user_id":               c.User,
		"user_name":             s.userNameLocked(c.User),
		"command":               c.Command,
		"text":                  Escape(c.Text),
		"response_url":          s.base + "/response/" + hookID,
		"trigger_id":            s.newTriggerLocked(c.User),
		"api_app_id":            AppID,
		"is_enterprise_install": "false",
	}
	s.mu.Unlock()
	a, err := s.send(ctx, TypeSlashCommands, true, payload)
	if err != nil {
		return a, err
	}
	if len(a.Payload) > 0 {
		s.replyFromAck(c.Channel, c.User, a)
	}
	return a, nil
}

// SendAction delivers a block_actions interaction and waits for its ack.
func (s *Server) SendAction(ctx context.Context, a Action) (Ack, error) {
	a.Team = or(a.Team, s.opts.TeamID)
	a.User = or(a.User, "U0USER")
	a.BlockID = or(a.BlockID, "b_"+a.ActionID)
	a.Type = or(a.Type, "button")
	now := time.Now()
	actionTS := fmt.Sprintf("%d.%06d", now.Unix(), now.Nanosecond()/1000)
	action := map[string]any{
		"type":      a.Type,
		"action_id": a.ActionID,
		"block_id":  a.BlockID,
		"action_ts": actionTS,
	}
	if a.Type == "static_select" {
		action["selected_option"] = map[string]any{
			"text":  map[string]any{"type": "plain_text", "text": a.Value},
			"value": a.Value,
		}
	} else {
		action["value"] = a.Value
		action["text"] = map[string]any{"type": "plain_text", "text": a.ActionID}
	}

	s.mu.Lock()
	p := map[string]any{
		"type":                  "block_actions",
		"token":                 verificationToken,
		"api_app_id":            AppID,
		"team":                  map[string]any{"id": a.Team, "domain": "fake"},
		"user":                  s.userObjectLocked(a.User, a.Team),
		"trigger_id":            s.newTriggerLocked(a.User),
		"actions":               []any{action},
		"state":                 map[string]any{"values": map[string]any{}},
		"is_enterprise_install": false,
		"enterprise":            nil,
	}
	if a.Channel == "" {
		container := map[string]any{"type": "view"}
		if v := s.latestViewLocked(func(v *View) bool { return v.User == a.User && v.Type == "home" }); v != nil {
			container["view_id"] = v.ID
			p["view"] = json.RawMessage(v.JSON)
		}
		p["container"] = container
	} else {
		eph := false
		if m := s.messageLocked(a.Channel, a.MessageTS); m != nil {
			eph = m.Ephemeral
			if !eph {
				p["message"] = m.wire()
			}
		}
		p["container"] = map[string]any{
			"type":         "message",
			"message_ts":   a.MessageTS,
			"channel_id":   a.Channel,
			"is_ephemeral": eph,
		}
		p["channel"] = map[string]any{"id": a.Channel, "name": s.channelNameLocked(a.Channel)}
		p["response_url"] = s.base + "/response/" + s.newHookLocked(hook{channel: a.Channel, user: a.User, messageTS: a.MessageTS})
	}
	s.mu.Unlock()
	return s.send(ctx, TypeInteractive, false, p)
}

// SendViewSubmission delivers a view_submission interaction and waits for
// its ack, whose payload may carry a response_action.
func (s *Server) SendViewSubmission(ctx context.Context, v ViewSubmission) (Ack, error) {
	v.Team = or(v.Team, s.opts.TeamID)
	v.User = or(v.User, "U0USER")
	s.mu.Lock()
	view := map[string]any{}
	stored := s.latestViewLocked(func(sv *View) bool {
		if v.ViewID != "" {
			return sv.ID == v.ViewID
		}
		return sv.User == v.User && sv.CallbackID == v.CallbackID
	})
	var kinds map[string]inputElement
	if stored != nil {
		_ = json.Unmarshal(stored.JSON, &view)
		kinds = elementTypes(stored.JSON)
	} else {
		view = map[string]any{
			"id":     or(v.ViewID, "V"+randomID(5)),
			"type":   "modal",
			"title":  map[string]any{"type": "plain_text", "text": "Fake"},
			"blocks": []any{},
		}
	}
	view["team_id"] = v.Team
	view["callback_id"] = or(v.CallbackID, stringOf(view["callback_id"]))
	view["private_metadata"] = or(v.PrivateMetadata, stringOf(view["private_metadata"]))
	view["state"] = map[string]any{"values": stateValues(v.Values, kinds)}
	view["app_id"] = AppID
	view["bot_id"] = BotID
	p := map[string]any{
		"type":                  "view_submission",
		"token":                 verificationToken,
		"api_app_id":            AppID,
		"team":                  map[string]any{"id": v.Team, "domain": "fake"},
		"user":                  s.userObjectLocked(v.User, v.Team),
		"trigger_id":            s.newTriggerLocked(v.User),
		"view":                  view,
		"response_urls":         []any{},
		"is_enterprise_install": false,
		"enterprise":            nil,
	}
	s.mu.Unlock()
	b, err := json.Marshal(p)
	if err != nil {
		return Ack{}, fmt.Errorf("slacktest: marshal view_submission payload: %w", err)
	}
	env := Envelope{ID: v.EnvelopeID, Type: TypeInteractive, Payload: b, RetryAttempt: v.RetryAttempt}
	if v.RetryAttempt > 0 {
		env.RetryReason = "timeout"
	}
	return s.SendEnvelope(ctx, env)
}

// SendEvent delivers an Events API event_callback wrapping event (which must
// have a "type": app_mention, message, app_home_opened, …) and waits for its
// ack. An empty eventID is generated.
func (s *Server) SendEvent(ctx context.Context, eventID string, event map[string]any) (Ack, error) {
	if eventID == "" {
		eventID = "Ev" + randomID(5)
	}
	p := map[string]any{
		"token":      verificationToken,
		"team_id":    s.opts.TeamID,
		"api_app_id": AppID,
		"type":       "event_callback",
		"event_id":   eventID,
		"event_time": time.Now().Unix(),
		"event":      event,
		"authorizations": []any{map[string]any{
			"team_id": s.opts.TeamID, "user_id": BotUserID, "is_bot": true,
		}},
		"is_ext_shared_channel": false,
	}
	return s.send(ctx, TypeEventsAPI, false, p)
}

// MentionEvent builds an app_mention event: user mentions the bot in
// channel. The text is escaped as Slack escapes it (see Escape).
func (s *Server) MentionEvent(channel, user, text string) map[string]any {
	ts := s.NewTS()
	return map[string]any{
		"type": "app_mention", "user": user, "text": Escape(text), "ts": ts,
		"channel": channel, "event_ts": ts, "team": s.opts.TeamID,
	}
}

// DirectMessageEvent builds a message event in the bot's IM channel, its
// text escaped as Slack escapes it (see Escape).
func (s *Server) DirectMessageEvent(channel, user, text string) map[string]any {
	ts := s.NewTS()
	return map[string]any{
		"type": "message", "channel_type": "im", "user": user, "text": Escape(text),
		"ts": ts, "channel": channel, "event_ts": ts, "team": s.opts.TeamID,
	}
}

// AppHomeOpenedEvent builds an app_home_opened event for the Home tab.
func (s *Server) AppHomeOpenedEvent(user string) map[string]any {
	return map[string]any{
		"type": "app_home_opened", "user": user, "channel": "D" + strings.TrimPrefix(user, "U"),
		"tab": "home", "event_ts": s.NewTS(),
	}
}

// send marshals payload into an envelope of type typ and sends it.
func (s *Server) send(ctx context.Context, typ string, acceptsPayload bool, payload any) (Ack, error) {
	b, err := json.Marshal(payload)
	if err != nil {
		return Ack{}, fmt.Errorf("slacktest: marshal %s payload: %w", typ, err)
	}
	return s.SendEnvelope(ctx, Envelope{Type: typ, Payload: b, AcceptsResponsePayload: acceptsPayload})
}

// or returns v, or def when v is empty.
func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// stringOf returns v if it is a string, else "".
func stringOf(v any) string {
	s, _ := v.(string)
	return s
}

// elementTypes maps each input block of a view to its element's type.
func elementTypes(view json.RawMessage) map[string]inputElement {
	var v struct {
		Blocks []struct {
			Type    string       `json:"type"`
			BlockID string       `json:"block_id"`
			Element inputElement `json:"element"`
		} `json:"blocks"`
	}
	_ = json.Unmarshal(view, &v)
	out := map[string]inputElement{}
	for _, b := range v.Blocks {
		if b.Type == "input" {
			out[b.BlockID] = b.Element
		}
	}
	return out
}

// inputElement is the element of a view's input block.
type inputElement struct {
	Type     string `json:"type"`
	ActionID string `json:"action_id"`
}

// stateValues builds a view's state.values as Slack sends them: a text
// input's value, or a radio button's or select's selected_option. As in
// Slack, every input block of the view is there: one the test left out has
// a null value or selected_option. A nil values map sends no state at all,
// as a broken payload would.
func stateValues(values map[string]map[string]string, kinds map[string]inputElement) map[string]any {
	out := map[string]any{}
	if values == nil {
		return out
	}
	for block, el := range kinds {
		if _, ok := values[block]; ok || el.ActionID == "" {
			continue
		}
		switch el.Type {
		case "radio_buttons", "static_select":
			out[block] = map[string]any{el.ActionID: map[string]any{"type": el.Type, "selected_option": nil}}
		default:
			out[block] = map[string]any{el.ActionID: map[string]any{"type": el.Type, "value": nil}}
		}
	}
	for block, actions := range values {
		m := map[string]any{}
		for action, value := range actions {
			switch t := kinds[block].Type; t {
			case "radio_buttons", "static_select":
				m[action] = map[string]any{"type": t, "selected_option": map[string]any{
					"text": map[string]any{"type": "plain_text", "text": value}, "value": value}}
			default:
				m[action] = map[string]any{"type": "plain_text_input", "value": value}
			}
		}
		out[block] = m
	}
	return out
}
