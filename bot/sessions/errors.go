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

// User messages.
const (
	msgUnavailable = "storage unavailable, try again in a moment"
	msgNoDraft     = "there is no draft in this channel; start one with /jd start cto"
	msgDraftExists = "this channel already has a draft; see it with /jd show, or discard it with /jd discard first"
	msgBusy        = "too many people are editing at once; try again"
)

// storeError wraps err from the Redis operation op: an outage, a timeout
// or a server that is loading becomes hirebot.Unavailable, anything else an
// internal error.
func storeError(op string, err error) error {
	if err == nil {
		return nil
	}
	err = fmt.Errorf("sessions: %s: %w", op, err)
	if transient(err) {
		return hirebot.Wrap(hirebot.Unavailable, err, msgUnavailable)
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
