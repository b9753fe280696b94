// Package socket connects hirebot to Slack over Socket Mode: it keeps the
// connections open, acks every envelope (a state-changing request only once
// its change is durable), turns payloads into requests, runs them through
// the router in a bounded pool, and delivers the replies through the Web
// API or response_url.
package socket

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/dedup"
)

// Config tunes a Listener. Zero values take the defaults.
type Config struct {
	Connections     int           // Socket Mode connections (default 2, at most 10)
	Workers         int           // requests handled at once (default DefaultWorkers())
	EventTimeout    time.Duration // per request (default 10 s)
	ShutdownTimeout time.Duration // to finish in-flight work (default 10 s)
	// PingTimeout is how long a socket may go without a ping from Slack
	// before it is taken for dead and reopened (default slack-go's 30 s).
	PingTimeout time.Duration
	// CallTimeout bounds every Slack call the listener makes itself
	// (auth.test) and the WebSocket handshake (default 10 s).
	CallTimeout time.Duration
	// StartBackoff spaces out auth.test attempts while Slack cannot be
	// reached at start-up.
	StartBackoff Backoff
	// AckBy bounds the work done before a state-changing request is acked,
	// from its receipt (default 2.3 s, inside Slack's 3 s: settling a write
	// whose outcome is unknown then may take until 2.6 s).
	AckBy time.Duration
}

// Claims settles a request's claim. Every request that may change state
// is served with a dedup.Claim in bot.Request.Claim, carrying what it is
// owed after its ack (the reply's way back, for the outbox): its first
// write to the store records both, and the router's Dedup middleware
// records a claim no write recorded.
//
// Fence settles a claim whose write was sent but whose outcome is unknown:
// dedup.Applied if it landed, dedup.Duplicate if another delivery recorded
// the claim, dedup.NotApplied once no write carrying it can ever apply; an
// error if storage could not be asked.
type Claims interface {
	Fence(ctx context.Context, c *dedup.Claim) (dedup.Settled, error)
}

// Observer is told what the listener does, for metrics. Every method must
// be safe for concurrent use and quick.
type Observer interface {
	Envelope(kind string)
	Acked(d time.Duration)
	Connection(up bool)
	Reconnected()
	Handled(command string, d time.Duration, errKind string)
}

// Deps are what a Listener needs.
type Deps struct {
	API    *slack.Client
	Router *bot.Router // in its request policies (bot.Router.Use)
	// Delivery posts the replies, keeping live messages current through
	// its Live.
	Delivery *Delivery
	Claims   Claims // may be nil: then nothing is deduplicated
	// Outbox keeps replies owed after an ack until delivered; may be nil:
	// then a replica that dies after an ack takes its replies with it.
	Outbox   Outbox
	Log      *slog.Logger
	Observer Observer // may be nil
}

// DefaultWorkers returns how many requests a listener handles at once
// unless told: twice the CPUs Go may use, and at least 4. Few workers keep
// the cores free for acking: at concurrency 32 on two cores, 4 workers
// answer /interview and /jd add as fast as 8 (and 8 as fast as 64), with
// an ack p99 1.5–3 ms lower (BENCHMARKS.md). A worker waits while Slack or
// Redis is slow, so a replica talking to a slow Redis or a rate-limited
// Slack may want more.
func DefaultWorkers() int { return max(4, 2*runtime.GOMAXPROCS(0)) }

// Listener serves Slack over Socket Mode.
type Listener struct {
	cfg       Config
	deps      Deps
	router    *bot.Router
	log       *slog.Logger
	obs       Observer
	botUserID string
	answers   answers // rendered quick answers; has its own lock

	// jobs queues acked requests for the fixed pool of workers, so a
	// burst costs queue slots, not goroutines. It holds pointers: an
	// empty slot then costs 8 bytes, not a whole job (2.8 MB for the
	// queue before a single request).
	jobs chan *job
	work sync.WaitGroup
	// deliveries holds a slot for each reply being delivered after its
	// ack, outside the pool (see serveBeforeAck).
	deliveries chan struct{}
	// marks are replies delivered, waiting to be marked so in the outbox
	// (see markDelivered, which closes marked once done).
	marks  chan dedup.Ref
	marked chan struct{}
	// stopping is closed when the listener stops taking envelopes.
	stopping <-chan struct{}
	// mu guards closing, which finishWork sets before it waits for work,
	// so that no envelope is acked (and its work added) after the wait
	// has begun.
	mu        sync.Mutex
	closing   bool
	up        []atomic.Bool
	everUp    []atomic.Bool
	connected atomic.Int64
}

