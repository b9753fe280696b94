package main

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/internal/slacktest"
)

// MustGet fetches url and returns the status and body.
func MustGet(tb testing.TB, url string) (int, string) {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestHealthAndMetrics(t *testing.T) {
	t.Parallel()
	fake, rs, cfg := MustOnRedis(t)
	addr := MustStartBot(t, fake, cfg).MustHTTPAddr(t)

	MustSlash(t, fake, slacktest.Slash{Channel: "CH1", User: "U1", Command: "/cto-role", Text: "cio"})
	MustWaitMessage(t, fake, "CH1", "Chief Information Officer")
	MustSlash(t, fake, slacktest.Slash{Channel: "CH1", User: "U1", Command: "/jd", Text: "start cto"})
	liveMessage(t, fake, "CH1", "Responsibilities")

	if code, body := MustGet(t, "http://"+addr+"/healthz"); code != 200 {
		t.Errorf("/healthz = %d %s", code, body)
	}
	if code, body := MustGet(t, "http://"+addr+"/readyz"); code != 200 || !strings.Contains(body, `"store":"ok"`) {
		t.Errorf("/readyz = %d %s", code, body)
	}
	code, body := MustGet(t, "http://"+addr+"/metrics")
	if code != 200 {
		t.Fatalf("/metrics = %d", code)
	}
	for _, want := range []string{`hirebot_envelopes_total{type="slash_commands"}`, `hirebot_command_seconds_count{command="cto-role"}`,
		"hirebot_ack_seconds_bucket", "hirebot_redis_seconds", "hirebot_connections_open 2"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	rs.Stop(t)
	if code, body := MustGet(t, "http://"+addr+"/readyz"); code != 503 || !strings.Contains(body, "store") {
		t.Errorf("/readyz with Redis down = %d %s, want 503 naming the store", code, body)
	}
	rs.Restart(t)
	if code, body := MustGet(t, "http://"+addr+"/readyz"); code != 200 {
		t.Errorf("/readyz after Redis is back = %d %s", code, body)
	}
}
