package slacktest

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Message is the current state of one message.
type Message struct {
	Channel   string
	TS        string
	ThreadTS  string
	Text      string
	User      string          // BotUserID for the bot's posts; the recipient of an ephemeral message
	Blocks    json.RawMessage // nil when the message has none
	Ephemeral bool
	Updates   int // how many times chat.update or replace_original changed it
	// Metadata is the message's metadata as posted ({"event_type",
	// "event_payload"}), nil for none.
	Metadata json.RawMessage
}

// wire is the message as Slack shows it in a block_actions payload.
func (m *Message) wire() map[string]any {
	w := map[string]any{
		"type": "message", "ts": m.TS, "text": m.Text,
		"user": m.User, "bot_id": BotID, "app_id": AppID,
	}
	if m.Blocks != nil {
		w["blocks"] = m.Blocks
	}
	if m.Metadata != nil {
		w["metadata"] = m.Metadata
	}
	if m.ThreadTS != "" {
		w["thread_ts"] = m.ThreadTS
	}
	return w
}

// NewTS returns a new message timestamp, unique and increasing.
func (s *Server) NewTS() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newTSLocked()
}

func (s *Server) newTSLocked() string {
	return fmt.Sprintf("1700000000.%06d", s.nextLocked())
}

// messageLocked finds a message by channel and ts. The caller holds s.mu.
func (s *Server) messageLocked(channel, ts string) *Message {
	if ts == "" {
		return nil
	}
	for _, m := range s.messages {
		if m.Channel == channel && m.TS == ts {
			return m
		}
	}
	return nil
}

// addMessageLocked stores a new message and gives it a ts. The caller holds s.mu.
func (s *Server) addMessageLocked(m Message) Message {
	m.TS = s.newTSLocked()
	s.messages = append(s.messages, &m)
	s.notifyLocked()
	return m
}

