package sessions

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/redis/go-redis/v9"
)

func TestParseURL(t *testing.T) {
	tests := []struct {
		url  string
		want endpoint
	}{
		{"redis://localhost:6379", endpoint{mode: single, addrs: []string{"localhost:6379"}}},
		{"redis://localhost", endpoint{mode: single, addrs: []string{"localhost:6379"}}},
		{"redis://localhost:6380/", endpoint{mode: single, addrs: []string{"localhost:6380"}}},
		{"redis://localhost:6380/3", endpoint{mode: single, addrs: []string{"localhost:6380"}, db: 3}},
		{"redis://:s3cret@10.0.0.1:6379/1", endpoint{mode: single, addrs: []string{"10.0.0.1:6379"}, password: "s3cret", db: 1}},
		{"redis://bot:p%40ss%3Aword@redis:6379", endpoint{mode: single, addrs: []string{"redis:6379"}, username: "bot", password: "p@ss:word"}},
		{"redis://bot@redis:6379", endpoint{mode: single, addrs: []string{"redis:6379"}, username: "bot"}},
		{"redis://[::1]:6379", endpoint{mode: single, addrs: []string{"[::1]:6379"}}},
		{"redis://[::1]", endpoint{mode: single, addrs: []string{"[::1]:6379"}}},
		{"rediss://default:pw@cache.example.com:6380", endpoint{mode: single, tls: true, addrs: []string{"cache.example.com:6380"}, username: "default", password: "pw"}},
		{"redis+cluster://a:7000,b:7001,c:7002", endpoint{mode: cluster, addrs: []string{"a:7000", "b:7001", "c:7002"}}},
		{"redis+cluster://u:p@a:7000,b", endpoint{mode: cluster, addrs: []string{"a:7000", "b:6379"}, username: "u", password: "p"}},
		{"rediss+cluster://a:7000/", endpoint{mode: cluster, tls: true, addrs: []string{"a:7000"}}},
		{"redis+sentinel://s1:26379,s2:26380/mymaster", endpoint{mode: sentinel, addrs: []string{"s1:26379", "s2:26380"}, master: "mymaster"}},
		{"redis+sentinel://:pw@s1,s2/mymaster/2", endpoint{mode: sentinel, addrs: []string{"s1:26379", "s2:26379"}, master: "mymaster", password: "pw", db: 2}},
		{"rediss+sentinel://s1:26379/m", endpoint{mode: sentinel, tls: true, addrs: []string{"s1:26379"}, master: "m"}},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			got, err := parseURL(tt.url)
			if err != nil {
				t.Fatalf("parseURL: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseURL =\n%+v, want\n%+v", got, tt.want)
			}
		})
	}
}

func TestParseURLErrors(t *testing.T) {
	tests := []struct {
		url     string
		problem string // in the error message
	}{
		{"", "no scheme"},
		{"localhost:6379", "no scheme"},
		{"http://localhost:6379", `unknown scheme "http"`},
		{"redis+ring://a:1", `unknown scheme "redis+ring"`},
		{"unix:///tmp/redis.sock", `unknown scheme "unix"`},
		{"redis://", "a host is missing"},
		{"redis://:pw@", "a host is missing"},
		{"redis://a:1,b:2", "takes one host"},
		{"redis://a:1,", "a host is missing"},
		{"redis://a:notaport", "invalid port"},
		{"redis://a:70000", "invalid port"},
		{"redis://:6379", "no host name"},
		{"redis://a:1/x", `database "x" is not a number`},
		{"redis://a:1/1/2", "unexpected path"},
		{"redis://a:1?db=2", "query parameters"},
		{"redis+cluster://a:1,b:2/0", "cluster has no database"},
		{"redis+sentinel://s1:26379", "needs the master name"},
		{"redis+sentinel://s1:26379/m/x", `database "x" is not a number`},
		{"redis://u:%zz@a:1", "password is not valid"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			_, err := parseURL(tt.url)
			if err == nil {
				t.Fatalf("parseURL(%q) succeeded, want an error", tt.url)
			}
			if hirebot.KindOf(err) != hirebot.Invalid {
				t.Errorf("kind = %v, want invalid", hirebot.KindOf(err))
			}
			if !strings.Contains(err.Error(), tt.problem) {
				t.Errorf("error %q does not say %q", err, tt.problem)
			}
		})
	}
}

