package jd

import (
	"context"
	"errors"
	"fmt"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
)

// askDiscard asks the owner or an admin to confirm discarding the draft at
// the version they see now. The channel's interview kit is not part of it.
func (h *Handler) askDiscard(ctx context.Context, req bot.Request) (bot.Reply, error) {
	d, err := h.open(ctx, req, "", "discard")
	if err != nil {
		return bot.Reply{}, err
	}
	return bot.Reply{Card: discardCard(d)}, nil
}

// discardCard asks to confirm discarding d at its version.
func discardCard(d *draft.Draft) *bot.Card {
	return &bot.Card{
		Title: "Discard the draft?",
		Intro: fmt.Sprintf("This deletes “%s” (version %d) and its history for everyone in the channel. Export it first if you may want it back. "+
			"The channel's interview kit stays: it belongs to the hiring session, not to the draft.", d.Heading(), d.Version),
		Buttons: []bot.Button{{Label: "Discard the draft", Action: "jd:discard", Value: showing(d, ""), Style: "danger",
			Confirm: &bot.Confirm{Title: "Discard for good?", Text: fmt.Sprintf("Version %d of the draft and its history will be deleted; the interview kit stays.", d.Version),
				Yes: "Discard", No: "Keep it"}}},
		Note: fmt.Sprintf("Asked at version %d; if anyone changes the draft first, the button is refused.", d.Version),
	}
}

// discard deletes the draft once confirmed, if it is still the draft the
// confirmation was asked about (s), at the version it was asked at.
func (h *Handler) discard(ctx context.Context, req bot.Request, s shown) (bot.Reply, error) {
	asked := s.Version
	d, err := h.current(ctx, req, s.Draft)
	if err == nil {
		err = d.MayDecide(req.User, req.Admin, "discard")
	}
	if err != nil {
		return bot.Reply{}, err
	}
	err = h.drafts(req).DiscardDraft(ctx, s.Draft, asked)
	var stale *draft.StaleError
	switch {
	case errors.As(err, &stale):
		return h.changedSince(ctx, req, stale, "discarded", "discard")
	case err != nil:
		return bot.Reply{}, err
	}
	again := d.Role
	if d.Kind != "" {
		again += " " + d.Kind
	}
	return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("The %s draft “%s” (version %d) was discarded; the channel's interview kit is kept. Start a new one with %s start %s.",
		h.roleName(d.Role), d.Heading(), asked, h.cfg.Slash, again)},
		Replace: true}, nil
}
