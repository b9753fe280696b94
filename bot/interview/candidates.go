package interview

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/hirebot/hirebot/knowledge"
)

// Candidates is the storage of the channel's candidates and their
// scorecards. A missing candidate is scorecard.ErrNoCandidate (kind
// NotFound), a name the channel has is scorecard.ErrExists, a closed
// debrief scorecard.ErrClosed; a down store is Unavailable. Every write
// takes the request's claim, as Sessions' do.
type Candidates interface {
	AddCandidate(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, c scorecard.Candidate) error
	Candidates(ctx context.Context, key hirebot.SessionKey) ([]scorecard.Candidate, error)
	Candidate(ctx context.Context, key hirebot.SessionKey, id string) (scorecard.Candidate, error)
	ExpectScorer(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, id, user string) error
	SubmitScorecard(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, id string, card scorecard.Scorecard) (bool, error)
	CloseDebrief(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, id, by string) (bool, error)
	RemoveCandidate(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, id string) error
}

// WithCandidates returns h with scorecards and debriefs kept in c.
// Without it, the scorecard subcommands say they are not set up.
func (h *Handler) WithCandidates(c Candidates) *Handler {
	h.candidates = c
	return h
}

// scorecards runs a scorecard subcommand; its errors carry words.
func (h *Handler) scorecards(ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
	reply, err := h.runScorecards(ctx, req, a)
	return reply, h.wordScorecard(err, a.Name)
}

// runScorecards runs a scorecard subcommand.
func (h *Handler) runScorecards(ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
	if h.candidates == nil {
		return bot.Reply{}, errNoCandidates
	}
	switch a.Sub {
	case subCandidates:
		return h.listCandidates(ctx, req)
	case subCandidateAdd:
		return h.addCandidate(ctx, req, a.Name)
	case subCandidateRemove:
		return h.askRemove(ctx, req, a.Name)
	case subScorecard:
		return h.openScorecard(ctx, req, a.Name)
	}
	return h.debrief(ctx, req, a)
}

// errNoCandidates is a handler built without candidate storage.
var errNoCandidates = errors.New("interview: no candidate storage")

// addCandidate adds a candidate by name.
func (h *Handler) addCandidate(ctx context.Context, req bot.Request, name string) (bot.Reply, error) {
	clean, err := scorecard.CleanName(name)
	if err != nil {
		return bot.Reply{}, err
	}
	c := scorecard.Candidate{Name: clean, AddedBy: req.User, Added: req.At}
	if err := h.candidates.AddCandidate(ctx, req.Session(), req.Claim, c); err != nil {
		return bot.Reply{}, err
	}
	return bot.Reply{Card: &bot.Card{
		Intro: fmt.Sprintf("Added %s to this channel's candidates. Each interviewer scores them with %s scorecard %s.", clean, h.slash, clean),
		Note:  "hirebot keeps a candidate's name and the team's scorecards only: no e-mail, CV or other personal data.",
	}}, nil
}

// listCandidates lists the channel's candidates with their progress.
func (h *Handler) listCandidates(ctx context.Context, req bot.Request) (bot.Reply, error) {
	cs, err := h.candidates.Candidates(ctx, req.Session())
	if err != nil {
		return bot.Reply{}, err
	}
	if len(cs) == 0 {
		return bot.Reply{Card: &bot.Card{Title: "Candidates",
			Intro: fmt.Sprintf("No candidates in this channel yet. Add one with %s candidate add <name>.", h.slash)}}, nil
	}
	var lines []string
	for _, c := range cs {
		line := progressLine(c)
		switch {
		case c.Closed:
			line += " — debrief closed"
		case c.Submitted(req.User):
			line += " — you have scored"
		case c.Waiting(req.User):
			line += " — waiting for your scorecard"
		}
		lines = append(lines, line)
	}
	return bot.Reply{Card: &bot.Card{Title: fmt.Sprintf("Candidates (%d)", len(cs)), Parts: []bot.Part{{Items: lines}},
		Note: fmt.Sprintf("%s scorecard <name> to score, %s debrief <name> to compare.", h.slash, h.slash)}}, nil
}

// progressLine is what the channel may know of a candidate: how many
// scorecards are in, of how many expected.
func progressLine(c scorecard.Candidate) string {
	in, of := c.Progress()
	if of == 0 {
		return c.Name + ": no scorecards yet"
	}
	return fmt.Sprintf("%s: %d of %s in", c.Name, in, plural(of, "scorecard"))
}

// askRemove asks to confirm removing a candidate and every scorecard.
// The button carries the candidate's id and how many scorecards it
// removes, so the confirmation says exactly what goes.
func (h *Handler) askRemove(ctx context.Context, req bot.Request, name string) (bot.Reply, error) {
	c, err := h.resolve(ctx, req, name)
	if err != nil {
		return bot.Reply{}, err
	}
	if err := h.mayManage(ctx, req, c); err != nil {
		return bot.Reply{}, err
	}
	what := fmt.Sprintf("%s and %s", c.Name, plural(len(c.Cards), "scorecard"))
	return bot.Reply{Card: &bot.Card{
		Title: "Remove " + c.Name + "?",
		Intro: fmt.Sprintf("This deletes %s for everyone in the channel. Export the debrief first if you need it.", what),
		Buttons: []bot.Button{{Label: "Remove " + c.Name, Action: "interview:candidate-remove", Value: fmt.Sprintf("%s|%d", c.ID, len(c.Cards)), Style: "danger",
			Confirm: &bot.Confirm{Title: "Remove for good?", Text: "Deletes " + what + ".", Yes: "Remove", No: "Keep"}}},
	}}, nil
}