// New returns a Listener; Run starts it.
func New(cfg Config, deps Deps) *Listener {
	if cfg.Connections <= 0 {
		cfg.Connections = 2
	}
	cfg.Connections = min(cfg.Connections, 10)
	if cfg.Workers <= 0 {
		cfg.Workers = DefaultWorkers()
	}
	if cfg.EventTimeout <= 0 {
		cfg.EventTimeout = 10 * time.Second
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = 10 * time.Second
	}
	if cfg.CallTimeout <= 0 {
		cfg.CallTimeout = 10 * time.Second
	}
	if cfg.AckBy <= 0 {
		cfg.AckBy = 2300 * time.Millisecond
	}
	obs := deps.Observer
	if obs == nil {
		obs = nopObserver{}
	}
	return &Listener{
		cfg: cfg, deps: deps, router: deps.Router, log: deps.Log, obs: obs,
		jobs: make(chan *job, queueSize), deliveries: make(chan struct{}, maxDeliveries),
		marks: make(chan dedup.Ref, maxMarks), marked: make(chan struct{}), stopping: make(chan struct{}),
		up: make([]atomic.Bool, cfg.Connections), everUp: make([]atomic.Bool, cfg.Connections),
	}
}

// Connected returns how many Socket Mode connections are open now.
func (l *Listener) Connected() int { return int(l.connected.Load()) }

// Run connects and serves until ctx is cancelled, then stops taking new
// envelopes, finishes in-flight work (up to the shutdown timeout), closes
// the sockets and returns nil. While Slack cannot be reached it keeps
// trying, with backoff; it returns a *RefusedError as soon as Slack refuses
// a token.
func (l *Listener) Run(ctx context.Context) error {
	auth, err := l.authenticate(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil // stopped before Slack answered
		}
		return fmt.Errorf("check the bot token with auth.test: %w", err)
	}
	l.botUserID = auth.UserID
	if l.deps.Delivery != nil {
		l.deps.Delivery.SetBotName(auth.User)
	}
	l.log.Info("slack identity", "bot_user", auth.UserID, "team", auth.TeamID)

	l.stopping = ctx.Done()
	for range l.cfg.Workers {
		go l.worker()
	}
	if live := l.live(); live != nil {
		go live.Sweep(ctx)
	}
	go l.drainOwed(ctx)
	// Replies are marked delivered until the work in flight is done.
	marking, stopMarking := context.WithCancel(context.WithoutCancel(ctx))
	defer stopMarking()
	go l.markDelivered(marking)
	sockets, closeSockets := context.WithCancel(context.WithoutCancel(ctx))
	defer closeSockets()
	fatal := make(chan error, l.cfg.Connections)
	var loops sync.WaitGroup
	for i := range l.cfg.Connections {
		opts := []socketmode.Option{socketmode.OptionDialer(&websocket.Dialer{
			Proxy: http.ProxyFromEnvironment, HandshakeTimeout: l.cfg.CallTimeout,
		})}
		if l.cfg.PingTimeout > 0 {
			opts = append(opts, socketmode.OptionPingInterval(l.cfg.PingTimeout))
		}
		client := socketmode.New(l.deps.API, opts...)
		loops.Add(2)
		go func() {
			defer loops.Done()
			if err := client.RunContext(sockets); err != nil && sockets.Err() == nil {
				if r := refusal("app", err); r != nil {
					err = r
				}
				fatal <- fmt.Errorf("socket mode connection %d: %w", i, err)
			}
		}()
		go func() {
			defer loops.Done()
			l.drain(ctx, sockets, client, i)
		}()
	}

	var runErr error
	select {
	case <-ctx.Done():
		l.log.Info("shutting down: no new envelopes; finishing in-flight work",
			"timeout", l.cfg.ShutdownTimeout.String())
	case runErr = <-fatal:
		l.log.Error("socket mode failed", "err", runErr)
	}
	l.finishWork()
	stopMarking()
	<-l.marked
	closeSockets()
	loops.Wait()
	close(l.jobs)
	l.log.Info("sockets closed")
	return runErr
}

// live returns what keeps live messages current, or nil.
func (l *Listener) live() Live {
	if l.deps.Delivery == nil {
		return nil
	}
	return l.deps.Delivery.live
}

// finishWork waits for in-flight requests and live-message updates, up to
// the shutdown timeout.
func (l *Listener) finishWork() {
	l.mu.Lock()
	l.closing = true
	l.mu.Unlock()
	done := make(chan struct{})
	go func() {
		l.work.Wait()
		if live := l.live(); live != nil {
			live.Wait()
		}
		close(done)
	}()
	select {
	case <-done:
		l.log.Info("in-flight work finished")
	case <-time.After(l.cfg.ShutdownTimeout):
		l.log.Warn("shutdown timeout: some work did not finish", "timeout", l.cfg.ShutdownTimeout.String())
	}
}

