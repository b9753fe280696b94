package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/slack-go/slack"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/health"
	"github.com/hirebot/hirebot/bot/live"
	"github.com/hirebot/hirebot/bot/metrics"
	"github.com/hirebot/hirebot/bot/remind"
	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/bot/socket"
	"github.com/hirebot/hirebot/internal/idlemem"
)

// serveCmd runs "hirebot serve": the configuration from the environment,
// then serve.
func serveCmd(ctx context.Context, args []string, stderr io.Writer) int {
	return withConfig("serve", args, stderr, func(c config) int {
		if err := c.checkServe(); err != nil {
			return configFailed(stderr, err)
		}
		return serve(ctx, c, stderr)
	})
}

// serve runs the bot with configuration c until ctx is cancelled (SIGINT or
// SIGTERM). It never reads the environment. It returns 2 when Slack refuses
// a token, 1 on another failure to start, 0 after a clean stop.
func serve(ctx context.Context, c config, stderr io.Writer) int {
	log := newLogger(c, stderr)
	redis.SetLogger(sessions.RedisLogger{Log: log})
	pack, err := loadPack(c.KnowledgeDir)
	if err != nil {
		log.Error("knowledge", "err", err)
		return 1
	}
	client, closeStore, err := openStore(ctx, c.RedisURL, log)
	if err != nil {
		log.Error("session store", "err", err)
		return 1
	}
	defer closeStore()
	opts := sessions.Options{TTL: c.SessionTTL, CandidateTTL: c.CandidateTTL, RecordRetention: c.RecordRetention, LiveGrace: live.Grace}
	if c.RemindMax > 0 {
		opts.RemindAfter = c.RemindAfter
	}
	store := sessions.New(client, opts)
	if c.RedisURL != "" {
		pingStore(ctx, store, log)
	}
	m := metrics.New()
	ver, rev, gov := buildInfo()
	m.SetBuild(metrics.Build{Version: ver, Commit: rev, GoVersion: gov})
	client.AddHook(m.RedisHook(sessions.Operation))
	a := newApp(c, pack, store, log)

	// OptionRetry wraps the HTTP client, so it must come after
	// OptionHTTPClient: the other way round, 429s are not retried.
	api := slack.New(c.BotToken, slack.OptionAppLevelToken(c.AppToken),
		slack.OptionAPIURL(c.APIURL), slack.OptionHTTPClient(slackHTTPClient(c)), slack.OptionRetry(3))
	// The live message's updates go through a client that does not retry:
	// Live itself waits out a Retry-After, however long, without holding a
	// call (or a flusher) open meanwhile.
	liveAPI := slack.New(c.BotToken, slack.OptionAPIURL(c.APIURL), slack.OptionHTTPClient(slackHTTPClient(c)))
	messages := live.New(socket.NewPoster(liveAPI), a.jd, store, log, 0)
	listener := socket.New(socket.Config{
		Connections: c.Connections, ShutdownTimeout: c.ShutdownTimeout, PingTimeout: c.PingTimeout, Workers: c.Workers,
		CallTimeout: c.slackTimeout(), StartBackoff: socket.Backoff(c.StartRetry),
	}, socket.Deps{API: api, Router: a.router, Delivery: socket.NewDelivery(api, log).WithLive(messages).WithAnnouncer(a.interview, store),
		Claims: store, Outbox: store, Log: log, Observer: m})

	if c.RemindMax > 0 {
		reminders := remind.New(remind.Config{After: c.RemindAfter, Every: c.RemindEvery, Max: c.RemindMax}, store,
			func(ctx context.Context, key hirebot.SessionKey, id string) (scorecard.Candidate, error) {
				return store.Scope(key, nil, "").Candidate(ctx, id)
			}, socket.NewPoster(api), c.InterviewCmd, log)
		go reminders.Run(ctx)
	}

	srv, err := startHTTP(c.HTTPAddr, health.Handler([]health.Check{
		{Name: "slack", Fn: func(context.Context) error {
			if listener.Connected() == 0 {
				return errors.New("no Socket Mode connection is open")
			}
			return nil
		}},
		{Name: "store", Fn: store.Ping, Explain: storeReason},
	}, m.Handler(), log), log)
	if err != nil {
		log.Error("http", "err", err)
		return 1
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()

	// Between bursts of work, hand the heap's freed pages back.
	idle, stopIdle := context.WithCancel(ctx)
	defer stopIdle()
	go idlemem.New(idlemem.Default, log).Run(idle)

	log.Info("hirebot starting", "connections", c.Connections, "commands", a.router.SlashNames(),
		"api_url", c.APIURL, "http_addr", c.HTTPAddr)
	if err := listener.Run(ctx); err != nil {
		var refused *socket.RefusedError
		if errors.As(err, &refused) {
			log.Error(refusedMessage(refused), "code", refused.Code)
			return 2
		}
		log.Error("hirebot stopped", "err", err)
		return 1
	}
	log.Info("hirebot stopped")
	return 0
}

// slackCallTimeout bounds every Slack Web API call and the WebSocket
// handshake: a Slack that accepts the connection and never answers must not
// hang the bot.
const slackCallTimeout = 10 * time.Second

// backoff bounds the waits between start-up attempts (socket.Backoff).
type backoff struct{ Initial, Max time.Duration }

// slackHTTPClient is the Web API client: every call has a deadline, and
// reconnects of the sockets beyond the first ones are jittered.
func slackHTTPClient(c config) *http.Client {
	return &http.Client{
		Timeout:   c.slackTimeout(),
		Transport: socket.ReconnectJitter(http.DefaultTransport, c.Connections, time.Second),
	}
}

// slackTimeout is the deadline of one Slack call.
func (c config) slackTimeout() time.Duration {
	if c.SlackTimeout > 0 {
		return c.SlackTimeout
	}
	return slackCallTimeout
}

// refusedMessage is the one line that says which token Slack refused and
// what to do.
func refusedMessage(r *socket.RefusedError) string {
	name, where := "SLACK_BOT_TOKEN", "the Bot User OAuth Token (xoxb-…) under OAuth & Permissions"
	if r.Token == "app" {
		name, where = "SLACK_APP_TOKEN", "an app-level token (xapp-…) with connections:write under Basic Information"
	}
	return fmt.Sprintf("Slack refused %s (%s): check it is %s of an installed app, or try hirebot without Slack: hirebot shell", name, r.Code, where)
}

// openStore connects to REDIS_URL, or starts the embedded store when it is
// not set.
func openStore(ctx context.Context, url string, log *slog.Logger) (redis.UniversalClient, func(), error) {
	if url == "" {
		log.Warn("REDIS_URL is not set: using an embedded in-process store. Drafts and interview kits are lost on restart, and replicas can't share them; set REDIS_URL for production.")
		return sessions.OpenEmbedded()
	}
	client, err := sessions.Open(ctx, url)
	if err != nil {
		return nil, nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	return client, func() { _ = client.Close() }, nil
}

// pingStore asks the store for an answer at start-up and logs why there is
// none: credentials Redis refuses (an error: it will not pass by itself),
// or a Redis that is not answering yet. The bot starts either way, not
// ready, and answers knowledge lookups meanwhile.
func pingStore(ctx context.Context, store *sessions.Store, log *slog.Logger) {
	pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	err := store.Ping(pctx)
	if reason := storeReason(err); reason != "" {
		log.Error(reason+"; session commands say storage is unavailable and /readyz says the store is down until REDIS_URL is fixed", "err", err)
	} else if err != nil {
		log.Warn("Redis is not answering yet; session commands will say storage is unavailable until it does", "err", err)
	}
}

// storeReason words a cause of the store being down that the operator must
// act on — credentials Redis refuses — naming the setting to fix, and
// returns "" for any other cause. The words hold no host, port, user name
// or password: /readyz shows them.
func storeReason(err error) string {
	var ce *sessions.CredentialsError
	switch {
	case !errors.As(err, &ce):
		return ""
	case ce.Missing:
		return "Redis refused the credentials: it requires a password and REDIS_URL gives none (redis://:PASSWORD@host:port/db)"
	}
	return "Redis refused the credentials in REDIS_URL: check the user name and password (redis://[USER]:PASSWORD@host:port/db)"
}

// startHTTP serves health and metrics on addr in the background.
func startHTTP(addr string, h http.Handler, log *slog.Logger) (*http.Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on HIREBOT_HTTP_ADDR %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server", "err", err)
		}
	}()
	log.Info("health and metrics listening", "addr", ln.Addr().String())
	return srv, nil
}

// newLogger builds the structured logger HIREBOT_LOG_* ask for.
func newLogger(c config, w io.Writer) *slog.Logger {
	level, _ := parseLevel(c.LogLevel)
	opts := &slog.HandlerOptions{Level: level}
	if c.LogFormat == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}
