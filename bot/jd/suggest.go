package jd

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/locale"
)

// suggestShown is how many suggestions one card offers (each is a block
// with a button, and a message holds 50 blocks).
const suggestShown = 15

// suggest offers checklist items that are not in the draft yet, each with
// an Add button: for one section, or for every section (grouped, each
// section getting its share of the card) when only is "". want, when set,
// names the draft the Suggest button was shown for.
func (h *Handler) suggest(ctx context.Context, req bot.Request, only draft.Section, want string) (bot.Reply, error) {
	d, err := h.open(ctx, req, want, "")
	if err != nil {
		return bot.Reply{}, err
	}
	left := d.Suggestions(h.cfg.Pack.ChecklistsFor(d.Role, d.Kind))
	for sec := range left {
		if only != "" && sec != only {
			delete(left, sec)
		}
	}
	if d.Contract() { // a contract for services gives no employee benefits
		left[draft.Benefits] = slices.DeleteFunc(left[draft.Benefits], func(it knowledge.ChecklistItem) bool {
			return len(locale.Default().FindEmployeeOnly(it.Text)) > 0
		})
	}
	who := h.roleLabel(d)
	c := &bot.Card{Title: "Suggestions for " + d.Heading()}
	var with, without []string
	for _, sec := range draft.Sections {
		if only != "" && sec != only {
			continue
		}
		if len(left[sec]) == 0 {
			without = append(without, string(sec))
			continue
		}
		with = append(with, string(sec))
	}
	if len(with) == 0 {
		sec := "responsibilities"
		if only != "" {
			sec = string(only)
		}
		where := ""
		if only != "" {
			where = " for " + only.Label()
		}
		c.Intro = fmt.Sprintf("The draft already has every checklist suggestion%s I have for %s.", strings.ToLower(where), who)
		c.Note = fmt.Sprintf("Write your own: %s add %s …", h.cfg.Slash, sec)
		return bot.Reply{Card: c}, nil
	}
	share := max(3, suggestShown/len(with))
	var more []string
	for _, name := range with {
		sec := draft.Section(name)
		items := left[sec]
		c.Parts = append(c.Parts, bot.Part{Heading: fmt.Sprintf("%s (%d)", sec.Label(), len(items))})
		shown := min(len(items), share)
		for _, it := range items[:shown] {
			c.Parts = append(c.Parts, bot.Part{Text: it.Text,
				Button: &bot.Button{Label: "Add", Action: "jd:add-item", Value: showing(d, it.ID)}})
		}
		if shown < len(items) {
			more = append(more, fmt.Sprintf("%d more with %s suggest %s", len(items)-shown, h.cfg.Slash, sec))
		}
	}
	c.Intro = fmt.Sprintf("From the %s checklists, not in the draft yet: %s.", who, strings.Join(with, ", "))
	if len(without) > 0 && only == "" {
		c.Intro += fmt.Sprintf(" Nothing left to suggest for %s.", strings.Join(without, ", "))
	}
	notes := more
	if len(with) == 1 {
		notes = append(notes, fmt.Sprintf("Or write your own: %s add %s …", h.cfg.Slash, with[0]))
	} else {
		notes = append(notes, fmt.Sprintf("Or write your own: %s add <section> …, e.g. %s add %s …", h.cfg.Slash, h.cfg.Slash, with[len(with)-1]))
	}
	c.Note = strings.Join(notes, ". ") + "."
	c.Note = strings.ReplaceAll(c.Note, "….", "…")
	return bot.Reply{Card: c}, nil
}

// roleLabel names the draft's role and kind for messages: "CTO (technical
// leader)".
func (h *Handler) roleLabel(d *draft.Draft) string {
	name := h.roleName(d.Role)
	if k, ok := h.cfg.Pack.Kind(d.Kind); ok {
		name += " (" + strings.ToLower(k.Name) + ")"
	}
	return name
}

// roleName names a role for messages: "CTO", "VP of Engineering"; a role
// the pack no longer has by its id in capitals.
func (h *Handler) roleName(id string) string {
	if r, ok := h.cfg.Pack.Role(id); ok {
		return r.Name
	}
	return strings.ToUpper(id)
}

// addSuggested adds a checklist item to the section its checklist feeds,
// in the draft the suggestion was shown for (want).
func (h *Handler) addSuggested(ctx context.Context, req bot.Request, itemID, want string) (bot.Reply, error) {
	item, sec, ok := draft.ChecklistItem(h.cfg.Pack.Checklists, itemID)
	if !ok {
		return bot.Reply{}, hirebot.Errorf(hirebot.NotFound, "That suggestion is no longer in the knowledge pack; try %s suggest again.", h.cfg.Slash)
	}
	at := h.cfg.Now()
	c := draft.Change{Op: draft.OpInsert, Section: sec, Index: -1,
		Item:  &draft.Item{Text: item.Text, Author: req.User, At: at, Source: item.ID},
		Draft: want, By: req.User, Admin: req.Admin, At: at}
	d, e, err := h.drafts(req).UpdateDraft(ctx, func(d *draft.Draft, _ int) (draft.Entry, error) {
		if err := d.Is(want); err != nil {
			return draft.Entry{}, err
		}
		for _, it := range d.Sections[sec] {
			if it.Source == item.ID {
				return draft.Entry{}, hirebot.Errorf(hirebot.Invalid, "That item is already in %s.", sec)
			}
		}
		c.Index = len(d.Sections[sec]) + 1
		return d.Apply(c)
	})
	if err != nil {
		return bot.Reply{}, err
	}
	return h.changed(d, e), nil
}
