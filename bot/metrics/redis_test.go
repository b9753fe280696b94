package metrics

import (
	"context"
	"maps"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

func TestRedisHook(t *testing.T) {
	tests := []struct {
		name     string
		do       func(ctx context.Context, c *redis.Client) error
		wantOps  map[string]uint64 // hirebot_redis_seconds samples by op
		wantErrs map[string]float64
	}{{
		name:    "one command",
		do:      func(ctx context.Context, c *redis.Client) error { return c.Set(ctx, "k", "v", 0).Err() },
		wantOps: map[string]uint64{"set": 1},
	}, {
		name: "a missing key is not an error",
		do: func(ctx context.Context, c *redis.Client) error {
			if err := c.Get(ctx, "missing").Err(); err != redis.Nil {
				return err
			}
			return nil
		},
		wantOps: map[string]uint64{"get": 1},
	}, {
		name: "a pipeline is one round trip",
		do: func(ctx context.Context, c *redis.Client) error {
			_, err := c.Pipelined(ctx, func(p redis.Pipeliner) error {
				p.Set(ctx, "a", 1, 0)
				p.Incr(ctx, "a")
				return nil
			})
			return err
		},
		wantOps: map[string]uint64{"pipeline": 1},
	}, {
		name: "a transaction",
		do: func(ctx context.Context, c *redis.Client) error {
			_, err := c.TxPipelined(ctx, func(p redis.Pipeliner) error {
				p.Set(ctx, "a", 1, 0)
				p.Expire(ctx, "a", 60e9)
				return nil
			})
			return err
		},
		wantOps: map[string]uint64{"multi": 1},
	}, {
		name: "an error reply is counted",
		do: func(ctx context.Context, c *redis.Client) error {
			if err := c.Set(ctx, "s", "text", 0).Err(); err != nil {
				return err
			}
			if err := c.Incr(ctx, "s").Err(); err == nil {
				t.Error("INCR of a string did not fail")
			}
			return nil
		},
		wantOps:  map[string]uint64{"set": 1, "incr": 1},
		wantErrs: map[string]float64{"incr": 1},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := miniredis.RunT(t)
			c := redis.NewClient(&redis.Options{Addr: srv.Addr(), PoolSize: 1, DisableIdentity: true}) // no CLIENT SETINFO pipeline
			defer c.Close()
			m := New()
			c.AddHook(m.RedisHook(nil))
			before, beforeErrs := MustRedisCounts(t, m)
			if err := tt.do(t.Context(), c); err != nil {
				t.Fatal(err)
			}
			after, afterErrs := MustRedisCounts(t, m)
			// A new connection's handshake (HELLO, CLIENT …) is counted too,
			// and miniredis refuses some of it; it is not what is tested.
			for _, op := range []string{"hello", "client"} {
				delete(after, op)
				delete(afterErrs, op)
			}
			for op, n := range after {
				if d := n - before[op]; d != tt.wantOps[op] {
					t.Errorf("redis_seconds{op=%q}: %d new samples, want %d", op, d, tt.wantOps[op])
				}
			}
			for op := range tt.wantOps {
				if _, ok := after[op]; !ok {
					t.Errorf("redis_seconds{op=%q}: no samples", op)
				}
			}
			for op, n := range afterErrs {
				if d := n - beforeErrs[op]; d != tt.wantErrs[op] {
					t.Errorf("redis_errors_total{op=%q}: %v new, want %v", op, d, tt.wantErrs[op])
				}
			}
			for op := range tt.wantErrs {
				if _, ok := afterErrs[op]; !ok {
					t.Errorf("redis_errors_total{op=%q}: not counted", op)
				}
			}
		})
	}
}

// MustRedisCounts returns the sample count of each op of
// hirebot_redis_seconds and the value of each op of
// hirebot_redis_errors_total.
func MustRedisCounts(tb testing.TB, m *Metrics) (samples map[string]uint64, errs map[string]float64) {
	tb.Helper()
	samples = MustHistogramCounts(tb, m, "hirebot_redis_seconds")
	families, err := m.reg.Gather()
	if err != nil {
		tb.Fatalf("gather: %v", err)
	}
	errs = map[string]float64{}
	for _, f := range families {
		if f.GetName() == "hirebot_redis_errors_total" {
			for _, s := range f.GetMetric() {
				errs[s.GetLabel()[0].GetValue()] = s.GetCounter().GetValue()
			}
		}
	}
	return samples, errs
}

// opKey names the store operation of a context in TestRoundTripsByOperation.
type opKey struct{}

// TestRoundTripsByOperation: every round trip counts once under the store
// operation its context names, a pipeline as one; one that names none
// counts as "other".
func TestRoundTripsByOperation(t *testing.T) {
	srv := miniredis.RunT(t)
	c := redis.NewClient(&redis.Options{Addr: srv.Addr(), PoolSize: 1, DisableIdentity: true})
	defer c.Close()
	if err := c.Ping(t.Context()).Err(); err != nil { // the connection's handshake, before counting
		t.Fatal(err)
	}
	m := New()
	c.AddHook(m.RedisHook(func(ctx context.Context) string { op, _ := ctx.Value(opKey{}).(string); return op }))
	read := context.WithValue(t.Context(), opKey{}, "read draft")
	write := context.WithValue(t.Context(), opKey{}, "update draft")
	_ = c.Get(read, "d").Err()
	_, _ = c.Pipelined(write, func(p redis.Pipeliner) error {
		p.Set(write, "d", "1", 0)
		p.Incr(write, "v")
		return nil
	})
	_ = c.Get(read, "d").Err()
	_ = c.Get(t.Context(), "x").Err()
	got := map[string]float64{}
	families, err := m.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() == "hirebot_store_round_trips_total" {
			for _, s := range f.GetMetric() {
				got[s.GetLabel()[0].GetValue()] = s.GetCounter().GetValue()
			}
		}
	}
	want := map[string]float64{"read draft": 2, "update draft": 1, "other": 1}
	if !maps.Equal(got, want) {
		t.Errorf("round trips by operation = %v, want %v", got, want)
	}
}
