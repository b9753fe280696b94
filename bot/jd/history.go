package jd

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
)

// historyShown is how many history entries /jd history lists.
const historyShown = 25

// history lists who changed what, and when, in the channel's draft (the
// one want names, when set).
func (h *Handler) history(ctx context.Context, req bot.Request, want string) (bot.Reply, error) {
	if want != "" {
		if _, err := h.current(ctx, req, want); err != nil {
			return bot.Reply{}, err
		}
	}
	entries, err := h.drafts(req).History(ctx, historyShown)
	if err != nil {
		return bot.Reply{}, err
	}
	if len(entries) == 0 {
		return bot.Reply{}, errNoHistory
	}
	h.saw(ctx, req, entries[len(entries)-1].Version)
	c := &bot.Card{Title: "Draft history"}
	var lines []string
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		lines = append(lines, fmt.Sprintf("v%d · %s · %s %s", e.Version, e.At.UTC().Format("2 Jan 15:04 MST"), userName(e.By), e.Summary))
	}
	// Long histories are cut to what one message can hold.
	for len(strings.Join(lines, "\n")) > bot.MaxPartText {
		lines = lines[:len(lines)-1]
	}
	c.Parts = append(c.Parts, bot.Part{Items: lines})
	c.Note = fmt.Sprintf("Newest first; the last %d changes. %s undo reverts your own newest change; the owner and admins can undo anyone's by its version, e.g. %s undo v%d.",
		historyShown, h.cfg.Slash, h.cfg.Slash, entries[len(entries)-1].Version)
	return bot.Reply{Card: c}, nil
}

// userName shows a user id in plain text (cards never carry mentions).
func userName(id string) string {
	if id == "" {
		return "someone"
	}
	return "@" + id
}

// errNoHistory is a draft without history: the channel's draft is gone.
var errNoHistory = &hirebot.Error{Kind: hirebot.NotFound, Err: errors.New("jd: the draft has no history")}
