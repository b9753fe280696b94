package socket

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/slack-go/slack"
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
