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
// when empty), and offers the other formats as buttons. want, when set,
// names the draft the button pressed was shown for.
func (h *Handler) export(ctx context.Context, req bot.Request, format, want string) (bot.Reply, error) {
	d, err := h.open(ctx, req, want, "")
	if err != nil {
		return bot.Reply{}, err
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
		c.Buttons = append(c.Buttons, bot.Button{Label: "Also as " + ef.label, Action: "jd:export", Value: showing(d, ef.format)})
	}
	state := "the final version"
	if d.Status != draft.Final {
		state = fmt.Sprintf("version %d, not final yet: the file says so at the end until %s finalize", d.Version, h.cfg.Slash)
	}
	c.Intro = fmt.Sprintf("Uploaded %s (%s) to the channel.", f.Name, state)
	if !d.HasTitle() {
		c.Note = fmt.Sprintf("The draft has no job title, so the file is headed “%s”. Set one with %s set title …", d.Heading(), h.cfg.Slash)
	}
	return bot.Reply{File: f, Card: c, AfterInvite: h.cfg.Slash + " export " + format}, nil
}

var unsafeName = regexp.MustCompile(`[^a-z0-9]+`)

// fileName makes a file name from a title.
func fileName(title string) string {
	s := strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(title), "-"), "-")
	if s == "" {
		s = "job-description"
	}
	return draft.Clip(s, 60)
}
