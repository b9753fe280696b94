package socket

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/dedup"
)

// Outbox keeps the replies owed after an ack until they are delivered, so
// that a replica that dies after acking a change (even kill -9) does not
// take its answer with it. What a request is owed is recorded by the
// request's first write to the store, with its claim (dedup.Claim.Owed),
// before the ack: the request itself and where its answer goes, which any
// replica serves again as the delivery that made it (its writes then
// report their first results) to answer it. Owe records a reply itself,
// owed to request id by the delivery token names, when nothing recorded
// the claim; it reports false when another delivery of the request has a
// reply recorded already (that one answers). Owing reports whether one is
// recorded, owed or delivered. Delivered marks replies delivered, in one
// round trip. TakeOwed takes, for this replica, up to limit replies whose
// lease ran out by now (their replica died or hangs), leased to it for
// lease. ClaimToken returns the token of the delivery that recorded the
// claim on request id ("" if none did).
type Outbox interface {
	Owe(ctx context.Context, key hirebot.SessionKey, id, token string, payload []byte, lease time.Duration) (bool, error)
	Owing(ctx context.Context, key hirebot.SessionKey, id string) (bool, error)
	Delivered(ctx context.Context, done ...dedup.Ref) error
	TakeOwed(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]dedup.Owed, error)
	ClaimToken(ctx context.Context, team, channel, id string) (string, error)
}

// Pacing of the outbox.
const (
	// owedLease is how long a reply owed is left to the replica that owes
	// it before any replica may deliver it.
	owedLease = 15 * time.Second
	// drainEvery is how often a replica looks for replies left owed.
	drainEvery = time.Second
	// owedMaxAge is how old a reply may be and still be delivered: Slack
	// takes replies on a response_url for 30 minutes.
	owedMaxAge = 30 * time.Minute
	// markEvery is how long replies delivered wait to be marked so, in
	// one round trip with the others delivered meanwhile (well inside
	// owedLease: a replica that dies meanwhile leaves them to be
	// delivered again, as it would have a moment earlier).
	markEvery = 200 * time.Millisecond
	// maxMarks is how many replies delivered may wait to be marked; one
	// more is marked on its own.
	maxMarks = 1024
)

// owedPayload is what the outbox keeps for a request: enough of the
// request and its origin to answer it from any replica — the request
// itself, to serve again as the delivery that made it (Token), or, when
// that delivery kept it, the reply.
type owedPayload struct {
	Request owedRequest `json:"request"`
	Origin  owedOrigin  `json:"origin"`
	Token   string      `json:"token,omitempty"`
	Reply   *bot.Reply  `json:"reply,omitempty"`
}

// owedRequest is a request as the outbox keeps it.
type owedRequest struct {
	Source  bot.Source        `json:"source"`
	Team    string            `json:"team"`
	Channel string            `json:"channel"`
	User    string            `json:"user"`
	Command string            `json:"command"`
	Text    string            `json:"text,omitempty"`
	Action  string            `json:"action,omitempty"`
	Value   string            `json:"value,omitempty"`
	Values  map[string]string `json:"values,omitempty"`
	At      time.Time         `json:"at"`
}

// owedOrigin is an origin as the outbox keeps it.
type owedOrigin struct {
	ResponseURL string `json:"response_url,omitempty"`
	TriggerID   string `json:"trigger_id,omitempty"`
	ThreadTS    string `json:"thread_ts,omitempty"`
	MessageTS   string `json:"message_ts,omitempty"`
}

// encodeOwed returns the outbox's payload for req from o, served again as
// the delivery token names; with a reply, for that reply, and then only
// what delivery reads of the request (not what was typed).
func encodeOwed(req bot.Request, o origin, token string, reply *bot.Reply) ([]byte, error) {
	kept := owedRequest{Source: req.Source, Team: req.Team, Channel: req.Channel, User: req.User, Command: req.Command, Action: req.Action}
	if reply == nil {
		kept.Text, kept.Value, kept.Values, kept.At = req.Text, req.Value, req.Values, req.At
	}
	b, err := json.Marshal(owedPayload{Request: kept, Token: token, Reply: reply,
		Origin: owedOrigin{ResponseURL: o.responseURL, TriggerID: o.triggerID, ThreadTS: o.threadTS, MessageTS: o.messageTS}})
	if err != nil {
		return nil, fmt.Errorf("socket: encode the reply owed: %w", err)
	}
	return b, nil
}

