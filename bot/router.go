// Package bot is hirebot's application layer: the request and reply model,
// the command table, and the router that sends each request to its handler
// and turns every failure into a reply. Adapters (Socket Mode, the shell)
// feed it requests and deliver its replies; handlers live in sub-packages.
package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
)

// Command is one entry of the command table: a slash command (or the
// pseudo-commands "ask" and "home") and its handler. Help is generated
// from this table.
type Command struct {
	Name     string   // canonical name: "cto-role", "jd", "interview", "ask", "home"
	Slash    string   // the configured slash name, e.g. "/cto-role"; "" for none
	Usage    string   // e.g. "[topic | question]"
	Summary  string   // one line
	Examples []string // full example invocations
	Handler  Handler
	// Quick marks a handler that does no I/O and answers in microseconds
	// with a card: adapters decide from it, before the handler runs, to
	// answer inline (in a slash command's ack), and run the handler once
	// either way.
	Quick bool
	// Mentions marks a command whose text names people (/jd owner @dana):
	// the app manifest asks Slack to send them escaped, as <@U123|dana>,
	// which is the only form that carries the user id.
	Mentions bool
}

// Router sends each request to the handler of its command, through the
// middleware it was given (Use), and turns errors into replies. It is safe
// for concurrent use once set up.
type Router struct {
	commands map[string]Command
	order    []string
	slash    map[string]string // "/cto-role" → "cto-role"
	log      *slog.Logger
	serve    Handler // the routing, in its middleware
}

// NewRouter returns a router over the given command table.
func NewRouter(log *slog.Logger, commands ...Command) *Router {
	r := &Router{commands: map[string]Command{}, slash: map[string]string{}, log: log}
	for _, c := range commands {
		r.commands[c.Name] = c
		r.order = append(r.order, c.Name)
		if c.Slash != "" {
			r.slash[c.Slash] = c.Name
		}
	}
	r.serve = HandlerFunc(r.route)
	return r
}

// Use wraps the routing of every request in mw, the first outermost, in
// front of any middleware given before: cmd/hirebot gives the request
// policies here (Recover, Admins, Dedup). Call it before serving.
func (r *Router) Use(mw ...Middleware) {
	r.serve = Chain(r.serve, mw...)
}

// Commands returns the command table in the order it was given.
func (r *Router) Commands() []Command {
	out := make([]Command, 0, len(r.order))
	for _, n := range r.order {
		out = append(out, r.commands[n])
	}
	return out
}

// Canonical returns the canonical name of a slash command as typed
// ("/jd" → "jd"), and whether it is known.
func (r *Router) Canonical(slash string) (string, bool) {
	n, ok := r.slash[strings.ToLower(slash)]
	return n, ok
}

// Quick reports whether the named command's handler is quick (see
// Command.Quick).
func (r *Router) Quick(name string) bool { return r.commands[name].Quick }

// SlashNames returns the configured slash names, sorted.
func (r *Router) SlashNames() []string {
	out := make([]string, 0, len(r.slash))
	for s := range r.slash {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Serve answers one request, through the router's middleware. It never
// fails: errors become replies that say what to do, and internal errors
// become "something went wrong" with a reference that is logged (a panic
// too, with Recover). It also returns the handler's error, for the caller
// to report (metrics); the reply already says it. A second delivery of a
// request (dedup.ErrDuplicate) gets a zero Reply: nobody is told anything
// twice.
func (r *Router) Serve(ctx context.Context, req Request) (Reply, error) {
	return r.serve.Handle(ctx, req)
}

// route sends req to its command's handler and words its error.
func (r *Router) route(ctx context.Context, req Request) (Reply, error) {
	cmd, ok := r.commands[req.Command]
	if !ok {
		err := hirebot.Errorf(hirebot.Invalid, "I don't know the command %q. Try %s.", req.Command, strings.Join(r.SlashNames(), ", "))
		return ErrorReply(err, ""), err
	}
	if req.Source == Submit && req.Values == nil {
		// A form without its state is malformed, not empty: reading it as
		// empty would wipe what the form edits.
		return ErrorReply(ErrMalformedForm, ""), ErrMalformedForm
	}
	reply, err := cmd.Handler.Handle(ctx, req)
	switch {
	case err == nil:
		return reply, nil
	case errors.Is(err, dedup.ErrDuplicate):
		return Reply{}, err
	case reply.Card != nil:
		return reply, err // the handler said it in the card
	}
	ref := ""
	if _, ok := userMessage(err); !ok {
		ref = newRef()
		r.log.ErrorContext(ctx, "handler failed", "ref", ref, "command", req.Command, "err", err)
	}
	return ErrorReply(err, ref), err
}

// userMessage returns what to tell a user about err: the message a handler
// wrote, or for a dependency that is down or a write that kept losing
// races, the same words for every command. It reports false when err has
// no words for users (an internal error, or a typed error no handler
// worded): that is logged with a reference.
func userMessage(err error) (string, bool) {
	if msg := hirebot.MessageOf(err); msg != "" {
		return msg, true
	}
	if errors.Is(err, dedup.ErrUnsettled) {
		return "storage unavailable for a moment, so whether your change was saved is not known yet: I'm finding out, and will tell you here", true
	}
	switch hirebot.KindOf(err) {
	case hirebot.Unavailable:
		return "storage unavailable, try again in a moment", true
	case hirebot.Conflict:
		return "too many people are editing at once; try again", true
	}
	return "", false
}

// ErrMalformedForm says a form submission could not be read (no state, or
// fields of the wrong type): nothing was changed. Kind Invalid.
var ErrMalformedForm = hirebot.Errorf(hirebot.Invalid,
	"That form arrived without its fields, or with fields it could not read, so nothing was changed. Open it again and resubmit.")

// ErrNoTime says a request waited too long for a worker to be handled in
// time for its ack: nothing was done. Kind Unavailable.
var ErrNoTime = hirebot.Wrap(hirebot.Unavailable, errors.New("bot: too busy to handle the request in time"),
	"Too busy to take that right now, so nothing was changed; try again in a moment.")

// ErrorReply turns an error into a private reply. ref is the log reference
// of an internal error.
func ErrorReply(err error, ref string) Reply {
	msg, ok := userMessage(err)
	title := "That didn't work"
	switch hirebot.KindOf(err) {
	case hirebot.Unavailable:
		title = "Storage unavailable"
	case hirebot.Conflict:
		title = "Someone changed it first"
	case hirebot.Forbidden:
		title = "Not allowed"
	case hirebot.NotFound:
		title = "Not found"
	}
	if !ok {
		title = "Something went wrong"
		msg = fmt.Sprintf("something went wrong (ref %s). It has been logged; please try again.", ref)
	}
	return Reply{Card: &Card{Title: title, Intro: msg}, ErrorOnly: true}
}

// SavedReply tells a user their change was saved when the store could
// confirm that it landed but not read back its result in time.
func SavedReply() Reply {
	return Reply{Card: &Card{Title: "Saved",
		Intro: "Your change was saved, but storage was too slow to say more: look at the draft to see it."}, Live: true}
}

// NotSavedReply tells a user their change was not saved, once a store that
// was too slow to say so before the ack (dedup.ErrUnsettled) has settled
// it: it can no longer apply.
func NotSavedReply() Reply {
	return Reply{Card: &Card{Title: "Not saved",
		Intro: "Your change was not saved: storage was too slow to take it in time, and it can no longer apply; try again."}}
}

// newRef returns a short random reference for an internal error.
func newRef() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
