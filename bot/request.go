package bot

import (
	"context"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
)

// Source says how a request reached the bot.
type Source int

// The sources of a request.
const (
	Slash   Source = iota // a slash command
	Press                 // a button press
	Submit                // a modal submission
	Mention               // an @mention in a channel
	Direct                // a direct message
	Home                  // the App Home tab was opened
)

// Request is one thing a user asked of the bot, free of Slack types.
type Request struct {
	Source  Source
	Team    string
	Channel string
	User    string
	// Command is the canonical command name without the slash
	// ("cto-role", "jd", "interview"), whatever it is called in Slack.
	Command string
	Text    string // the command's arguments, or the message text
	// Action and Value identify a pressed button or a submitted modal.
	Action string
	Value  string
	// Values holds a modal's inputs by Input.ID. It is nil for a
	// submission that carried no state: the router refuses it as invalid,
	// so no handler reads a malformed form as an empty one.
	Values map[string]string
	// Admin is true when User is one of the configured admins.
	Admin bool
	At    time.Time
	// Claim is this delivery's claim on the request, which handlers pass
	// to every write they make so that a request Slack delivers twice has
	// one effect; nil when the request is not deduplicated.
	Claim *dedup.Claim
}

// Session returns the key of the channel's hiring session.
func (r Request) Session() hirebot.SessionKey {
	return hirebot.SessionKey{Team: r.Team, Channel: r.Channel}
}

// Reply is what a handler wants done in answer to a request. A zero Reply
// does nothing.
type Reply struct {
	// Card answers the user who asked: privately unless Public is set.
	Card   *Card
	Public bool
	// Replace, for a button press, replaces the message the button was on.
	Replace bool
	// Live says the channel's live draft message must be brought up to
	// date (posted when the channel has none yet, updated otherwise).
	Live bool
	// NewLive posts the live message anew, at the bottom of the channel.
	NewLive bool
	// File is uploaded to the channel.
	File *File
	// Modal is opened for the user.
	Modal *Modal
	// Announce is posted in the channel for everyone, besides Card (which
	// stays private): e.g. "2 of 3 scorecards in" after a private
	// confirmation.
	Announce *Card
	// AnnounceOf names what Announce reports on (a candidate's id, for
	// their progress), so that an adapter can post what the command's
	// Announcer says of it when the post goes out, one post at a time:
	// posts that race, or come late, still end on the current state.
	AnnounceOf string
	// AfterInvite is the command that does it again once the bot is in the
	// channel ("/jd show"), for when Slack refuses to post the live message
	// or the file because it is not.
	AfterInvite string
	// ErrorOnly marks a reply whose card only words an error (see
	// ErrorReply), which an adapter may show another way: beside the
	// input of a refused form. A handler's own card for an error is
	// always delivered as it is.
	ErrorOnly bool
}

// File is a document to upload.
type File struct {
	Name    string // file name, e.g. "cto-job-description.md"
	Title   string
	Content string
}

// Handler answers requests for one command. An error is worded for the
// user by the handler (see hirebot.Error) or by the router; a handler that
// returns both a Reply with a Card and an error has said the error in the
// card itself, and the error is only reported (metrics, logs).
type Handler interface {
	Handle(ctx context.Context, req Request) (Reply, error)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, req Request) (Reply, error)

// Handle calls f.
func (f HandlerFunc) Handle(ctx context.Context, req Request) (Reply, error) { return f(ctx, req) }
