package metrics

import (
	"context"
	"errors"
	"net"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisHook returns a go-redis hook that times every command and pipeline
// and counts the ones that fail. Add it to the session store's client with
// AddHook.
func (m *Metrics) RedisHook() redis.Hook { return redisHook{m} }

// redisHook is the go-redis hook of a Metrics.
type redisHook struct{ m *Metrics }

// DialHook leaves dialing alone.
func (h redisHook) DialHook(next redis.DialHook) redis.DialHook {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		return next(ctx, network, addr)
	}
}

// ProcessHook times one command.
func (h redisHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		start := time.Now()
		err := next(ctx, cmd)
		h.m.observeRedis(cmd.Name(), time.Since(start), err)
		return err
	}
}

// ProcessPipelineHook times one pipeline or transaction as a single round
// trip.
func (h redisHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		start := time.Now()
		err := next(ctx, cmds)
		h.m.observeRedis(pipelineOp(cmds), time.Since(start), err)
		return err
	}
}

// pipelineOp names a batch: "multi" for a transaction, else "pipeline".
func pipelineOp(cmds []redis.Cmder) string {
	if len(cmds) > 0 && cmds[0].Name() == "multi" {
		return "multi"
	}
	return "pipeline"
}

// observeRedis records one round trip. redis.Nil (no such key) is an
// answer, not a failure.
func (m *Metrics) observeRedis(op string, d time.Duration, err error) {
	if op == "" {
		op = "unknown"
	}
	m.redis.WithLabelValues(op).Observe(d.Seconds())
	if err != nil && !errors.Is(err, redis.Nil) {
		m.redisErrors.WithLabelValues(op).Inc()
	}
}
