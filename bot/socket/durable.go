package socket

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/dedup"
)

// settleBudget is how long after AckBy a request whose write has an unknown
// outcome may take to learn it (fence its claim).
const settleBudget = 300 * time.Millisecond

// latestAck is the latest, after receipt, that settling may end: the ack
// still has to travel, and Slack waits 3 s from sending, which is earlier
// than receipt by however long the socket and slack-go took.
const latestAck = 2600 * time.Millisecond

// markBy is the latest, after receipt, that the live message's marker may
// be written before the ack.
const markBy = latestAck + 100*time.Millisecond

// minServe is the least time worth starting a request with: a request
// taken from the queue with less left before its AckBy is not started.
const minServe = 50 * time.Millisecond

// Settling after the ack: how long to wait between fences that could not
// reach the store, at first and at most.
const (
	settleFirstWait = 100 * time.Millisecond
	settleMaxWait   = 5 * time.Second
)

// serveBeforeAck handles a request that may change state, and acks its
// envelope only once the outcome is certain, or is being found out: the
// change is durable in the store, or certainly not made. A crash before
// the ack leaves the envelope unacked, and Slack redelivers it to another
// connection; the request's claim makes the redelivery change nothing if
// the first delivery's write landed. The request's first write records
// its claim with what the request is owed (the outbox entry: enough to
// serve it again and answer), so the answer outlives this replica at no
// extra round trip. The work before the ack has until AckBy after
// receipt; a write whose outcome is still unknown then is settled by
// fencing its claim (see settle), and if even that cannot reach the store
// in time, after the ack (see settleLate), when the user is told the
// definite outcome. A change to a draft has marked its live message behind
// in its own write (sessions.Options.LiveGrace); a second delivery marks it
// due at once (see live.Live.Expect). The reply is delivered after the ack.
func (l *Listener) serveBeforeAck(j *job) {
	log := j.logger()
	req := j.req
	if l.deps.Claims != nil {
		req.Claim = dedup.NewClaim(req.Team, req.Channel, j.id)
		req.Claim.Owed = l.owing(log, j, req)
	}
	start := time.Now()
	deadline := j.received.Add(l.cfg.AckBy)
	var (
		reply bot.Reply
		err   error
	)
	if time.Until(deadline) < minServe {
		err = bot.ErrNoTime
		reply = bot.ErrorReply(err, "")
	} else {
		sctx, cancel := context.WithDeadline(j.ctx, deadline)
		reply, err = l.router.Serve(sctx, req)
		cancel()
	}
	landed, unknown := false, false
	if req.Claim.Unsettled() {
		switch settled, ferr := l.settle(j, req); {
		case ferr != nil:
			log.Warn("fencing a write with an unknown outcome failed: it is found out after the ack", "err", ferr)
			reply, err = bot.ErrorReply(dedup.ErrUnsettled, ""), dedup.ErrUnsettled
			unknown = true
		case settled == dedup.Duplicate:
			reply, err = bot.Reply{}, dedup.ErrDuplicate
		case settled == dedup.NotApplied:
			log.Info("a write with an unknown outcome was fenced off: told it did not happen")
		default:
			landed = true // the claim stays pending: a write carrying it again reports what landed
		}
	}
	if live := l.live(); live != nil && errors.Is(err, dedup.ErrDuplicate) {
		// Another delivery made the change; its replica may be gone before
		// the live message showed it. (A change's own write marked it.)
		// The marker must not make the ack late: past markBy it is skipped.
		mctx, mcancel := context.WithDeadline(j.ctx, j.received.Add(markBy))
		live.Expect(mctx, req.Session(), true)
		mcancel()
	}
	if errs, ok := bot.FormErrors(req, reply, err); ok && !errors.Is(err, dedup.ErrDuplicate) {
		// A refused form stays open with the reason beside the input it
		// is about, so nothing typed is lost; no reply is owed.
		l.ackWith(j.ctx, j.client, log, j.envelope, j.received, formErrorsAck{Action: "errors", Errors: errs})
		l.obs.Handled(req.Command, time.Since(start), errKind(err))
		if req.Claim.Owes() {
			l.delivered(req, j.id)
		}
		log.Info("form refused: the reason is shown in the form", "kind", errKind(err))
		return
	}
	// The reply owed after the ack is kept in the outbox before it, so
	// that it outlives this replica: the claim's write recorded it, unless
	// nothing recorded the claim (a write fenced off, a store that failed);
	// then the reply itself is kept, while there is time before the ack
	// must go out (a store too slow for it leaves the reply to this replica
	// alone). Another delivery of a request that was applied, whose change
	// is durable already, is acked at once and answered after (see
	// answerDuplicate).
	duplicate := errors.Is(err, dedup.ErrDuplicate)
	owes := req.Claim.Owes() || (landed && owedWith(req.Claim))
	if !duplicate && !unknown && !owes {
		octx, ocancel := context.WithDeadline(j.ctx, j.received.Add(latestAck))
		answer := l.owe(octx, log, j, req, reply)
		ocancel()
		if !answer {
			l.ack(j.ctx, j.client, log, j.envelope, j.received)
			log.Info("another delivery of the request answers it", "dedup_id", j.id)
			l.deliver(j.ctx, log, j.id, req, j.o, bot.Reply{}, dedup.ErrDuplicate, start)
			return
		}
	}
	l.ack(j.ctx, j.client, log, j.envelope, j.received)
	// The reply goes out beside the pool: a worker's time is for the work
	// that must end before an ack, and a slow Slack must not make the
	// requests queued behind this one miss their ack.
	l.work.Add(1)
	go func() {
		defer l.work.Done()
		l.afterAck(j, log, req, reply, err, start, duplicate, landed, unknown)
	}()
}

