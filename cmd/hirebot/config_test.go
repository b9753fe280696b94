package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestLoadConfig checks the defaults and that every bad setting gets an
// error naming the variable and what to use instead.
func TestLoadConfig(t *testing.T) {
	// Start from an environment without hirebot's variables (t.Setenv
	// restores them afterwards).
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "HIREBOT_") || strings.HasPrefix(name, "SLACK_") || name == "REDIS_URL" {
			t.Setenv(name, "")
			os.Unsetenv(name)
		}
	}
	t.Run("defaults", func(t *testing.T) {
		c, err := loadConfig()
		if err != nil {
			t.Fatal(err)
		}
		if c.Connections != 2 || c.Workers != 0 || c.SessionTTL != 720*time.Hour || c.PingTimeout != 30*time.Second ||
			c.HTTPAddr != ":8080" || c.LogFormat != "json" || c.JDCommand != "/jd" || c.APIURL != "https://slack.com/api/" {
			t.Errorf("defaults = %+v", c)
		}
	})
	t.Run("normalized", func(t *testing.T) {
		t.Setenv("HIREBOT_JD_COMMAND", " hire-jd ")
		t.Setenv("SLACK_API_URL", "http://127.0.0.1:9/api")
		t.Setenv("HIREBOT_WORKERS", "12")
		c, err := loadConfig()
		if err != nil {
			t.Fatal(err)
		}
		if c.JDCommand != "/hire-jd" || c.APIURL != "http://127.0.0.1:9/api/" || c.Workers != 12 {
			t.Errorf("got command %q, API URL %q, workers %d", c.JDCommand, c.APIURL, c.Workers)
		}
	})
	bad := []struct{ name, value, want string }{
		{"HIREBOT_CONNECTIONS", "11", "1 to 10"},
		{"HIREBOT_CONNECTIONS", "0", "1 to 10"},
		{"HIREBOT_CONNECTIONS", "two", "HIREBOT_CONNECTIONS"},
		{"HIREBOT_WORKERS", "-1", "0 for twice the CPUs"},
		{"HIREBOT_WORKERS", "5000", "1 to 1024"},
		{"HIREBOT_SESSION_TTL", "10m", "at least 1h"},
		{"HIREBOT_SESSION_TTL", "a month", "HIREBOT_SESSION_TTL"},
		{"HIREBOT_PING_TIMEOUT", "100ms", "at least 1s"},
		{"HIREBOT_LOG_LEVEL", "loud", "debug, info, warn or error"},
		{"HIREBOT_LOG_FORMAT", "xml", "json or text"},
		{"HIREBOT_CTO_ROLE_COMMAND", "/", "1 to 31 characters"},
		{"HIREBOT_INTERVIEW_COMMAND", "/" + strings.Repeat("x", 40), "1 to 31 characters"},
	}
	for _, tt := range bad {
		t.Run(tt.name+"="+tt.value, func(t *testing.T) {
			t.Setenv(tt.name, tt.value)
			_, err := loadConfig()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("loadConfig with %s=%q = %v, want an error saying %q", tt.name, tt.value, err, tt.want)
			}
		})
	}
}

func TestCheckTokens(t *testing.T) {
	tests := []struct {
		app, bot, want string
	}{
		{"xapp-1-secret", "xoxb-secret", ""},
		{"", "xoxb-secret", "SLACK_APP_TOKEN is not set"},
		{"xoxb-secret", "xoxb-secret", "SLACK_APP_TOKEN does not start with xapp-"},
		{"xapp-1-secret", "", "SLACK_BOT_TOKEN is not set"},
		{"xapp-1-secret", "xoxp-secret", "SLACK_BOT_TOKEN does not start with xoxb-"},
	}
	for _, tt := range tests {
		err := config{AppToken: tt.app, BotToken: tt.bot}.checkTokens()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("checkTokens(%q, %q) = %v, want nil", tt.app, tt.bot, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("checkTokens(%q, %q) = %v, want %q", tt.app, tt.bot, err, tt.want)
		case err != nil && strings.Contains(err.Error(), "secret"):
			t.Errorf("checkTokens error shows a token: %v", err)
		}
	}
}
