package interview

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/hirebot/hirebot/knowledge"
)

// Candidates is the storage of one request's channel's candidates and
// their scorecards, read and written in the request's scope — its
// channel, its claim and its author (sessions.Scope). A missing candidate
// is scorecard.ErrNoCandidate (kind NotFound), a name the channel has is
// scorecard.ErrExists, a closed debrief scorecard.ErrClosed; a down store
// is Unavailable. Every write records the request's claim, as Sessions'
// do.
//
// A candidate has an identity (scorecard.Candidate.Inc) besides the id
// of their name: every write that names it acts only on that candidate,
// and returns a *hirebot.GoneError for another of the same name (the one
// named was removed, and someone added again). The channel's interview
// loop (who runs it) is kept with the candidates: AddCandidate makes
// owner its owner when it has none, SetLoopOwner hands it over if its
// owner is still expect.
type Candidates interface {
	AddCandidate(ctx context.Context, c scorecard.Candidate, owner string) error
	Candidates(ctx context.Context) ([]scorecard.Candidate, error)
	Candidate(ctx context.Context, id string) (scorecard.Candidate, error)
	// ExpectScorer counts the author among those expected to score.
	ExpectScorer(ctx context.Context, id, inc string) error
	// SubmitScorecard stores card and returns the candidate as it is
	// then, and whether it replaced the scorer's earlier one; with
	// ErrClosed or a GoneError, the candidate as it is.
	SubmitScorecard(ctx context.Context, id, inc string, card scorecard.Scorecard) (scorecard.Candidate, bool, error)
	// MarkDebriefRead records that the author read the whole debrief,
	// freezing their scorecard as it is (a later change shows as a
	// revision), and returns the candidate as it is then.
	MarkDebriefRead(ctx context.Context, id, inc string, at time.Time) (scorecard.Candidate, bool, error)
	// CloseDebrief closes it, as the author; it reports whether it was
	// closed already.
	CloseDebrief(ctx context.Context, id, inc string) (bool, error)
	// RemoveCandidate erases the candidate and every scorecard, active or
	// archived, for good.
	RemoveCandidate(ctx context.Context, id, inc string) error
	// ArchiveCandidate puts the candidate away, kept (it reports whether
	// they were archived already); RestoreCandidate brings them back (it
	// reports whether they were not archived); Archived lists them.
	ArchiveCandidate(ctx context.Context, id, inc string, at time.Time) (bool, error)
	RestoreCandidate(ctx context.Context, id, inc string) (bool, error)
	Archived(ctx context.Context) ([]scorecard.Candidate, error)
	Loop(ctx context.Context) (scorecard.Loop, error)
	SetLoopOwner(ctx context.Context, expect, to string) (bool, error)
	// SetCoordinator names user a coordinator of the loop (add) or
	// removes them; it reports whether anything changed.
	SetCoordinator(ctx context.Context, user string, add bool) (bool, error)
	// SetPanel replaces who interviews the candidate and returns them as
	// they are then; ErrClosed for a closed debrief.
	SetPanel(ctx context.Context, id, inc string, panel []scorecard.PanelMember) (scorecard.Candidate, error)
	// Decide records a hiring decision after those before it and returns
	// the candidate as they are then.
	Decide(ctx context.Context, id, inc string, d scorecard.Decision) (scorecard.Candidate, error)
}

// WithCandidates returns h with scorecards and debriefs kept in the
// storage candidates opens for each request. Without it, the scorecard
// subcommands say they are not set up.
func (h *Handler) WithCandidates(candidates func(req bot.Request) Candidates) *Handler {
	h.candidates = candidates
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
		return h.archive(ctx, req, a.Name)
	case subCandidateRestore:
		return h.restore(ctx, req, a.Name)
	case subCandidateErase:
		return h.askErase(ctx, req, a.Name)
	case subArchived:
		return h.listArchived(ctx, req)
	case subScorecard:
		return h.openScorecard(ctx, req, a.Name)
	case subOwner:
		return h.handOver(ctx, req, a.User)
	case subPanel:
		return h.panel(ctx, req, a)
	case subCoordinator:
		return h.coordinator(ctx, req, a.User, !a.Remove)
	case subDecision:
		return h.decide(ctx, req, a)
	case subCompare:
		return h.compare(ctx, req, a.Name)
	}
	return h.debrief(ctx, req, a)
}

