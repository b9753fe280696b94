package sessions

import (
	"errors"
	"strings"
	"testing"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/internal/redistest"
)

// TestCredentialsRefused runs a real redis-server that requires a
// password: no password, a wrong one and an unknown user are each a
// *CredentialsError (Missing only for none), of kind Unavailable, whose
// message holds Redis's reply and never the password; the right one
// answers.
func TestCredentialsRefused(t *testing.T) {
	srv := redistest.MustStartWithPassword(t, "s3cret-pw")
	host := strings.TrimPrefix(srv.URL(), "redis://:s3cret-pw@")
	tests := []struct {
		name    string
		url     string
		refused bool
		missing bool
		reply   string
	}{
		{"no password", "redis://" + host, true, true, "NOAUTH"},
		{"wrong password", "redis://:wrong-pw@" + host, true, false, "WRONGPASS"},
		{"unknown user", "redis://nobody:s3cret-pw@" + host, true, false, "invalid username-password pair"},
		{"right password", srv.URL(), false, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(MustOpen(t, tt.url), Options{})
			err := s.Ping(t.Context())
			var ce *CredentialsError
			if got := errors.As(err, &ce); got != tt.refused {
				t.Fatalf("Ping = %v (%T); a CredentialsError: %v, want %v", err, err, got, tt.refused)
			}
			if !tt.refused {
				return
			}
			if ce.Missing != tt.missing {
				t.Errorf("Missing = %v, want %v (%v)", ce.Missing, tt.missing, err)
			}
			if hirebot.KindOf(err) != hirebot.Unavailable {
				t.Errorf("kind %v, want unavailable", hirebot.KindOf(err))
			}
			if !strings.Contains(err.Error(), tt.reply) || strings.Contains(err.Error(), "s3cret") || strings.Contains(err.Error(), "wrong-pw") {
				t.Errorf("error %q: want Redis's reply (%s) and no password", err, tt.reply)
			}
		})
	}
}