// postMessage serves chat.postMessage and chat.postEphemeral.
func (s *Server) postMessage(p map[string]string, ephemeral bool) result {
	method := "chat.postMessage"
	if ephemeral {
		method = "chat.postEphemeral"
	}
	channel := p["channel"]
	if channel == "" {
		return fail("channel_not_found")
	}
	if ephemeral && p["user"] == "" {
		return fail("user_not_found")
	}
	blocks, res := s.checkMessage(method, p)
	if res.err != "" {
		return res
	}
	if !ephemeral && (channel[0] == 'U' || channel[0] == 'W') {
		// A user id: Slack posts into the app's DM with them.
		channel = dmOf(channel)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := Message{Channel: channel, ThreadTS: p["thread_ts"], Text: p["text"], User: BotUserID, Blocks: blocks}
	if md := p["metadata"]; md != "" && json.Valid([]byte(md)) {
		m.Metadata = json.RawMessage(md)
	}
	if ephemeral {
		m.Ephemeral, m.User = true, p["user"]
	}
	m = s.addMessageLocked(m)
	if ephemeral {
		return ok(map[string]any{"message_ts": m.TS})
	}
	return ok(map[string]any{"channel": channel, "ts": m.TS, "message": m.wire()})
}

// checkMessage validates a message's text and blocks as Slack would and
// returns the blocks. It records violations.
func (s *Server) checkMessage(method string, p map[string]string) (json.RawMessage, result) {
	if v, set := p["link_names"]; set {
		s.mu.Lock()
		s.violateLocked("%s: link_names set to %q; never set link_names", method, v)
		s.mu.Unlock()
	}
	raw, hasBlocks := p["blocks"]
	if !hasBlocks && p["text"] == "" && p["attachments"] == "" {
		return nil, s.reject(method, "no_text", "no text, blocks or attachments")
	}
	var blocks json.RawMessage
	var blockText int
	if hasBlocks && strings.TrimSpace(raw) != "" {
		n, err := checkBlocks([]byte(raw), maxMessageBlocks)
		if err != nil {
			return nil, s.reject(method, "invalid_blocks", err.Error())
		}
		blocks, blockText = json.RawMessage(raw), n
	}
	if total := runes(p["text"]) + blockText; total > MaxMessageText {
		return nil, s.reject(method, "msg_too_long", fmt.Sprintf("%d characters of text (at most %d)", total, MaxMessageText))
	}
	return blocks, result{}
}

// reject records a violation and answers with Slack error code.
func (s *Server) reject(method, code, detail string) result {
	s.mu.Lock()
	s.violateLocked("%s: %s: %s", method, code, detail)
	s.mu.Unlock()
	return fail(code)
}

// updateMessage serves chat.update.
func (s *Server) updateMessage(p map[string]string) result {
	if p["channel"] == "" {
		return fail("channel_not_found")
	}
	blocks, res := s.checkMessage("chat.update", p)
	if res.err != "" {
		return res
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messageLocked(p["channel"], p["ts"])
	if m == nil || m.Ephemeral {
		return fail("message_not_found")
	}
	m.Text = p["text"]
	if _, set := p["blocks"]; set {
		m.Blocks = blocks
	}
	m.Updates++
	s.notifyLocked()
	return ok(map[string]any{"channel": m.Channel, "ts": m.TS, "text": m.Text, "message": m.wire()})
}

// deleteMessage serves chat.delete.
func (s *Server) deleteMessage(p map[string]string) result {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messageLocked(p["channel"], p["ts"])
	if m == nil || m.Ephemeral {
		return fail("message_not_found")
	}
	s.removeMessageLocked(m)
	return ok(map[string]any{"channel": m.Channel, "ts": m.TS})
}

func (s *Server) removeMessageLocked(m *Message) {
	for i, o := range s.messages {
		if o == m {
			s.messages = append(s.messages[:i:i], s.messages[i+1:]...)
			break
		}
	}
	s.notifyLocked()
}

// permalink serves chat.getPermalink.
func (s *Server) permalink(p map[string]string) result {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messageLocked(p["channel"], p["message_ts"])
	if m == nil {
		return fail("message_not_found")
	}
	link := "https://fake.slack.com/archives/" + m.Channel + "/p" + strings.ReplaceAll(m.TS, ".", "")
	return ok(map[string]any{"channel": m.Channel, "permalink": link})
}

// Messages lists the current state of the messages in channel ("" for all
// channels), in post order. Deleted messages are gone.
func (s *Server) Messages(channel string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.messages {
		if channel == "" || m.Channel == channel {
			out = append(out, *m)
		}
	}
	return out
}

// WaitMessage returns the first message whose current state match accepts,
// waiting for a post or an update that makes one match.
func (s *Server) WaitMessage(ctx context.Context, match func(Message) bool) (Message, error) {
	return waitFirst(ctx, s, func() []Message { return s.Messages("") }, match)
}

// dmOf returns the id of the app's direct-message channel with user: the
// same every time, as Slack's.
func dmOf(user string) string { return "D" + user }

// conversationOpen serves conversations.open for one user: their DM with
// the app.
func (s *Server) conversationOpen(p map[string]string) result {
	users := p["users"]
	if users == "" || strings.Contains(users, ",") {
		return fail("not_supported") // a bot cannot open a group DM
	}
	return ok(map[string]any{"channel": map[string]any{"id": dmOf(users), "is_im": true}, "already_open": true})
}

// conversationHistory serves conversations.history: a channel's
// messages, newest first, up to limit (default 100), with their metadata
// when include_all_metadata is set.
func (s *Server) conversationHistory(p map[string]string) result {
	channel := p["channel"]
	if channel == "" {
		return fail("channel_not_found")
	}
	limit := 100
	if n, err := strconv.Atoi(p["limit"]); err == nil && n > 0 {
		limit = n
	}
	meta := p["include_all_metadata"] == "1" || p["include_all_metadata"] == "true"
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]any
	for i := len(s.messages) - 1; i >= 0 && len(out) < limit; i-- {
		m := s.messages[i]
		if m.Channel != channel || m.Ephemeral {
			continue
		}
		w := m.wire()
		if !meta {
			delete(w, "metadata")
		}
		out = append(out, w)
	}
	return ok(map[string]any{"messages": out, "has_more": false})
}
