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
// take its answer with it. Owe records a reply owed to request id by the
// delivery token names, which delivers it, before the ack; it reports
// false when another delivery of the request has a reply recorded already
// (that one answers). Owing
// reports whether one is recorded, owed or delivered. Delivered marks it
// delivered. TakeOwed takes, for this replica, up to limit replies whose
// lease ran out by now (their replica died or hangs), leased to it for
// lease. ClaimToken returns the token of the delivery that recorded the
// claim on request id ("" if none did).
type Outbox interface {
	Owe(ctx context.Context, key hirebot.SessionKey, id, token string, payload []byte, lease time.Duration) (bool, error)
	Owing(ctx context.Context, key hirebot.SessionKey, id string) (bool, error)
	Delivered(ctx context.Context, key hirebot.SessionKey, id string) error
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
)

// owedReply is a reply as the outbox keeps it: enough of the request and
// its origin to deliver it from any replica.
type owedReply struct {
	Request bot.Request `json:"request"`
	Origin  owedOrigin  `json:"origin"`
	Reply   bot.Reply   `json:"reply"`
}

// owedOrigin is an origin as the outbox keeps it.
type owedOrigin struct {
	ResponseURL string `json:"response_url,omitempty"`
	TriggerID   string `json:"trigger_id,omitempty"`
	ThreadTS    string `json:"thread_ts,omitempty"`
	MessageTS   string `json:"message_ts,omitempty"`
}

// encodeOwed returns the outbox's payload for reply to req from o. It
// keeps only what delivery reads of the request: not what was typed.
func encodeOwed(req bot.Request, o origin, reply bot.Reply) ([]byte, error) {
	kept := bot.Request{Source: req.Source, Team: req.Team, Channel: req.Channel, User: req.User, Command: req.Command, Action: req.Action}
	b, err := json.Marshal(owedReply{Request: kept, Reply: reply,
		Origin: owedOrigin{ResponseURL: o.responseURL, TriggerID: o.triggerID, ThreadTS: o.threadTS, MessageTS: o.messageTS}})
	if err != nil {
		return nil, fmt.Errorf("socket: encode the reply owed: %w", err)
	}
	return b, nil
}

// decodeOwed reads a payload encodeOwed wrote.
func decodeOwed(b []byte) (bot.Request, origin, bot.Reply, error) {
	var p owedReply
	if err := json.Unmarshal(b, &p); err != nil {
		return bot.Request{}, origin{}, bot.Reply{}, fmt.Errorf("socket: decode a reply owed: %w", err)
	}
	o := origin{responseURL: p.Origin.ResponseURL, triggerID: p.Origin.TriggerID, threadTS: p.Origin.ThreadTS, messageTS: p.Origin.MessageTS}
	return p.Request, o, p.Reply, nil
}

// owe records reply as owed to j's request before its ack, and reports
// whether this replica is the one to deliver it: false when another
// delivery of the request recorded its reply first. If the outbox cannot
// be written, the reply is delivered all the same.
func (l *Listener) owe(ctx context.Context, log *slog.Logger, j *job, req bot.Request, reply bot.Reply) bool {
	if l.deps.Outbox == nil || req.Channel == "" {
		return true
	}
	b, err := encodeOwed(req, j.o, reply)
	if err == nil {
		var won bool
		token := ""
		if req.Claim != nil {
			token = req.Claim.Token // this delivery's, never another's
		}
		if won, err = l.deps.Outbox.Owe(ctx, req.Session(), j.id, token, b, owedLease); err == nil {
			return won
		}
	}
	log.Warn("the reply could not be kept in the outbox; delivering it without", "err", err)
	return true
}

// delivered marks j's reply delivered in the outbox.
func (l *Listener) delivered(ctx context.Context, log *slog.Logger, req bot.Request, id string) {
	if l.deps.Outbox == nil || req.Channel == "" {
		return
	}
	if err := l.deps.Outbox.Delivered(ctx, req.Session(), id); err != nil {
		log.Warn("marking the reply delivered failed: another replica may deliver it again", "err", err)
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
	again := req
	again.Claim = &dedup.Claim{Team: req.Team, Channel: req.Channel, ID: j.id, Token: token}
	reply, err := l.router.Serve(ctx, again)
	if errors.Is(err, dedup.ErrDuplicate) {
		return false, bot.Reply{}, dedup.ErrDuplicate
	}
	switch hirebot.KindOf(err) {
	case hirebot.Invalid, hirebot.NotFound, hirebot.Forbidden, hirebot.Conflict:
		// The handler's own verdict, as the first delivery heard it.
	default:
		if err != nil || again.Claim.Unsettled() {
			log.Warn("a request another delivery applied could not be served again for its outcome; left unanswered", "err", err)
			return false, bot.Reply{}, dedup.ErrDuplicate
		}
	}
	if !l.owe(ctx, log, j, req, reply) {
		return false, bot.Reply{}, dedup.ErrDuplicate
	}
	log.Info("a request another delivery had applied is answered with its recorded outcome", "dedup_id", j.id)
	return true, reply, err
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

// deliverOwed delivers one reply left owed.
func (l *Listener) deliverOwed(ctx context.Context, o dedup.Owed) {
	log := l.log.With("team", o.Team, "channel", o.Channel, "dedup_id", o.ID)
	req, or, reply, err := decodeOwed(o.Payload)
	if err != nil {
		log.Error("a reply left owed cannot be read; dropped", "err", err)
	} else if time.Since(o.Created) > owedMaxAge {
		log.Warn("a reply left owed is too old for Slack to take; dropped")
	} else {
		log.Info("delivering a reply left owed by a replica that did not deliver it")
		dctx, cancel := context.WithTimeout(ctx, l.cfg.EventTimeout)
		if err := l.deps.Delivery.Deliver(dctx, req, or, reply); err != nil {
			log.Warn("delivering a reply left owed failed", "err", err)
		}
		cancel()
	}
	req.Team, req.Channel = o.Team, o.Channel
	l.delivered(ctx, log, req, o.ID)
}