// decodeOwed reads a payload encodeOwed wrote.
func decodeOwed(b []byte) (bot.Request, origin, owedPayload, error) {
	var p owedPayload
	if err := json.Unmarshal(b, &p); err != nil {
		return bot.Request{}, origin{}, p, fmt.Errorf("socket: decode a reply owed: %w", err)
	}
	r := p.Request
	req := bot.Request{Source: r.Source, Team: r.Team, Channel: r.Channel, User: r.User, Command: r.Command,
		Text: r.Text, Action: r.Action, Value: r.Value, Values: r.Values, At: r.At}
	o := origin{responseURL: p.Origin.ResponseURL, triggerID: p.Origin.TriggerID, threadTS: p.Origin.ThreadTS, messageTS: p.Origin.MessageTS}
	return req, o, p, nil
}

// owing returns what j's request is owed after its ack, for its claim to
// record in the outbox with the request's first write (nil without an
// outbox, or for a request from no channel).
func (l *Listener) owing(log *slog.Logger, j *job, req bot.Request) *dedup.Owing {
	if l.deps.Outbox == nil || req.Channel == "" {
		return nil
	}
	b, err := encodeOwed(req, j.o, req.Claim.Token, nil)
	if err != nil {
		log.Warn("the request can't be kept in the outbox; its reply is delivered without", "err", err)
		return nil
	}
	return &dedup.Owing{Payload: b, Lease: owedLease}
}

// owe records reply itself as owed to j's request before its ack, when no
// write recorded what the request is owed, and reports whether this
// replica is the one to deliver it: false when another delivery of the
// request recorded its reply first. If the outbox cannot be written, the
// reply is delivered all the same.
func (l *Listener) owe(ctx context.Context, log *slog.Logger, j *job, req bot.Request, reply bot.Reply) bool {
	if l.deps.Outbox == nil || req.Channel == "" {
		return true
	}
	token := ""
	if req.Claim != nil {
		token = req.Claim.Token // this delivery's, never another's
	}
	b, err := encodeOwed(req, j.o, token, &reply)
	if err == nil {
		var won bool
		if won, err = l.deps.Outbox.Owe(ctx, req.Session(), j.id, token, b, owedLease); err == nil {
			return won
		}
	}
	log.Warn("the reply could not be kept in the outbox; delivering it without", "err", err)
	return true
}

// delivered marks the reply owed to request id of req's session
// delivered in the outbox: with the others delivered within markEvery, in
// one round trip (see markDelivered).
func (l *Listener) delivered(req bot.Request, id string) {
	if l.deps.Outbox == nil || req.Channel == "" {
		return
	}
	ref := dedup.Ref{Team: req.Team, Channel: req.Channel, ID: id}
	select {
	case l.marks <- ref:
	default: // a backlog: mark it on its own
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		l.markNow(ctx, ref)
	}
}

// markDelivered marks the replies delivered in batches until ctx is done,
// then marks what is left.
func (l *Listener) markDelivered(ctx context.Context) {
	defer close(l.marked)
	var batch []dedup.Ref
	for {
		select {
		case ref := <-l.marks:
			batch = append(batch, ref)
			timer := time.NewTimer(markEvery)
		collect:
			for {
				select {
				case ref := <-l.marks:
					batch = append(batch, ref)
				case <-timer.C:
					break collect
				case <-ctx.Done():
					timer.Stop()
					break collect
				}
			}
			mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
			l.markNow(mctx, batch...)
			cancel()
			batch = batch[:0]
		case <-ctx.Done():
			l.flushMarks()
			return
		}
	}
}

// flushMarks marks what waits to be marked, on shutdown.
func (l *Listener) flushMarks() {
	var batch []dedup.Ref
	for {
		select {
		case ref := <-l.marks:
			batch = append(batch, ref)
		default:
			if len(batch) > 0 {
				ctx, cancel := context.WithTimeout(context.Background(), time.Second)
				l.markNow(ctx, batch...)
				cancel()
			}
			return
		}
	}
}

// markNow marks refs delivered.
func (l *Listener) markNow(ctx context.Context, refs ...dedup.Ref) {
	if err := l.deps.Outbox.Delivered(ctx, refs...); err != nil {
		l.log.Warn("marking replies delivered failed: another replica may deliver them again", "replies", len(refs), "err", err)
	}
}

