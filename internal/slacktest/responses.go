package slacktest

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
	// Decode and check the reply before taking the lock.
	vd := s.verdicts.check(body)
	rep, decoded, blocks, code, problem := vd.rep, vd.decodeErr == nil, vd.blocks, vd.code, vd.problem

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
	if code != "" {
		s.violateLocked("response_url %s: %s: %s", id, code, problem)
		http.Error(w, code, http.StatusBadRequest)
		return
	}
	if decoded {
		s.applyCheckedLocked(h, rep, blocks)
	}
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.WriteString(w, "ok")
}

// checkReply validates a reply as Slack would, without the lock. It
// returns the reply's blocks, or a Slack error code and what is wrong.
func checkReply(rep reply) (blocks json.RawMessage, code, problem string) {
	blocks = rep.Blocks
	if string(blocks) == "null" {
		blocks = nil
	}
	n := 0
	if blocks != nil {
		var err error
		if n, err = checkBlocks(blocks, maxMessageBlocks); err != nil {
			return nil, "invalid_blocks", err.Error()
		}
	}
	if total := runes(rep.Text) + n; total > MaxMessageText {
		return nil, "msg_too_long", fmt.Sprintf("%d characters of text (at most %d)", total, MaxMessageText)
	}
	return blocks, "", ""
}

// applyCheckedLocked turns a valid reply into message state. The caller
// holds s.mu.
func (s *Server) applyCheckedLocked(h *hook, rep reply, blocks json.RawMessage) {
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
}

// replyFromAck shows a slash command's ack payload as Slack does. The
// payload is decoded and checked before the lock is taken, so a large
// card does not hold up the rest of the fake.
func (s *Server) replyFromAck(channel, user string, a Ack) {
	vd := s.verdicts.check(a.Payload)
	rep := vd.rep
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case vd.decodeErr != nil:
		s.violateLocked("ack of %s: payload is not a message: %v", a.EnvelopeID, vd.decodeErr)
	case vd.code != "":
		s.violateLocked("ack of %s: %s: %s", a.EnvelopeID, vd.code, vd.problem)
	default:
		rep.ReplaceOriginal, rep.DeleteOriginal = false, false
		s.applyCheckedLocked(&hook{channel: channel, user: user}, rep, vd.blocks)
	}
}

// ResponsePosts lists every post to a response_url, in order.
func (s *Server) ResponsePosts() []ResponsePost {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ResponsePost(nil), s.posts...)
}

// ResponsePostCount returns how many posts to response_urls there have
// been, without copying them.
func (s *Server) ResponsePostCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.posts)
}

// WaitResponse returns the first response_url post match accepts, waiting
// for one if there is none yet.
func (s *Server) WaitResponse(ctx context.Context, match func(ResponsePost) bool) (ResponsePost, error) {
	return waitFirst(ctx, s, s.ResponsePosts, match)
}
