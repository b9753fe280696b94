// Package health serves hirebot's operational endpoints: /healthz (the
// process is alive), /readyz (it can serve: a Slack socket is open and the
// session store answers) and /metrics.
package health

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// Check is one readiness check; it returns nil when the part is ready.
type Check struct {
	Name string
	Fn   func(ctx context.Context) error
	// Explain, when set, words a cause an operator can act on as a fixed
	// sentence with no host, port or error text in it ("Redis refused the
	// credentials in REDIS_URL"), or returns "" for any other cause.
	Explain func(err error) string
}

// Handler returns the mux for /healthz, /readyz and, when metrics is not
// nil, /metrics. /readyz names each part "ok" or "down" and, under
// "reasons", why a part is down when its Explain words the cause; no host
// names, ports or error text reach whoever can reach the port. Why a part
// is down goes to log: at warning level when Explain words it and the
// words changed since the last probe, else at debug level (probes poll
// often).
func Handler(checks []Check, metrics http.Handler, log *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	said := &reasons{last: map[string]string{}}
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		status := map[string]any{}
		why := map[string]string{}
		code := http.StatusOK
		for _, c := range checks {
			err := c.Fn(ctx)
			reason := ""
			if err != nil && c.Explain != nil {
				reason = c.Explain(err)
			}
			switch {
			case err == nil:
				status[c.Name] = "ok"
			case reason != "":
				status[c.Name], why[c.Name] = "down", reason
				code = http.StatusServiceUnavailable
			default:
				status[c.Name] = "down"
				code = http.StatusServiceUnavailable
			}
			said.log(ctx, log, c.Name, reason, err)
		}
		if len(why) > 0 {
			status["reasons"] = why
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

// reasons remembers the last worded reason of each part, so that a reason
// is logged as a warning once, when it appears or changes, and not on
// every probe.
type reasons struct {
	mu   sync.Mutex
	last map[string]string
}

// log logs why part is down (err, worded as reason when Explain could).
func (r *reasons) log(ctx context.Context, log *slog.Logger, part, reason string, err error) {
	r.mu.Lock()
	changed := r.last[part] != reason
	r.last[part] = reason
	r.mu.Unlock()
	switch {
	case err == nil && changed:
		log.InfoContext(ctx, "ready again", "part", part)
	case err == nil:
	case reason != "" && changed:
		log.WarnContext(ctx, "not ready: "+reason, "part", part, "err", err)
	default:
		log.DebugContext(ctx, "not ready", "part", part, "err", err)
	}
}
