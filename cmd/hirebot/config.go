package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/kelseyhightower/envconfig"

	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/knowledge/locale"
)

// config is everything hirebot reads from the environment. Only this
// package reads the environment, and only loadConfig does: serve and the
// other subcommands take a config value, so tests pass a literal one.
type config struct {
	AppToken        string        `envconfig:"SLACK_APP_TOKEN"`
	BotToken        string        `envconfig:"SLACK_BOT_TOKEN"`
	APIURL          string        `envconfig:"SLACK_API_URL" default:"https://slack.com/api/"`
	RedisURL        string        `envconfig:"REDIS_URL"`
	RequireRedis    bool          `envconfig:"HIREBOT_REQUIRE_REDIS" default:"false"`
	HTTPAddr        string        `envconfig:"HIREBOT_HTTP_ADDR" default:":8080"`
	LogLevel        string        `envconfig:"HIREBOT_LOG_LEVEL" default:"info"`
	LogFormat       string        `envconfig:"HIREBOT_LOG_FORMAT" default:"json"`
	KnowledgeDir    string        `envconfig:"HIREBOT_KNOWLEDGE_DIR"`
	SessionTTL      time.Duration `envconfig:"HIREBOT_SESSION_TTL" default:"720h"`
	CandidateTTL    time.Duration `envconfig:"HIREBOT_CANDIDATE_TTL" default:"2160h"`
	RecordRetention time.Duration `envconfig:"HIREBOT_RECORD_RETENTION" default:"9600h"`
	RemindAfter     time.Duration `envconfig:"HIREBOT_SCORECARD_REMIND_AFTER" default:"24h"`
	RemindEvery     time.Duration `envconfig:"HIREBOT_SCORECARD_REMIND_EVERY" default:"24h"`
	RemindMax       int           `envconfig:"HIREBOT_SCORECARD_REMIND_MAX" default:"5"`
	Admins          []string      `envconfig:"HIREBOT_ADMINS"`
	AllowedChannels []string      `envconfig:"HIREBOT_ALLOWED_CHANNELS"`
	Connections     int           `envconfig:"HIREBOT_CONNECTIONS" default:"2"`
	ShutdownTimeout time.Duration `envconfig:"HIREBOT_SHUTDOWN_TIMEOUT" default:"10s"`
	PingTimeout     time.Duration `envconfig:"HIREBOT_PING_TIMEOUT" default:"30s"`
	Workers         int           `envconfig:"HIREBOT_WORKERS" default:"0"` // 0: socket.DefaultWorkers()
	CTORoleCommand  string        `envconfig:"HIREBOT_CTO_ROLE_COMMAND" default:"/cto-role"`
	JDCommand       string        `envconfig:"HIREBOT_JD_COMMAND" default:"/jd"`
	InterviewCmd    string        `envconfig:"HIREBOT_INTERVIEW_COMMAND" default:"/interview"`
	// Locale is the locale a new draft is written for until one is set or
	// its location makes one clear: us, uk, eu or ca.
	Locale string `envconfig:"HIREBOT_LOCALE" default:"us"`

	// StartRetry bounds the backoff between start-up attempts while Slack
	// cannot be reached; zero means the defaults (startBackoff). Not read
	// from the environment: tests shorten it.
	StartRetry backoff `ignored:"true"`
	// SlackTimeout bounds every Slack call; zero means slackCallTimeout.
	// Not read from the environment: tests shorten it.
	SlackTimeout time.Duration `ignored:"true"`
}

// configError is a configuration problem: one plain line that names the
// variable and says what is wrong. The process exits 2 on one.
type configError struct{ msg string }

func (e *configError) Error() string { return e.msg }

// configErrorf returns a configError.
func configErrorf(format string, args ...any) error {
	return &configError{msg: fmt.Sprintf(format, args...)}
}

// loadConfig reads the process environment (envconfig can read nothing
// else) and checks every setting. Every error is a *configError.
func loadConfig() (config, error) {
	var c config
	if err := envconfig.Process("", &c); err != nil {
		return c, plainEnvError(err)
	}
	return c, c.check()
}

