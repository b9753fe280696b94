package socket

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

func TestBackoffDelay(t *testing.T) {
	b := Backoff{Initial: 100 * time.Millisecond, Max: time.Second}
	tests := []struct {
		attempt int
		lo, hi  time.Duration
	}{
		{0, 50 * time.Millisecond, 100 * time.Millisecond},
		{1, 100 * time.Millisecond, 200 * time.Millisecond},
		{3, 400 * time.Millisecond, 800 * time.Millisecond},
		{4, 500 * time.Millisecond, time.Second},  // capped
		{60, 500 * time.Millisecond, time.Second}, // no overflow
	}
	for _, tt := range tests {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := b.Delay(tt.attempt)
			if d < tt.lo || d > tt.hi {
				t.Fatalf("Delay(%d) = %v, want within [%v, %v]", tt.attempt, d, tt.lo, tt.hi)
			}
			seen[d] = true
		}
		if len(seen) < 10 {
			t.Errorf("Delay(%d) took %d values in 200 draws: not jittered", tt.attempt, len(seen))
		}
	}
	if d := (Backoff{}).Delay(0); d < 250*time.Millisecond || d > 500*time.Millisecond {
		t.Errorf("default Delay(0) = %v, want 250–500ms", d)
	}
}

func TestRefusal(t *testing.T) {
	tests := []struct {
		err  error
		code string // "" when the error may pass
	}{
		{slack.SlackErrorResponse{Err: "invalid_auth"}, "invalid_auth"},
		{fmt.Errorf("auth.test: %w", slack.SlackErrorResponse{Err: "account_inactive"}), "account_inactive"},
		{errors.New("token_revoked"), "token_revoked"}, // slack-go's Socket Mode client
		{slack.StatusCodeError{Code: http.StatusUnauthorized}, "unauthorized"},
		{slack.SlackErrorResponse{Err: "internal_error"}, ""},
		{slack.StatusCodeError{Code: http.StatusBadGateway}, ""},
		{&slack.RateLimitedError{RetryAfter: time.Second}, ""},
		{context.DeadlineExceeded, ""},
		{errors.New("dial tcp 127.0.0.1:1: connect: connection refused"), ""},
	}
	for _, tt := range tests {
		r := refusal("bot", tt.err)
		switch {
		case tt.code == "" && r != nil:
			t.Errorf("refusal(%v) = %v, want nil: a retry may help", tt.err, r)
		case tt.code != "" && (r == nil || r.Code != tt.code || r.Token != "bot"):
			t.Errorf("refusal(%v) = %v, want code %s", tt.err, r, tt.code)
		}
	}
}

// TestReconnectJitter checks that the first opens go at once and later
// ones wait a random time under the spread, while other calls never wait.
func TestReconnectJitter(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {}))
	defer srv.Close()
	var mu sync.Mutex
	var waits []time.Duration
	rt := ReconnectJitter(http.DefaultTransport, 2, 100*time.Millisecond)
	call := func(method string) time.Duration {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/"+method, nil)
		start := time.Now()
		res, err := rt.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return time.Since(start)
	}
	call("apps.connections.open")
	call("apps.connections.open")
	var wg sync.WaitGroup
	for range 12 {
		wg.Go(func() {
			d := call("apps.connections.open")
			mu.Lock()
			waits = append(waits, d)
			mu.Unlock()
		})
	}
	wg.Wait()
	distinct := map[time.Duration]bool{}
	for _, d := range waits {
		distinct[d.Round(time.Millisecond)] = true
	}
	if len(distinct) < 4 {
		t.Errorf("12 reconnects took %v: not spread out", waits)
	}
	if n := rt.(*reconnectJitter).delayed.Load(); n != 12 {
		t.Errorf("%d opens delayed, want the 12 after the first 2", n)
	}
	// A method other than apps.connections.open is never delayed.
	for range 5 {
		call("chat.postMessage")
	}
	if n := rt.(*reconnectJitter).delayed.Load(); n != 12 {
		t.Errorf("%d calls delayed after 5 chat.postMessage, want still 12", n)
	}
}
