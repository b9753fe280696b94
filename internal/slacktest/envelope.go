package slacktest

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Envelope types Slack sends over Socket Mode.
const (
	TypeSlashCommands = "slash_commands"
	TypeInteractive   = "interactive"
	TypeEventsAPI     = "events_api"
)

// ackDeadline is how long Slack waits for an ack before it retries.
const ackDeadline = 3 * time.Second

// maxRetries is how many times Slack redelivers an unacked envelope.
const maxRetries = 3

// maxAckSize is the size from which Slack drops an ack.
const maxAckSize = 20 * 1024

// Envelope is one Socket Mode message from Slack to the app.
type Envelope struct {
	ID                     string // envelope_id; generated when empty
	Type                   string // TypeSlashCommands, TypeInteractive or TypeEventsAPI
	Payload                json.RawMessage
	AcceptsResponsePayload bool
	RetryAttempt           int
	RetryReason            string // e.g. "timeout"
}

// Ack is the app's answer to an envelope.
type Ack struct {
	EnvelopeID string
	Payload    json.RawMessage // nil when the ack carried none
	Latency    time.Duration   // from the envelope's write to the ack's read
	Socket     int             // the socket the ack arrived on (see ConnectionsOpened)
	At         time.Time
}

// wireEnvelope is an Envelope as Slack writes it.
type wireEnvelope struct {
	EnvelopeID             string          `json:"envelope_id"`
	Type                   string          `json:"type"`
	Payload                json.RawMessage `json:"payload"`
	AcceptsResponsePayload bool            `json:"accepts_response_payload"`
	RetryAttempt           int             `json:"retry_attempt"`
	RetryReason            string          `json:"retry_reason"`
}

// SendEnvelope delivers env to one open socket, round-robin, waiting for one
// to be available, and waits for its ack, which may arrive on any socket.
// If that socket closes before the ack arrives, the envelope is redelivered
// on another with retry_attempt one higher and retry_reason "timeout", up to
// 3 times, as Slack does. Sending the same ID twice, with RetryAttempt > 0,
// is how a test redelivers by hand.
func (s *Server) SendEnvelope(ctx context.Context, env Envelope) (Ack, error) {
	if env.ID == "" {
		env.ID = newUUID()
	}
	if env.Payload == nil {
		env.Payload = json.RawMessage("{}")
	}
	wire := wireEnvelope{
		EnvelopeID:             env.ID,
		Type:                   env.Type,
		Payload:                env.Payload,
		AcceptsResponsePayload: env.AcceptsResponsePayload,
		RetryAttempt:           env.RetryAttempt,
		RetryReason:            env.RetryReason,
	}

	got := make(chan Ack, 1)
	s.mu.Lock()
	s.pending[env.ID] = append(s.pending[env.ID], got)
	s.mu.Unlock()
	defer s.forget(env.ID, got)

	for {
		sk, err := s.pickSocket(ctx)
		if err != nil {
			return Ack{}, fmt.Errorf("slacktest: send envelope %s: %w", env.ID, err)
		}
		sent := time.Now()
		s.mu.Lock()
		s.inFlight[sk.id]++
		s.mu.Unlock()
		if err := sk.writeJSON(wire); err != nil {
			s.landed(sk)
			s.removeSocket(sk)
			continue
		}
		select {
		case a := <-got:
			s.landed(sk)
			a.Latency = a.At.Sub(sent)
			if a.Latency > ackDeadline {
				s.mu.Lock()
				s.violateLocked("envelope %s (%s) acked after %v; Slack retries after %v", env.ID, env.Type, a.Latency, ackDeadline)
				s.mu.Unlock()
			}
			return a, nil
		case <-sk.gone:
			s.landed(sk)
			// The socket closed before the ack: Slack redelivers.
			if wire.RetryAttempt >= maxRetries {
				return Ack{}, fmt.Errorf("slacktest: envelope %s: socket closed %d times before the ack", env.ID, maxRetries+1)
			}
			wire.RetryAttempt++
			wire.RetryReason = "timeout"
		case <-ctx.Done():
			s.landed(sk)
			return Ack{}, fmt.Errorf("slacktest: wait for ack of %s: %w", env.ID, ctx.Err())
		case <-s.done:
			s.landed(sk)
			return Ack{}, ErrClosed
		}
	}
}

// landed notes that an envelope written to sk is no longer waiting there.
func (s *Server) landed(sk *socket) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inFlight[sk.id]--; s.inFlight[sk.id] <= 0 {
		delete(s.inFlight, sk.id)
	}
}

// InFlight returns how many envelopes have been written to the sockets
// that on picks (by socket number, as in Ack.Socket) and not acked yet.
func (s *Server) InFlight(on func(socket int) bool) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for id, k := range s.inFlight {
		if on(id) {
			n += k
		}
	}
	return n
}

// forget removes the waiter ch for envelope id, if it is still waiting.
func (s *Server) forget(id string, ch chan Ack) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.pending[id]
	for i, w := range ws {
		if w == ch {
			ws = append(ws[:i:i], ws[i+1:]...)
			break
		}
	}
	if len(ws) == 0 {
		delete(s.pending, id)
	} else {
		s.pending[id] = ws
	}
}

// pickSocket waits for a routable socket and returns the next one after the
// last used, round-robin.
func (s *Server) pickSocket(ctx context.Context) (*socket, error) {
	var pick *socket
	err := s.wait(ctx, func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		var first *socket
		for _, sk := range s.sockets {
			if !sk.routable() {
				continue
			}
			if first == nil {
				first = sk
			}
			if sk.id > s.rr {
				pick = sk
				break
			}
		}
		if pick == nil {
			pick = first
		}
		if pick != nil {
			s.rr = pick.id
		}
		return pick != nil
	})
	return pick, err
}

// receive handles one message read from sk: an ack.
func (s *Server) receive(sk *socket, data []byte, at time.Time) {
	var msg struct {
		EnvelopeID string
		Payload    json.RawMessage
	}
	var err error
	msg.EnvelopeID, msg.Payload, err = s.verdicts.splitAck(data)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil || msg.EnvelopeID == "" {
		s.violateLocked("socket %d: unexpected message from the app: %.200s", sk.id, data)
		return
	}
	if len(data) >= maxAckSize {
		s.violateLocked("ack of %s is %d bytes; Slack drops acks of %d bytes or more", msg.EnvelopeID, len(data), maxAckSize)
		return
	}
	if string(msg.Payload) == "null" {
		msg.Payload = nil
	}
	a := Ack{EnvelopeID: msg.EnvelopeID, Payload: msg.Payload, Socket: sk.id, At: at}
	s.acks = append(s.acks, a)
	if ws := s.pending[msg.EnvelopeID]; len(ws) > 0 {
		ws[0] <- a
		if len(ws) == 1 {
			delete(s.pending, msg.EnvelopeID)
		} else {
			s.pending[msg.EnvelopeID] = ws[1:]
		}
	}
	s.notifyLocked()
}

// Acks lists every ack received, in order, including acks nobody waited for.
func (s *Server) Acks() []Ack {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Ack(nil), s.acks...)
}
