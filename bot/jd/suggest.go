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

// suggestShown is how many suggestions one card offers (each is a block
// with a button, and a message holds 50 blocks).
const suggestShown = 15

// suggest offers checklist items that are not in the draft yet, each with
// an Add button.
func (h *Handler) suggest(ctx context.Context, req bot.Request, only draft.Section) (bot.Reply, error) {
	d, err := h.cfg.Drafts.Draft(ctx, req.Session())
	if err != nil {
		return bot.Reply{}, err
	}
	h.saw(ctx, req, d.Version)
	have := map[string]bool{}
	for _, items := range d.Sections {
		for _, it := range items {
			have[it.Source] = true
			have[strings.ToLower(it.Text)] = true
		}
	}
	c := &bot.Card{Title: "Suggestions for " + d.Heading()}
	n := 0
	for _, l := range h.cfg.Pack.ChecklistsFor(d.Role, d.Kind) {
		sec, ok := draft.ParseSection(l.Section)
		if !ok || (only != "" && sec != only) {
			continue
		}
		for _, it := range l.Items {
			if have[it.ID] || have[strings.ToLower(it.Text)] || n >= suggestShown {
				continue
			}
			n++
			c.Parts = append(c.Parts, bot.Part{Text: sec.Label() + ": " + it.Text,
				Button: &bot.Button{Label: "Add", Action: "jd:add-item", Value: it.ID}})
		}
	}
	if n == 0 {
		c.Intro = "The draft already has every checklist item I know for this role" +
			map[bool]string{true: " in " + string(only), false: ""}[only != ""] + "."
		return bot.Reply{Card: c}, nil
	}
	c.Intro = "From the knowledge checklists for this role; not in the draft yet."
	c.Note = fmt.Sprintf("Or write your own: %s add requirements …", h.cfg.Slash)
	return bot.Reply{Card: c}, nil
}

// addSuggested adds a checklist item to the section its checklist feeds.
func (h *Handler) addSuggested(ctx context.Context, req bot.Request, itemID string) (bot.Reply, error) {
	item, sec, ok := h.checklistItem(itemID)
	if !ok {
		return bot.Reply{}, hirebot.Errorf(hirebot.NotFound, "That suggestion is no longer in the knowledge pack; try %s suggest again.", h.cfg.Slash)
	}
	at := h.cfg.Now()
	c := draft.Change{Op: draft.OpInsert, Section: sec, Index: -1,
		Item: &draft.Item{Text: item.Text, Author: req.User, At: at, Source: item.ID},
		By:   req.User, Admin: req.Admin, At: at}
	_, e, err := h.cfg.Drafts.UpdateDraft(ctx, req.Session(), req.Claim, req.User, func(d *draft.Draft) (draft.Entry, error) {
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
	h.saw(ctx, req, e.Version)
	return bot.Reply{Card: &bot.Card{Intro: capitalize(e.Summary) + fmt.Sprintf(" (v%d).", e.Version)}, Live: true}, nil
}

// checklistItem finds a checklist item and the section it feeds.
func (h *Handler) checklistItem(id string) (knowledge.ChecklistItem, draft.Section, bool) {
	for _, l := range h.cfg.Pack.Checklists {
		for _, it := range l.Items {
			if it.ID == id {
				sec, ok := draft.ParseSection(l.Section)
				return it, sec, ok
			}
		}
	}
	return knowledge.ChecklistItem{}, "", false
}
