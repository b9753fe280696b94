package socket

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
)

// RefusedError says Slack refused a token: retrying cannot help, and the
// process should exit with the one-line message its caller words.
type RefusedError struct {
	Token string // "bot" (auth.test) or "app" (apps.connections.open)
	Code  string // Slack's error code, e.g. invalid_auth
}

func (e *RefusedError) Error() string {
	return "slack refused the " + e.Token + " token: " + e.Code
}

// refusalCodes are Slack's answers that mean the token itself is no good.
var refusalCodes = map[string]bool{
	"invalid_auth": true, "not_authed": true, "account_inactive": true, "token_revoked": true,
	"token_expired": true, "no_permission": true, "not_allowed_token_type": true,
	"missing_scope": true, "team_access_not_granted": true, "invalid_token": true,
}

// refusal returns the RefusedError err stands for, or nil when err may pass
// (a network error, a timeout, Slack unwell or rate-limiting).
func refusal(token string, err error) *RefusedError {
	var se slack.SlackErrorResponse
	if errors.As(err, &se) && refusalCodes[se.Err] {
		return &RefusedError{Token: token, Code: se.Err}
	}
	// slack-go's Socket Mode client returns the bare code as an error.
	if code := err.Error(); refusalCodes[code] {
		return &RefusedError{Token: token, Code: code}
	}
	var sc slack.StatusCodeError
	if errors.As(err, &sc) && (sc.Code == http.StatusUnauthorized || sc.Code == http.StatusNotFound) {
		return &RefusedError{Token: token, Code: strings.ToLower(strings.ReplaceAll(http.StatusText(sc.Code), " ", "_"))}
	}
	return nil
}

// Backoff spaces out retries: exponential from Initial, capped at Max,
// with "equal jitter" (each wait is between half and all of the
// exponential step), so that replicas that failed together do not retry
// together.
type Backoff struct {
	Initial time.Duration // default 500 ms
	Max     time.Duration // default 30 s
}

// Delay returns the wait before retry number attempt (0 for the first).
func (b Backoff) Delay(attempt int) time.Duration {
	initial, limit := b.Initial, b.Max
	if initial <= 0 {
		initial = 500 * time.Millisecond
	}
	if limit <= 0 {
		limit = 30 * time.Second
	}
	step := limit
	if attempt < 30 {
		step = min(limit, initial<<attempt)
	}
	half := step / 2
	return half + rand.N(step-half+1)
}

// authenticate calls auth.test until Slack answers. A network error, a
// timeout or Slack being unwell is logged once per attempt and retried
// with backoff; a refused token returns a *RefusedError at once. It
// returns ctx's error if ctx ends first.
func (l *Listener) authenticate(ctx context.Context) (*slack.AuthTestResponse, error) {
	for attempt := 0; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, l.cfg.CallTimeout)
		auth, err := l.deps.API.AuthTestContext(actx)
		cancel()
		if err == nil {
			return auth, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if r := refusal("bot", err); r != nil {
			return nil, r
		}
		wait := l.cfg.StartBackoff.Delay(attempt)
		var rl *slack.RateLimitedError
		if errors.As(err, &rl) {
			wait = max(wait, rl.RetryAfter)
		}
		l.log.Warn("slack is not reachable yet; retrying", "call", "auth.test",
			"attempt", attempt+1, "retry_in", wait.Round(time.Millisecond).String(), "err", err)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// ReconnectJitter wraps an HTTP transport so that every
// apps.connections.open after the first `first` waits a random time in
// [0, spread) before it is sent. Slack closes every socket of an app at
// once (a refresh, a deploy, a network blip); without the wait, all the
// sockets of all the replicas would reopen in lockstep, and slack-go's own
// retry backoff has no jitter.
func ReconnectJitter(next http.RoundTripper, first int, spread time.Duration) http.RoundTripper {
	return &reconnectJitter{next: next, first: int64(first), spread: spread}
}

type reconnectJitter struct {
	next    http.RoundTripper
	first   int64
	spread  time.Duration
	opens   atomic.Int64
	delayed atomic.Int64 // calls made to wait, for tests
}

func (j *reconnectJitter) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, "/apps.connections.open") && j.opens.Add(1) > j.first && j.spread > 0 {
		j.delayed.Add(1)
		t := time.NewTimer(rand.N(j.spread))
		select {
		case <-r.Context().Done():
			t.Stop()
			return nil, r.Context().Err()
		case <-t.C:
		}
	}
	return j.next.RoundTrip(r)
}
