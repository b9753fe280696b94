// Package ctorole answers /cto-role and questions asked by @mention or
// direct message: what a CTO or CIO does, looked up or searched in the
// knowledge pack, as cards a user can share in the channel.
package ctorole

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/knowledge"
)

// Handler answers /cto-role and free questions.
type Handler struct {
	pack  *knowledge.Pack
	slash string // the configured command name, for hints
}

// New returns a Handler over pack; slash is the configured command name.
func New(pack *knowledge.Pack, slash string) *Handler {
	return &Handler{pack: pack, slash: slash}
}

// Command returns the command-table entry for /cto-role.
func (h *Handler) Command() bot.Command {
	return bot.Command{
		Name: "cto-role", Slash: h.slash, Usage: "[topic | question]",
		Summary: "What a CTO or CIO does: responsibilities, skills, the kinds of CTO, CTO vs CIO",
		Examples: []string{h.slash, h.slash + " skills", h.slash + " cio responsibilities",
			h.slash + " who owns the IT budget?"},
		Handler: h,
		Quick:   true, // reads the in-memory pack only
	}
}

// AskCommand returns the command-table entry for @mentions and direct
// messages.
func (h *Handler) AskCommand() bot.Command {
	return bot.Command{Name: "ask", Usage: "<question>",
		Summary: "Mention @hirebot or send it a direct message with a question",
		Handler: bot.HandlerFunc(h.Ask)}
}

// Handle answers /cto-role and its buttons.
func (h *Handler) Handle(_ context.Context, req bot.Request) (bot.Reply, error) {
	switch {
	case req.Source == bot.Press && req.Action == "share":
		t, ok := h.pack.Topic(req.Value)
		if !ok {
			return bot.Reply{}, hirebot.Errorf(hirebot.NotFound, "That topic is no longer in the knowledge pack; try %s.", h.slash)
		}
		c := h.card(t, false)
		c.SharedBy = req.User
		return bot.Reply{Card: c, Public: true}, nil
	case req.Source == bot.Press:
		c, err := h.lookup(req.Value, true)
		return bot.Reply{Card: c, Replace: true}, err
	}
	c, err := h.lookup(req.Text, true)
	return bot.Reply{Card: c}, err
}

// Ask answers a question asked by @mention or direct message, in public
// (in a thread).
func (h *Handler) Ask(_ context.Context, req bot.Request) (bot.Reply, error) {
	if strings.TrimSpace(req.Text) == "" {
		req.Text = "help"
	}
	c, err := h.lookup(req.Text, false)
	return bot.Reply{Card: c, Public: true}, err
}

// lookup resolves args to a card. private cards carry a Share button.
func (h *Handler) lookup(args string, private bool) (*bot.Card, error) {
	l, err := h.pack.Resolve(args)
	var tl *knowledge.TooLongError
	if errors.As(err, &tl) {
		return nil, hirebot.Wrap(hirebot.Invalid, err, fmt.Sprintf(
			"That is %d characters; ask in %d or fewer, or try a topic such as responsibilities.", tl.Size, tl.Limit))
	}
	if err != nil {
		return nil, fmt.Errorf("look up %q: %w", args, err)
	}
	switch {
	case l.Topic != nil:
		return h.card(*l.Topic, private), nil
	case len(l.Results) > 0:
		c := h.card(l.Results[0].Topic, private)
		c.Note = fmt.Sprintf("Best match for “%s”.", strings.TrimSpace(args))
		for _, r := range l.Results[1:] {
			c.Buttons = appendUnique(c.Buttons, bot.Button{Label: r.Topic.Title, Action: "cto-role:show", Value: r.Topic.ID})
		}
		if len(l.Suggestions) > 0 {
			c.Note += " Did you mean " + quoteList(l.Suggestions) + "?"
		}
		return c, nil
	}
	return h.unknown(args, l), nil
}

// card renders one topic.
func (h *Handler) card(t knowledge.Topic, private bool) *bot.Card {
	c := &bot.Card{Title: t.Title, Intro: t.Summary}
	if len(t.Body) > 0 {
		c.Parts = append(c.Parts, bot.Part{Text: strings.Join(t.Body, "\n\n")})
	}
	if len(t.Points) > 0 {
		c.Parts = append(c.Parts, bot.Part{Items: t.Points})
	}
	if private {
		c.Buttons = append(c.Buttons, bot.Button{Label: "Share in channel", Action: "cto-role:share", Value: t.ID, Style: "primary"})
	}
	related := t.Related
	if t.Name == "overview" || t.Name == "help" {
		related = nil
		for _, name := range h.pack.TopicNames(t.Role) {
			if rt, ok := h.pack.TopicByName(t.Role, name); ok && rt.ID != t.ID {
				related = append(related, rt.ID)
			}
		}
		if t.Role != knowledge.DefaultRole {
			related = append(related, knowledge.DefaultRole+"-overview")
		} else {
			related = append(related, "cio-overview")
		}
	}
	for _, id := range related {
		if rt, ok := h.pack.Topic(id); ok {
			c.Buttons = appendUnique(c.Buttons, bot.Button{Label: rt.Title, Action: "cto-role:show", Value: rt.ID})
		}
	}
	c.Note = fmt.Sprintf("Ask anything: %s who owns the IT budget? · %s help", h.slash, h.slash)
	return c
}

// unknown answers args that matched nothing: what it may have meant, and
// the topic list. Never empty.
func (h *Handler) unknown(args string, l knowledge.Lookup) *bot.Card {
	c := &bot.Card{Title: "No match", Intro: fmt.Sprintf("I don't have anything on “%s”.", strings.TrimSpace(args))}
	if len(l.Suggestions) > 0 {
		c.Intro += " Did you mean " + quoteList(l.Suggestions) + "?"
		for _, s := range l.Suggestions {
			c.Buttons = appendUnique(c.Buttons, bot.Button{Label: s, Action: "cto-role:show", Value: s})
		}
	}
	topics := l.Topics
	for _, r := range h.pack.Roles {
		if r.ID != l.Role {
			topics = append(topics, r.ID) // the other roles' overviews
		}
	}
	c.Parts = append(c.Parts, bot.Part{Heading: "Topics", Text: "Try one of: " + strings.Join(topics, ", ") +
		". Or ask a question in your own words."})
	for _, s := range topics {
		c.Buttons = appendUnique(c.Buttons, bot.Button{Label: s, Action: "cto-role:show", Value: s})
	}
	return c
}

// appendUnique appends b unless a button with its value is there.
func appendUnique(bs []bot.Button, b bot.Button) []bot.Button {
	for _, x := range bs {
		if x.Value == b.Value && x.Action == b.Action {
			return bs
		}
	}
	return append(bs, b)
}

// quoteList renders ["a", "b"] as "“a” or “b”".
func quoteList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "“" + w + "”"
	}
	return strings.Join(q, " or ")
}
