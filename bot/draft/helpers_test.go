package draft

import (
	"errors"
	"reflect"
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
// error of kind k that carries the data of want (a *Error or a
// *StaleError), and checks d did not change.
func MustFail(tb testing.TB, d *Draft, c Change, k hirebot.Kind, want error) {
	tb.Helper()
	before := d.Clone()
	_, err := d.Apply(c)
	switch {
	case err == nil:
		tb.Fatalf("Apply(%+v) = nil error, want %v %v", c, k, want)
	case hirebot.KindOf(err) != k || !sameError(err, want):
		tb.Fatalf("Apply(%+v) = %v %v, want %v %v", c, hirebot.KindOf(err), err, k, want)
	}
	if !reflect.DeepEqual(before, d) {
		tb.Fatalf("Apply(%+v) failed but changed the draft:\nbefore %+v\nafter  %+v", c, before, d)
	}
}

// sameError reports whether err is a *Error or *StaleError carrying the
// same data as want.
func sameError(err, want error) bool {
	switch w := want.(type) {
	case *Error:
		var e *Error
		return errors.As(err, &e) && *e == *w
	case *StaleError:
		var e *StaleError
		return errors.As(err, &e) && *e == *w
	}
	return false
}

// texts of a section, for comparing.
func sectionTexts(d *Draft, s Section) []string {
	return texts(d.Sections[s])
}