// errNoCandidates is a handler built without candidate storage.
var errNoCandidates = errors.New("interview: no candidate storage")

// addCandidate adds a candidate by name. Whoever adds the channel's first
// candidate runs its interview loop, until they or an admin name someone
// else.
func (h *Handler) addCandidate(ctx context.Context, req bot.Request, name string) (bot.Reply, error) {
	clean, err := scorecard.CleanName(name)
	if err != nil {
		return bot.Reply{}, err
	}
	loop, err := h.loop(ctx, req)
	if err != nil {
		return bot.Reply{}, err
	}
	owner := loop.Owner
	if owner == "" {
		owner = req.User
	}
	if same, err := h.lookAlike(ctx, req, clean); err != nil || same != nil {
		return bot.Reply{}, existsOr(same, clean, err)
	}
	c := scorecard.Candidate{Name: clean, AddedBy: req.User, Added: req.At}
	err = h.candidates(req).AddCandidate(ctx, c, owner)
	if errors.Is(err, scorecard.ErrExists) {
		if there, rerr := h.candidates(req).Candidate(ctx, scorecard.ID(clean)); rerr == nil {
			return bot.Reply{}, existsOr(&there, clean, nil)
		}
	}
	if err != nil {
		return bot.Reply{}, err
	}
	note := "hirebot keeps a candidate's name and the team's scorecards only: no e-mail, CV or other personal data."
	if loop.Owner == "" {
		note = fmt.Sprintf("You run this channel's interview loop: you and the admins read every debrief, close debriefs and remove candidates (%s owner @someone hands it over). ", h.slash) + note
	}
	return bot.Reply{Card: &bot.Card{
		Intro: fmt.Sprintf("Added %s to this channel's candidates. Each interviewer scores them with %s scorecard %s.", clean, h.slash, clean),
		Note:  note,
	}}, nil
}

// handOver makes to the one who runs the channel's interview loop: for
// its owner and the admins.
func (h *Handler) handOver(ctx context.Context, req bot.Request, to string) (bot.Reply, error) {
	stored, err := h.candidates(req).Loop(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	loop, err := h.loop(ctx, req)
	if err != nil {
		return bot.Reply{}, err
	}
	if !scorecard.May(loop, h.person(req), scorecard.HandOverLoop, scorecard.Candidate{}) {
		return bot.Reply{}, &LoopForbiddenError{Owner: loop.Owner}
	}
	ok, err := h.candidates(req).SetLoopOwner(ctx, stored.Owner, to)
	if err != nil {
		return bot.Reply{}, err
	}
	if !ok {
		return bot.Reply{}, hirebot.Errorf(hirebot.Conflict, "Someone handed the interview loop over at the same moment; nothing was changed. Run %s owner again if you still want to.", h.slash)
	}
	return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("Handed the interview loop to @%s.", to),
		Note: fmt.Sprintf("@%s now runs this channel's interview loop: reading every debrief without scoring, closing debriefs and removing candidates are theirs (and the admins').", to)}}, nil
}

// LoopForbiddenError is a hand-over of the interview loop by someone who
// does not run it; Owner is who does ("" for nobody yet). Its kind is
// Forbidden.
type LoopForbiddenError struct {
	Owner string
	// Act is what was refused: HandOverLoop (the zero value reads as it)
	// or NameCoordinators.
	Act scorecard.Act
}

// Error describes e for logs.
func (e *LoopForbiddenError) Error() string { return "interview: only the loop's owner hands it over" }

// ErrorKind returns Forbidden.
func (e *LoopForbiddenError) ErrorKind() hirebot.Kind { return hirebot.Forbidden }

// loop returns the channel's interview loop. A loop with candidates from
// before loops were recorded is run by whoever added the first of them.
func (h *Handler) loop(ctx context.Context, req bot.Request) (scorecard.Loop, error) {
	l, err := h.candidates(req).Loop(ctx)
	if err != nil || l.Owner != "" {
		return l, err
	}
	cs, err := h.candidates(req).Candidates(ctx)
	if err != nil {
		return l, err
	}
	var first time.Time
	for _, c := range cs {
		if l.Owner == "" || c.Added.Before(first) {
			l.Owner, first = c.AddedBy, c.Added
		}
	}
	return l, nil
}