func TestParseURLHidesPassword(t *testing.T) {
	for _, u := range []string{"redis://u:hunter2@a:1?x=1", "redis://u:hunter2@a:1,b:2", "redis://u:hunter2@a:bad"} {
		_, err := parseURL(u)
		if err == nil || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("parseURL(%q) error = %v; want an error without the password", u, err)
		}
	}
}

// TestOpenUnreachable: Open does not wait for Redis, so a bot whose Redis
// is down at start-up still starts; the store then answers Unavailable
// quickly, without showing the password.
func TestOpenUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	start := time.Now()
	c, err := Open(ctx, "redis://:hunter2@127.0.0.1:1")
	if err != nil {
		t.Fatalf("Open = %v, want a client that reports the outage on use", err)
	}
	defer c.Close()
	err = New(c, Options{}).Ping(ctx)
	if hirebot.KindOf(err) != hirebot.Unavailable {
		t.Fatalf("Ping = %v, want an unavailable error", err)
	}
	if strings.Contains(err.Error(), "hunter2") {
		t.Errorf("error %q shows the password", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v to fail, want under 2s", d)
	}
}

func TestOpenEmbedded(t *testing.T) {
	c, closeFn, err := OpenEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	// No command of the client fails, connection set-up included: no
	// CLIENT SETINFO or MAINT_NOTIFICATIONS refusals reach the hooks
	// (and so the metrics) on every new connection.
	var failed errorHook
	c.AddHook(&failed)
	if err := New(c, Options{}).Ping(t.Context()); err != nil {
		t.Errorf("Ping: %v", err)
	}
	// Another local user knows the port but not the password: refused.
	addr := c.(*redis.Client).Options().Addr
	stranger := redis.NewClient(&redis.Options{Addr: addr, DisableIdentity: true, MaxRetries: -1})
	defer stranger.Close()
	if err := stranger.Set(t.Context(), "k", "v", 0).Err(); err == nil || !strings.Contains(err.Error(), "NOAUTH") {
		t.Errorf("SET without the password = %v, want NOAUTH", err)
	}
	if err := stranger.Do(t.Context(), "AUTH", "guess").Err(); err == nil {
		t.Error("AUTH with a guessed password succeeded")
	}
	for range 3 {
		if err := c.Set(t.Context(), "k", "v", 0).Err(); err != nil {
			t.Errorf("SET: %v", err)
		}
	}
	if errs := failed.list(); len(errs) > 0 {
		t.Errorf("commands failed against the embedded store: %v", errs)
	}
	closeFn()
	err = New(c, Options{}).Ping(t.Context())
	if hirebot.KindOf(err) != hirebot.Unavailable {
		t.Errorf("Ping after close = %v, want an unavailable error", err)
	}
}

// errorHook records every command that fails, pipelined or not.
type errorHook struct {
	mu   sync.Mutex
	errs []string
}

func (h *errorHook) add(cmd redis.Cmder) {
	if err := cmd.Err(); err != nil && err != redis.Nil {
		h.mu.Lock()
		h.errs = append(h.errs, fmt.Sprint(cmd.Args(), ": ", err))
		h.mu.Unlock()
	}
}

func (h *errorHook) list() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.errs...)
}

func (h *errorHook) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h *errorHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		err := next(ctx, cmd)
		h.add(cmd)
		return err
	}
}

func (h *errorHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		err := next(ctx, cmds)
		for _, c := range cmds {
			h.add(c)
		}
		return err
	}
}
