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
// with a reference and shown as "something went wrong".
const (
	Internal    Kind = iota // a bug or an unexpected failure
	Invalid                 // the input is wrong; the message says how to fix it
	NotFound                // the thing asked for does not exist
	Conflict                // someone else changed it first
	Unavailable             // a dependency (Redis, Slack) is down for now; try again
	Forbidden               // the user may not do this
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
	}
	return "internal"
}

// A Kinded error knows its kind. Lower layers return typed errors that
// carry data, not words (draft.StaleError, FullError, …); they implement
// Kinded so callers can branch on the kind, and handlers word them for
// users with the configured command names.
type Kinded interface {
	error
	ErrorKind() Kind
}

// Error is an error with a kind and a message safe to show to a user.
// Handlers write the message; a lower layer leaves it empty and names the
// cause in Err.
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

// ErrorKind returns e.Kind.
func (e *Error) ErrorKind() Kind { return e.Kind }

// Errorf returns an *Error of kind k whose user message is formatted from
// format and args.
func Errorf(k Kind, format string, args ...any) error {
	return &Error{Kind: k, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error of kind k with a user message and a cause.
func Wrap(k Kind, err error, message string) error {
	return &Error{Kind: k, Message: message, Err: err}
}

// KindOf returns the kind of the first Kinded error in err's chain, or
// Internal.
func KindOf(err error) Kind {
	var e Kinded
	if errors.As(err, &e) {
		return e.ErrorKind()
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

// FullError says a list holds as many items as it may: What names the
// list ("the interview kit"), Cap is its capacity. Its kind is Invalid.
type FullError struct {
	What string
	Cap  int
}

// Error describes e for logs.
func (e *FullError) Error() string { return fmt.Sprintf("%s is full (%d items)", e.What, e.Cap) }

// ErrorKind returns Invalid.
func (e *FullError) ErrorKind() Kind { return Invalid }

// RangeError says N picks none of the Size items of a list (Size 0: the
// list is empty). What names the list. Its kind is Invalid.
type RangeError struct {
	What    string
	N, Size int
}

// Error describes e for logs.
func (e *RangeError) Error() string {
	return fmt.Sprintf("%s has no item %d (it has %d)", e.What, e.N, e.Size)
}

// ErrorKind returns Invalid.
func (e *RangeError) ErrorKind() Kind { return Invalid }

// SessionKey names one channel's hiring session in one workspace. Nothing is
// shared between two keys.
type SessionKey struct {
	Team    string
	Channel string
}

// String returns "TEAM:CHANNEL".
func (k SessionKey) String() string { return k.Team + ":" + k.Channel }

// GoneError says a button or form was shown for an object that is gone
// — removed, cleared or expired — perhaps with another of the same name
// in its place since: What names the kind of object ("kit",
// "candidate"). Nothing was done. Its kind is Conflict.
type GoneError struct {
	What string
}

// Error describes e for logs.
func (e *GoneError) Error() string { return "the " + e.What + " it was shown for is gone" }

// ErrorKind returns Conflict.
func (e *GoneError) ErrorKind() Kind { return Conflict }
