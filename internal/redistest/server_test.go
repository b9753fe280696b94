package redistest

import (
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

func TestRestartKeepsData(t *testing.T) {
	s := MustStart(t)
	c := redis.NewClient(&redis.Options{Addr: s.Addr})
	defer c.Close()
	if err := c.Set(t.Context(), "redistest:k", "v", 0).Err(); err != nil {
		t.Fatal(err)
	}
	s.Stop(t)
	if err := c.Ping(t.Context()).Err(); err == nil {
		t.Fatal("PING succeeded while the server was stopped")
	}
	addr := s.Addr
	s.Restart(t)
	if s.Addr != addr {
		t.Errorf("restarted on %s, want %s", s.Addr, addr)
	}
	if got, err := c.Get(t.Context(), "redistest:k").Result(); err != nil || got != "v" {
		t.Errorf("after restart, GET = %q, %v; want v", got, err)
	}
}

func TestCluster(t *testing.T) {
	cl := MustStartCluster(t)
	c := redis.NewClusterClient(&redis.ClusterOptions{Addrs: cl.Addrs()})
	defer c.Close()
	for _, k := range []string{"a", "b", "c", "d", "e"} {
		if err := c.Set(t.Context(), "redistest:"+k, k, 0).Err(); err != nil {
			t.Fatalf("SET %s: %v", k, err)
		}
	}
	if n, err := c.DBSize(t.Context()).Result(); err != nil || n != 5 {
		t.Errorf("DBSIZE = %d, %v; want 5", n, err)
	}
}

// TestProxyLosesScriptReplies checks that the proxy passes commands through,
// and that a script whose reply it holds or drops has still run.
func TestProxyLosesScriptReplies(t *testing.T) {
	s := MustStart(t)
	p := MustStartProxy(t, s.Addr)
	c := redis.NewClient(&redis.Options{Addr: p.Addr, ReadTimeout: 200 * time.Millisecond, MaxRetries: -1})
	defer c.Close()
	ctx := t.Context()
	incr := redis.NewScript(`return redis.call('INCR', KEYS[1])`)
	if n, err := incr.Run(ctx, c, []string{"redistest:n"}).Int64(); err != nil || n != 1 {
		t.Fatalf("script through the proxy = %d, %v; want 1", n, err)
	}
	if err := c.Set(ctx, "redistest:big", strings.Repeat("x", 100000), 0).Err(); err != nil {
		t.Fatal(err)
	}
	if got, err := c.Get(ctx, "redistest:big").Result(); err != nil || len(got) != 100000 {
		t.Fatalf("GET of 100 kB through the proxy = %d bytes, %v", len(got), err)
	}

	p.SetFaults(Faults{HoldShare: 1, HoldFor: 500 * time.Millisecond})
	if err := incr.Run(ctx, c, []string{"redistest:n"}).Err(); err == nil {
		t.Error("a held reply came within the read timeout")
	}
	p.SetFaults(Faults{ResetShare: 1})
	if err := incr.Run(ctx, c, []string{"redistest:n"}).Err(); err == nil {
		t.Error("a dropped reply did not fail the script call")
	}
	p.SetFaults(Faults{})
	if err := c.Ping(ctx).Err(); err != nil {
		t.Fatalf("PING after the faults: %v", err)
	}
	direct := redis.NewClient(&redis.Options{Addr: s.Addr})
	defer direct.Close()
	if n, err := direct.Get(ctx, "redistest:n").Int64(); err != nil || n != 3 {
		t.Errorf("the counter is %d, %v; want 3: the scripts whose replies were lost ran", n, err)
	}
	scripts, held, reset := p.Counts()
	// The first run sent EVALSHA, found no script and sent EVAL: 4 replies.
	if held != 1 || reset != 1 || scripts != 4 {
		t.Errorf("counts: %d scripts, %d held, %d reset; want 4, 1, 1", scripts, held, reset)
	}
}
