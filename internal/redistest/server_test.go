package redistest

import (
	"testing"

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
