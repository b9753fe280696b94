package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/internal/redistest"
)

// TestStartWhileSlackUnreachable starts the bot while every auth.test is
// lost on the network or hangs: it keeps retrying with backoff, logs each
// attempt once, is alive (/healthz 200) but not ready (/readyz 503), and
// connects as soon as Slack answers.
func TestStartWhileSlackUnreachable(t *testing.T) {
	t.Parallel()
	fake := MustNewFake(t)
	cfg := testConfig(fake, "")
	cfg.SlackTimeout = 300 * time.Millisecond
	fake.HangCalls("auth.test", 1)
	fake.DropCalls("auth.test", 1000)
	b := MustServe(t, cfg)
	t.Cleanup(func() {
		if code := b.Stop(t); code != 0 {
			t.Errorf("bot exited %d; logs:\n%s", code, b.logs.String())
		}
		MustJSONLogs(t, b.logs.String(), cfg.AppToken, cfg.BotToken)
	})
	addr := b.MustHTTPAddr(t)

	// Wait for a few failed attempts (the hung one takes the deadline).
	MustEventually(t, 10*time.Second, "three failed auth.test attempts logged", func() bool {
		return len(retryAttempts(b.logs.String())) >= 3
	})
	if code, body := MustGet(t, "http://"+addr+"/healthz"); code != 200 {
		t.Errorf("/healthz while Slack is unreachable = %d %s, want 200", code, body)
	}
	if code, body := MustGet(t, "http://"+addr+"/readyz"); code != 503 || !strings.Contains(body, `"slack":"down"`) {
		t.Errorf("/readyz while Slack is unreachable = %d %s, want 503 with slack down", code, body)
	}

	fake.DropCalls("auth.test", 0) // Slack is back
	wctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := fake.WaitConnections(wctx, cfg.Connections); err != nil {
		t.Fatalf("the bot did not connect once Slack answered: %v\nlogs:\n%s", err, b.logs.String())
	}
	MustEventually(t, 5*time.Second, "/readyz 200 once connected", func() bool { return getReadyz(addr) == 200 })

	attempts := retryAttempts(b.logs.String())
	for i, n := range attempts {
		if n != i+1 {
			t.Fatalf("retry log lines number the attempts %v, want 1, 2, 3, … each once", attempts)
		}
	}
	if calls := len(fake.Calls("auth.test")); calls != len(attempts)+1 {
		t.Errorf("%d auth.test calls for %d logged failures: each failed attempt must be logged once", calls, len(attempts))
	}
	t.Logf("connected after %d failed auth.test attempts", len(attempts))
}

// retryAttempts returns the attempt numbers of the bot's "not reachable"
// log lines, in order.
func retryAttempts(logs string) []int {
	var out []int
	for _, line := range strings.Split(logs, "\n") {
		var rec struct {
			Msg     string
			Attempt int
		}
		if json.Unmarshal([]byte(line), &rec) == nil && strings.HasPrefix(rec.Msg, "slack is not reachable yet") {
			out = append(out, rec.Attempt)
		}
	}
	return out
}

// TestSlackRefusesToken checks that a token Slack refuses stops the bot at
// once with exit status 2 and one log line that names the variable.
func TestSlackRefusesToken(t *testing.T) {
	t.Parallel()
	tests := []struct {
		method, code, variable string
	}{
		{"auth.test", "invalid_auth", "SLACK_BOT_TOKEN"},
		{"auth.test", "account_inactive", "SLACK_BOT_TOKEN"},
		{"apps.connections.open", "invalid_auth", "SLACK_APP_TOKEN"},
	}
	for _, tt := range tests {
		t.Run(tt.method+"/"+tt.code, func(t *testing.T) {
			t.Parallel()
			fake := MustNewFake(t)
			cfg := testConfig(fake, "")
			fake.Fail(tt.method, 100, tt.code)
			b := MustServe(t, cfg)
			var code int
			select {
			case code = <-b.done:
			case <-time.After(10 * time.Second):
				b.cancel()
				t.Fatalf("the bot did not stop when Slack refused its token; logs:\n%s", b.logs.String())
			}
			logs := b.logs.String()
			if code != 2 {
				t.Errorf("exit %d, want 2; logs:\n%s", code, logs)
			}
			MustJSONLogs(t, logs, cfg.AppToken, cfg.BotToken)
			var found int
			for _, line := range strings.Split(logs, "\n") {
				var rec struct{ Level, Msg string }
				if json.Unmarshal([]byte(line), &rec) == nil && rec.Level == "ERROR" &&
					strings.Contains(rec.Msg, tt.variable) && strings.Contains(rec.Msg, tt.code) {
					found++
				}
			}
			if found != 1 {
				t.Errorf("%d error lines name %s and %s, want 1; logs:\n%s", found, tt.variable, tt.code, logs)
			}
		})
	}
}

// TestRedisRefusesCredentials starts the bot against a real redis-server
// that requires a password, with no password and with a wrong one: the
// log's error line says the credentials were refused and names REDIS_URL
// (never "not answering yet", never the password), /readyz says why the
// store is down, session commands say storage is unavailable, knowledge
// lookups still work.
func TestRedisRefusesCredentials(t *testing.T) {
	t.Parallel()
	srv := redistest.MustStartWithPassword(t, "right-horse-battery")
	host := strings.TrimPrefix(srv.URL(), "redis://:right-horse-battery@")
	for _, tt := range []struct {
		name, url, reason string
	}{
		{"wrong password", "redis://:wrong-staple@" + host, "Redis refused the credentials in REDIS_URL"},
		{"no password", "redis://" + host, "it requires a password and REDIS_URL gives none"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := MustNewFake(t)
			cfg := testConfig(fake, tt.url)
			b := MustStartBot(t, fake, cfg)
			addr := b.MustHTTPAddr(t)

			MustCommand(t, fake, "C1", "U1", "/jd", "start cto", "storage unavailable")
			MustCommand(t, fake, "C1", "U1", "/cto-role", "cio", "Chief Information Officer")
			code, body := MustGet(t, "http://"+addr+"/readyz")
			if code != 503 || !strings.Contains(body, `"store":"down"`) || !strings.Contains(body, tt.reason) {
				t.Errorf("/readyz = %d %s, want 503 with the store down because %q", code, body, tt.reason)
			}
			logs := b.logs.String()
			MustJSONLogs(t, logs, cfg.AppToken, cfg.BotToken, "wrong-staple", "right-horse-battery")
			var found int
			for _, line := range strings.Split(logs, "\n") {
				var rec struct{ Level, Msg string }
				if json.Unmarshal([]byte(line), &rec) == nil && rec.Level == "ERROR" &&
					strings.Contains(rec.Msg, tt.reason) && strings.Contains(rec.Msg, "REDIS_URL") {
					found++
				}
			}
			if found != 1 {
				t.Errorf("%d error lines say %q at start-up, want 1; logs:\n%s", found, tt.reason, logs)
			}
			if strings.Contains(logs, "not answering yet") {
				t.Errorf("refused credentials logged as Redis not answering yet:\n%s", logs)
			}
		})
	}
}