// person is who made req.
func (h *Handler) person(req bot.Request) scorecard.Person {
	return scorecard.Person{User: req.User, Admin: req.Admin}
}

// listCandidates lists the channel's candidates with their progress.
func (h *Handler) listCandidates(ctx context.Context, req bot.Request) (bot.Reply, error) {
	cs, err := h.candidates(req).Candidates(ctx)
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
		if d, ok := c.Decided(); ok {
			line += fmt.Sprintf(" — decision: %s (@%s, %s)", d.Verdict.Label(), d.By, dateOf(d.At))
		}
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
	note := fmt.Sprintf("%s scorecard <name> to score, %s debrief <name> to compare.", h.slash, h.slash)
	if loop, err := h.loop(ctx, req); err == nil && loop.Owner != "" {
		note = fmt.Sprintf("@%s runs this channel's interview loop. ", loop.Owner) + note
	}
	return bot.Reply{Card: &bot.Card{Title: fmt.Sprintf("Candidates (%d)", len(cs)), Parts: []bot.Part{{Items: lines}},
		Note: note}}, nil
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

// archive archives a candidate: off the candidate list, the debrief
// closed, every scorecard kept for the record retention; restore brings
// them back.
func (h *Handler) archive(ctx context.Context, req bot.Request, name string) (bot.Reply, error) {
	c, err := h.resolve(ctx, req, name)
	if err != nil {
		return bot.Reply{}, err
	}
	return h.archiveCandidate(ctx, req, c)
}

// archiveCandidate archives c, once the asker may.
func (h *Handler) archiveCandidate(ctx context.Context, req bot.Request, c scorecard.Candidate) (bot.Reply, error) {
	if err := h.mayManage(ctx, req, c, scorecard.ArchiveCandidate); err != nil {
		return bot.Reply{}, err
	}
	already, err := h.candidates(req).ArchiveCandidate(ctx, c.ID, c.Inc, req.At)
	if err != nil {
		return bot.Reply{}, err
	}
	if already || c.Archived != nil {
		return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("%s is archived already. %s candidate restore %s brings them back.", c.Name, h.slash, c.Name)}, Replace: true}, nil
	}
	return bot.Reply{Card: &bot.Card{
		Intro: fmt.Sprintf("Archived %s with %s: off the candidate list, the debrief closed, reminders stopped; the record is kept.", c.Name, plural(len(c.Cards), "scorecard")),
		Note: fmt.Sprintf("%s candidates archived lists archived candidates; %s candidate restore %s brings them back; %s candidate erase %s deletes them and every scorecard for good, on an erasure request (whoever runs the loop, and admins).",
			h.slash, h.slash, c.Name, h.slash, c.Name)}, Replace: true}, nil
}

// removeCandidate answers a Remove button from before candidates were
// archived: it archives the candidate it was shown for.
func (h *Handler) removeCandidate(ctx context.Context, req bot.Request) (bot.Reply, error) {
	if h.candidates == nil {
		return bot.Reply{}, h.wordScorecard(errNoCandidates, "")
	}
	c, err := h.pressed(ctx, req, "Remove")
	var gone *hirebot.GoneError
	switch {
	case errors.As(err, &gone):
		return bot.Reply{Card: &bot.Card{Intro: "Not archived: that Remove button was for an earlier candidate of that name; the one in the channel now was added again since, and nothing of theirs was touched."}, Replace: true}, gone
	case err != nil:
		return bot.Reply{}, h.wordScorecard(err, "")
	case c.ID == "":
		return bot.Reply{Card: &bot.Card{Intro: "That candidate was erased already.", Note: h.slash + " candidates lists who is left."}, Replace: true}, nil
	}
	reply, err := h.archiveCandidate(ctx, req, c)
	return reply, h.wordScorecard(err, c.Name)
}

// pressed returns the candidate a candidate button was shown for: none
// when they are gone, a *hirebot.GoneError when the one of that name now
// is another.
func (h *Handler) pressed(ctx context.Context, req bot.Request, label string) (scorecard.Candidate, error) {
	id, inc, _, ok := parseCandValue(req.Value)
	if !ok {
		return scorecard.Candidate{}, hirebot.Errorf(hirebot.Invalid, "That %s button is from an older version of hirebot, so nothing was done; please run the command again.", label)
	}
	c, err := h.candidates(req).Candidate(ctx, id)
	switch {
	case errors.Is(err, scorecard.ErrNoCandidate):
		return scorecard.Candidate{}, nil
	case err == nil && c.Inc != inc:
		return scorecard.Candidate{}, &hirebot.GoneError{What: "candidate"}
	}
	return c, err
}

