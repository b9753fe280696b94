// Package home renders the App Home tab: how to use hirebot, and the
// drafts the user is working on.
package home

import (
	"context"
	"fmt"

	"github.com/hirebot/hirebot/bot"
)

// Drafts lists the channels where a user started or edited a draft that
// still exists.
type Drafts interface {
	UserDrafts(ctx context.Context, team, user string) ([]string, error)
}

// Handler renders the App Home tab.
type Handler struct {
	drafts   Drafts
	commands func() []bot.Command
}

// New returns a Handler; commands returns the command table to describe.
func New(drafts Drafts, commands func() []bot.Command) *Handler {
	return &Handler{drafts: drafts, commands: commands}
}

// Command returns the command-table entry for the App Home tab.
func (h *Handler) Command() bot.Command {
	return bot.Command{Name: "home", Summary: "The App Home tab", Handler: h}
}

// Handle renders the tab. A down store still shows the help.
func (h *Handler) Handle(ctx context.Context, req bot.Request) (bot.Reply, error) {
	c := &bot.Card{Title: "hirebot",
		Intro: "Hire technical leaders from Slack: look up what a CTO or CIO does, draft a job description together, and get structured interview questions."}
	jd := "/jd"
	for _, cmd := range h.commands() {
		if cmd.Name == "jd" {
			jd = cmd.Slash
		}
		if cmd.Slash == "" {
			continue
		}
		p := bot.Part{Heading: cmd.Slash + " " + cmd.Usage, Text: cmd.Summary}
		for _, ex := range cmd.Examples {
			p.Items = append(p.Items, ex)
		}
		c.Parts = append(c.Parts, p)
	}
	c.Parts = append(c.Parts, bot.Part{Heading: "Ask me", Text: "Mention @hirebot with a question in a channel, or send me a direct message."})
	channels, err := h.drafts.UserDrafts(ctx, req.Team, req.User)
	switch {
	case err != nil:
		c.Note = "Your drafts can't be listed right now (storage unavailable); try again in a moment."
	case len(channels) == 0:
		c.Parts = append(c.Parts, bot.Part{Heading: "Your drafts", Text: fmt.Sprintf("None yet. Start one in a channel with %s start cto.", jd)})
	default:
		c.Parts = append(c.Parts, bot.Part{Heading: fmt.Sprintf("Your drafts (%d)", len(channels)), Channels: channels})
	}
	return bot.Reply{Card: c}, nil
}
