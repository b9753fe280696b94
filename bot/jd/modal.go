package jd

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
)

// openEditor opens a modal holding the whole draft the Edit button was
// shown for (want). Its metadata names the draft and the version it holds.
func (h *Handler) openEditor(ctx context.Context, req bot.Request, want string) (bot.Reply, error) {
	d, err := h.open(ctx, req, want, "")
	if err != nil {
		return bot.Reply{}, err
	}
	if d.Status == draft.Final {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "The draft is final; the owner or an admin can %s reopen it.", h.cfg.Slash)
	}
	m := &bot.Modal{Callback: "jd:save", Title: "Edit job description", Submit: "Save",
		Metadata: showing(d, ""),
		Intro:    fmt.Sprintf("Version %d. One item per line. If someone else saves first, your edit is refused and shown back to you, never merged over theirs.", d.Version)}
	for _, f := range draft.Fields {
		if f.Setting() {
			continue // set by name and checked: /jd set
		}
		m.Inputs = append(m.Inputs, bot.Input{ID: string(f), Label: f.Label(), Value: d.Fields[f],
			Optional: f != draft.Title, Multiline: f.Paragraph(), MaxLength: draft.FieldLimit(f)})
	}
	for _, sec := range draft.Sections {
		m.Inputs = append(m.Inputs, sectionInputs(sec, d.Sections[sec])...)
	}
	return bot.Reply{Modal: m}, nil
}

// save applies a modal's edits, unless the draft changed since it opened
// or is another draft than the one it opened on.
func (h *Handler) save(ctx context.Context, req bot.Request) (bot.Reply, error) {
	s, ok := parseShown(req.Value)
	if !ok {
		return bot.Reply{}, h.wordControl("save", &OldControlError{Action: "save"})
	}
	base := s.Version
	for in := range req.Values {
		if !editorInput(in) {
			return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "That editor carried an input it does not have, so nothing was saved. Press Edit on the live message (%s show) and save again.", h.cfg.Slash)
		}
	}
	content := draft.Content{Fields: map[draft.Field]string{}, Sections: map[draft.Section][]draft.Item{}}
	for _, f := range draft.Fields {
		if !f.Setting() {
			content.Fields[f] = req.Values[string(f)]
		}
	}
	content.Fields[draft.Title] = typedTitle(content.Fields[draft.Title])
	at := h.cfg.Now()
	for _, sec := range draft.Sections {
		for _, line := range strings.Split(sectionText(sec, req.Values), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				content.Sections[sec] = append(content.Sections[sec], draft.Item{Text: line, Author: req.User, At: at})
			}
		}
	}
	c := draft.Change{Op: draft.OpReplace, Content: &content, BaseVersion: base, Draft: s.Draft, By: req.User, Admin: req.Admin, At: at}
	d, e, err := h.drafts(req).UpdateDraft(ctx, func(d *draft.Draft, _ int) (draft.Entry, error) {
		keepAuthors(d, &content)
		for _, f := range draft.Fields {
			if f.Setting() { // not in the editor: kept as they are
				content.Fields[f] = d.Fields[f]
			}
		}
		return h.applyKeepingSummary(d, c)
	})
	var (
		stale *draft.StaleError
		other *draft.OtherDraftError
	)
	switch {
	case errors.As(err, &stale):
		return h.refused(ctx, req, base, content, err)
	case errors.As(err, &other), hirebot.KindOf(err) == hirebot.NotFound:
		return h.refusedGone(content, h.wordControl("save", err))
	case err != nil:
		return bot.Reply{}, editorField(err)
	}
	return h.changed(d, e), nil
}

// refusedGone tells an editor their save was refused because the draft
// it opened on is gone (err says so), and gives them back what they
// typed, field by field and section by section, to use again.
func (h *Handler) refusedGone(mine draft.Content, err error) (bot.Reply, error) {
	c := &bot.Card{Title: "Not saved: that draft is gone", Intro: hirebot.MessageOf(err) + " What you typed is below, to copy."}
	for _, f := range draft.Fields {
		if v := strings.TrimSpace(mine.Fields[f]); v != "" {
			c.Parts = append(c.Parts, bot.Part{Heading: f.Label(), Text: draft.Clip(v, bot.MaxPartText)})
		}
	}
	for _, sec := range draft.Sections {
		var lines []string
		for _, it := range mine.Sections[sec] {
			lines = append(lines, it.Text)
		}
		if len(lines) > 0 {
			c.Parts = append(c.Parts, bot.Part{Heading: sec.Label(), Items: lines})
		}
	}
	return bot.Reply{Card: c}, err
}

// keepAuthors keeps the author, time and reference of lines the editor
// did not change (each old item is matched at most once).
func keepAuthors(d *draft.Draft, c *draft.Content) {
	for sec, items := range c.Sections {
		old := map[string][]draft.Item{}
		for _, it := range d.Sections[sec] {
			old[it.Text] = append(old[it.Text], it)
		}
		for i, it := range items {
			if o := old[it.Text]; len(o) > 0 {
				items[i], old[it.Text] = o[0], o[1:]
			}
		}
	}
}

// refused tells an editor their save was refused, what changed meanwhile,
// and what their edit would have changed, so they can redo it.
//
// The reply says it all; stale, the store's error, is returned with it for
// metrics.
func (h *Handler) refused(ctx context.Context, req bot.Request, base int, mine draft.Content, stale error) (bot.Reply, error) {
	cur, err := h.drafts(req).Draft(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	c := liveCard(cur, h.cfg.Slash)
	c.Title = "Not saved: the draft changed while you were editing"
	c.Intro = fmt.Sprintf("You opened version %d; it is now version %d. Nothing was overwritten. Below is the current draft; press Edit to apply your changes to it.", base, cur.Version)
	var meanwhile []string
	if entries, err := h.drafts(req).History(ctx, 50); err == nil {
		for _, e := range entries {
			if e.Version > base {
				meanwhile = append(meanwhile, fmt.Sprintf("v%d %s %s", e.Version, userName(e.By), e.Summary))
			}
		}
	}
	yours := cur.Clone()
	yours.Fields, yours.Sections = mine.Fields, mine.Sections
	var parts []bot.Part
	if len(meanwhile) > 0 {
		parts = append(parts, bot.Part{Heading: "Changed meanwhile", Items: meanwhile[max(0, len(meanwhile)-10):]})
	}
	if diff := yours.Diff(cur); len(diff) > 0 {
		parts = append(parts, bot.Part{Heading: "Your edits (not saved)", Items: diff[:min(len(diff), 15)]})
	}
	c.Parts = append(parts, c.Parts...)
	return bot.Reply{Card: c}, stale
}

// editorField names the editor's input a refused save is about (the
// section or field of a draft.Error), so that Slack can show the reason
// beside it and keep the editor open with what was typed.
func editorField(err error) error {
	var de *draft.Error
	if !errors.As(err, &de) {
		return err
	}
	switch {
	case de.Section != "":
		return &bot.FieldError{Field: chunkID(de.Section, 0), Err: err}
	case de.Field != "":
		return &bot.FieldError{Field: string(de.Field), Err: err}
	}
	return err
}
