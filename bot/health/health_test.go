package health

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	storeErr := errors.New("storage unavailable")
	var storeDown bool
	h := Handler([]Check{
		{Name: "slack", Fn: func(context.Context) error { return nil }},
		{Name: "store", Fn: func(context.Context) error {
			if storeDown {
				return storeErr
			}
			return nil
		}},
	}, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("metrics here")) }))
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
		{"/readyz", true, 503, `"store":"storage unavailable"`},
		{"/metrics", false, 200, "metrics here"},
		{"/nope", false, 404, ""},
	}
	for _, tt := range tests {
		storeDown = tt.storeDown
		code, body := get(tt.path)
		if code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("GET %s (store down %v) = %d %q, want %d with %q", tt.path, tt.storeDown, code, body, tt.code, tt.want)
		}
	}
}
