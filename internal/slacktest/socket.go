package slacktest

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// writeTimeout bounds every write to a socket.
const writeTimeout = 5 * time.Second

// socket is one Socket Mode WebSocket connection.
type socket struct {
	id      int
	ws      *websocket.Conn
	writeMu sync.Mutex    // serializes data writes; pings use WriteControl
	gone    chan struct{} // closed when the socket leaves s.sockets

	// Guarded by Server.mu.
	hello        bool // hello written
	disconnected bool // told to disconnect: no more envelopes
}

// writeJSON writes v as one text message.
func (sk *socket) writeJSON(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	sk.writeMu.Lock()
	defer sk.writeMu.Unlock()
	if err := sk.ws.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		return err
	}
	return sk.ws.WriteMessage(websocket.TextMessage, b)
}

// routable reports whether the socket may carry envelopes. Server.mu is held.
func (sk *socket) routable() bool { return sk.hello && !sk.disconnected }

// serveLink upgrades a ticketed request to a Socket Mode WebSocket.
func (s *Server) serveLink(w http.ResponseWriter, r *http.Request) {
	ticket := r.URL.Query().Get("ticket")
	s.mu.Lock()
	ok := s.tickets[ticket]
	delete(s.tickets, ticket)
	closed := s.closed
	s.mu.Unlock()
	if closed {
		http.Error(w, "server closed", http.StatusServiceUnavailable)
		return
	}
	if !ok {
		http.Error(w, "invalid or used ticket", http.StatusUnauthorized)
		return
	}
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered the client
	}

	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.Close()
		return
	}
	s.opened++
	sk := &socket{id: s.opened, ws: ws, gone: make(chan struct{})}
	s.sockets = append(s.sockets, sk)
	n := len(s.sockets)
	s.wg.Add(2)
	s.mu.Unlock()

	go s.readLoop(sk)
	go s.pingLoop(sk)

	hello := map[string]any{
		"type":            "hello",
		"num_connections": n,
		"connection_info": map[string]any{"app_id": AppID},
		"debug_info": map[string]any{
			"host":                        "slacktest",
			"build_number":                1,
			"approximate_connection_time": 18060,
		},
	}
	if err := sk.writeJSON(hello); err != nil {
		s.removeSocket(sk)
		return
	}
	s.mu.Lock()
	sk.hello = true
	s.notifyLocked()
	s.mu.Unlock()
}

// readLoop reads acks from sk until it fails, then forgets the socket.
func (s *Server) readLoop(sk *socket) {
	defer s.wg.Done()
	defer s.removeSocket(sk)
	for {
		_, data, err := sk.ws.ReadMessage()
		if err != nil {
			return
		}
		s.receive(sk, data, time.Now())
	}
}

// pingLoop sends a WebSocket PING every PingInterval unless pings are stopped.
func (s *Server) pingLoop(sk *socket) {
	defer s.wg.Done()
	t := time.NewTicker(s.opts.PingInterval)
	defer t.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-sk.gone:
			return
		case <-t.C:
			if s.pingsOff.Load() {
				continue
			}
			if err := sk.ws.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(writeTimeout)); err != nil {
				s.removeSocket(sk)
				return
			}
		}
	}
}

// removeSocket closes sk and takes it out of routing. It is idempotent.
func (s *Server) removeSocket(sk *socket) {
	s.mu.Lock()
	found := false
	for i, o := range s.sockets {
		if o == sk {
			s.sockets = append(s.sockets[:i:i], s.sockets[i+1:]...)
			found = true
			break
		}
	}
	if found {
		close(sk.gone)
		s.notifyLocked()
	}
	s.mu.Unlock()
	if found {
		sk.ws.Close()
	}
}

// WaitConnections blocks until at least n sockets are open, have been sent
// hello and have not been told to disconnect.
func (s *Server) WaitConnections(ctx context.Context, n int) error {
	return s.wait(ctx, func() bool { return s.Connections() >= n })
}

// WaitConnectionsSince blocks until at least n sockets opened after the
// first since (a ConnectionsOpened count) can carry envelopes. Unlike
// WaitConnections it is not satisfied by older sockets, such as those of a
// process just killed whose close the fake has not read yet.
func (s *Server) WaitConnectionsSince(ctx context.Context, since, n int) error {
	return s.wait(ctx, func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		c := 0
		for _, sk := range s.sockets {
			if sk.id > since && sk.routable() {
				c++
			}
		}
		return c >= n
	})
}

// Connections counts the sockets that can carry envelopes now: open, sent
// hello, not told to disconnect.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.connectionsLocked()
}

func (s *Server) connectionsLocked() int {
	n := 0
	for _, sk := range s.sockets {
		if sk.routable() {
			n++
		}
	}
	return n
}

// ConnectionsOpened counts every socket ever opened, to count reconnects.
// Sockets are numbered from 1 in this order (see Ack.Socket).
func (s *Server) ConnectionsOpened() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opened
}

// Disconnect sends {"type":"disconnect","reason":reason} on every open socket
// and routes no more envelopes to them, as Slack does before it closes a
// socket (reasons it uses: "warning", "refresh_requested", "link_disabled").
func (s *Server) Disconnect(reason string) { s.disconnect(0, reason) }

// DisconnectSocket is Disconnect for the one socket numbered id.
func (s *Server) DisconnectSocket(id int, reason string) { s.disconnect(id, reason) }

func (s *Server) disconnect(id int, reason string) {
	s.mu.Lock()
	var targets []*socket
	for _, sk := range s.sockets {
		if id == 0 || sk.id == id {
			sk.disconnected = true
			targets = append(targets, sk)
		}
	}
	s.notifyLocked()
	s.mu.Unlock()
	msg := map[string]any{
		"type":       "disconnect",
		"reason":     reason,
		"debug_info": map[string]any{"host": "slacktest"},
	}
	for _, sk := range targets {
		if err := sk.writeJSON(msg); err != nil {
			s.removeSocket(sk)
		}
	}
}

// Drop closes every open socket abruptly, without a close frame, as a
// network failure would.
func (s *Server) Drop() { s.drop(0) }

// DropSocket is Drop for the one socket numbered id.
func (s *Server) DropSocket(id int) { s.drop(id) }

func (s *Server) drop(id int) {
	s.mu.Lock()
	var targets []*socket
	for _, sk := range s.sockets {
		if id == 0 || sk.id == id {
			targets = append(targets, sk)
		}
	}
	s.mu.Unlock()
	for _, sk := range targets {
		s.removeSocket(sk)
	}
}

// StopPings stops the WebSocket PINGs on every socket, so slack-go's
// keep-alive gives up and reconnects.
func (s *Server) StopPings() { s.pingsOff.Store(true) }

// StartPings resumes the PINGs stopped by StopPings.
func (s *Server) StartPings() { s.pingsOff.Store(false) }