// removeCandidate removes a candidate once confirmed.
func (h *Handler) removeCandidate(ctx context.Context, req bot.Request) (bot.Reply, error) {
	if h.candidates == nil {
		return bot.Reply{}, h.wordScorecard(errNoCandidates, "")
	}
	id, asked, _ := strings.Cut(req.Value, "|")
	if !isCandidateID(id) {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "That button is from an older version of hirebot; try %s candidate remove <name>.", h.slash)
	}
	c, err := h.candidates.Candidate(ctx, req.Session(), id)
	if err == nil && asked != strconv.Itoa(len(c.Cards)) {
		// The confirmation said what it removes; it no longer does.
		return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("Not removed: %s has %s now, not %s as when you asked. Ask again with %s candidate remove %s.",
			c.Name, plural(len(c.Cards), "scorecard"), asked, h.slash, c.Name)}, Replace: true}, nil
	}
	if err == nil {
		err = h.mayManage(ctx, req, c)
	}
	if err == nil {
		err = h.candidates.RemoveCandidate(ctx, req.Session(), req.Claim, c.ID)
	}
	if errors.Is(err, scorecard.ErrNoCandidate) {
		return bot.Reply{Card: &bot.Card{Intro: "That candidate was removed already.", Note: h.slash + " candidates lists who is left."}, Replace: true}, nil
	}
	if err != nil {
		return bot.Reply{}, h.wordScorecard(err, "")
	}
	return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("Removed %s and %s.", c.Name, plural(len(c.Cards), "scorecard"))}, Replace: true}, nil
}

// resolve finds the channel's candidate called name, or an
// *UnknownCandidateError with the names it may have meant.
func (h *Handler) resolve(ctx context.Context, req bot.Request, name string) (scorecard.Candidate, error) {
	clean, err := scorecard.CleanName(name)
	if err != nil {
		return scorecard.Candidate{}, err
	}
	c, err := h.candidates.Candidate(ctx, req.Session(), scorecard.ID(clean))
	if !errors.Is(err, scorecard.ErrNoCandidate) {
		return c, err
	}
	all, lerr := h.candidates.Candidates(ctx, req.Session())
	if lerr != nil {
		return scorecard.Candidate{}, lerr
	}
	return scorecard.Candidate{}, &UnknownCandidateError{Near: nearNames(clean, all)}
}

// nearNames returns the candidates' names closest to name: the whole name
// within a few typos, or one of its words close to one of theirs.
func nearNames(name string, cs []scorecard.Candidate) []string {
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	near := knowledge.Nearest(name, names)
	for _, c := range cs {
		if slices.Contains(near, c.Name) {
			continue
		}
		for _, w := range strings.Fields(name) {
			if len([]rune(w)) >= 3 && len(knowledge.Nearest(w, strings.Fields(c.Name))) > 0 {
				near = append(near, c.Name)
				break
			}
		}
	}
	return near[:min(len(near), 5)]
}

// UnknownCandidateError is a name the channel has no candidate for, with
// the candidates' names it may have meant. Its kind is NotFound.
type UnknownCandidateError struct {
	Near []string
}

// Error describes e for logs, without any name.
func (e *UnknownCandidateError) Error() string {
	return fmt.Sprintf("interview: unknown candidate (%d near)", len(e.Near))
}

// ErrorKind returns NotFound.
func (e *UnknownCandidateError) ErrorKind() hirebot.Kind { return hirebot.NotFound }

// mayManage returns a *DebriefForbiddenError unless the user may close
// the candidate's debrief or remove them: the draft's owner, an admin, or
// whoever added the candidate.
func (h *Handler) mayManage(ctx context.Context, req bot.Request, c scorecard.Candidate) error {
	priv, err := h.privileged(ctx, req)
	switch {
	case err != nil:
		return err
	case !priv && c.AddedBy != req.User:
		return &DebriefForbiddenError{Manage: true}
	}
	return nil
}

// privileged reports whether the user may see a debrief without scoring:
// an admin, or the owner of the channel's draft.
func (h *Handler) privileged(ctx context.Context, req bot.Request) (bool, error) {
	if req.Admin {
		return true, nil
	}
	d, err := h.sessions.Draft(ctx, req.Session())
	switch {
	case hirebot.KindOf(err) == hirebot.NotFound:
		return false, nil
	case err != nil:
		return false, err
	}
	return d.Owner == req.User, nil
}

// scorecardHelp lists the scorecard subcommands for help.
func (h *Handler) scorecardHelp() []string {
	s := h.slash
	return []string{
		s + " candidate add <name> — add a candidate to this channel (a name only: no e-mail, phone or links)",
		s + " candidates — the channel's candidates and how many scorecards are in",
		s + " candidate remove <name> — delete a candidate and every scorecard, once you confirm (the draft's owner, admins, or who added the candidate)",
		s + " scorecard <name> — score a candidate: 1–4 per kit competency against its rubric, notes, a recommendation",
		s + " debrief <name> — every rating and note side by side, the spread, disagreements, the recommendations; blind until you have submitted yours (the draft's owner and admins see it without scoring)",
		s + " debrief <name> close — freeze the scorecards (the draft's owner, admins, or who added the candidate)",
		s + " debrief <name> export — upload the debrief as Markdown to the channel (those who submitted, the draft's owner and admins)",
	}
}
