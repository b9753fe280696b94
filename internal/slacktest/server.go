// Package slacktest is an in-process fake of the parts of Slack that hirebot
// talks to: Socket Mode (apps.connections.open and the WebSocket that carries
// envelopes and acks), the Web API methods the bot calls, response_url posts
// and file uploads.
//
// It exists so tests and benchmarks can run the real bot, driven by
// slack-go's real socketmode.Client and slack.Client, end to end:
//
//	fake := slacktest.New(slacktest.Options{})
//	defer fake.Close()
//	api := slack.New(fake.BotToken(), slack.OptionAppLevelToken(fake.AppToken()),
//		slack.OptionAPIURL(fake.URL()))
//	client := socketmode.New(api)
//
// The fake records every Web API call, keeps the current state of every
// message, view and file, and rejects what real Slack would reject (too many
// blocks, over-long text, …), also noting each rejection in Violations so a
// test can assert there were none. Faults are injected with RateLimit, Fail,
// Disconnect, Drop and StopPings.
//
// All methods are safe for concurrent use.
package slacktest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Identities the fake reports for the app and its bot user.
const (
	AppID     = "A0FAKE"
	BotUserID = "U0BOT"
	BotID     = "B0BOT"
)

// ErrClosed is returned by the Send and Wait methods once the server is closed.
var ErrClosed = errors.New("slacktest: server closed")

// Options configures a Server. The zero value is usable.
type Options struct {
	AppToken     string        // app-level token for apps.connections.open; default "xapp-1-test"
	BotToken     string        // bot token for every other method; default "xoxb-test"
	PingInterval time.Duration // how often each socket gets a WebSocket PING; default 2s
	TeamID       string        // the workspace; default "T0001"
	TriggerTTL   time.Duration // how long a trigger_id works for views.open; default 3s
	BotName      string        // the bot user's name that auth.test gives; default "hirebot"
}

// Server is a running fake Slack. Create it with New and stop it with Close.
type Server struct {
	opts     Options
	srv      *httptest.Server
	base     string // http://127.0.0.1:PORT
	done     chan struct{}
	pingsOff atomic.Bool
	wg       sync.WaitGroup // socket goroutines
	verdicts verdicts       // checked reply payloads; has its own lock

	mu         sync.Mutex
	changed    chan struct{} // closed and replaced on every change of state
	closed     bool
	seq        int
	tickets    map[string]bool
	sockets    []*socket // open sockets, in the order they connected
	opened     int
	rr         int // id of the socket that got the last envelope
	pending    map[string][]chan Ack
	inFlight   map[int]int // socket id → envelopes written to it and not acked yet
	acks       []Ack
	calls      []Call
	faults     map[string]*fault
	messages   []*Message
	hooks      map[string]*hook
	posts      []ResponsePost
	uploads    map[string]*upload
	files      []File
	views      []*View
	triggers   map[string]*trigger
	violations []string
	users      map[string]string
	channels   map[string]string
}

// New starts a fake Slack on 127.0.0.1 with an httptest server.
func New(opts Options) *Server {
	if opts.AppToken == "" {
		opts.AppToken = "xapp-1-test"
	}
	if opts.BotToken == "" {
		opts.BotToken = "xoxb-test"
	}
	if opts.PingInterval <= 0 {
		opts.PingInterval = 2 * time.Second
	}
	if opts.TeamID == "" {
		opts.TeamID = "T0001"
	}
	if opts.BotName == "" {
		opts.BotName = "hirebot"
	}
	if opts.TriggerTTL <= 0 {
		opts.TriggerTTL = 3 * time.Second
	}
	s := &Server{
		opts:     opts,
		done:     make(chan struct{}),
		changed:  make(chan struct{}),
		tickets:  make(map[string]bool),
		pending:  make(map[string][]chan Ack),
		inFlight: make(map[int]int),
		faults:   make(map[string]*fault),
		hooks:    make(map[string]*hook),
		uploads:  make(map[string]*upload),
		triggers: make(map[string]*trigger),
		users:    make(map[string]string),
		channels: make(map[string]string),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/{method}", s.serveAPI)
	mux.HandleFunc("GET /link", s.serveLink)
	mux.HandleFunc("POST /response/{id}", s.serveResponse)
	mux.HandleFunc("POST /upload/{id}", s.serveUpload)
	s.srv = httptest.NewServer(mux)
	s.base = s.srv.URL
	return s
}

// Close closes every socket, stops the server and waits for its goroutines.
// Pending Send and Wait calls return ErrClosed.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	socks := s.sockets
	s.sockets = nil
	close(s.done)
	s.mu.Unlock()
	for _, sk := range socks {
		sk.ws.Close()
	}
	s.wg.Wait()
	s.srv.Close()
}

// URL is the Web API base URL to pass to slack.OptionAPIURL; it ends in "/".
func (s *Server) URL() string { return s.base + "/api/" }

// AppToken is the app-level token apps.connections.open accepts.
func (s *Server) AppToken() string { return s.opts.AppToken }

// BotToken is the bot token the Web API methods accept.
func (s *Server) BotToken() string { return s.opts.BotToken }

// TeamID is the fake workspace's ID.
func (s *Server) TeamID() string { return s.opts.TeamID }

// notifyLocked wakes every waiter. The caller holds s.mu.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// wait blocks until cond reports true. cond is called without s.mu held,
// so it may call the Server (and callers' match functions may too); it is
// re-checked after every change of state.
func (s *Server) wait(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("slacktest: wait: %w", ctx.Err())
		case <-s.done:
			return ErrClosed
		}
	}
}

// waitFirst returns the first of what list returns that match accepts
// (any, when match is nil), waiting for one if there is none yet: what
// every Wait method of the fake does for its own records.
func waitFirst[T any](ctx context.Context, s *Server, list func() []T, match func(T) bool) (T, error) {
	var got T
	err := s.wait(ctx, func() bool {
		for _, x := range list() {
			if match == nil || match(x) {
				got = x
				return true
			}
		}
		return false
	})
	return got, err
}

// nextLocked returns a new sequence number. The caller holds s.mu.
func (s *Server) nextLocked() int {
	s.seq++
	return s.seq
}

// violateLocked records something real Slack would reject or a rule the bot
// broke. The caller holds s.mu.
func (s *Server) violateLocked(format string, args ...any) {
	s.violations = append(s.violations, fmt.Sprintf(format, args...))
	s.notifyLocked()
}

// Violations lists, in order, every request the fake rejected as real Slack
// would and every rule the bot broke (link_names set, a token sent to a
// response_url, a slow ack, …). A healthy test run has none.
func (s *Server) Violations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.violations...)
}

// randomID returns n random bytes as upper-case hex.
func randomID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return strings.ToUpper(hex.EncodeToString(b))
}

// newUUID returns a random UUID-shaped string, as Slack uses for envelope IDs.
func newUUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}
