// Package jd handles /jd: a channel's job description, drafted together.
// It parses the command, applies the change to the draft through the
// session store, and renders the result as cards; the draft's rules live in
// package draft.
package jd

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge"
)

// Drafts is the session storage of one /jd request: the channel's draft,
// read and written in the request's scope — its channel, its claim and its
// author — so that no handler passes them by hand (sessions.Scope). A
// missing draft is a NotFound error; a down store is Unavailable.
// UpdateDraft applies fn atomically with its history entry, and retries it
// when someone else wrote first; fn gets the version the author last saw
// (0: none). Every write records, in its one round trip, the request's
// claim (a write whose claim another delivery of the request recorded
// changes nothing and returns dedup.ErrDuplicate) and, for a change, that
// its author has seen the version it made.
type Drafts interface {
	Draft(ctx context.Context) (*draft.Draft, error)
	CreateDraft(ctx context.Context, d *draft.Draft, e draft.Entry) error
	UpdateDraft(ctx context.Context, fn func(d *draft.Draft, seen int) (draft.Entry, error)) (*draft.Draft, draft.Entry, error)
	// DiscardDraft deletes the draft only if it is still the draft id (a
	// *draft.OtherDraftError otherwise) at version, and returns a
	// *draft.StaleError otherwise; the interview kit stays.
	DiscardDraft(ctx context.Context, id string, version int) error
	// Saw records that the author has seen version of the draft.
	Saw(ctx context.Context, version int) error
	History(ctx context.Context, limit int) ([]draft.Entry, error)
}

// Config is what a Handler needs.
type Config struct {
	Pack *knowledge.Pack
	// Drafts opens the draft storage of a request (see Drafts).
	Drafts func(req bot.Request) Drafts
	Slash  string           // the configured /jd name
	Now    func() time.Time // defaults to time.Now
	// Locale is the locale a new draft is written for until one is set or
	// its location makes one clear (HIREBOT_LOCALE: us, uk, eu or ca; ""
	// is us).
	Locale string
}

// ErrNotHere is /jd's answer in a channel where drafting is not enabled
// (HIREBOT_ALLOWED_CHANNELS: see bot.InChannels).
var ErrNotHere = hirebot.Errorf(hirebot.Forbidden,
	"Drafting is not enabled in this channel. An admin can add it to HIREBOT_ALLOWED_CHANNELS.")

// Handler answers /jd and the buttons and modal of the live draft.
type Handler struct {
	cfg   Config
	words bot.Words // its errors' words (see word)
	// subcommands is the table help is generated from (Subcommands; a
	// field, so that the table's help can read it).
	subcommands []Subcommand
}

// New returns a Handler.
func New(cfg Config) *Handler {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	h := &Handler{cfg: cfg, subcommands: Subcommands}
	h.words = h.wording()
	return h
}

// Command returns the command-table entry for /jd.
func (h *Handler) Command() bot.Command {
	return bot.Command{
		Name: "jd", Slash: h.cfg.Slash, Usage: "start <role> [kind] [title] | show | add | edit | help …", Mentions: true,
		Summary: "Draft one job description together in this channel",
		Examples: []string{h.cfg.Slash + " start cto infrastructure Head of Platform",
			h.cfg.Slash + " add requirements Has run a 24/7 platform", h.cfg.Slash + " help"},
		Handler: h,
	}
}

// Handle answers one /jd request. Its errors carry words for the user.
func (h *Handler) Handle(ctx context.Context, req bot.Request) (bot.Reply, error) {
	reply, err := h.handle(ctx, req)
	return reply, h.word(err)
}

// handle answers one /jd request; its errors are typed, for word.
func (h *Handler) handle(ctx context.Context, req bot.Request) (bot.Reply, error) {
	switch req.Source {
	case bot.Press:
		return h.press(ctx, req)
	case bot.Submit:
		return h.save(ctx, req)
	}
	args, err := Parse(req.Text, h.kindNamed)
	if err != nil {
		return bot.Reply{}, err
	}
	return h.run(ctx, req, args)
}

// kindNamed returns the id of the kind the pack knows by word.
func (h *Handler) kindNamed(word string) (string, bool) {
	k, ok := h.cfg.Pack.KindNamed(word)
	return k.ID, ok
}

// run carries out a parsed /jd command with its subcommand's run.
func (h *Handler) run(ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
	sub, ok := lookup(a.Sub)
	if !ok {
		return bot.Reply{}, unknownSubcommand(a.Sub)
	}
	return sub.run(h, ctx, req, a)
}

// show posts the live draft anew at the bottom of the channel.
func (h *Handler) show(ctx context.Context, req bot.Request, _ Args) (bot.Reply, error) {
	return h.showDraft(ctx, req, "")
}

// showDraft is show for the draft want names ("" for any).
func (h *Handler) showDraft(ctx context.Context, req bot.Request, want string) (bot.Reply, error) {
	if _, err := h.open(ctx, req, want, ""); err != nil {
		return bot.Reply{}, err
	}
	return bot.Reply{NewLive: true, AfterInvite: h.cfg.Slash + " show"}, nil
}

// press answers the buttons of the live draft and of /jd's cards. Each
// but Why? names the draft it was shown for (see shown.go): a press meant
// for another draft, or one that is gone, does nothing and says why.
func (h *Handler) press(ctx context.Context, req bot.Request) (bot.Reply, error) {
	if req.Action == "why" {
		return h.why(req.Value) // about a wording rule, not a draft
	}
	if _, ok := controls[req.Action]; !ok {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "That button is from an older version of hirebot; try %s help.", h.cfg.Slash)
	}
	s, ok := parseShown(req.Value)
	if !ok {
		return bot.Reply{}, h.wordControl(req.Action, &OldControlError{Action: req.Action})
	}
	reply, err := h.pressShown(ctx, req, s)
	return reply, h.wordControl(req.Action, err)
}

