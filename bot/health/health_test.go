package health

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	storeErr := errors.New("dial tcp 10.1.2.3:6379: connect: connection refused")
	var storeDown bool
	h := Handler([]Check{
		{Name: "slack", Fn: func(context.Context) error { return nil }},
		{Name: "store", Fn: func(context.Context) error {
			if storeDown {
				return storeErr
			}
			return nil
		}},
	}, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("metrics here")) }),
		slog.New(slog.DiscardHandler))
	get := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec.Code, rec.Body.String()
	}
	tests := []struct {
		path      string
		storeDown bool
		code      int
		want      string
	}{
		{"/healthz", false, 200, "ok"},
		{"/healthz", true, 200, "ok"}, // alive even when not ready
		{"/readyz", false, 200, `"store":"ok"`},
		{"/readyz", true, 503, `"store":"down"`},
		{"/metrics", false, 200, "metrics here"},
		{"/nope", false, 404, ""},
	}
	for _, tt := range tests {
		storeDown = tt.storeDown
		code, body := get(tt.path)
		if code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("GET %s (store down %v) = %d %q, want %d with %q", tt.path, tt.storeDown, code, body, tt.code, tt.want)
		}
		for _, secret := range []string{"10.1.2.3", "6379", "refused"} {
			if strings.Contains(body, secret) {
				t.Errorf("GET %s shows %q of the cause: %s", tt.path, secret, body)
			}
		}
	}
}

// TestReadyzReason checks that a cause Explain words is named under
// "reasons" — the sentence only, no error text — and logged once as a
// warning when it appears, not on every probe; an unexplained cause is
// "down" with no reason.
func TestReadyzReason(t *testing.T) {
	refused := errors.New("sessions: ping: WRONGPASS invalid username-password pair")
	storeErr := refused
	var logs strings.Builder
	h := Handler([]Check{
		{Name: "slack", Fn: func(context.Context) error { return nil }},
		{Name: "store", Fn: func(context.Context) error { return storeErr },
			Explain: func(err error) string {
				if errors.Is(err, refused) {
					return "Redis refused the credentials in REDIS_URL"
				}
				return ""
			}},
	}, nil, slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo})))
	get := func() (int, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		return rec.Code, strings.TrimSpace(rec.Body.String())
	}
	for range 3 {
		code, body := get()
		if want := `{"reasons":{"store":"Redis refused the credentials in REDIS_URL"},"slack":"ok","store":"down"}`; code != 503 || body != want {
			t.Errorf("/readyz = %d %s, want 503 %s", code, body, want)
		}
	}
	if n := strings.Count(logs.String(), "not ready: Redis refused the credentials in REDIS_URL"); n != 1 {
		t.Errorf("the reason was logged %d times in three probes, want once as a warning:\n%s", n, logs.String())
	}
	storeErr = errors.New("dial tcp 10.1.2.3:6379: connect: connection refused")
	if code, body := get(); code != 503 || body != `{"slack":"ok","store":"down"}` {
		t.Errorf("/readyz with an unexplained cause = %d %s, want 503 with no reason", code, body)
	}
	storeErr = nil
	if code, body := get(); code != 200 || body != `{"slack":"ok","store":"ok"}` {
		t.Errorf("/readyz once ready = %d %s", code, body)
	}
}
