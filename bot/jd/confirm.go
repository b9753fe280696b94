package jd

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge/wording"
)

// Confirmations. Each button that confirms something carries the draft
// version it was asked at; the store refuses it if the draft changed since,
// and the reply says what changed.

// askFinalize finalizes a draft with no error findings and every fact set
// at once; otherwise it lists what is open and asks the owner or an admin
// to confirm.
func (h *Handler) askFinalize(ctx context.Context, req bot.Request) (bot.Reply, error) {
	d, err := h.open(ctx, req, "", "finalize")
	if err != nil {
		return bot.Reply{}, err
	}
	if d.Status == draft.Final {
		return bot.Reply{}, &draft.Error{Problem: draft.ProblemFinal}
	}
	var open []wording.Finding
	for _, f := range wording.Check(Document(d), wording.Options{Ignore: d.Ignored}).Findings {
		if f.Severity == wording.Error || f.Pending {
			open = append(open, f)
		}
	}
	stale := d.StaleApprovals()
	if len(open) == 0 && len(stale) == 0 {
		return h.finalizeAt(ctx, req, shown{Draft: d.ID, Version: d.Version})
	}
	c := finalizeCard(d, open, stale, h.cfg.Slash)
	localPay(c, d)
	return bot.Reply{Card: c}, nil
}

// finalizeCard lists what is open in d (error findings, then facts not set
// yet, which a final draft is checked for as warnings, then approvals given
// to an earlier content) and asks to finalize anyway, at d's version.
func finalizeCard(d *draft.Draft, open []wording.Finding, stale []draft.Approval, slash string) *bot.Card {
	var errs int
	var facts []string
	for _, f := range open {
		if f.Severity == wording.Error && !f.Pending {
			errs++
		} else {
			facts = append(facts, factName(f))
		}
	}
	var what, intro []string
	if errs > 0 {
		what = append(what, plural(errs, "error finding"))
		intro = append(intro, fmt.Sprintf("The wording check finds %s in version %d.", plural(errs, "error"), d.Version))
	}
	if len(facts) > 0 {
		what = append(what, "no "+strings.Join(facts, " or "))
		them := "it"
		if len(facts) > 1 {
			them = "both"
		}
		intro = append(intro, fmt.Sprintf("Version %d gives no %s yet, and candidates look for %s before anything else.", d.Version, strings.Join(facts, " or "), them))
	}
	if len(open) > 0 {
		intro = append(intro, fmt.Sprintf("Fix them, or have the owner or an admin ignore a rule with a reason (%s check ignore <rule> <reason>), or finalize anyway.", slash))
	}
	if len(stale) > 0 {
		what = append(what, plural(len(stale), "approval")+" of an earlier version")
		intro = append(intro, fmt.Sprintf("%s approved an earlier version; the content has changed since (version %d): ask them to approve again (%s approve), or finalize anyway.",
			approvers(stale), d.Version, slash))
	}
	c := &bot.Card{Title: fmt.Sprintf("Finalize with %s?", strings.Join(what, " and ")), Intro: strings.Join(intro, " ")}
	for i, f := range open {
		if i == findingsShown {
			c.Parts = append(c.Parts, bot.Part{Text: fmt.Sprintf("…and %d more; %s check lists them all.", len(open)-i, slash)})
			break
		}
		c.Parts = append(c.Parts, findingPart(f, slash, false))
	}
	if len(stale) > 0 {
		var lines []string
		for _, a := range stale {
			lines = append(lines, fmt.Sprintf("%s approved version %d", userName(a.By), a.Version))
		}
		c.Parts = append(c.Parts, bot.Part{Heading: "Approved before the latest changes", Items: lines})
	}
	c.Buttons = []bot.Button{{Label: "Finalize anyway", Action: "jd:finalize", Value: showing(d, ""), Style: "danger",
		Confirm: &bot.Confirm{Title: "Finalize anyway?", Text: fmt.Sprintf("Version %d will be final with %s.", d.Version, strings.Join(what, " and ")),
			Yes: "Finalize", No: "Not yet"}}}
	c.Note = "Asked at version " + strconv.Itoa(d.Version) + "; if the draft changes first, the button is refused."
	return c
}