// plainEnvError words an envconfig error without the library's internals
// ("envconfig.Process: assigning …").
func plainEnvError(err error) error {
	var pe *envconfig.ParseError
	if !errors.As(err, &pe) {
		return configErrorf("reading the environment failed: %v", err)
	}
	what := "a value of the wrong kind"
	switch pe.TypeName {
	case "time.Duration":
		what = "not a duration; use a number and a unit, e.g. 90s, 30m or 720h"
	case "int":
		what = "not a whole number"
	case "bool":
		what = "not true or false"
	}
	return configErrorf("%s is %q: %s", pe.KeyName, pe.Value, what)
}

// commandName is what Slack accepts as a slash command: a slash, then lower
// case letters, digits, '-' and '_', 32 characters in all at most.
var commandName = regexp.MustCompile(`^/[a-z0-9_-]{1,31}$`)

// slackID is the shape of a Slack user or channel id.
var slackID = regexp.MustCompile(`^[A-Z0-9]{2,32}$`)

// check validates and normalises c.
func (c *config) check() error {
	names := []struct {
		v   *string
		env string
	}{{&c.CTORoleCommand, "HIREBOT_CTO_ROLE_COMMAND"}, {&c.JDCommand, "HIREBOT_JD_COMMAND"}, {&c.InterviewCmd, "HIREBOT_INTERVIEW_COMMAND"}}
	seen := map[string]string{}
	for _, n := range names {
		raw := *n.v
		*n.v = strings.TrimSpace(raw)
		if !strings.HasPrefix(*n.v, "/") {
			*n.v = "/" + *n.v
		}
		if !commandName.MatchString(*n.v) {
			return configErrorf("%s is %q: a command name is a / and then 1 to 31 lower-case letters, digits, - or _", n.env, raw)
		}
		if other, dup := seen[*n.v]; dup {
			return configErrorf("%s is %s, the same as %s: the three commands need three different names", n.env, *n.v, other)
		}
		seen[*n.v] = n.env
	}
	u, err := url.Parse(c.APIURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return configErrorf("SLACK_API_URL is %q: use an http:// or https:// URL, e.g. https://slack.com/api/", c.APIURL)
	}
	if !strings.HasSuffix(c.APIURL, "/") {
		c.APIURL += "/"
	}
	if c.RedisURL != "" {
		if err := sessions.CheckURL(c.RedisURL); err != nil {
			return configErrorf("REDIS_URL is not a Redis URL hirebot can use: %v", err)
		}
	}
	if c.KnowledgeDir != "" {
		if st, err := os.Stat(c.KnowledgeDir); err != nil {
			return configErrorf("HIREBOT_KNOWLEDGE_DIR is %q: %v", c.KnowledgeDir, unwrapPath(err))
		} else if !st.IsDir() {
			return configErrorf("HIREBOT_KNOWLEDGE_DIR is %q: not a directory (a knowledge pack is laid out like knowledge/data)", c.KnowledgeDir)
		}
	}
	if err := checkListenAddr(c.HTTPAddr); err != nil {
		return configErrorf("HIREBOT_HTTP_ADDR is %q: %v", c.HTTPAddr, err)
	}
	switch {
	case c.Connections < 1 || c.Connections > 10:
		return configErrorf("HIREBOT_CONNECTIONS is %d: Slack allows 1 to 10 per app", c.Connections)
	case c.SessionTTL < time.Hour:
		return configErrorf("HIREBOT_SESSION_TTL is %s: use at least 1h", c.SessionTTL)
	case c.CandidateTTL < time.Hour:
		return configErrorf("HIREBOT_CANDIDATE_TTL is %s: use at least 1h (default 2160h, 90 days)", c.CandidateTTL)
	case c.RemindAfter < time.Second:
		return configErrorf("HIREBOT_SCORECARD_REMIND_AFTER is %s: use at least 1s (default 24h)", c.RemindAfter)
	case c.RemindEvery < time.Second:
		return configErrorf("HIREBOT_SCORECARD_REMIND_EVERY is %s: use at least 1s (default 24h)", c.RemindEvery)
	case c.RemindMax < 0 || c.RemindMax > 100:
		return configErrorf("HIREBOT_SCORECARD_REMIND_MAX is %d: use 0 (no reminders) to 100 (default 5)", c.RemindMax)
	case c.RecordRetention < time.Hour:
		return configErrorf("HIREBOT_RECORD_RETENTION is %s: use at least 1h (default 9600h, 400 days)", c.RecordRetention)
	case c.Workers < 0 || c.Workers > 1024:
		return configErrorf("HIREBOT_WORKERS is %d: use 1 to 1024, or 0 for twice the CPUs (at least 4)", c.Workers)
	case c.PingTimeout < time.Second:
		return configErrorf("HIREBOT_PING_TIMEOUT is %s: use at least 1s (Slack pings every few seconds)", c.PingTimeout)
	case c.ShutdownTimeout < 0:
		return configErrorf("HIREBOT_SHUTDOWN_TIMEOUT is %s: use 0s or more", c.ShutdownTimeout)
	}
	if _, err := parseLevel(c.LogLevel); err != nil {
		return err
	}
	if strings.TrimSpace(c.Locale) == "" {
		c.Locale = string(locale.US)
	}
	code, err := locale.ParseCode(c.Locale)
	if err != nil {
		return configErrorf("HIREBOT_LOCALE is %q: use us, uk, eu or ca", c.Locale)
	}
	c.Locale = string(code)
	if c.LogFormat != "json" && c.LogFormat != "text" {
		return configErrorf("HIREBOT_LOG_FORMAT is %q: use json or text", c.LogFormat)
	}
	for _, list := range []struct {
		ids  []string
		env  string
		like string
	}{{c.Admins, "HIREBOT_ADMINS", "U012AB3CD"}, {c.AllowedChannels, "HIREBOT_ALLOWED_CHANNELS", "C012AB3CD"}} {
		for _, id := range list.ids {
			if id = strings.TrimSpace(id); id != "" && !slackID.MatchString(id) {
				return configErrorf("%s has %q: use Slack ids separated by commas, like %s", list.env, id, list.like)
			}
		}
	}
	return nil
}

