package interview

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/hirebot/hirebot/bot/scorecard"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
)

// The kit belongs to the channel's hiring session, not to its draft:
// discarding the draft keeps it, and only /interview kit clear empties it,
// after its own confirmation. The confirmation carries a fingerprint of
// the kit it was asked about (the kit's version), so a press after someone
// changed the kit clears nothing.

// askClearKit asks to confirm emptying the kit as it is now.
func (h *Handler) askClearKit(ctx context.Context, req bot.Request) (bot.Reply, error) {
	gen, err := h.sessions(req).KitGeneration(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	kit, err := h.sessions(req).Kit(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	if len(kit) == 0 {
		return bot.Reply{Card: &bot.Card{Intro: "The interview kit is already empty."}}, nil
	}
	intro := fmt.Sprintf("This removes all %s from the channel's interview kit, for everyone here. The job description draft is not touched. %s kit export saves a copy first.",
		plural(len(kit), "question"), h.slash)
	if scored, err := h.scoredCandidates(ctx, req); err != nil {
		return bot.Reply{}, err
	} else if len(scored) > 0 {
		intro += fmt.Sprintf(" Scorecards rate this kit already: %s. Scorecards opened after this rate the draft's competencies instead; the ratings given stay in every debrief, shown as scored against the earlier kit where a new scorecard no longer asks them.", strings.Join(scored, "; "))
	}
	return bot.Reply{Card: &bot.Card{
		Title: "Clear the interview kit?",
		Intro: intro,
		Buttons: []bot.Button{{Label: "Clear the kit", Action: "interview:kit-clear", Value: kitValue(gen, kitPrint(kit)), Style: "danger",
			Confirm: &bot.Confirm{Title: "Clear the kit?", Text: fmt.Sprintf("All %s will be removed.", plural(len(kit), "question")), Yes: "Clear", No: "Keep it"}}},
		Note: "If anyone changes the kit first, the button is refused.",
	}}, nil
}

// clearKit empties the kit once confirmed, if it is still the kit asked
// about: the same generation, holding the same questions.
func (h *Handler) clearKit(ctx context.Context, req bot.Request) (bot.Reply, error) {
	gen, fp, ok := parseKitValue(req.Value)
	if !ok {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "That Clear the kit button is from an older version of hirebot, so nothing was cleared; please run the command again: %s kit clear.", h.slash)
	}
	now, err := h.sessions(req).KitGeneration(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	kit, err := h.sessions(req).Kit(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	cleared := false
	if now == gen && kitPrint(kit) == fp && len(kit) > 0 {
		cleared, err = h.sessions(req).ClearKit(ctx, gen, kit)
	} else if now != gen {
		err = &hirebot.GoneError{What: "kit"}
	}
	var gone *hirebot.GoneError
	if errors.As(err, &gone) {
		return bot.Reply{}, hirebot.Wrap(hirebot.Conflict, err, fmt.Sprintf(
			"That Clear the kit button was for an interview kit that was cleared since; the kit built after it was not touched. %s kit shows it; %s kit clear asks again.", h.slash, h.slash))
	}
	if err != nil {
		return bot.Reply{}, err
	}
	if !cleared {
		if kit, err = h.sessions(req).Kit(ctx); err != nil {
			return bot.Reply{}, err
		}
		return bot.Reply{Card: &bot.Card{Title: "Nothing was cleared",
			Intro: fmt.Sprintf("The interview kit changed since you were asked; it now holds %s. Look at it with %s kit and run %s kit clear again if you still want to.",
				plural(len(kit), "question"), h.slash, h.slash),
			Buttons: []bot.Button{{Label: "Show kit", Action: "interview:kit"}}}}, nil
	}
	return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("Cleared the interview kit (%s).", plural(len(kit), "question"))}, Replace: true}, nil
}

// kitPrint fingerprints a kit: its questions in order.
func kitPrint(kit []string) string {
	sum := sha256.Sum256([]byte(strings.Join(kit, "\n")))
	return fmt.Sprintf("%d.%s", len(kit), hex.EncodeToString(sum[:8]))
}

// scoredCandidates returns the channel's candidates with scorecards, each
// with how many: "Ada Lovelace (2 scorecards)".
func (h *Handler) scoredCandidates(ctx context.Context, req bot.Request) ([]string, error) {
	return h.scoredBy(ctx, req, func(scorecard.Scorecard) bool { return true })
}

// scoredBy returns the channel's candidates with scorecards that counts
// accepts, each with how many: "Ada Lovelace (2 scorecards)".
func (h *Handler) scoredBy(ctx context.Context, req bot.Request, counts func(scorecard.Scorecard) bool) ([]string, error) {
	if h.candidates == nil {
		return nil, nil
	}
	cs, err := h.candidates(req).Candidates(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range cs {
		n := 0
		for _, card := range c.Cards {
			if counts(card) {
				n++
			}
		}
		if n > 0 {
			out = append(out, fmt.Sprintf("%s (%s)", c.Name, plural(n, "scorecard")))
		}
	}
	return out, nil
}