// slot holds one of the maxDeliveries slots of replies being delivered
// after their acks; the func gives it back.
func (l *Listener) slot() func() {
	l.deliveries <- struct{}{}
	return func() { <-l.deliveries }
}

// afterAck answers an acked request: another delivery of it from what the
// first recorded (duplicate), a change whose outcome was not known at the
// ack once it is (unknown), and a write that landed before its reply was
// lost from the result it recorded (landed).
// A delivery slot is held while it works, not while it waits for the
// store to settle a change.
func (l *Listener) afterAck(j *job, log *slog.Logger, req bot.Request, reply bot.Reply, err error, start time.Time, duplicate, landed, unknown bool) {
	if unknown {
		// Say at once that the answer is coming, then find it out.
		free := l.slot()
		ctx, cancel := context.WithTimeout(j.ctx, l.cfg.EventTimeout)
		l.deliver(ctx, log, j.id, req, j.o, reply, err, start)
		cancel()
		free()
		settled, ok := l.settleLate(j, log, req)
		switch {
		case !ok:
			return // shutting down: left to the outbox, if the change landed
		case settled == dedup.Duplicate:
			return // another delivery applied it, and answers
		case settled == dedup.NotApplied:
			log.Info("a write whose outcome was unknown at the ack was fenced off: told it was not saved")
			reply, err = bot.NotSavedReply(), dedup.ErrFenced
		default:
			landed = true
		}
	}
	defer l.slot()()
	ctx, cancel := context.WithTimeout(j.ctx, l.cfg.EventTimeout)
	defer cancel()
	if duplicate {
		var answer bool
		if answer, reply, err = l.answerDuplicate(ctx, log, j, req); !answer {
			l.deliver(ctx, log, j.id, req, j.o, bot.Reply{}, dedup.ErrDuplicate, start)
			return
		}
		req.Claim = nil // served as the delivery that applied it: nothing left to record
	}
	if landed {
		// Durable, and acked: now there is time to read the first
		// application's result back, for the reply.
		log.Info("a write whose reply was lost had landed: serving the request again for its result")
		if reply, err = l.router.Serve(ctx, req); err != nil {
			log.Warn("the change landed but its result could not be read back", "err", err)
			reply, err = bot.SavedReply(), nil
		}
	}
	l.deliver(ctx, log, j.id, req, j.o, reply, err, start)
	l.delivered(req, j.id)
}

// maxDeliveries caps the replies being delivered at once, after their
// acks, beside the worker pool.
const maxDeliveries = 64

// settle learns the outcome of a write that was sent with req's claim but
// whose reply did not come back in time, by fencing the claim: Applied if
// the write landed, Duplicate if another delivery recorded the claim,
// NotApplied once the tombstone is in place (the write can no longer
// apply, so a failure reply is true). It keeps trying until settleBy after
// receipt; an error means storage could not be asked by then.
func (l *Listener) settle(j *job, req bot.Request) (dedup.Settled, error) {
	by := j.received.Add(settleBy(l.cfg.AckBy))
	ctx, cancel := context.WithDeadline(j.ctx, by)
	defer cancel()
	for attempt := 0; ; attempt++ {
		settled, err := l.deps.Claims.Fence(ctx, req.Claim)
		if err == nil {
			return settled, nil
		}
		wait := time.Duration(attempt+1) * 20 * time.Millisecond
		if time.Now().Add(wait).After(by) {
			return settled, err
		}
		time.Sleep(wait)
	}
}

// settleLate learns, after the ack, the outcome of a write settle could
// not: it fences the claim until the store answers, waiting longer between
// tries (settleFirstWait to settleMaxWait), for as long as the request's
// answer can still reach the user (owedMaxAge from receipt). It reports
// false when the listener stops first (or that time runs out): a change
// that landed is then answered from the outbox, by any replica.
func (l *Listener) settleLate(j *job, log *slog.Logger, req bot.Request) (dedup.Settled, bool) {
	wait := settleFirstWait
	for {
		ctx, cancel := context.WithTimeout(j.ctx, time.Second)
		settled, err := l.deps.Claims.Fence(ctx, req.Claim)
		cancel()
		if err == nil {
			return settled, true
		}
		if time.Since(j.received)+wait > owedMaxAge {
			log.Warn("the outcome of a change could not be found out while its answer could still reach the user", "err", err)
			return settled, false
		}
		select {
		case <-l.stopping:
			log.Warn("shutting down before the outcome of a change was found out", "err", err)
			return settled, false
		case <-time.After(wait):
		}
		wait = min(2*wait, settleMaxWait)
	}
}

// owedWith reports whether a write carrying claim c records what the
// request is owed with it: then a write of c that landed left it in the
// outbox.
func owedWith(c *dedup.Claim) bool { return c != nil && c.Owed != nil && c.Channel != "" }

// settleBy is how long after receipt settling may go on: settleBudget
// beyond ackBy, and never so late that the ack would miss Slack's 3 s.
func settleBy(ackBy time.Duration) time.Duration {
	return min(ackBy+settleBudget, latestAck)
}

// formErrorsAck is the ack of a refused view submission: Slack keeps the
// modal open and shows each message under the input block it names.
type formErrorsAck struct {
	Action string            `json:"response_action"`
	Errors map[string]string `json:"errors"`
}
