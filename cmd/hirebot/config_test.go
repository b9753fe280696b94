package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

// TestLoadConfig checks the defaults and that every bad setting gets an
// error naming the variable and what to use instead.
func TestLoadConfig(t *testing.T) {
	clearHirebotEnv(t)
	t.Run("defaults", func(t *testing.T) {
		c, err := loadConfig()
		if err != nil {
			t.Fatal(err)
		}
		if c.Connections != 2 || c.Workers != 0 || c.SessionTTL != 720*time.Hour || c.CandidateTTL != 2160*time.Hour || c.PingTimeout != 30*time.Second ||
			c.HTTPAddr != ":8080" || c.LogFormat != "json" || c.JDCommand != "/jd" || c.APIURL != "https://slack.com/api/" || c.Locale != "us" {
			t.Errorf("defaults = %+v", c)
		}
	})
	t.Run("normalized", func(t *testing.T) {
		t.Setenv("HIREBOT_JD_COMMAND", " hire-jd ")
		t.Setenv("SLACK_API_URL", "http://127.0.0.1:9/api")
		t.Setenv("HIREBOT_WORKERS", "12")
		t.Setenv("HIREBOT_LOCALE", "United Kingdom")
		c, err := loadConfig()
		if err != nil {
			t.Fatal(err)
		}
		if c.JDCommand != "/hire-jd" || c.APIURL != "http://127.0.0.1:9/api/" || c.Workers != 12 || c.Locale != "uk" {
			t.Errorf("got command %q, API URL %q, workers %d", c.JDCommand, c.APIURL, c.Workers)
		}
	})
	for _, tt := range badSettings {
		t.Run(tt.name+"="+tt.value, func(t *testing.T) {
			t.Setenv(tt.name, tt.value)
			_, err := loadConfig()
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.name) {
				t.Errorf("loadConfig with %s=%q = %v, want an error naming %s and saying %q", tt.name, tt.value, err, tt.name, tt.want)
			}
		})
	}
}

// badSettings are wrong values of every variable hirebot reads, and what
// the error must say besides the variable's name.
var badSettings = []struct{ name, value, want string }{
	{"HIREBOT_CONNECTIONS", "11", "1 to 10"},
	{"HIREBOT_CONNECTIONS", "0", "1 to 10"},
	{"HIREBOT_CONNECTIONS", "two", "not a whole number"},
	{"HIREBOT_WORKERS", "-1", "0 for twice the CPUs"},
	{"HIREBOT_WORKERS", "5000", "1 to 1024"},
	{"HIREBOT_WORKERS", "4.5", "not a whole number"},
	{"HIREBOT_SESSION_TTL", "10m", "at least 1h"},
	{"HIREBOT_SESSION_TTL", "a month", "not a duration"},
	{"HIREBOT_SESSION_TTL", "30", "not a duration"},
	{"HIREBOT_CANDIDATE_TTL", "30m", "at least 1h"},
	{"HIREBOT_CANDIDATE_TTL", "0s", "at least 1h"},
	{"HIREBOT_CANDIDATE_TTL", "90 days", "not a duration"},
	{"HIREBOT_RECORD_RETENTION", "30m", "at least 1h"},
	{"HIREBOT_SCORECARD_REMIND_AFTER", "10ms", "at least 1s"},
	{"HIREBOT_SCORECARD_REMIND_EVERY", "0s", "at least 1s"},
	{"HIREBOT_SCORECARD_REMIND_MAX", "-1", "use 0 (no reminders) to 100"},
	{"HIREBOT_SCORECARD_REMIND_MAX", "101", "use 0 (no reminders) to 100"},
	{"HIREBOT_RECORD_RETENTION", "400 days", "not a duration"},
	{"HIREBOT_PING_TIMEOUT", "100ms", "at least 1s"},
	{"HIREBOT_SHUTDOWN_TIMEOUT", "soon", "not a duration"},
	{"HIREBOT_SHUTDOWN_TIMEOUT", "-5s", "0s or more"},
	{"HIREBOT_LOG_LEVEL", "loud", "debug, info, warn or error"},
	{"HIREBOT_LOG_FORMAT", "xml", "json or text"},
	{"HIREBOT_LOCALE", "fr", "us, uk, eu or ca"},
	{"HIREBOT_KNOWLEDGE_DIR", "/no/such/pack", "no such file or directory"},
	{"HIREBOT_KNOWLEDGE_DIR", "config_test.go", "not a directory"},
	{"HIREBOT_REQUIRE_REDIS", "yes please", "not true or false"},
	{"HIREBOT_HTTP_ADDR", "8080", "host:port"},
	{"HIREBOT_HTTP_ADDR", ":http-alt", "0 to 65535"},
	{"HIREBOT_HTTP_ADDR", "localhost:99999", "0 to 65535"},
	{"REDIS_URL", "localhost:6379", "not a Redis URL"},
	{"REDIS_URL", "redis://:pa55@host:notaport/0", "not a Redis URL"},
	{"SLACK_API_URL", "slack.com/api", "http:// or https://"},
	{"SLACK_API_URL", "ftp://slack.com/api/", "http:// or https://"},
	{"HIREBOT_ADMINS", "U123,bob", "Slack ids"},
	{"HIREBOT_ALLOWED_CHANNELS", "#general", "Slack ids"},
	{"HIREBOT_CTO_ROLE_COMMAND", "/", "a / and then 1 to 31"},
	{"HIREBOT_INTERVIEW_COMMAND", "/" + strings.Repeat("x", 40), "a / and then 1 to 31"},
	{"HIREBOT_JD_COMMAND", "/JD", "lower-case"},
	{"HIREBOT_JD_COMMAND", "/job desc", "lower-case"},
	{"HIREBOT_JD_COMMAND", "/jd!", "lower-case"},
	{"HIREBOT_JD_COMMAND", "/cto-role", "three different names"},
	{"HIREBOT_INTERVIEW_COMMAND", "jd", "three different names"},
}

