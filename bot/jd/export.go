package jd

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
)

// exportFormats are the formats /jd export offers, in the order its
// buttons show them.
var exportFormats = []struct {
	format, label, ext string
}{
	{Markdown, "Markdown", ".md"},
	{Text, "Plain text (ATS)", ".txt"},
	{HTML, "HTML", ".html"},
}

// export uploads the draft to the channel as a file in format (Markdown
// when empty), and offers the other formats as buttons.
func (h *Handler) export(ctx context.Context, req bot.Request, format string) (bot.Reply, error) {
	d, err := h.cfg.Drafts.Draft(ctx, req.Session())
	if err != nil {
		return bot.Reply{}, h.missing(err)
	}
	if format == "" || format == "md" {
		format = Markdown
	}
	f := &bot.File{Title: d.Heading()}
	switch format {
	case Markdown:
		f.Content = d.Markdown()
	case Text:
		f.Content = d.Text()
	case HTML:
		f.Content = d.HTML()
	default:
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "Export as markdown, text or html, e.g. %s export html.", h.cfg.Slash)
	}
	c := &bot.Card{}
	for _, ef := range exportFormats {
		if ef.format == format {
			f.Name = fileName(d.Heading()) + ef.ext
			continue
		}
		c.Buttons = append(c.Buttons, bot.Button{Label: "Also as " + ef.label, Action: "jd:export", Value: ef.format})
	}
	state := "the final version"
	if d.Status != draft.Final {
		state = fmt.Sprintf("version %d, not final yet: the file says so at the end until %s finalize", d.Version, h.cfg.Slash)
	}
	c.Intro = fmt.Sprintf("Uploaded %s (%s) to the channel.", f.Name, state)
	if !d.HasTitle() {
		c.Note = fmt.Sprintf("The draft has no job title, so the file is headed “%s”. Set one with %s set title …", d.Heading(), h.cfg.Slash)
	}
	return bot.Reply{File: f, Card: c}, nil
}

var unsafeName = regexp.MustCompile(`[^a-z0-9]+`)

// fileName makes a file name from a title.
func fileName(title string) string {
	s := strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(title), "-"), "-")
	if s == "" {
		s = "job-description"
	}
	return clip(s, 60)
}

// askDiscard asks the owner or an admin to confirm discarding the draft.
func (h *Handler) askDiscard(ctx context.Context, req bot.Request) (bot.Reply, error) {
	d, err := h.cfg.Drafts.Draft(ctx, req.Session())
	if err != nil {
		return bot.Reply{}, h.missing(err)
	}
	if d.Owner != req.User && !req.Admin {
		return bot.Reply{}, hirebot.Errorf(hirebot.Forbidden, "Only the draft's owner (@%s) or an admin can discard it.", d.Owner)
	}
	return bot.Reply{Card: &bot.Card{
		Title: "Discard the draft?",
		Intro: fmt.Sprintf("This deletes “%s” (version %d) and its history for everyone in the channel. Export it first if you may want it back.", d.Heading(), d.Version),
		Buttons: []bot.Button{{Label: "Discard the draft", Action: "jd:discard", Value: fmt.Sprint(d.Version), Style: "danger",
			Confirm: &bot.Confirm{Title: "Discard for good?", Text: "The draft and its history will be deleted.", Yes: "Discard", No: "Keep it"}}},
	}}, nil
}

// discard deletes the draft once confirmed.
func (h *Handler) discard(ctx context.Context, req bot.Request) (bot.Reply, error) {
	d, err := h.cfg.Drafts.Draft(ctx, req.Session())
	if err != nil {
		return bot.Reply{}, h.missing(err)
	}
	if d.Owner != req.User && !req.Admin {
		return bot.Reply{}, hirebot.Errorf(hirebot.Forbidden, "Only the draft's owner (@%s) or an admin can discard it.", d.Owner)
	}
	if err := h.cfg.Drafts.DeleteDraft(ctx, req.Session()); err != nil {
		return bot.Reply{}, err
	}
	again := d.Role
	if d.Kind != "" {
		again += " " + d.Kind
	}
	return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("The %s draft “%s” was discarded. Start a new one with %s start %s.",
		strings.ToUpper(d.Role), d.Heading(), h.cfg.Slash, again)},
		Replace: true}, nil
}

// notFound is the error for a channel without a draft.
func notFound() error { return hirebot.Errorf(hirebot.NotFound, "no draft") }