// restore brings an archived candidate back to the candidate list.
func (h *Handler) restore(ctx context.Context, req bot.Request, name string) (bot.Reply, error) {
	c, err := h.resolveArchived(ctx, req, name)
	if err != nil {
		return bot.Reply{}, err
	}
	if err := h.mayManage(ctx, req, c, scorecard.RestoreCandidate); err != nil {
		return bot.Reply{}, err
	}
	active, err := h.candidates(req).RestoreCandidate(ctx, c.ID, c.Inc)
	if err != nil {
		return bot.Reply{}, err
	}
	if active {
		return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("%s is not archived: %s candidates lists them.", c.Name, h.slash)}}, nil
	}
	return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("Restored %s with %s to the candidate list.", c.Name, plural(len(c.Cards), "scorecard")),
		Note: "A debrief open when they were archived is open again; one closed before stays closed."}}, nil
}

// askErase asks to confirm erasing a candidate, active or archived, and
// every scorecard for good. The button carries the candidate's identity
// and how many scorecards it erases, so the confirmation says exactly
// what goes.
func (h *Handler) askErase(ctx context.Context, req bot.Request, name string) (bot.Reply, error) {
	c, err := h.resolveArchived(ctx, req, name)
	if err != nil {
		return bot.Reply{}, err
	}
	if err := h.mayManage(ctx, req, c, scorecard.EraseCandidate); err != nil {
		return bot.Reply{}, err
	}
	what := fmt.Sprintf("%s and %s", c.Name, plural(len(c.Cards), "scorecard"))
	return bot.Reply{Card: &bot.Card{
		Title: "Erase " + c.Name + "?",
		Intro: fmt.Sprintf("This deletes %s for good, for an erasure request: nothing can bring them back. To put a candidate away and keep the record, %s candidate remove %s archives them instead.", what, h.slash, c.Name),
		Buttons: []bot.Button{{Label: "Erase " + c.Name, Action: "interview:candidate-erase", Value: candValue(c, strconv.Itoa(len(c.Cards))), Style: "danger",
			Confirm: &bot.Confirm{Title: "Erase for good?", Text: "Deletes " + what + ".", Yes: "Erase", No: "Keep"}}},
	}}, nil
}

// eraseCandidate erases a candidate once confirmed: the candidate the
// confirmation was asked about, with as many scorecards as it said.
func (h *Handler) eraseCandidate(ctx context.Context, req bot.Request) (bot.Reply, error) {
	if h.candidates == nil {
		return bot.Reply{}, h.wordScorecard(errNoCandidates, "")
	}
	_, _, asked, _ := parseCandValue(req.Value)
	c, err := h.pressed(ctx, req, "Erase")
	var gone *hirebot.GoneError
	switch {
	case errors.As(err, &gone):
		return bot.Reply{Card: &bot.Card{Intro: "Not erased: that Erase button was for an earlier candidate of that name, who was removed; the one in the channel now was added again since, and nothing of theirs was touched."}, Replace: true}, gone
	case err != nil:
		return bot.Reply{}, h.wordScorecard(err, "")
	case c.ID == "":
		return bot.Reply{Card: &bot.Card{Intro: "That candidate was erased already.", Note: h.slash + " candidates lists who is left."}, Replace: true}, nil
	case asked != strconv.Itoa(len(c.Cards)):
		return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("Not erased: %s has %s now, not %s as when you asked. Ask again with %s candidate erase %s.",
			c.Name, plural(len(c.Cards), "scorecard"), asked, h.slash, c.Name)}, Replace: true}, nil
	}
	if err := h.mayManage(ctx, req, c, scorecard.EraseCandidate); err != nil {
		return bot.Reply{}, h.wordScorecard(err, c.Name)
	}
	err = h.candidates(req).RemoveCandidate(ctx, c.ID, c.Inc)
	switch {
	case errors.As(err, &gone):
		return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("Not erased: %s was erased and added again while you confirmed; nothing of the one in the channel now was touched.", c.Name)}, Replace: true}, gone
	case errors.Is(err, scorecard.ErrNoCandidate):
		return bot.Reply{Card: &bot.Card{Intro: "That candidate was erased already.", Note: h.slash + " candidates lists who is left."}, Replace: true}, nil
	case err != nil:
		return bot.Reply{}, h.wordScorecard(err, "")
	}
	return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("Erased %s and %s for good.", c.Name, plural(len(c.Cards), "scorecard"))}, Replace: true}, nil
}

