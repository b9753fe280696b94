package main

import (
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/kelseyhightower/envconfig"
)

// config is everything hirebot reads from the environment. Only this
// package reads the environment.
type config struct {
	AppToken        string        `envconfig:"SLACK_APP_TOKEN"`
	BotToken        string        `envconfig:"SLACK_BOT_TOKEN"`
	APIURL          string        `envconfig:"SLACK_API_URL" default:"https://slack.com/api/"`
	RedisURL        string        `envconfig:"REDIS_URL"`
	HTTPAddr        string        `envconfig:"HIREBOT_HTTP_ADDR" default:":8080"`
	LogLevel        string        `envconfig:"HIREBOT_LOG_LEVEL" default:"info"`
	LogFormat       string        `envconfig:"HIREBOT_LOG_FORMAT" default:"json"`
	KnowledgeDir    string        `envconfig:"HIREBOT_KNOWLEDGE_DIR"`
	SessionTTL      time.Duration `envconfig:"HIREBOT_SESSION_TTL" default:"720h"`
	Admins          []string      `envconfig:"HIREBOT_ADMINS"`
	AllowedChannels []string      `envconfig:"HIREBOT_ALLOWED_CHANNELS"`
	Connections     int           `envconfig:"HIREBOT_CONNECTIONS" default:"2"`
	ShutdownTimeout time.Duration `envconfig:"HIREBOT_SHUTDOWN_TIMEOUT" default:"10s"`
	PingTimeout     time.Duration `envconfig:"HIREBOT_PING_TIMEOUT" default:"30s"`
	Workers         int           `envconfig:"HIREBOT_WORKERS" default:"0"` // 0: socket.DefaultWorkers()
	CTORoleCommand  string        `envconfig:"HIREBOT_CTO_ROLE_COMMAND" default:"/cto-role"`
	JDCommand       string        `envconfig:"HIREBOT_JD_COMMAND" default:"/jd"`
	InterviewCmd    string        `envconfig:"HIREBOT_INTERVIEW_COMMAND" default:"/interview"`
}

// loadConfig reads the environment and checks what every mode needs.
func loadConfig() (config, error) {
	var c config
	if err := envconfig.Process("", &c); err != nil {
		return c, fmt.Errorf("read configuration: %w", err)
	}
	for _, p := range []*string{&c.CTORoleCommand, &c.JDCommand, &c.InterviewCmd} {
		*p = "/" + strings.TrimPrefix(strings.TrimSpace(*p), "/")
		if n := len(*p); n < 2 || n > 32 {
			return c, fmt.Errorf("command name %q must be 1 to 31 characters after the slash", *p)
		}
	}
	if !strings.HasSuffix(c.APIURL, "/") {
		c.APIURL += "/"
	}
	if c.Connections < 1 || c.Connections > 10 {
		return c, fmt.Errorf("HIREBOT_CONNECTIONS is %d; Slack allows 1 to 10 per app", c.Connections)
	}
	if c.SessionTTL < time.Hour {
		return c, fmt.Errorf("HIREBOT_SESSION_TTL is %s; use at least 1h", c.SessionTTL)
	}
	if c.Workers < 0 || c.Workers > 1024 {
		return c, fmt.Errorf("HIREBOT_WORKERS is %d; use 1 to 1024, or 0 for twice the CPUs (at least 4)", c.Workers)
	}
	if c.PingTimeout < time.Second {
		return c, fmt.Errorf("HIREBOT_PING_TIMEOUT is %s; use at least 1s (Slack pings every few seconds)", c.PingTimeout)
	}
	if _, err := parseLevel(c.LogLevel); err != nil {
		return c, err
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		return c, fmt.Errorf("HIREBOT_LOG_FORMAT is %q; use json or text", c.LogFormat)
	}
	return c, nil
}

// checkTokens is the check serve makes before connecting: both tokens
// present and of the right type. The message never includes a token.
func (c config) checkTokens() error {
	switch {
	case c.AppToken == "":
		return fmt.Errorf("SLACK_APP_TOKEN is not set: create an app-level token (xapp-…) with connections:write, or try hirebot without Slack: hirebot shell")
	case !strings.HasPrefix(c.AppToken, "xapp-"):
		return fmt.Errorf("SLACK_APP_TOKEN does not start with xapp-: it must be an app-level token, or try hirebot without Slack: hirebot shell")
	case c.BotToken == "":
		return fmt.Errorf("SLACK_BOT_TOKEN is not set: use the bot token (xoxb-…) from OAuth & Permissions, or try hirebot without Slack: hirebot shell")
	case !strings.HasPrefix(c.BotToken, "xoxb-"):
		return fmt.Errorf("SLACK_BOT_TOKEN does not start with xoxb-: it must be a bot token, or try hirebot without Slack: hirebot shell")
	}
	return nil
}

// parseLevel reads HIREBOT_LOG_LEVEL.
func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return l, fmt.Errorf("HIREBOT_LOG_LEVEL is %q; use debug, info, warn or error", s)
	}
	return l, nil
}

// set turns a list of ids into a set.
func set(ids []string) map[string]bool {
	m := map[string]bool{}
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" {
			m[id] = true
		}
	}
	return m
}
