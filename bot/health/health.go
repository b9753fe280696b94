// Package health serves hirebot's operational endpoints: /healthz (the
// process is alive), /readyz (it can serve: a Slack socket is open and the
// session store answers) and /metrics.
package health

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"
)

// Check is one readiness check; it returns nil when the part is ready.
type Check struct {
	Name string
	Fn   func(ctx context.Context) error
}

// Handler returns the mux for /healthz, /readyz and, when metrics is not
// nil, /metrics. /readyz names each part "ok" or "down" and nothing more:
// no host names, ports or error text reach whoever can reach the port.
// Why a part is down goes to log, at debug level (probes poll often).
func Handler(checks []Check, metrics http.Handler, log *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		status := map[string]string{}
		code := http.StatusOK
		for _, c := range checks {
			if err := c.Fn(ctx); err != nil {
				status[c.Name] = "down"
				log.Debug("not ready", "part", c.Name, "err", err)
				code = http.StatusServiceUnavailable
			} else {
				status[c.Name] = "ok"
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		_ = json.NewEncoder(w).Encode(status)
	})
	if metrics != nil {
		mux.Handle("GET /metrics", metrics)
	}
	return mux
}