// drain is the one loop that reads a client's events. It never blocks on
// work: requests are acked here and handled in the pool.
func (l *Listener) drain(ctx, sockets context.Context, client *socketmode.Client, conn int) {
	for {
		select {
		case <-sockets.Done():
			return
		case evt, ok := <-client.Events:
			if !ok {
				return
			}
			if ctx.Err() != nil && evt.Request != nil && evt.Request.EnvelopeID != "" {
				continue // shutting down: left unacked, Slack hands it to another connection
			}
			l.event(ctx, client, conn, evt)
		}
	}
}

// event handles one Socket Mode event.
func (l *Listener) event(ctx context.Context, client *socketmode.Client, conn int, evt socketmode.Event) {
	log := l.log.With("conn", conn)
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		l.setUp(conn, false)
		log.Info("socket connecting")
	case socketmode.EventTypeConnected:
		if l.everUp[conn].Swap(true) {
			l.obs.Reconnected()
		}
		l.setUp(conn, true)
		log.Info("socket connected")
	case socketmode.EventTypeConnectionError:
		l.setUp(conn, false)
		log.Warn("socket connection error", "err", fmt.Sprint(evt.Data))
	case socketmode.EventTypeDisconnect:
		l.setUp(conn, false)
		log.Info("socket disconnect requested by slack")
	case socketmode.EventTypeHello:
		if evt.Request != nil {
			log.Info("socket hello", "num_connections", evt.Request.NumConnections)
		}
	case socketmode.EventTypeSlashCommand, socketmode.EventTypeInteractive, socketmode.EventTypeEventsAPI:
		l.envelope(ctx, client, log, evt)
	case socketmode.EventTypeErrorBadMessage:
		l.unreadable(ctx, client, log, evt)
	default:
		log.Debug("socket event", "type", string(evt.Type))
	}
}

// setUp records whether connection conn is open.
func (l *Listener) setUp(conn int, up bool) {
	if l.up[conn].Swap(up) != up {
		if up {
			l.connected.Add(1)
		} else {
			l.connected.Add(-1)
		}
		l.obs.Connection(up)
	}
}

// envelope takes a request envelope. A quick command is answered in its
// ack at once. A request that may change state (a slash command, a button,
// a form) is queued unacked: a worker acks it only once its change is
// durable or certainly not made (see serveBeforeAck), so no change Slack saw
// acked dies with this process. Everything else is acked at once and then
// handled in the pool.
func (l *Listener) envelope(ctx context.Context, client *socketmode.Client, log *slog.Logger, evt socketmode.Event) {
	start := time.Now()
	kind := envelopeKind(evt)
	l.obs.Envelope(kind)
	if evt.Request == nil {
		return
	}
	if !l.startWork() {
		return // shutting down: left unacked, Slack hands it to another connection
	}
	inAck, pre := l.answerInAck(ctx, client, log, start, evt)
	if inAck {
		l.work.Done()
		return
	}
	var (
		req bot.Request
		o   origin
		ok  bool
	)
	switch d := evt.Data.(type) {
	case slack.SlashCommand:
		req, o, ok = l.decodeSlash(d)
	case slack.InteractionCallback:
		req, o, ok = l.decodeInteraction(d)
	case slackevents.EventsAPIEvent:
		req, o, ok = l.decodeEvent(d)
	}
	j := &job{ctx: context.WithoutCancel(ctx), log: log, req: req, o: o, received: start,
		envelope: evt.Request.EnvelopeID, retry: evt.Request.RetryAttempt, retryReason: evt.Request.RetryReason, pre: pre}
	if ok && pre == nil && req.Source != bot.Mention && req.Source != bot.Direct && req.Source != bot.Home {
		j.client = client // acked by the worker, once the change is durable
	} else {
		l.ack(ctx, client, log, evt.Request.EnvelopeID, start)
	}
	if !ok {
		l.work.Done()
		log.Debug("envelope ignored", "type", kind, "envelope", evt.Request.EnvelopeID)
		return
	}
	l.finish(&j.req)
	j.id = dedupID(req.Team, evt.Request)
	// When the queue is full this blocks the drain loop: new envelopes wait
	// unacked (and Slack redelivers them) instead of piling up in memory.
	l.jobs <- j
}

