package metrics

import (
	"context"
	"errors"
	"net"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisHook returns a go-redis hook that times every command and pipeline,
// counts the ones that fail, and counts round trips by the store operation
// operation names from a round trip's context (sessions.Operation; nil or
// "" for "other"). Add it to the session store's client with AddHook.
func (m *Metrics) RedisHook(operation func(ctx context.Context) string) redis.Hook {
	return redisHook{m: m, operation: operation}
}

// redisHook is the go-redis hook of a Metrics.
type redisHook struct {
	m         *Metrics
	operation func(ctx context.Context) string
}

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
		if cmd.Name() != "hello" { // a new pooled connection's handshake, not a round trip of the operation's
			h.m.storeTrips.WithLabelValues(h.name(ctx)).Inc()
		}
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
		h.m.storeTrips.WithLabelValues(h.name(ctx)).Inc()
		return err
	}
}

// name returns the store operation ctx's round trip is for, or "other".
func (h redisHook) name(ctx context.Context) string {
	if h.operation != nil {
		if op := h.operation(ctx); op != "" {
			return op
		}
	}
	return "other"
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
