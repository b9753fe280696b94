package jd

import (
	"errors"
	"strings"
	"testing"

	"github.com/hirebot/hirebot"
)

// TestMessagesNameEveryRole: help and the messages that list roles or kinds
// take them from the knowledge pack, so every role with a template is named.
func TestMessagesNameEveryRole(t *testing.T) {
	_, h := embeddedHandler(t)
	var help []string
	for _, p := range h.help().Parts {
		help = append(help, p.Items...)
	}
	notFound := hirebot.MessageOf(h.word(&hirebot.Error{Kind: hirebot.NotFound, Err: errors.New("store: no draft")}))
	for _, tt := range []struct{ where, text, want string }{
		{"help", strings.Join(help, "\n"), "roles: cto (kinds technical-leader, operational, infrastructure), cio, ciso, vp-engineering, head-of-data (kinds analytics, data-platform, machine-learning)"},
		{"no draft", notFound, "Start one with /jd start cto, or another role: cio, ciso, vp-engineering, head-of-data."},
		{"kinds", h.kinds(), "technical-leader, operational, infrastructure (CTO); analytics, data-platform, machine-learning (Head of Data)"},
	} {
		if !strings.Contains(tt.text, tt.want) {
			t.Errorf("%s = %q; want it to contain %q", tt.where, tt.text, tt.want)
		}
	}
}