// ack acks the envelope id with no payload. The ack must go out even if
// shutdown begins now: the work it promises is done or durable.
func (l *Listener) ack(ctx context.Context, client *socketmode.Client, log *slog.Logger, id string, start time.Time) {
	l.ackWith(ctx, client, log, id, start, nil)
}

// ackWith acks the envelope id with payload (nil for none).
func (l *Listener) ackWith(ctx context.Context, client *socketmode.Client, log *slog.Logger, id string, start time.Time, payload any) {
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	err := client.AckCtx(actx, id, payload)
	cancel()
	if err != nil {
		log.Warn("ack failed", "envelope", id, "err", err)
	}
	l.obs.Acked(time.Since(start))
}

// queueSize is how many acked requests may wait for a worker.
const queueSize = 8192

// job is one acked request waiting for a worker. It holds no more than
// the request needs, since up to queueSize of them wait at once; the
// request's logger is made when a worker takes it.
type job struct {
	ctx         context.Context
	log         *slog.Logger // the connection's
	id          string       // names the request for deduplication
	req         bot.Request
	o           origin
	envelope    string
	retry       int
	retryReason string
	pre         *answered // the reply, when it was worked out before the ack
	received    time.Time // when the envelope was read
	// client, when not nil, is where the envelope is still to be acked:
	// after its change is durable (see serveBeforeAck).
	client *socketmode.Client
}

// logger returns the logger of j's request: the connection's, with who
// asked what, where, in which envelope.
func (j *job) logger() *slog.Logger {
	log := j.log.With("team", j.req.Team, "channel", j.req.Channel, "user", j.req.User,
		"command", j.req.Command, "action", j.req.Action, "envelope", j.envelope)
	if j.retry > 0 {
		log = log.With("retry_attempt", j.retry, "retry_reason", j.retryReason)
	}
	return log
}

// worker handles queued requests until the queue is closed.
func (l *Listener) worker() {
	for j := range l.jobs {
		if j.client != nil {
			l.serveBeforeAck(j)
		} else {
			l.process(j.ctx, j.logger(), j.id, j.req, j.o, j.pre)
		}
		l.work.Done()
	}
}

// startWork counts one more request in flight, unless shutdown has begun.
func (l *Listener) startWork() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closing {
		return false
	}
	l.work.Add(1)
	return true
}

// process runs one request acked on receipt: route, deduplicate,
// deliver. The request carries its claim, which its first write to the
// store records (the router's Dedup records it if nothing wrote); a
// second delivery of the request finds the claim recorded
// (dedup.ErrDuplicate) and is dropped before it changes or says anything.
// pre, if not nil, is the reply of a quick command worked out before the
// ack: its handler is not run again, and a quick command, which changes
// nothing, has no claim (a redelivered lookup is answered again).
func (l *Listener) process(ctx context.Context, log *slog.Logger, id string, req bot.Request, o origin, pre *answered) {
	ctx, cancel := context.WithTimeout(ctx, l.cfg.EventTimeout)
	defer cancel()
	start := time.Now()
	var (
		reply bot.Reply
		err   error
	)
	if pre != nil {
		reply, err = pre.reply, pre.err
	} else {
		if l.deps.Claims != nil {
			req.Claim = dedup.NewClaim(req.Team, req.Channel, id)
		}
		reply, err = l.router.Serve(ctx, req)
	}
	l.deliver(ctx, log, id, req, o, reply, err, start)
}

// deliver sends the reply of a request handled since start, unless it was
// a second delivery (dedup.ErrDuplicate).
func (l *Listener) deliver(ctx context.Context, log *slog.Logger, id string, req bot.Request, o origin, reply bot.Reply, err error, start time.Time) {
	if errors.Is(err, dedup.ErrDuplicate) {
		log.Info("duplicate envelope ignored", "dedup_id", id)
		return
	}
	l.obs.Handled(req.Command, time.Since(start), errKind(err))
	if err := l.deps.Delivery.Deliver(ctx, req, o, reply); err != nil {
		level := slog.LevelWarn
		if errors.Is(err, context.DeadlineExceeded) {
			level = slog.LevelError
		}
		log.Log(ctx, level, "delivering the reply failed", "err", err)
		return
	}
	log.Debug("handled", "took", time.Since(start).String())
}

// errKind names the kind of a handler's error for metrics: "" for none.
func errKind(err error) string {
	if err == nil {
		return ""
	}
	return hirebot.KindOf(err).String()
}

type nopObserver struct{}

func (nopObserver) Envelope(string)                       {}
func (nopObserver) Acked(time.Duration)                   {}
func (nopObserver) Connection(bool)                       {}
func (nopObserver) Reconnected()                          {}
func (nopObserver) Handled(string, time.Duration, string) {}
