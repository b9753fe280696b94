package sessions

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
)

// RedisLogger routes the Redis client's own messages (reconnects, pool
// trouble) into log as warnings, so that every line the process writes
// has the same format. Install it with redis.SetLogger.
type RedisLogger struct{ Log *slog.Logger }

// Printf logs one message of the Redis client.
func (l RedisLogger) Printf(ctx context.Context, format string, v ...any) {
	l.Log.WarnContext(ctx, strings.TrimSpace(fmt.Sprintf(format, v...)), "component", "redis-client")
}
