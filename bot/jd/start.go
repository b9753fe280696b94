package jd

import (
	"context"
	"fmt"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge"
)

// How much of the checklists a first draft takes; the rest is offered by
// /jd suggest. Seven must-haves is where the wording check starts to warn.
var templateCaps = map[draft.Section]int{
	draft.Responsibilities: 8,
	draft.Requirements:     7,
	draft.NiceToHave:       4,
}

// start begins the channel's draft from the knowledge checklists.
func (h *Handler) start(ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
	role, ok := h.cfg.Pack.Role(strings.ToLower(a.Role))
	if !ok {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "I can draft for these roles: %s. For example: %s start cto infrastructure",
			strings.Join(h.roleIDs(), ", "), h.cfg.Slash)
	}
	kind := knowledge.Kind{}
	if a.Kind != "" {
		k, ok := h.cfg.Pack.Kind(a.Kind)
		if !ok || k.Role != role.ID {
			return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "A %s has no kind %q. Kinds: %s.", role.Name, a.Kind, h.kindIDs(role.ID))
		}
		kind = k
	}
	title := a.Title
	if title == "" {
		title = role.Title
	}
	d, e, err := draft.New(draft.Start{
		Role: role.ID, Kind: kind.ID, Title: title, Owner: req.User, At: h.cfg.Now(),
		Template: h.template(role, kind, title),
	})
	if err != nil {
		return bot.Reply{}, fmt.Errorf("start draft: %w", err)
	}
	if err := h.cfg.Drafts.CreateDraft(ctx, req.Session(), req.Claim, d, e); err != nil {
		if hirebot.KindOf(err) == hirebot.Conflict {
			return bot.Reply{}, hirebot.Errorf(hirebot.Conflict,
				"This channel already has a draft. Show it with %s show, or discard it with %s discard and start again.",
				h.cfg.Slash, h.cfg.Slash)
		}
		return bot.Reply{}, err
	}
	return bot.Reply{
		Card: &bot.Card{Intro: fmt.Sprintf("Started a draft for %s. It is posted in the channel; anyone here can edit it.", title),
			Note: fmt.Sprintf("Next: %s suggest, %s set salary …, %s check.", h.cfg.Slash, h.cfg.Slash, h.cfg.Slash)},
		NewLive: true, AfterInvite: h.cfg.Slash + " show",
	}, nil
}

// template builds a first draft's content from the role's and kind's
// checklists.
func (h *Handler) template(role knowledge.Role, kind knowledge.Kind, title string) draft.Content {
	c := draft.Content{Fields: map[draft.Field]string{}, Sections: map[draft.Section][]draft.Item{}}
	summary := fmt.Sprintf("We are hiring a %s. %s", title, role.Definition)
	if kind.ID != "" {
		summary = fmt.Sprintf("We are hiring a %s. %s", title, kind.Summary)
	}
	c.Fields[draft.Summary] = draft.Clip(summary, draft.MaxSummaryRunes)
	// The kind's own checklists first: they are what sets this job apart.
	lists := h.cfg.Pack.ChecklistsFor(role.ID, kind.ID)
	ordered := make([]knowledge.Checklist, 0, len(lists))
	for _, l := range lists {
		if l.Kind != "" {
			ordered = append(ordered, l)
		}
	}
	for _, l := range lists {
		if l.Kind == "" {
			ordered = append(ordered, l)
		}
	}
	for _, l := range ordered {
		sec, ok := draft.ParseSection(l.Section)
		if !ok {
			continue
		}
		for _, it := range l.Items {
			if len(c.Sections[sec]) >= templateCaps[sec] {
				break
			}
			c.Sections[sec] = append(c.Sections[sec], draft.Item{Text: it.Text, Source: it.ID})
		}
	}
	return c
}

func (h *Handler) roleIDs() []string {
	var ids []string
	for _, r := range h.cfg.Pack.Roles {
		ids = append(ids, r.ID)
	}
	return ids
}

func (h *Handler) kindIDs(role string) string {
	var ids []string
	for _, k := range h.cfg.Pack.RoleKinds(role) {
		ids = append(ids, k.ID)
	}
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}
