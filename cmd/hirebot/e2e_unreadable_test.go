package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/internal/slacktest"
)

// TestUnreadableEnvelopesAreAcked sends envelopes slack-go cannot parse —
// an inner event type it does not know, fields of the wrong type, an
// envelope type it does not know — each carrying a secret in what a user
// wrote. Every one is acked (Slack would redeliver it otherwise), logged
// with its type, size and ids, and the secret is in no log line at debug
// level, nor is that of a command the bot handled.
func TestUnreadableEnvelopesAreAcked(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	cfg.LogLevel = "debug"
	b := MustStartBot(t, fake, cfg)
	const secret = "Zq7-SECRET-MARKER-in-user-text"

	MustCommand(t, fake, "C1", "U1", "/jd", "start cto", "Started a draft")
	MustCommand(t, fake, "C1", "U1", "/jd", "add benefits "+secret, "Added to benefits")

	payload := func(v any) json.RawMessage {
		p, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		env  slacktest.Envelope
	}{
		{"unknown inner event type", slacktest.Envelope{Type: slacktest.TypeEventsAPI, Payload: payload(map[string]any{
			"type": "event_callback", "team_id": fake.TeamID(), "event_id": "EvUNKNOWN1",
			"event": map[string]any{"type": "hirebot_never_heard_of_it", "text": secret, "user": "U1"},
		})}},
		{"slash command with a field of the wrong type", slacktest.Envelope{Type: slacktest.TypeSlashCommands, AcceptsResponsePayload: true,
			Payload: payload(map[string]any{"team_id": fake.TeamID(), "channel_id": "C1", "user_id": 42, "command": "/jd", "text": "add benefits " + secret})}},
		{"interaction with a field of the wrong type", slacktest.Envelope{Type: slacktest.TypeInteractive, Payload: payload(map[string]any{
			"type": "block_actions", "team": map[string]any{"id": fake.TeamID()}, "user": "U1",
			"actions": []any{map[string]any{"action_id": "jd:add", "value": secret}},
		})}},
		{"unknown envelope type", slacktest.Envelope{Type: "hirebot_unknown_envelope", Payload: payload(map[string]any{"text": secret})}},
		{"redelivered unreadable envelope", slacktest.Envelope{Type: slacktest.TypeEventsAPI, RetryAttempt: 2, RetryReason: "timeout",
			Payload: payload(map[string]any{"type": "event_callback", "event": map[string]any{"type": 7, "text": secret}})}},
	}
	for i := range tests {
		tt := &tests[i]
		t.Run(tt.name, func(t *testing.T) {
			tt.env.ID = "env-unreadable-" + strings.ReplaceAll(tt.name, " ", "-")
			ack := MustSendEnvelope(t, fake, tt.env)
			if ack.EnvelopeID != tt.env.ID {
				t.Errorf("acked %q, want %q", ack.EnvelopeID, tt.env.ID)
			}
			mustLogLine(t, b, "could not read", tt.env.ID, `"size":`, `"type":"`+tt.env.Type+`"`)
		})
	}

	logs := b.logs.String()
	unreadable, lines := 0, strings.Split(logs, "\n")
	for i, line := range lines {
		if strings.Contains(line, secret) {
			t.Errorf("log line %d shows what a user wrote: %.300s", i+1, line)
		}
		if strings.Contains(line, "could not read") {
			unreadable++
			if len(line) > 600 {
				t.Errorf("log line %d of an unreadable envelope is %d bytes", i+1, len(line))
			}
		}
	}
	t.Logf("%d unreadable envelopes acked; %d log lines at debug level, none with the secret", unreadable, len(lines))
	MustNoViolations(t, fake)
}