// answerDuplicate answers, after its ack, another delivery of a request
// whose claim an earlier delivery recorded: if that delivery recorded its
// reply in the outbox, it (or, should it have died, any replica) delivers
// that one, and this delivery says nothing. Otherwise the earlier delivery
// may have died between its change and its reply: this one serves the
// request again as that delivery (its claim's token), so that every write
// reports its first result, and answers with it unless the earlier
// delivery recorded its reply meanwhile. A store that fails it meanwhile
// leaves the request unanswered rather than wrongly answered. It returns whether to deliver the reply, the reply and
// the handler's error (dedup.ErrDuplicate when there is nothing to say).
func (l *Listener) answerDuplicate(ctx context.Context, log *slog.Logger, j *job, req bot.Request) (bool, bot.Reply, error) {
	if l.deps.Outbox == nil || req.Channel == "" {
		return false, bot.Reply{}, dedup.ErrDuplicate
	}
	if owing, err := l.deps.Outbox.Owing(ctx, req.Session(), j.id); err != nil || owing {
		return false, bot.Reply{}, dedup.ErrDuplicate
	}
	token, err := l.deps.Outbox.ClaimToken(ctx, req.Team, req.Channel, j.id)
	if err != nil || token == "" {
		return false, bot.Reply{}, dedup.ErrDuplicate
	}
	reply, err, ok := l.serveAgain(ctx, req, j.id, token)
	if !ok {
		log.Warn("a request another delivery applied could not be served again for its outcome; left unanswered", "err", err)
		return false, bot.Reply{}, dedup.ErrDuplicate
	}
	if !l.owe(ctx, log, j, req, reply) {
		return false, bot.Reply{}, dedup.ErrDuplicate
	}
	log.Info("a request another delivery had applied is answered with its recorded outcome", "dedup_id", j.id)
	return true, reply, err
}

// serveAgain serves req again as the delivery whose claim on request id
// token names, which applied it: every write reports its first result.
// It reports false, with nothing to say, when the answer is not the
// handler's own verdict (a store that failed meanwhile, a write whose
// outcome is unknown, another delivery's claim): better unanswered than
// wrongly answered.
func (l *Listener) serveAgain(ctx context.Context, req bot.Request, id, token string) (bot.Reply, error, bool) {
	req.Claim = &dedup.Claim{Team: req.Team, Channel: req.Channel, ID: id, Token: token}
	reply, err := l.router.Serve(ctx, req)
	if errors.Is(err, dedup.ErrDuplicate) {
		return bot.Reply{}, err, false
	}
	switch hirebot.KindOf(err) {
	case hirebot.Invalid, hirebot.NotFound, hirebot.Forbidden, hirebot.Conflict:
		// The handler's own verdict, as the first delivery heard it.
	default:
		if err != nil || req.Claim.Unsettled() {
			return bot.Reply{}, err, false
		}
	}
	return reply, err, true
}

// drainOwed delivers, every drainEvery until ctx is done, the replies left
// owed by replicas that died or hang before delivering them.
func (l *Listener) drainOwed(ctx context.Context) {
	if l.deps.Outbox == nil || l.deps.Delivery == nil {
		return
	}
	t := time.NewTicker(drainEvery)
	defer t.Stop()
	for {
		owed, err := l.deps.Outbox.TakeOwed(ctx, time.Now(), owedLease, 20)
		if err != nil && ctx.Err() == nil {
			l.log.Debug("could not look for replies left owed", "err", err)
		}
		for _, o := range owed {
			l.deliverOwed(ctx, o)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// deliverOwed delivers one reply left owed: the reply kept, or the answer
// of the request served again as the delivery that made it. One that can't
// be served again for now (the store failed) is left owed: it comes due
// again when this replica's lease on it ends.
func (l *Listener) deliverOwed(ctx context.Context, o dedup.Owed) {
	log := l.log.With("team", o.Team, "channel", o.Channel, "dedup_id", o.ID)
	req, or, p, err := decodeOwed(o.Payload)
	switch {
	case err != nil:
		log.Error("a reply left owed cannot be read; dropped", "err", err)
	case time.Since(o.Created) > owedMaxAge:
		log.Warn("a reply left owed is too old for Slack to take; dropped")
	default:
		dctx, cancel := context.WithTimeout(ctx, l.cfg.EventTimeout)
		defer cancel()
		reply := p.Reply
		if reply == nil {
			r, err, ok := l.serveAgain(dctx, req, o.ID, p.Token)
			switch {
			case errors.Is(err, dedup.ErrDuplicate):
				log.Info("a request left owed was answered by another delivery")
			case !ok:
				log.Warn("a request left owed could not be served again for its answer; left owed", "err", err)
				return
			default:
				reply = &r
			}
		}
		if reply != nil {
			log.Info("delivering a reply left owed by a replica that did not deliver it")
			if err := l.deps.Delivery.Deliver(dctx, req, or, *reply); err != nil {
				log.Warn("delivering a reply left owed failed", "err", err)
			}
		}
	}
	req.Team, req.Channel = o.Team, o.Channel
	l.delivered(req, o.ID)
}
