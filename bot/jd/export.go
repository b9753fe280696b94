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

// export uploads the draft to the channel as a file.
func (h *Handler) export(ctx context.Context, req bot.Request, format string) (bot.Reply, error) {
	d, err := h.cfg.Drafts.Draft(ctx, req.Session())
	if err != nil {
		return bot.Reply{}, err
	}
	h.saw(ctx, req, d.Version)
	name := fileName(d.Heading())
	f := &bot.File{Title: d.Heading()}
	switch format {
	case "", "markdown", "md":
		f.Name, f.Content = name+".md", d.Markdown()
	case "text", "txt":
		f.Name, f.Content = name+".txt", d.Text()
	default:
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "Export as markdown or text, e.g. %s export markdown.", h.cfg.Slash)
	}
	return bot.Reply{File: f, Card: &bot.Card{Intro: fmt.Sprintf("Uploaded %s (version %d) to the channel.", f.Name, d.Version)}}, nil
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