// pressShown answers a press of a button shown for s.
func (h *Handler) pressShown(ctx context.Context, req bot.Request, s shown) (bot.Reply, error) {
	switch req.Action {
	case "edit":
		return h.openEditor(ctx, req, s.Draft)
	case "suggest":
		return h.suggest(ctx, req, "", s.Draft)
	case "add-item":
		return h.addSuggested(ctx, req, s.Arg, s.Draft)
	case "check":
		return h.check(ctx, req, s.Draft)
	case "export":
		return h.export(ctx, req, s.Arg, s.Draft)
	case "show":
		return h.showDraft(ctx, req, s.Draft)
	case "history":
		return h.history(ctx, req, s.Draft)
	case "discard":
		return h.discard(ctx, req, s)
	}
	return h.finalizeAt(ctx, req, s)
}

// drafts returns the draft storage of req.
func (h *Handler) drafts(req bot.Request) Drafts { return h.cfg.Drafts(req) }

// current returns the channel's draft; with want not empty, only if it is
// the draft want names (an *draft.OtherDraftError otherwise).
func (h *Handler) current(ctx context.Context, req bot.Request, want string) (*draft.Draft, error) {
	d, err := h.drafts(req).Draft(ctx)
	if err != nil {
		return nil, err
	}
	if want != "" {
		if err := d.Is(want); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// open is how every /jd command that shows the draft begins: it reads the
// channel's draft (the one want names, when set), records that the person
// has seen it, and with a verb checks that they may decide on it (its
// owner or an admin: draft.MayDecide).
func (h *Handler) open(ctx context.Context, req bot.Request, want, verb string) (*draft.Draft, error) {
	d, err := h.current(ctx, req, want)
	if err != nil {
		return nil, err
	}
	h.saw(ctx, req, d.Version)
	if verb != "" {
		if err := d.MayDecide(req.User, req.Admin, verb); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// change applies one change and confirms it to the person who made it. A
// bare item number is checked against the version the person last saw,
// read with the draft.
func (h *Handler) change(ctx context.Context, req bot.Request, c draft.Change) (bot.Reply, error) {
	c.By, c.Admin, c.At = req.User, req.Admin, h.cfg.Now()
	d, e, err := h.drafts(req).UpdateDraft(ctx, func(d *draft.Draft, seen int) (draft.Entry, error) {
		c.Seen = seen
		return h.applyKeepingSummary(d, c)
	})
	var de *draft.Error
	if errors.As(err, &de) && de.Problem == draft.ProblemUnseen {
		// The refusal shows the item now at that number: from here on the
		// person has seen the current draft.
		if cur, rerr := h.drafts(req).Draft(ctx); rerr == nil {
			h.saw(ctx, req, cur.Version)
		}
	}
	if err != nil {
		return bot.Reply{}, err
	}
	return h.changed(d, e), nil
}

// changed confirms change e, which made d, to the person who made it
// (their store write recorded that they have seen it).
func (h *Handler) changed(d *draft.Draft, e draft.Entry) bot.Reply {
	return bot.Reply{Card: &bot.Card{Intro: capitalize(e.Summary) + fmt.Sprintf(" (v%d).", e.Version),
		Note: h.changeNote(d, e)}, Live: true}
}

// changeNote says what can follow a change: undo when it can be undone,
// never when it cannot.
func (h *Handler) changeNote(d *draft.Draft, e draft.Entry) string {
	switch {
	case e.Undoable:
		return fmt.Sprintf("%s undo reverts it (your own newest change).", h.cfg.Slash)
	case e.Op == draft.OpFinalize:
		return fmt.Sprintf("A final draft can't be changed or undone; the owner or an admin can %s reopen it.", h.cfg.Slash)
	case e.Op == draft.OpOwner:
		return fmt.Sprintf("@%s now owns the draft: finalize, reopen, discard and check ignore are theirs (and the admins').", d.Owner)
	case e.Op == draft.OpApprove:
		return "The live message shows who approved which version."
	case e.Op == draft.OpUndo, e.Op == draft.OpReopen:
		return ""
	}
	return fmt.Sprintf("This change is too large to undo (undo keeps about %d KB of each person's changes); %s history shows it.", draft.MaxUndoBytes/1000, h.cfg.Slash)
}

// saw records that the person has seen version of the draft. It is best
// effort: a missed record leaves an older version, which only makes a
// later bare item number stricter, never wrong.
func (h *Handler) saw(ctx context.Context, req bot.Request, version int) {
	_ = h.drafts(req).Saw(ctx, version)
}

// DraftCard renders d as the live message shows it.
func (h *Handler) DraftCard(d *draft.Draft) *bot.Card { return liveCard(d, h.cfg.Slash) }

// LiveCard reads the channel's draft and renders it as the live message
// shows it, with the draft's version, for a front end without a live
// message of its own (the shell): the reference of a Slack message, which
// a terminal has none of, is always "".
func (h *Handler) LiveCard(ctx context.Context, key hirebot.SessionKey) (*bot.Card, int, string, error) {
	d, err := h.drafts(bot.Request{Team: key.Team, Channel: key.Channel}).Draft(ctx)
	if err != nil {
		return nil, 0, "", err
	}
	return liveCard(d, h.cfg.Slash), d.Version, "", nil
}
