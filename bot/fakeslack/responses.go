package fakeslack

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// maxResponsePosts is how many times Slack accepts a post to one response_url.
const maxResponsePosts = 5

// ResponsePost is one POST to a response_url.
type ResponsePost struct {
	ID   string          // the response_url's last path element
	Body json.RawMessage // the JSON body; the JSON string "ok" for a body of exactly "ok"
	At   time.Time
}

// hook is an issued response_url.
type hook struct {
	channel   string
	user      string
	messageTS string // the message an action came from, if any
	posts     int
}

// newHookLocked issues a response_url id. The caller holds s.mu.
func (s *Server) newHookLocked(h hook) string {
	id := fmt.Sprintf("%d-%s", s.nextLocked(), strings.ToLower(randomID(8)))
	s.hooks[id] = &h
	return id
}

// reply is the message part of a response_url post or a slash command ack.
type reply struct {
	Text            string          `json:"text"`
	Blocks          json.RawMessage `json:"blocks"`
	ResponseType    string          `json:"response_type"`
	ReplaceOriginal bool            `json:"replace_original"`
	DeleteOriginal  bool            `json:"delete_original"`
	ThreadTS        string          `json:"thread_ts"`
}

// serveResponse records a post to a response_url and applies it as Slack
// would: delete_original deletes the action's message, replace_original
// replaces it, anything else posts a new message (ephemeral to the user
// unless response_type is "in_channel").
func (s *Server) serveResponse(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		http.Error(w, "read body", http.StatusBadRequest)
		return
	}
	post := ResponsePost{ID: id, Body: body, At: time.Now()}
	if string(body) == "ok" {
		post.Body = json.RawMessage(`"ok"`)
	} else if !json.Valid(body) {
		s.mu.Lock()
		s.violateLocked("response_url %s: body is not JSON: %.200s", id, body)
		s.mu.Unlock()
		http.Error(w, "invalid_payload", http.StatusBadRequest)
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Header.Get("Authorization") != "" {
		s.violateLocked("response_url %s: request carries an Authorization header; response_urls need no token", id)
	}
	h := s.hooks[id]
	if h == nil {
		http.Error(w, "no_active_hooks", http.StatusNotFound)
		return
	}
	s.posts = append(s.posts, post)
	s.notifyLocked()
	h.posts++
	if h.posts > maxResponsePosts {
		s.violateLocked("response_url %s: post %d; Slack accepts %d", id, h.posts, maxResponsePosts)
		http.Error(w, "used_url", http.StatusNotFound)
		return
	}
	var rep reply
	if err := json.Unmarshal(body, &rep); err == nil {
		if code := s.applyReplyLocked(h, rep, "response_url "+id); code != "" {
			http.Error(w, code, http.StatusBadRequest)
			return
		}
	}
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.WriteString(w, "ok")
}

// applyReplyLocked turns a reply into message state. It returns a Slack
// error code when the reply is invalid. The caller holds s.mu.
func (s *Server) applyReplyLocked(h *hook, rep reply, where string) string {
	blocks := rep.Blocks
	if string(blocks) == "null" {
		blocks = nil
	}
	n := 0
	if blocks != nil {
		var err error
		if n, err = checkBlocks(blocks, maxMessageBlocks); err != nil {
			s.violateLocked("%s: invalid_blocks: %v", where, err)
			return "invalid_blocks"
		}
	}
	if total := runes(rep.Text) + n; total > MaxMessageText {
		s.violateLocked("%s: msg_too_long: %d characters of text (at most %d)", where, total, MaxMessageText)
		return "msg_too_long"
	}
	orig := s.messageLocked(h.channel, h.messageTS)
	switch {
	case rep.DeleteOriginal:
		if orig != nil {
			s.removeMessageLocked(orig)
		}
	case rep.ReplaceOriginal && orig != nil:
		orig.Text, orig.Blocks = rep.Text, blocks
		orig.Updates++
		s.notifyLocked()
	case rep.Text != "" || blocks != nil:
		m := Message{Channel: h.channel, ThreadTS: rep.ThreadTS, Text: rep.Text, Blocks: blocks, User: BotUserID}
		if rep.ResponseType != "in_channel" {
			m.Ephemeral, m.User = true, h.user
		}
		s.addMessageLocked(m)
	}
	return ""
}

// replyFromAck shows a slash command's ack payload as Slack does.
func (s *Server) replyFromAck(channel, user string, a Ack) {
	var rep reply
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := json.Unmarshal(a.Payload, &rep); err != nil {
		s.violateLocked("ack of %s: payload is not a message: %v", a.EnvelopeID, err)
		return
	}
	rep.ReplaceOriginal, rep.DeleteOriginal = false, false
	s.applyReplyLocked(&hook{channel: channel, user: user}, rep, "ack of "+a.EnvelopeID)
}

// ResponsePosts lists every post to a response_url, in order.
func (s *Server) ResponsePosts() []ResponsePost {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ResponsePost(nil), s.posts...)
}

// WaitResponse returns the first response_url post match accepts, waiting
// for one if there is none yet.
func (s *Server) WaitResponse(ctx context.Context, match func(ResponsePost) bool) (ResponsePost, error) {
	var got ResponsePost
	err := s.wait(ctx, func() bool {
		for _, p := range s.ResponsePosts() {
			if match == nil || match(p) {
				got = p
				return true
			}
		}
		return false
	})
	return got, err
}
