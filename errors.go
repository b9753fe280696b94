// Package hirebot holds the few types every part of hirebot shares: the
// closed set of error kinds callers branch on, and the key that names one
// channel's hiring session.
package hirebot

import (
	"errors"
	"fmt"
)

// Kind is what went wrong, in terms a caller can act on.
type Kind int

// The kinds of error. Users see the message of Invalid, NotFound,
// Conflict, Unavailable and Forbidden errors; Internal errors are logged
// with a reference and shown as "something went wrong"; Duplicate ones
// are not shown at all.
const (
	Internal    Kind = iota // a bug or an unexpected failure
	Invalid                 // the input is wrong; the message says how to fix it
	NotFound                // the thing asked for does not exist
	Conflict                // someone else changed it first
	Unavailable             // a dependency (Redis, Slack) is down for now; try again
	Forbidden               // the user may not do this
	// Duplicate says the request was already handled: it is a second
	// delivery of one Slack already delivered. Nobody is told anything.
	Duplicate
)

// String names the kind for logs and metrics.
func (k Kind) String() string {
	switch k {
	case Invalid:
		return "invalid"
	case NotFound:
		return "not_found"
	case Conflict:
		return "conflict"
	case Unavailable:
		return "unavailable"
	case Forbidden:
		return "forbidden"
	case Duplicate:
		return "duplicate"
	}
	return "internal"
}

// Error is an error with a kind and a message safe to show to a user.
type Error struct {
	Kind    Kind
	Message string // shown to the user; empty for Internal
	Err     error  // the cause, for logs
}

// Error returns the user message and, when there is one, the cause.
func (e *Error) Error() string {
	switch {
	case e.Err != nil && e.Message != "":
		return e.Message + ": " + e.Err.Error()
	case e.Err != nil:
		return e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error of kind k whose user message is formatted from
// format and args.
func Errorf(k Kind, format string, args ...any) error {
	return &Error{Kind: k, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error of kind k with a user message and a cause.
func Wrap(k Kind, err error, message string) error {
	return &Error{Kind: k, Message: message, Err: err}
}

// KindOf returns the kind of the first *Error in err's chain, or Internal.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// MessageOf returns the user message of the first *Error in err's chain, or
// "" when there is none (an internal error).
func MessageOf(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Kind != Internal {
		return e.Message
	}
	return ""
}

// SessionKey names one channel's hiring session in one workspace. Nothing is
// shared between two keys.
type SessionKey struct {
	Team    string
	Channel string
}

// String returns "TEAM:CHANNEL".
func (k SessionKey) String() string { return k.Team + ":" + k.Channel }
