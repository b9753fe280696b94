package sessions

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/hirebot/hirebot"
	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"
)

// Client settings that make a Redis outage answer quickly: a command to a
// Redis that is down fails within about 1–2 s instead of hanging, and the
// client redials by itself once Redis is back.
const (
	dialTimeout  = time.Second
	ioTimeout    = time.Second
	poolTimeout  = time.Second
	maxRetries   = 1
	dialAttempts = 2
)

// Open returns a client for the Redis at url. It does not wait for Redis:
// a bot whose Redis is down at start-up still answers knowledge lookups and
// reports not ready until Redis answers (see Store.Ping). The forms
// of url are:
//
//	redis://[user:pass@]host:port[/db]          one server
//	rediss://[user:pass@]host:port[/db]         one server over TLS
//	redis+cluster://[user:pass@]host:port,host:port,…   Redis Cluster (seed nodes)
//	rediss+cluster://…                          Redis Cluster over TLS
//	redis+sentinel://[user:pass@]host:port,host:port/master-name[/db]   Sentinel
//	rediss+sentinel://…                         Sentinel, and the master, over TLS
//
// The port defaults to 6379 (26379 for Sentinel). User and password may be
// percent-encoded; with Sentinel they are the master's credentials, not
// the sentinels'. Query parameters are not accepted. Any other form is an
// error that says what is wrong with it, and never repeats the password.
//
// The client has short timeouts (1 s to dial, read and write, one retry),
// so with a context deadline a Redis that is down answers within about
// 1–2 s, and it reconnects by itself when Redis is back.
func Open(_ context.Context, url string) (redis.UniversalClient, error) {
	ep, err := parseURL(url)
	if err != nil {
		return nil, err
	}
	return ep.client(), nil
}

// CheckURL reports what is wrong with a Redis URL of the forms Open takes,
// without connecting. The error never repeats the password.
func CheckURL(url string) error {
	_, err := parseURL(url)
	return err
}

// OpenEmbedded starts an in-process Redis (miniredis) and returns a client
// for it. Its data lives in memory and is lost when the process ends; keys
// expire as on a real Redis (TTLs are advanced once a second). It listens
// on 127.0.0.1 only and requires a random password that only this process
// knows, so other local users cannot read or change its sessions. The func
// stops the client and the server.
func OpenEmbedded() (redis.UniversalClient, func(), error) {
	secret := make([]byte, 24)
	if _, err := rand.Read(secret); err != nil {
		return nil, nil, fmt.Errorf("sessions: embedded redis password: %w", err)
	}
	password := hex.EncodeToString(secret)
	m := miniredis.NewMiniRedis()
	m.RequireAuth(password)
	if err := m.Start(); err != nil {
		return nil, nil, fmt.Errorf("sessions: start embedded redis: %w", err)
	}
	c := redis.NewClient(&redis.Options{Addr: m.Addr(), Password: password,
		DisableIdentity: true, MaintNotificationsConfig: noMaintNotifications(), PipelinePoolSize: noPipelinePool})
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		last := time.Now()
		for {
			select {
			case <-stop:
				return
			case now := <-tick.C:
				m.FastForward(now.Sub(last))
				last = now
			}
		}
	}()
	return c, func() {
		close(stop)
		<-done
		c.Close()
		m.Close()
	}, nil
}

// mode is the kind of Redis deployment a URL names.
type mode int

const (
	single mode = iota
	cluster
	sentinel
)

// endpoint is a parsed Redis URL.
type endpoint struct {
	mode     mode
	tls      bool
	addrs    []string // host:port
	username string
	password string
	db       int
	master   string // Sentinel master name
}

// parseURL parses the URL forms documented on Open.
func parseURL(raw string) (endpoint, error) {
	var ep endpoint
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return ep, urlError("it has no scheme")
	}
	defaultPort := "6379"
	switch scheme {
	case "redis", "rediss":
		ep.mode = single
	case "redis+cluster", "rediss+cluster":
		ep.mode = cluster
	case "redis+sentinel", "rediss+sentinel":
		ep.mode, defaultPort = sentinel, "26379"
	default:
		return ep, urlError(fmt.Sprintf("unknown scheme %q", scheme))
	}
	ep.tls = strings.HasPrefix(scheme, "rediss")
	if strings.ContainsAny(rest, "?#") {
		return ep, urlError("query parameters and fragments are not supported")
	}

	authority, path, _ := strings.Cut(rest, "/")
	if at := strings.LastIndex(authority, "@"); at >= 0 {
		var err error
		if ep.username, ep.password, err = parseUserinfo(authority[:at]); err != nil {
			return ep, err
		}
		authority = authority[at+1:]
	}
	for h := range strings.SplitSeq(authority, ",") {
		addr, err := parseHost(h, defaultPort)
		if err != nil {
			return ep, err
		}
		ep.addrs = append(ep.addrs, addr)
	}
	if ep.mode == single && len(ep.addrs) > 1 {
		return ep, urlError("redis:// takes one host; use redis+cluster:// or redis+sentinel:// for several")
	}
	return ep, ep.parsePath(path)
}

