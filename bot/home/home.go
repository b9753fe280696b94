// Package home renders the App Home tab: how to use hirebot, and the
// drafts the user is working on.
package home

import (
	"context"
	"fmt"
	"strings"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/scorecard"
)

// Drafts lists the channels where a user started or edited a draft that
// still exists.
type Drafts interface {
	UserDrafts(ctx context.Context, team, user string) ([]string, error)
}

// Scorecards lists, by channel, the candidates waiting for a user's
// scorecard.
type Scorecards interface {
	UserWaiting(ctx context.Context, team, user string) ([]scorecard.Waiting, error)
}

// Handler renders the App Home tab.
type Handler struct {
	drafts     Drafts
	scorecards Scorecards // nil: none listed
	commands   func() []bot.Command
}

// WithScorecards returns h listing the candidates waiting for the user's
// scorecard from s.
func (h *Handler) WithScorecards(s Scorecards) *Handler {
	h.scorecards = s
	return h
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
		Intro: "Hire technical leaders from Slack: look up what a CTO, CIO, CISO, VP of Engineering or Head of Data does, draft a job description together, and get structured interview questions."}
	jd, interview := "/jd", "/interview"
	for _, cmd := range h.commands() {
		switch cmd.Name {
		case "jd":
			jd = cmd.Slash
		case "interview":
			interview = cmd.Slash
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
	c.Parts = append(c.Parts, h.waiting(ctx, req, interview)...)
	return bot.Reply{Card: c}, nil
}

// waiting lists the candidates waiting for the user's scorecard, one part
// per channel. A down store says so instead.
func (h *Handler) waiting(ctx context.Context, req bot.Request, interview string) []bot.Part {
	if h.scorecards == nil {
		return nil
	}
	ws, err := h.scorecards.UserWaiting(ctx, req.Team, req.User)
	switch {
	case err != nil:
		return []bot.Part{{Heading: "Scorecards to submit", Text: "They can't be listed right now (storage unavailable); try again in a moment."}}
	case len(ws) == 0:
		return []bot.Part{{Heading: "Scorecards to submit", Text: fmt.Sprintf("None waiting. %s scorecard <name> in a channel opens one.", interview)}}
	}
	var parts []bot.Part
	for i := 0; i < len(ws); {
		j := i
		var names []string
		for ; j < len(ws) && ws[j].Channel == ws[i].Channel; j++ {
			name := ws[j].Name
			if !ws[j].Due.IsZero() {
				name += " (reminder due " + ws[j].Due.UTC().Format("2 Jan 15:04 UTC") + ")"
			}
			names = append(names, name)
		}
		head := ""
		if i == 0 {
			head = fmt.Sprintf("Scorecards to submit (%d)", len(ws))
		}
		parts = append(parts, bot.Part{Heading: head, Text: strings.Join(names, ", ") + " — in", Channels: []string{ws[i].Channel}})
		i = j
	}
	return parts
}
