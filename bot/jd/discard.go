package jd

import (
	"context"
	"fmt"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
)

// askDiscard asks the owner or an admin to confirm discarding the draft.
func (h *Handler) askDiscard(ctx context.Context, req bot.Request) (bot.Reply, error) {
	d, err := h.cfg.Drafts.Draft(ctx, req.Session())
	if err != nil {
		return bot.Reply{}, err
	}
	if d.Owner != req.User && !req.Admin {
		return bot.Reply{}, hirebot.Errorf(hirebot.Forbidden, "Only the draft's owner (@%s) or an admin can discard it.", d.Owner)
	}
	return bot.Reply{Card: &bot.Card{
		Title: "Discard the draft?",
		Intro: fmt.Sprintf("This deletes “%s” (version %d) and its history for everyone in the channel. Export it first if you may want it back.", d.Heading(), d.Version),
		Buttons: []bot.Button{{Label: "Discard the draft", Action: "jd:discard", Value: fmt.Sprint(d.Version), Style: "danger",
			Confirm: &bot.Confirm{Title: "Discard for good?", Text: "The draft and its history will be deleted.", Yes: "Discard", No: "Keep it"}}},
	}}, nil
}

// discard deletes the draft once confirmed.
func (h *Handler) discard(ctx context.Context, req bot.Request) (bot.Reply, error) {
	d, err := h.cfg.Drafts.Draft(ctx, req.Session())
	if err != nil {
		return bot.Reply{}, err
	}
	if d.Owner != req.User && !req.Admin {
		return bot.Reply{}, hirebot.Errorf(hirebot.Forbidden, "Only the draft's owner (@%s) or an admin can discard it.", d.Owner)
	}
	if err := h.cfg.Drafts.DeleteDraft(ctx, req.Session(), req.Claim); err != nil {
		return bot.Reply{}, err
	}
	again := d.Role
	if d.Kind != "" {
		again += " " + d.Kind
	}
	return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("The %s draft “%s” was discarded. Start a new one with %s start %s.",
		strings.ToUpper(d.Role), d.Heading(), h.cfg.Slash, again)},
		Replace: true}, nil
}
