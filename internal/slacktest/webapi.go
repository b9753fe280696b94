package slacktest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"maps"
	"math"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// maxBody bounds a request body the fake reads.
const maxBody = 32 << 20

// Call is one recorded Web API request.
type Call struct {
	Method string            // e.g. "chat.postMessage"; "upload" for a file upload
	Params map[string]string // form or query values, or the JSON body's top-level fields (non-strings as JSON text); never the token
	Body   []byte            // the raw request body
	Token  string            // the token used, from the token field or Authorization: Bearer
	At     time.Time
}

// apiError is a Slack error answer: {"ok":false,"error":code}.
type apiError string

// result is a method's answer: the fields besides "ok", or an error code.
type result struct {
	fields map[string]any
	err    apiError
}

func ok(fields map[string]any) result { return result{fields: fields} }
func fail(code string) result         { return result{err: apiError(code)} }

// fault is injected behaviour for one method.
type fault struct {
	rateN      int
	retryAfter time.Duration
	failN      int
	failErr    string
	dropN      int // close the connection without an answer
	hangN      int // keep the request open and never answer
}

// RateLimit makes the next n calls of method answer HTTP 429 with a
// Retry-After of retryAfter in whole seconds (at least 1) and
// {"ok":false,"error":"ratelimited"}. method may be "apps.connections.open"
// or "upload" too.
func (s *Server) RateLimit(method string, n int, retryAfter time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.faultLocked(method)
	f.rateN, f.retryAfter = n, retryAfter
}

// Fail makes the next n calls of method answer {"ok":false,"error":slackError}.
func (s *Server) Fail(method string, n int, slackError string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.faultLocked(method)
	f.failN, f.failErr = n, slackError
}

// DropCalls makes the next n calls of method fail as a network would: the fake
// closes the connection without answering.
func (s *Server) DropCalls(method string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faultLocked(method).dropN = n
}

// HangCalls makes the next n calls of method hang: the fake reads the request
// and never answers, until the caller gives up or the fake is closed.
func (s *Server) HangCalls(method string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faultLocked(method).hangN = n
}

func (s *Server) faultLocked(method string) *fault {
	f := s.faults[method]
	if f == nil {
		f = &fault{}
		s.faults[method] = f
	}
	return f
}

// injected is the fault one call meets.
type injected struct {
	rateLimited bool
	retryAfter  time.Duration
	failErr     string
	drop, hang  bool
}

// takeFaultLocked consumes one injected fault for method, if any.
func (s *Server) takeFaultLocked(method string) injected {
	f := s.faults[method]
	switch {
	case f == nil:
	case f.dropN > 0:
		f.dropN--
		return injected{drop: true}
	case f.hangN > 0:
		f.hangN--
		return injected{hang: true}
	case f.rateN > 0:
		f.rateN--
		return injected{rateLimited: true, retryAfter: f.retryAfter}
	case f.failN > 0:
		f.failN--
		return injected{failErr: f.failErr}
	}
	return injected{}
}

// serveAPI answers one Web API method call.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	method := r.PathValue("method")
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		http.Error(w, "read body", http.StatusBadRequest)
		return
	}
	params, token, err := parseParams(r, body)
	if err != nil {
		writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_form_data"})
		return
	}
	c := Call{Method: method, Params: params, Body: body, Token: token, At: time.Now()}
	if !s.record(w, r, c) {
		return
	}
	res := s.dispatch(r, c)
	if res.err != "" {
		writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": string(res.err)})
		return
	}
	out := map[string]any{"ok": true}
	for k, v := range res.fields {
		out[k] = v
	}
	writeJSON(w, http.StatusOK, out)
}

// record stores c and applies injected faults. It reports false when it has
// answered the request itself.
func (s *Server) record(w http.ResponseWriter, r *http.Request, c Call) bool {
	s.mu.Lock()
	s.calls = append(s.calls, c)
	s.notifyLocked()
	in := s.takeFaultLocked(c.Method)
	s.mu.Unlock()
	switch {
	case in.drop:
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			_ = conn.Close()
		}
		return false
	case in.hang:
		select {
		case <-r.Context().Done():
		case <-s.done:
		}
		return false
	case in.rateLimited:
		secs := max(1, int(math.Ceil(in.retryAfter.Seconds())))
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"ok": false, "error": "ratelimited"})
		return false
	case in.failErr != "":
		writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": in.failErr})
		return false
	}
	return true
}