// finalizeAt finalizes the draft if it is still the draft asked about, at
// the version asked (s), and says what changed if it is not.
func (h *Handler) finalizeAt(ctx context.Context, req bot.Request, asked shown) (bot.Reply, error) {
	reply, err := h.change(ctx, req, draft.Change{Op: draft.OpFinalize, BaseVersion: asked.Version, Draft: asked.Draft})
	var stale *draft.StaleError
	if errors.As(err, &stale) {
		return h.changedSince(ctx, req, stale, "finalized", "finalize")
	}
	return reply, err
}

// changedSince answers a confirmation the draft changed under: nothing was
// done, here is what changed since it was asked. The stale error goes
// with the reply, for metrics.
func (h *Handler) changedSince(ctx context.Context, req bot.Request, stale *draft.StaleError, done, again string) (bot.Reply, error) {
	c := &bot.Card{Title: "Nothing was " + done,
		Intro: fmt.Sprintf("You were asked at version %d; the draft is now at version %d. Here is what changed; run %s %s again if you still want to.",
			stale.Base, stale.Now, h.cfg.Slash, again)}
	if lines := h.meanwhile(ctx, req, stale.Base); len(lines) > 0 {
		c.Parts = append(c.Parts, bot.Part{Heading: "Changed since you were asked", Items: lines})
	}
	_, _ = h.open(ctx, req, "", "") // the person has seen it now
	return bot.Reply{Card: c}, stale
}

// meanwhile lists the history entries after version base, newest last, at
// most ten.
func (h *Handler) meanwhile(ctx context.Context, req bot.Request, base int) []string {
	entries, err := h.drafts(req).History(ctx, 50)
	if err != nil {
		return nil
	}
	var lines []string
	for _, e := range entries {
		if e.Version > base {
			lines = append(lines, fmt.Sprintf("v%d %s %s", e.Version, userName(e.By), e.Summary))
		}
	}
	return lines[max(0, len(lines)-10):]
}

// ignore starts or stops ignoring a wording rule for the draft (the owner
// and admins), keeping the reason in the history.
func (h *Handler) ignore(ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
	if !a.Unignore && !wording.KnownRule(a.RuleID) {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "There is no check rule %q. Rule ids are shown in the headings of %s check.", a.RuleID, h.cfg.Slash)
	}
	if a.Unignore {
		return h.change(ctx, req, draft.Change{Op: draft.OpUnignore, Text: a.RuleID})
	}
	return h.change(ctx, req, draft.Change{Op: draft.OpIgnore, Text: a.RuleID, Reason: a.Text})
}

// setKind changes the kind of the draft to one of its role's kinds.
func (h *Handler) setKind(ctx context.Context, req bot.Request, kind string) (bot.Reply, error) {
	d, err := h.drafts(req).Draft(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	if k, ok := h.cfg.Pack.Kind(kind); !ok || k.Role != d.Role {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "%s %s draft has no kind %q. Kinds: %s.",
			capitalize(article(h.roleName(d.Role))), h.roleName(d.Role), kind, h.kindIDs(d.Role))
	}
	return h.change(ctx, req, draft.Change{Op: draft.OpKind, Text: kind})
}

// approvers names who gave the approvals, with their versions: "@A (v3)
// and @B (v5)".
func approvers(as []draft.Approval) string {
	var names []string
	for _, a := range as {
		names = append(names, fmt.Sprintf("%s (v%d)", userName(a.By), a.Version))
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// approvals describes who approved which version, for the live message.
func approvals(d *draft.Draft) string {
	var out []string
	for _, a := range d.Approvals {
		s := fmt.Sprintf("%s (v%d", userName(a.By), a.Version)
		if !d.Approved(a) {
			s += ", changed since"
		}
		out = append(out, s+")")
	}
	if len(out) == 0 {
		return ""
	}
	return "Approved by " + strings.Join(out, ", ")
}
