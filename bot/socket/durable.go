package socket

import (
	"context"
	"errors"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/dedup"
)

// settleBudget is how long after AckBy a request whose write has an unknown
// outcome may take to learn it (fence its claim) and still be acked inside
// Slack's 3 s.
const settleBudget = 400 * time.Millisecond

// minServe is the least time worth starting a request with: a request
// taken from the queue with less left before its AckBy is not started.
const minServe = 50 * time.Millisecond

// errNoTime says a request waited in the queue until too little time was
// left to handle it before its ack: nothing was done.
var errNoTime = &hirebot.Error{Kind: hirebot.Unavailable,
	Err: errors.New("socket: too busy to handle the request before its ack; nothing was changed")}

// serveBeforeAck handles a request that may change state, and acks its
// envelope only once the outcome is certain: the change is durable in the
// store, or certainly not made. A crash before the ack leaves the envelope
// unacked, and Slack redelivers it to another connection; the request's
// claim makes the redelivery change nothing if the first delivery's write
// landed. The work before the ack has until AckBy after receipt; a write
// whose outcome is still unknown then is settled by fencing its claim (see
// settle). The reply is delivered after the ack.
func (l *Listener) serveBeforeAck(j *job) {
	log := j.logger()
	req := j.req
	if l.deps.Claims != nil {
		req.Claim = dedup.NewClaim(req.Team, req.Channel, j.id)
	}
	start := time.Now()
	deadline := j.received.Add(l.cfg.AckBy)
	var (
		reply bot.Reply
		err   error
	)
	if time.Until(deadline) < minServe {
		err = errNoTime
		reply = bot.ErrorReply(err, "")
	} else {
		sctx, cancel := context.WithDeadline(j.ctx, deadline)
		reply, err = l.router.Serve(sctx, req)
		err = l.recordClaim(sctx, log, req, err)
		cancel()
	}
	if req.Claim.Unsettled() {
		reply, err = l.settle(j, req, reply, err)
	}
	l.ack(j.ctx, j.client, log, j.envelope, j.received)
	ctx, cancel := context.WithTimeout(j.ctx, l.cfg.EventTimeout)
	defer cancel()
	l.deliver(ctx, log, j.id, req, j.o, reply, err, start)
}

// settle learns the outcome of a write that was sent with req's claim but
// whose reply did not come back in time, and returns the reply that tells
// it truly. It fences the claim: if the write landed, the request is served
// again, and the store answers with the first application's result; if
// another delivery recorded the claim, this one is a duplicate; otherwise
// the tombstone makes the failure reply true, since the write can no longer
// apply. When storage cannot be asked before the budget runs out, the
// reply says the outcome is unknown (dedup.ErrUnsettled), never that it
// failed.
func (l *Listener) settle(j *job, req bot.Request, reply bot.Reply, err error) (bot.Reply, error) {
	log := j.logger()
	by := j.received.Add(l.cfg.AckBy + settleTime(l.cfg.AckBy))
	ctx, cancel := context.WithDeadline(j.ctx, by)
	defer cancel()
	for attempt := 0; ; attempt++ {
		settled, ferr := l.deps.Claims.Fence(ctx, req.Claim)
		if ferr == nil {
			switch settled {
			case dedup.Duplicate:
				return bot.Reply{}, dedup.ErrDuplicate
			case dedup.NotApplied:
				log.Info("a write with an unknown outcome was fenced off: told it did not happen")
				return reply, err
			}
			log.Info("a write whose reply was lost had landed: serving the request again for its result")
			again, aerr := l.router.Serve(ctx, req)
			if aerr != nil {
				log.Warn("the change landed but its result could not be read back; no reply", "err", aerr)
				return bot.Reply{}, dedup.ErrDuplicate
			}
			return again, nil
		}
		wait := time.Duration(attempt+1) * 20 * time.Millisecond
		if time.Now().Add(wait).After(by) {
			log.Warn("fencing a write with an unknown outcome failed: told the outcome is unknown", "err", ferr)
			return bot.ErrorReply(dedup.ErrUnsettled, ""), dedup.ErrUnsettled
		}
		time.Sleep(wait)
	}
}

// settleTime is how long settling may take beyond ackBy.
func settleTime(ackBy time.Duration) time.Duration {
	return max(0, min(settleBudget, 2900*time.Millisecond-ackBy))
}