// parsePath reads the part of the URL after the hosts: [db] for one
// server, nothing for a cluster, master-name[/db] for Sentinel.
func (ep *endpoint) parsePath(path string) error {
	var parts []string
	if path = strings.Trim(path, "/"); path != "" {
		parts = strings.Split(path, "/")
	}
	switch ep.mode {
	case cluster:
		if len(parts) > 0 {
			return urlError("a cluster has no database number; remove the path after the hosts")
		}
		return nil
	case sentinel:
		if len(parts) == 0 || parts[0] == "" {
			return urlError("a sentinel URL needs the master name: redis+sentinel://host:26379,host:26379/mymaster")
		}
		ep.master, parts = parts[0], parts[1:]
	}
	switch len(parts) {
	case 0:
		return nil
	case 1:
		db, err := strconv.Atoi(parts[0])
		if err != nil || db < 0 {
			return urlError(fmt.Sprintf("database %q is not a number", parts[0]))
		}
		ep.db = db
		return nil
	}
	return urlError(fmt.Sprintf("unexpected path %q", "/"+path))
}

// parseUserinfo splits and unescapes "user:pass", ":pass" or "user".
func parseUserinfo(s string) (username, password string, err error) {
	u, p, _ := strings.Cut(s, ":")
	if username, err = url.PathUnescape(u); err != nil {
		return "", "", urlError("the user name is not valid percent-encoding")
	}
	if password, err = url.PathUnescape(p); err != nil {
		return "", "", urlError("the password is not valid percent-encoding")
	}
	return username, password, nil
}

// parseHost returns host[:port] as host:port, with defaultPort if none.
func parseHost(s, defaultPort string) (string, error) {
	if s == "" {
		return "", urlError("a host is missing")
	}
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		var ae *net.AddrError
		if !errors.As(err, &ae) || ae.Err != "missing port in address" {
			return "", urlError(fmt.Sprintf("host %q is not host:port", s))
		}
		host, port = strings.Trim(s, "[]"), defaultPort
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return "", urlError(fmt.Sprintf("host %q has an invalid port", s))
	}
	if host == "" {
		return "", urlError(fmt.Sprintf("host %q has no host name", s))
	}
	return net.JoinHostPort(host, port), nil
}

// urlError reports what is wrong with a Redis URL.
func urlError(problem string) error {
	return hirebot.Errorf(hirebot.Invalid, "invalid Redis URL: %s (forms: redis://[user:pass@]host:port[/db], rediss://…, redis+cluster://host:port,host:port,…, redis+sentinel://host:port,…/master-name[/db])", problem)
}

// client returns a client for ep with the fast-failing settings of Open.
func (ep endpoint) client() redis.UniversalClient {
	var tc *tls.Config
	if ep.tls {
		tc = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	switch ep.mode {
	case cluster:
		return redis.NewClusterClient(&redis.ClusterOptions{
			Addrs: ep.addrs, Username: ep.username, Password: ep.password, TLSConfig: tc,
			DialTimeout: dialTimeout, ReadTimeout: ioTimeout, WriteTimeout: ioTimeout,
			PoolTimeout: poolTimeout, MaxRetries: maxRetries, DialerRetries: dialAttempts,
			ContextTimeoutEnabled: true, DisableIdentity: true, MaintNotificationsConfig: noMaintNotifications(),
			PipelinePoolSize: noPipelinePool, ReadBufferSize: bufferSize, WriteBufferSize: bufferSize,
		})
	case sentinel:
		return redis.NewFailoverClient(&redis.FailoverOptions{
			MasterName: ep.master, SentinelAddrs: ep.addrs,
			Username: ep.username, Password: ep.password, DB: ep.db, TLSConfig: tc,
			DialTimeout: dialTimeout, ReadTimeout: ioTimeout, WriteTimeout: ioTimeout,
			PoolTimeout: poolTimeout, MaxRetries: maxRetries, DialerRetries: dialAttempts,
			ContextTimeoutEnabled: true, DisableIdentity: true, PipelinePoolSize: noPipelinePool,
			ReadBufferSize: bufferSize, WriteBufferSize: bufferSize,
		})
	}
	return redis.NewClient(&redis.Options{
		Addr: ep.addrs[0], Username: ep.username, Password: ep.password, DB: ep.db, TLSConfig: tc,
		DialTimeout: dialTimeout, ReadTimeout: ioTimeout, WriteTimeout: ioTimeout,
		PoolTimeout: poolTimeout, MaxRetries: maxRetries, DialerRetries: dialAttempts,
		ContextTimeoutEnabled: true, DisableIdentity: true, MaintNotificationsConfig: noMaintNotifications(),
		PipelinePoolSize: noPipelinePool, ReadBufferSize: bufferSize, WriteBufferSize: bufferSize,
	})
}

// noPipelinePool opts out of go-redis's dedicated pool for pipelines,
// whose connections carry 128 KiB buffers each way: every write of the
// store is a pipeline of a few small commands, so they share the main
// pool's connections (32 KiB buffers) instead — about 2.5 MiB less heap.
const noPipelinePool = -1

// bufferSize sizes each pooled connection's read and write buffers,
// instead of go-redis's 32 KiB each way: the store's commands and replies
// are a few KiB (a draft, a candidate's scorecards), and a longer value
// is still read and written whole, a buffer at a time. Twenty pooled
// connections then hold 320 KiB of buffers, not 1.3 MiB.
const bufferSize = 8 << 10

// noMaintNotifications turns off go-redis's CLIENT MAINT_NOTIFICATIONS
// handshake. Like CLIENT SETINFO (DisableIdentity), it is refused by Redis
// before 8 and by the embedded store, once per new connection; the refusal
// reaches the metrics hook as an error while nothing is wrong.
func noMaintNotifications() *maintnotifications.Config {
	return &maintnotifications.Config{Mode: maintnotifications.ModeDisabled}
}