// listArchived lists the channel's archived candidates: for whoever runs
// the loop, its coordinators and admins.
func (h *Handler) listArchived(ctx context.Context, req bot.Request) (bot.Reply, error) {
	if err := h.mayManage(ctx, req, scorecard.Candidate{}, scorecard.ArchiveCandidate); err != nil {
		return bot.Reply{}, err
	}
	cs, err := h.candidates(req).Archived(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	if len(cs) == 0 {
		return bot.Reply{Card: &bot.Card{Title: "Archived candidates", Intro: fmt.Sprintf("No archived candidates in this channel. %s candidate remove <name> archives one.", h.slash)}}, nil
	}
	var lines []string
	for _, c := range cs {
		line := fmt.Sprintf("%s — %s", c.Name, plural(len(c.Cards), "scorecard"))
		if a := c.Archived; a != nil {
			line += fmt.Sprintf(", archived by @%s on %s", a.By, dateOf(a.At))
		}
		if d, ok := c.Decided(); ok {
			line += fmt.Sprintf(" — decision: %s (@%s, %s)", d.Verdict.Label(), d.By, dateOf(d.At))
		}
		lines = append(lines, line)
	}
	return bot.Reply{Card: &bot.Card{Title: fmt.Sprintf("Archived candidates (%d)", len(cs)), Parts: []bot.Part{{Items: lines}},
		Note: fmt.Sprintf("Kept for the record retention from archiving, then deleted. %s candidate restore <name> brings one back; %s candidate erase <name> deletes one for good.", h.slash, h.slash)}}, nil
}

// resolveArchived finds the channel's candidate called name, active or
// archived, or an *UnknownCandidateError naming archived names it may
// have meant.
func (h *Handler) resolveArchived(ctx context.Context, req bot.Request, name string) (scorecard.Candidate, error) {
	c, err := h.resolve(ctx, req, name)
	var unknown *UnknownCandidateError
	if !errors.As(err, &unknown) {
		return c, err
	}
	clean, _ := scorecard.CleanName(name)
	all, lerr := h.candidates(req).Archived(ctx)
	if lerr != nil {
		return scorecard.Candidate{}, lerr
	}
	for _, c := range all {
		if scorecard.Key(c.Name) == scorecard.Key(clean) {
			return c, nil
		}
	}
	return scorecard.Candidate{}, &UnknownCandidateError{Near: append(unknown.Near, nearNames(clean, all)...)}
}

// resolve finds the channel's candidate called name (or a name that looks
// the same: see scorecard.Key), or an *UnknownCandidateError with the
// names it may have meant.
func (h *Handler) resolve(ctx context.Context, req bot.Request, name string) (scorecard.Candidate, error) {
	clean, err := scorecard.CleanName(name)
	if err != nil {
		return scorecard.Candidate{}, err
	}
	c, err := h.candidates(req).Candidate(ctx, scorecard.ID(clean))
	if !errors.Is(err, scorecard.ErrNoCandidate) {
		return c, err
	}
	all, lerr := h.candidates(req).Candidates(ctx)
	if lerr != nil {
		return scorecard.Candidate{}, lerr
	}
	for _, c := range all {
		if scorecard.Key(c.Name) == scorecard.Key(clean) {
			return c, nil // stored before names were keyed by how they look
		}
	}
	return scorecard.Candidate{}, &UnknownCandidateError{Near: nearNames(clean, all)}
}

// lookAlike returns the channel's candidate whose name looks the same as
// name, stored before names were keyed by how they look (a candidate
// stored since has the same id, which the store refuses to add twice), or
// nil.
func (h *Handler) lookAlike(ctx context.Context, req bot.Request, name string) (*scorecard.Candidate, error) {
	all, err := h.candidates(req).Candidates(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range all {
		if scorecard.Key(c.Name) == scorecard.Key(name) && c.ID != scorecard.ID(name) {
			return &c, nil
		}
	}
	return nil, nil
}

// existsOr returns err, or a *CandidateExistsError for there, the
// candidate whose name looks like typed.
func existsOr(there *scorecard.Candidate, typed string, err error) error {
	if err != nil || there == nil {
		return err
	}
	return &CandidateExistsError{Name: there.Name, LooksAlike: there.Name != typed && scorecard.Fold(there.Name) != scorecard.Fold(typed), Archived: there.Archived != nil}
}

// CandidateExistsError is a candidate added under a name the channel has
// (Name, as stored), or one that looks the same (LooksAlike: other
// letters, or another composition, that read alike). Its kind is Conflict.
type CandidateExistsError struct {
	Name       string
	LooksAlike bool
	Archived   bool // the candidate of that name is archived
}

// Error describes e for logs, without the name.
func (e *CandidateExistsError) Error() string {
	return fmt.Sprintf("interview: the candidate exists already (looks alike %v)", e.LooksAlike)
}

// ErrorKind returns Conflict.
func (e *CandidateExistsError) ErrorKind() hirebot.Kind { return hirebot.Conflict }

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

// mayManage returns a *DebriefForbiddenError unless the user may do act
// (close the candidate's debrief, or remove them): whoever runs the
// channel's interview loop, or an admin (see scorecard.May).
func (h *Handler) mayManage(ctx context.Context, req bot.Request, c scorecard.Candidate, act scorecard.Act) error {
	loop, err := h.loop(ctx, req)
	switch {
	case err != nil:
		return err
	case !scorecard.May(loop, h.person(req), act, c):
		return &DebriefForbiddenError{Manage: true, Owner: loop.Owner, Act: act}
	}
	return nil
}

// scorecardHelp lists the scorecard subcommands for help.
func (h *Handler) scorecardHelp() []string {
	s := h.slash
	return []string{
		s + " candidate add <name> — add a candidate to this channel (a name only: no e-mail, phone or links)",
		s + " candidates — the channel's candidates and how many scorecards are in",
		s + " candidate remove <name> — archive a candidate: off the list, the debrief closed, the record kept (whoever runs the loop, coordinators, admins)",
		s + " candidates archived · candidate restore <name> — the archived candidates; bring one back (whoever runs the loop, coordinators, admins)",
		s + " candidate erase <name> — delete a candidate and every scorecard for good, on an erasure request, once you confirm (whoever runs the loop, and admins)",
		s + " scorecard <name> — score a candidate: 1–4 or “Not assessed” per kit competency, each kit question with its own levels and a note, a recommendation",
		s + " panel <name> @a @b … — who interviews a candidate, a person's focus competencies after them (@a communication); progress counts the panel (whoever runs the loop, coordinators, admins). " + s + " panel <name> shows it and who has submitted",
		s + " debrief <name> — every rating and note side by side, the median and spread, disagreements, the recommendations; blind for everyone on the panel until they have submitted theirs — whoever runs the loop and admins included; off the panel they, and coordinators, see it. Reading it freezes your scorecard: a change after shows as a revision",
		s + " debrief <name> close — freeze the scorecards (whoever runs the loop, coordinators, admins)",
		s + " debrief <name> export — upload the debrief as Markdown to the channel (those who submitted; off the panel, whoever runs the loop, coordinators, admins)",
		"Reminders: a panel member who has not submitted gets a DM with a button that opens the scorecard (after a day, then daily, five at most, unless configured otherwise); they stop once it is in, or the candidate is closed or archived",
		s + " compare [name, name…] — candidates side by side per competency (median, spread, not assessed), with recommendations and decisions; each shown only to those who may read their debrief",
		s + " decision <name> hire|no-hire|hold <reason…> — record the hiring decision with who and when; shown in the debrief and " + s + " candidates, earlier ones kept in its history (whoever runs the loop, and admins)",
		s + " owner @someone — hand the interview loop over (whoever runs it, and admins); it starts with whoever adds the first candidate",
		s + " coordinator @someone · coordinator remove @someone — name or remove a coordinator, who helps run the loop (whoever runs it, and admins)",
	}
}
