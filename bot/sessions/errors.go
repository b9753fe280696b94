package sessions

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"

	"github.com/hirebot/hirebot"
	"github.com/redis/go-redis/v9"
)

// The errors a Store returns that callers branch on, with errors.Is. They
// carry kinds, not words: handlers say them to users.
var (
	// ErrNoDraft: the channel has no draft (none was started, or it
	// expired or was discarded). Kind NotFound.
	ErrNoDraft = &hirebot.Error{Kind: hirebot.NotFound, Err: errors.New("sessions: the channel has no draft")}
	// ErrDraftExists: CreateDraft found a draft in the channel. Kind
	// Conflict.
	ErrDraftExists = &hirebot.Error{Kind: hirebot.Conflict, Err: errors.New("sessions: the channel has a draft already")}
	// ErrBusy: a change kept losing races with other writers until its
	// retries or its context ran out. Kind Conflict.
	ErrBusy = &hirebot.Error{Kind: hirebot.Conflict, Err: errors.New("sessions: too many writers at once")}
)

// storeError wraps err from the Redis operation op: an outage, a timeout
// or a server that is loading becomes hirebot.Unavailable, credentials
// Redis refuses a *CredentialsError, anything else an internal error.
func storeError(op string, err error) error {
	if err == nil {
		return nil
	}
	err = fmt.Errorf("sessions: %s: %w", op, err)
	if ce := credentialsRefused(err); ce != nil {
		return ce
	}
	if transient(err) {
		return &hirebot.Error{Kind: hirebot.Unavailable, Err: err}
	}
	return err
}

// transient reports whether err means Redis cannot be reached or cannot
// answer for now.
func transient(err error) bool {
	for _, target := range []error{
		context.DeadlineExceeded, context.Canceled,
		redis.ErrClosed, redis.ErrPoolTimeout, redis.ErrPoolExhausted,
		io.EOF, io.ErrUnexpectedEOF, net.ErrClosed,
		syscall.ECONNREFUSED, syscall.ECONNRESET, syscall.ECONNABORTED, syscall.EPIPE,
		syscall.EHOSTUNREACH, syscall.ENETUNREACH,
	} {
		if errors.Is(err, target) {
			return true
		}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		return true
	}
	// Redis replies that mean "not now" rather than "never".
	for _, prefix := range []string{"LOADING", "CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN", "READONLY", "BUSY", "NOREPLICAS"} {
		if redis.HasErrorPrefix(err, prefix) {
			return true
		}
	}
	return false
}
