package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/hirebot/hirebot/bot/dedup"
)

// The policies every request keeps, as middleware: who is an admin, where
// a command may be used, that a panic becomes a reply, and that a request
// Slack delivers twice has one effect. cmd/hirebot wraps the router in
// them (Router.Use) and a command's handler in the ones that are its own
// (InChannels), so that no handler checks them itself.

// Middleware wraps a Handler in a policy.
type Middleware func(Handler) Handler

// Chain returns h wrapped in mw, the first outermost.
func Chain(h Handler, mw ...Middleware) Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h
}

// Admins marks each request made by one of admins (user ids) as an
// admin's (Request.Admin), and every other as not.
func Admins(admins map[string]bool) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, req Request) (Reply, error) {
			req.Admin = admins[req.User]
			return next.Handle(ctx, req)
		})
	}
}

// InChannels lets a command be used only in channels (when there are
// any): elsewhere the request is answered with refusal, worded by the
// command's handler, and nothing else happens.
func InChannels(channels map[string]bool, refusal error) Middleware {
	return func(next Handler) Handler {
		if len(channels) == 0 {
			return next
		}
		return HandlerFunc(func(ctx context.Context, req Request) (Reply, error) {
			if !channels[req.Channel] {
				return Reply{}, refusal
			}
			return next.Handle(ctx, req)
		})
	}
}

// Recover turns a panic in the handler into "something went wrong (ref
// …)", logged with the reference, the command and the stack.
func Recover(log *slog.Logger) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, req Request) (reply Reply, err error) {
			defer func() {
				if p := recover(); p != nil {
					ref := newRef()
					log.ErrorContext(ctx, "handler panicked", "ref", ref, "command", req.Command,
						"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
					err = fmt.Errorf("panic: %v", p)
					reply = ErrorReply(err, ref)
				}
			}()
			return next.Handle(ctx, req)
		})
	}
}

// ClaimRecorder records a request's claim (and what the request is owed)
// across every replica; dedup.ErrDuplicate when another delivery of the
// request recorded it first.
type ClaimRecorder interface {
	RecordClaim(ctx context.Context, c *dedup.Claim) error
}

// claimWait bounds recording a claim after the handler: a store too slow
// for it leaves the reply to be sent anyway.
const claimWait = 500 * time.Millisecond

// Dedup makes a request Slack delivers twice have one effect, and be
// answered once: the request's first write records its claim
// (Request.Claim) in the store; when the handler wrote nothing, Dedup
// records the claim itself before the reply goes. A delivery whose claim
// another delivery recorded (dedup.ErrDuplicate) gets a zero Reply, and
// nobody is told anything twice. A claim whose write's outcome is unknown
// (dedup.Claim.Unsettled) is left for the adapter to settle.
func Dedup(claims ClaimRecorder, log *slog.Logger) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, req Request) (Reply, error) {
			reply, err := next.Handle(ctx, req)
			if errors.Is(err, dedup.ErrDuplicate) {
				return Reply{}, err
			}
			if !req.Claim.Pending() || req.Claim.Unsettled() {
				return reply, err
			}
			cctx, cancel := context.WithTimeout(ctx, claimWait)
			cerr := claims.RecordClaim(cctx, req.Claim)
			cancel()
			switch {
			case errors.Is(cerr, dedup.ErrDuplicate):
				return Reply{}, cerr
			case cerr != nil:
				log.WarnContext(ctx, "dedup unavailable; replying anyway", "err", cerr)
			}
			return reply, err
		})
	}
}
