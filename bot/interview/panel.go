package interview

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/scorecard"
)

// panel shows a candidate's panel, or sets it: for whoever runs the loop,
// its coordinators and admins.
func (h *Handler) panel(ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
	c, err := h.resolve(ctx, req, a.Name)
	if err != nil {
		return bot.Reply{}, err
	}
	if len(a.Panel) == 0 {
		return bot.Reply{Card: h.panelCard(c)}, nil
	}
	if len(a.Panel) > scorecard.MaxPanel {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "A panel holds at most %d people; you named %d.", scorecard.MaxPanel, len(a.Panel))
	}
	if err := h.mayManage(ctx, req, c, scorecard.SetPanel); err != nil {
		return bot.Reply{}, err
	}
	items, err := h.sheet(ctx, req)
	if err != nil {
		return bot.Reply{}, err
	}
	var panel []scorecard.PanelMember
	for _, w := range a.Panel {
		m := scorecard.PanelMember{User: w.User}
		for _, f := range w.Focus {
			id, ok := focusOf(items, f)
			if !ok {
				return bot.Reply{}, &FocusError{Word: f, Sheet: sheetNames(items)}
			}
			if !slices.Contains(m.Focus, id) {
				m.Focus = append(m.Focus, id)
			}
		}
		panel = append(panel, m)
	}
	c, err = h.candidates(req).SetPanel(ctx, c.ID, c.Inc, panel)
	if err != nil {
		return bot.Reply{}, err
	}
	card := h.panelCard(c)
	card.Intro = fmt.Sprintf("Set the panel for %s. ", c.Name) + card.Intro
	card.Note = fmt.Sprintf("Each of them scores with %s scorecard %s; a focus makes the other competencies start as “Not assessed” on their scorecard. The debrief stays blind to everyone on the panel — whoever runs the loop included — until they submit their own.", h.slash, c.Name)
	return bot.Reply{Card: card}, nil
}

// panelCard shows who interviews c, their focus, and who has submitted.
func (h *Handler) panelCard(c scorecard.Candidate) *bot.Card {
	card := &bot.Card{Title: "Panel: " + c.Name, Intro: progressLine(c) + "."}
	if len(c.Panel) == 0 {
		card.Intro += " No panel is set: everyone who opens a scorecard counts as expected."
		card.Note = fmt.Sprintf("%s panel %s @dana @lee sets it (a competency after a person is their focus).", h.slash, c.Name)
		return card
	}
	var items []string
	for _, m := range c.Panel {
		line := userName(m.User)
		if len(m.Focus) > 0 {
			line += " (focus: " + strings.Join(h.competencyNames(m.Focus), ", ") + ")"
		}
		if c.Submitted(m.User) {
			line += " — submitted"
		} else {
			line += " — waiting"
		}
		items = append(items, line)
	}
	card.Parts = []bot.Part{{Heading: "Panel", Items: items}}
	return card
}

// focusOf returns the competency of the sheet a word names: its id, or
// its name with hyphens for spaces, in any case.
func focusOf(items []sheetItem, word string) (string, bool) {
	for _, it := range items {
		if strings.EqualFold(it.ID, word) || strings.EqualFold(strings.ReplaceAll(it.Name, " ", "-"), word) {
			return it.ID, true
		}
	}
	return "", false
}

// sheetNames returns the ids of the competencies a sheet rates.
func sheetNames(items []sheetItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.ID
	}
	return out
}

// FocusError is a focus naming no competency the channel's scorecards
// rate. Its kind is Invalid.
type FocusError struct {
	Word  string
	Sheet []string
}

// Error describes e for logs (never the word: it may be anything typed).
func (e *FocusError) Error() string { return "interview: a focus names no competency of the scorecard" }

// ErrorKind returns Invalid.
func (e *FocusError) ErrorKind() hirebot.Kind { return hirebot.Invalid }

// coordinator names or removes a coordinator of the loop: for its owner
// and admins.
func (h *Handler) coordinator(ctx context.Context, req bot.Request, user string, add bool) (bot.Reply, error) {
	loop, err := h.loop(ctx, req)
	if err != nil {
		return bot.Reply{}, err
	}
	if !scorecard.May(loop, h.person(req), scorecard.NameCoordinators, scorecard.Candidate{}) {
		return bot.Reply{}, &LoopForbiddenError{Owner: loop.Owner, Act: scorecard.NameCoordinators}
	}
	changed, err := h.candidates(req).SetCoordinator(ctx, user, add)
	if err != nil {
		return bot.Reply{}, err
	}
	var msg string
	switch {
	case add && changed:
		msg = fmt.Sprintf("@%s now coordinates this channel's interview loop: off a panel, they see progress, read, export and close debriefs, archive and restore candidates.", user)
	case add:
		msg = fmt.Sprintf("@%s coordinates this channel's interview loop already.", user)
	case changed:
		msg = fmt.Sprintf("@%s no longer coordinates this channel's interview loop.", user)
	default:
		msg = fmt.Sprintf("@%s was not a coordinator of this channel's interview loop; nothing changed.", user)
	}
	return bot.Reply{Card: &bot.Card{Intro: msg}}, nil
}

// decide records a hiring decision on a candidate, with who and when: for
// whoever runs the loop and admins. Earlier decisions stay in the history.
func (h *Handler) decide(ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
	c, err := h.resolve(ctx, req, a.Name)
	if err != nil {
		return bot.Reply{}, err
	}
	if err := h.mayManage(ctx, req, c, scorecard.Decide); err != nil {
		return bot.Reply{}, err
	}
	d := scorecard.Decision{Verdict: a.Verdict, Reason: strings.TrimSpace(a.Reason), By: req.User, At: req.At}
	if err := d.Validate(); err != nil {
		return bot.Reply{}, err
	}
	c, err = h.candidates(req).Decide(ctx, c.ID, c.Inc, d)
	if err != nil {
		return bot.Reply{}, err
	}
	intro := fmt.Sprintf("Recorded the decision on %s: %s — %s.", c.Name, d.Verdict.Label(), d.Reason)
	if n := len(c.Decisions); n > 1 {
		prev := c.Decisions[n-2]
		intro += fmt.Sprintf(" It replaces %s (@%s, %s), kept in the history.", prev.Verdict.Label(), prev.By, dateOf(prev.At))
	}
	return bot.Reply{Card: &bot.Card{Intro: intro,
		Note: fmt.Sprintf("The debrief and %s candidates show it; the channel is not told.", h.slash)}}, nil
}

// dateOf reads a time as a date and time in UTC: "7 Dec 2026 09:00 UTC".
func dateOf(t time.Time) string { return t.UTC().Format("2 Jan 2006 15:04 UTC") }