// dispatch checks the token and runs the method.
func (s *Server) dispatch(r *http.Request, c Call) result {
	if c.Method == "apps.connections.open" {
		if r.Method != http.MethodPost || c.Token != s.opts.AppToken {
			return fail("invalid_auth")
		}
		return s.connectionsOpen()
	}
	switch {
	case c.Token == "":
		return fail("not_authed")
	case !strings.HasPrefix(c.Token, "xoxb-") || c.Token != s.opts.BotToken:
		return fail("invalid_auth")
	}
	p := c.Params
	switch c.Method {
	case "auth.test":
		return s.authTest()
	case "chat.postMessage":
		return s.postMessage(p, false)
	case "chat.postEphemeral":
		return s.postMessage(p, true)
	case "chat.update":
		return s.updateMessage(p)
	case "chat.delete":
		return s.deleteMessage(p)
	case "chat.getPermalink":
		return s.permalink(p)
	case "views.open":
		return s.openView(p)
	case "views.update":
		return s.updateView(p)
	case "views.publish":
		return s.publishView(p)
	case "files.getUploadURLExternal":
		return s.uploadURL(r, p)
	case "files.completeUploadExternal":
		return s.completeUpload(p)
	case "conversations.info":
		return s.conversationInfo(p)
	case "conversations.open":
		return s.conversationOpen(p)
	case "conversations.history":
		return s.conversationHistory(p)
	case "users.info":
		return s.userInfo(p)
	}
	return fail("unknown_method")
}

// connectionsOpen issues a one-use WebSocket ticket.
func (s *Server) connectionsOpen() result {
	ticket := randomID(16)
	s.mu.Lock()
	s.tickets[ticket] = true
	s.mu.Unlock()
	u := strings.Replace(s.base, "http://", "ws://", 1) + "/link?ticket=" + ticket
	return ok(map[string]any{"url": u})
}

// parseParams reads a request's parameters and token from a form, a JSON
// body, a multipart form or the query.
func parseParams(r *http.Request, body []byte) (map[string]string, string, error) {
	params := map[string]string{}
	for k, v := range r.URL.Query() {
		params[k] = v[0]
	}
	ctype, mparams, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case ctype == "application/json":
		var obj map[string]json.RawMessage
		if len(bytes.TrimSpace(body)) > 0 {
			if err := json.Unmarshal(body, &obj); err != nil {
				return nil, "", err
			}
		}
		for k, raw := range obj {
			var str string
			if json.Unmarshal(raw, &str) == nil {
				params[k] = str
				continue
			}
			var buf bytes.Buffer
			if json.Compact(&buf, raw) == nil {
				params[k] = buf.String()
			}
		}
	case ctype == "multipart/form-data":
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.Header.Set("Content-Type", mime.FormatMediaType(ctype, mparams))
		if err := r.ParseMultipartForm(maxBody); err != nil {
			return nil, "", err
		}
		for k, v := range r.MultipartForm.Value {
			params[k] = v[0]
		}
	case len(body) > 0:
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, "", err
		}
		for k, v := range form {
			params[k] = v[0]
		}
	}
	token := params["token"]
	delete(params, "token")
	if bearer, found := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); found && token == "" {
		token = bearer
	}
	return params, token, nil
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// Calls lists the recorded Web API calls of method, in order; "" lists all.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Method == method {
			c.Params = maps.Clone(c.Params)
			out = append(out, c)
		}
	}
	return out
}

// WaitCall returns the first recorded call of method ("" for any) that
// match accepts (nil accepts all), waiting for one if there is none yet.
func (s *Server) WaitCall(ctx context.Context, method string, match func(Call) bool) (Call, error) {
	return waitFirst(ctx, s, func() []Call { return s.Calls(method) }, match)
}
