package socket

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/hirebot/hirebot/bot"
)

// TestModalFailedSaysWhatHappened: a view Slack refuses is reported as a
// refusal with its code, not as Slack being slow.
func TestModalFailedSaysWhatHappened(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("open modal jd:save: %w", slack.SlackErrorResponse{Err: "invalid_blocks"}), "Slack refused the editor (invalid_blocks)"},
		{slack.SlackErrorResponse{Err: "invalid_arguments", ResponseMetadata: slack.ResponseMetadata{Messages: []string{"[ERROR] too many blocks"}}},
			"Slack said: [ERROR] too many blocks"},
		{slack.SlackErrorResponse{Err: "expired_trigger_id"}, "Slack took too long"},
		{errors.New("dial tcp: connection refused"), "could not be reached"},
	}
	for _, tt := range tests {
		if got := modalFailed(tt.err).Intro; !strings.Contains(got, tt.want) {
			t.Errorf("modalFailed(%v) = %q, want it to say %q", tt.err, got, tt.want)
		}
	}
}

// TestAnnounceFailedSaysWhy: when the channel's progress line is refused
// because the bot is not in the channel, the user's own confirmation says
// so and how to fix it; other failures leave it as it is.
func TestAnnounceFailedSaysWhy(t *testing.T) {
	d := &Delivery{}
	d.SetBotName("recruitbot")
	saved := &bot.Card{Intro: "Your scorecard for Ada is saved.", Note: "Only you see it."}
	got := d.announceFailed(saved, fmt.Errorf("post: %w", slack.SlackErrorResponse{Err: "not_in_channel"}))
	if !strings.Contains(got.Note, "Only you see it. The channel was not told") || !strings.Contains(got.Note, "`/invite @recruitbot`") {
		t.Errorf("note = %q", got.Note)
	}
	if saved.Note != "Only you see it." {
		t.Errorf("the card passed in was changed: %q", saved.Note)
	}
	if got := d.announceFailed(saved, errors.New("dial tcp: refused")); got != saved {
		t.Errorf("another failure changed the card: %+v", got)
	}
	if got := d.announceFailed(nil, slack.SlackErrorResponse{Err: "not_in_channel"}); got != nil {
		t.Errorf("no card became %+v", got)
	}
}
