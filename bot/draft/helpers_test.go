package draft

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
)

// at returns a fixed time, minute minutes after the draft was started.
func at(minute int) time.Time {
	return time.Date(2025, time.March, 1, 9, minute, 0, 0, time.UTC)
}

// template is the content the test drafts start from.
func template() Content {
	return Content{
		Sections: map[Section][]Item{
			Responsibilities: {
				{Text: "Set the technical strategy", Source: "cto.strategy"},
				{Text: "Build and lead the engineering team", Source: "cto.team"},
				{Text: "Own the architecture", Source: "cto.architecture"},
			},
			Requirements: {
				{Text: "Ten years of software engineering", Source: "cto.experience"},
				{Text: "Led a team of 20 or more engineers", Source: "cto.leadership"},
				{Text: "Shipped products at scale", Source: "cto.delivery"},
			},
			Benefits: {
				{Text: "Equity", Source: "benefits.equity"},
			},
		},
	}
}

// MustNew returns a draft for a CTO owned by U1, started from template.
func MustNew(tb testing.TB) *Draft {
	tb.Helper()
	d, _, err := New(Start{
		Role:     "cto",
		Kind:     "technical-leader",
		Title:    "Chief Technology Officer",
		Owner:    "U1",
		At:       at(0),
		Template: template(),
	})
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return d
}

// MustApply applies c to d and fails the test if it is refused.
func MustApply(tb testing.TB, d *Draft, c Change) Entry {
	tb.Helper()
	if c.By == "" {
		c.By = "U2"
	}
	if c.At.IsZero() {
		c.At = at(d.Version)
	}
	e, err := d.Apply(c)
	if err != nil {
		tb.Fatalf("Apply(%+v): %v", c, err)
	}
	return e
}

// MustFail applies c to d, fails the test unless it is refused with an
// error of kind k whose message contains msg, and checks d did not change.
func MustFail(tb testing.TB, d *Draft, c Change, k hirebot.Kind, msg string) {
	tb.Helper()
	before := d.Clone()
	_, err := d.Apply(c)
	var herr *hirebot.Error
	switch {
	case err == nil:
		tb.Fatalf("Apply(%+v) = nil error, want %v %q", c, k, msg)
	case !errors.As(err, &herr):
		tb.Fatalf("Apply(%+v) = %v, not a *hirebot.Error", c, err)
	case herr.Kind != k || !strings.Contains(herr.Message, msg):
		tb.Fatalf("Apply(%+v) = %v %q, want %v containing %q", c, herr.Kind, herr.Message, k, msg)
	}
	if !reflect.DeepEqual(before, d) {
		tb.Fatalf("Apply(%+v) failed but changed the draft:\nbefore %+v\nafter  %+v", c, before, d)
	}
}

// texts of a section, for comparing.
func sectionTexts(d *Draft, s Section) []string {
	return texts(d.Sections[s])
}