// checkListenAddr checks a host:port to listen on.
func checkListenAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return errors.New("use host:port or :port, e.g. :8080 or 127.0.0.1:8080")
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return errors.New("the port must be a number from 0 to 65535")
	}
	if strings.ContainsAny(host, " /") {
		return errors.New("the host is not a host name or IP address")
	}
	return nil
}

// checkServe is the check serve makes before connecting: both tokens
// present and of the right type, and Redis set when it is required. The
// message never includes a token.
func (c config) checkServe() error {
	switch {
	case c.RequireRedis && c.RedisURL == "":
		return configErrorf("REDIS_URL is not set and HIREBOT_REQUIRE_REDIS is true: set REDIS_URL to the Redis every replica shares (redis://…)")
	case c.AppToken == "":
		return configErrorf("SLACK_APP_TOKEN is not set: create an app-level token (xapp-…) with connections:write, or try hirebot without Slack: hirebot shell")
	case !strings.HasPrefix(c.AppToken, "xapp-"):
		return configErrorf("SLACK_APP_TOKEN does not start with xapp-: it must be an app-level token, or try hirebot without Slack: hirebot shell")
	case c.BotToken == "":
		return configErrorf("SLACK_BOT_TOKEN is not set: use the bot token (xoxb-…) from OAuth & Permissions, or try hirebot without Slack: hirebot shell")
	case !strings.HasPrefix(c.BotToken, "xoxb-"):
		return configErrorf("SLACK_BOT_TOKEN does not start with xoxb-: it must be a bot token, or try hirebot without Slack: hirebot shell")
	}
	return nil
}

// parseLevel reads HIREBOT_LOG_LEVEL.
func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return l, configErrorf("HIREBOT_LOG_LEVEL is %q: use debug, info, warn or error", s)
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
