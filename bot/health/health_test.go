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
