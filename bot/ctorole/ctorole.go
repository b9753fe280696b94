// Package ctorole answers /cto-role and questions asked by @mention or
// direct message: what a CTO or CIO does, looked up or searched in the
// knowledge pack, as cards a user can share in the channel.
package ctorole

import (
	"context"
	"fmt"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/knowledge"
)

// Handler answers /cto-role and free questions.
type Handler struct {
	pack      *knowledge.Pack
	slash     string    // the configured command name, for hints
	jd        string    // the /jd command's name, for pointers to it
	interview string    // the /interview command's name
	words     bot.Words // its errors' words
	named     topicMemo // the topics args named
}

// New returns a Handler over pack; slash is the configured command name.
// Pointers to the other commands name them /jd and /interview until
// WithCommands says otherwise.
func New(pack *knowledge.Pack, slash string) *Handler {
	return &Handler{pack: pack, slash: slash, jd: "/jd", interview: "/interview", words: bot.Words{
		bot.As(func(e *knowledge.TooLongError) string {
			return fmt.Sprintf("That is %d characters; ask in %d or fewer, or try a topic such as responsibilities.", e.Size, e.Limit)
		}),
	}}
}

// WithCommands sets the names of the /jd and /interview commands that
// replies point to, and returns h.
func (h *Handler) WithCommands(jd, interview string) *Handler {
	h.jd, h.interview = jd, interview
	return h
}

// Command returns the command-table entry for /cto-role.
func (h *Handler) Command() bot.Command {
	return bot.Command{
		Name: "cto-role", Slash: h.slash, Usage: "[topic | question]",
		Summary: "What a CTO or CIO does: responsibilities, skills, the kinds of CTO, CTO vs CIO; what a CISO, VP of Engineering or Head of Data is",
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
		c, err := h.shared(req.Value)
		if err != nil {
			return bot.Reply{}, err
		}
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

// askedPrefix marks a Share button's value that holds the question asked
// rather than a topic id: sharing re-answers it, so the channel sees the
// same answer.
const askedPrefix = "?"

// shared returns the public card for a Share button's value.
func (h *Handler) shared(value string) (*bot.Card, error) {
	if q, ok := strings.CutPrefix(value, askedPrefix); ok {
		return h.lookup(q, false)
	}
	t, ok := h.pack.Topic(value)
	if !ok {
		return nil, hirebot.Errorf(hirebot.NotFound, "That topic is no longer in the knowledge pack; try %s.", h.slash)
	}
	return h.card(t, false), nil
}

// lookup resolves args to a card. private cards carry a Share button.
func (h *Handler) lookup(args string, private bool) (*bot.Card, error) {
	if c, ok := h.named.get(args, private); ok {
		return c, nil
	}
	l, err := h.pack.Resolve(args)
	if err == nil && l.Topic != nil && l.Social == knowledge.NotSocial {
		c := h.card(*l.Topic, private)
		h.named.put(args, private, c)
		return c, nil
	}
	if err = h.words.Word(err); hirebot.MessageOf(err) != "" {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("look up %q: %w", args, err)
	}
	switch {
	case l.Social != knowledge.NotSocial:
		return h.social(l.Social), nil
	case l.Topic != nil:
		return h.card(*l.Topic, private), nil
	case l.Answer != nil:
		return h.answer(args, l, private), nil
	case l.Elsewhere != nil:
		return h.elsewhere(args, *l.Elsewhere, private), nil
	case len(l.Choices) > 0:
		return h.choices(args, l), nil
	case l.Pointer == knowledge.PointJD:
		return h.draftPointer(), nil
	case l.Pointer == knowledge.PointLegal:
		return h.legal(args, l), nil
	case l.Pointer == knowledge.PointOtherRole:
		return h.otherRole(args), nil
	}
	return h.unknown(args, l), nil
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