// TestConfigErrorsExit2 runs hirebot as main does with each bad setting:
// one plain line on stderr that names the variable, exit status 2, and
// nothing of the configuration library's internals.
func TestConfigErrorsExit2(t *testing.T) {
	clearHirebotEnv(t)
	t.Setenv("SLACK_APP_TOKEN", "xapp-1-A1-1-secret")
	t.Setenv("SLACK_BOT_TOKEN", "xoxb-1-secret")
	for _, tt := range badSettings {
		for _, cmd := range []string{"serve", "manifest", "shell"} {
			t.Run(cmd+"/"+tt.name+"="+tt.value, func(t *testing.T) {
				t.Setenv(tt.name, tt.value)
				var stdout, stderr bytes.Buffer
				code := run(context.Background(), []string{cmd}, strings.NewReader(""), &stdout, &stderr)
				msg := stderr.String()
				if code != 2 {
					t.Errorf("exit %d, want 2; stderr: %s", code, msg)
				}
				if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "hirebot: ") || !strings.Contains(msg, tt.name) {
					t.Errorf("stderr = %q, want one line naming %s", msg, tt.name)
				}
				for _, leak := range []string{"envconfig", "assigning", "strconv", "time: ", "secret"} {
					if strings.Contains(msg, leak) {
						t.Errorf("stderr shows %q: %s", leak, msg)
					}
				}
				if strings.Contains(tt.value, "pa55") && strings.Contains(msg, "pa55") {
					t.Errorf("stderr repeats the Redis password: %s", msg)
				}
			})
		}
	}
}

// clearHirebotEnv unsets every variable hirebot reads for the test
// (t.Setenv restores them afterwards).
func clearHirebotEnv(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "HIREBOT_") || strings.HasPrefix(name, "SLACK_") || name == "REDIS_URL" {
			t.Setenv(name, "")
			os.Unsetenv(name)
		}
	}
}

func TestCheckServe(t *testing.T) {
	tests := []struct {
		app, bot, want string
		requireRedis   bool
	}{
		{"xapp-1-secret", "xoxb-secret", "", false},
		{"", "xoxb-secret", "SLACK_APP_TOKEN is not set", false},
		{"xoxb-secret", "xoxb-secret", "SLACK_APP_TOKEN does not start with xapp-", false},
		{"xapp-1-secret", "", "SLACK_BOT_TOKEN is not set", false},
		{"xapp-1-secret", "xoxp-secret", "SLACK_BOT_TOKEN does not start with xoxb-", false},
		{"xapp-1-secret", "xoxb-secret", "REDIS_URL is not set and HIREBOT_REQUIRE_REDIS is true", true},
	}
	for _, tt := range tests {
		err := config{AppToken: tt.app, BotToken: tt.bot, RequireRedis: tt.requireRedis}.checkServe()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("checkServe(%q, %q) = %v, want nil", tt.app, tt.bot, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("checkServe(%q, %q) = %v, want %q", tt.app, tt.bot, err, tt.want)
		case err != nil && strings.Contains(err.Error(), "secret"):
			t.Errorf("checkServe error shows a token: %v", err)
		}
	}
}
