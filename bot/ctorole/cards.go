package ctorole

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/knowledge"
)

// Button actions of /cto-role cards.
const (
	actionShow  = "cto-role:show"
	actionShare = "cto-role:share"
)

// card renders one whole topic.
func (h *Handler) card(t knowledge.Topic, private bool) *bot.Card {
	c := &bot.Card{Title: t.Title, Intro: t.Summary, Source: source(t)}
	if len(t.Body) > 0 {
		c.Parts = append(c.Parts, bot.Part{Text: strings.Join(t.Body, "\n\n")})
	}
	if len(t.Points) > 0 {
		c.Parts = append(c.Parts, bot.Part{Items: t.Points})
	}
	if private {
		c.Buttons = append(c.Buttons, shareButton(t.ID))
	}
	for _, id := range h.related(t) {
		if rt, ok := h.pack.Topic(id); ok {
			c.Buttons = appendUnique(c.Buttons, showButton(rt))
		}
	}
	c.Note = h.noteFor(t)
	return c
}

// interviewingTopic is the topic whose questions /interview answers.
const interviewingTopic = "cto-interviewing"

// noteFor is the small print at the end of a topic's card: where to go
// next.
func (h *Handler) noteFor(t knowledge.Topic) string {
	if t.ID == interviewingTopic {
		return fmt.Sprintf("Next: %s cto suggests interview questions with rubrics; %s kit builds the guide.", h.interview, h.interview)
	}
	return fmt.Sprintf("Ask anything: %s who owns the IT budget? · %s help", h.slash, h.slash)
}

// related returns the ids of the topics a topic's card offers: its own
// related topics, or for an overview or help every topic of its role, its
// own related topics (a role with one topic still leads on: the Head of
// Data overview to "CTO vs CDO") and the other roles' overviews.
func (h *Handler) related(t knowledge.Topic) []string {
	if t.Name != "overview" && t.Name != "help" {
		return t.Related
	}
	var out []string
	for _, name := range h.pack.TopicNames(t.Role) {
		if rt, ok := h.pack.TopicByName(t.Role, name); ok && rt.ID != t.ID {
			out = append(out, rt.ID)
		}
	}
	for _, id := range t.Related {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	for _, r := range h.pack.Roles {
		if o, ok := h.pack.TopicByName(r.ID, "overview"); ok && r.ID != t.Role {
			out = append(out, o.ID)
		}
	}
	return out
}

// answer renders the passage that answers a question, with a button to
// the whole topic it comes from.
func (h *Handler) answer(args string, l knowledge.Lookup, private bool) *bot.Card {
	a := l.Answer
	c := &bot.Card{Title: a.Topic.Title, Intro: a.Text, Source: source(a.Topic)}
	if len(a.Points) > 0 {
		c.Parts = append(c.Parts, bot.Part{Items: a.Points})
	}
	if private {
		c.Buttons = append(c.Buttons, shareButton(askedPrefix+args))
	}
	c.Buttons = append(c.Buttons, bot.Button{Label: "Read the whole topic", Action: actionShow, Value: a.Topic.ID})
	for _, r := range l.Results[1:] {
		c.Buttons = appendUnique(c.Buttons, showButton(r.Topic))
	}
	c.Note = fmt.Sprintf("The part of “%s” that answers “%s”.", a.Topic.Title, strings.TrimSpace(args))
	if a.Topic.ID == interviewingTopic {
		c.Note += " " + h.noteFor(a.Topic)
	}
	if len(l.Suggestions) > 0 {
		c.Note += " Did you mean " + quoteList(l.Suggestions) + "?"
	}
	return c
}

// elsewhere answers a question about a topic the asked role does not
// have: it says so, and shows the asked role's nearest topic with a
// button to the one asked about.
func (h *Handler) elsewhere(args string, e knowledge.Elsewhere, private bool) *bot.Card {
	c := h.card(e.Nearest, false)
	asked, found := h.roleName(e.Asked), h.roleName(e.Found.Role)
	c.Intro = fmt.Sprintf("I have “%s” for the %s only, not for the %s. Here is the nearest %s topic.",
		e.Found.Title, found, asked, asked)
	c.Parts = append([]bot.Part{{Text: e.Nearest.Summary}}, c.Parts...)
	buttons := []bot.Button{showButton(e.Found)}
	if private {
		buttons = append([]bot.Button{shareButton(askedPrefix + args)}, buttons...)
	}
	for _, b := range c.Buttons {
		buttons = appendUnique(buttons, b)
	}
	c.Buttons = buttons
	return c
}

// social answers a greeting, thanks or goodbye with one friendly line.
func (h *Handler) social(s knowledge.Social) *bot.Card {
	switch s {
	case knowledge.Thanks:
		return &bot.Card{Intro: fmt.Sprintf("You're welcome! Ask me anything else about hiring a technical leader, or try %s help.", h.slash)}
	case knowledge.Goodbye:
		return &bot.Card{Intro: "Good luck with the hire! I'm here whenever you have another question."}
	case knowledge.Nod:
		return &bot.Card{Intro: fmt.Sprintf("Glad it helps. Ask me anything else about hiring a technical leader, or try %s help.", h.slash)}
	case knowledge.Chat:
		return &bot.Card{Intro: fmt.Sprintf("Happy to chat, but I'm best at hiring a technical leader: ask me a question about it, or try %s help.", h.slash)}
	}
	return &bot.Card{Intro: fmt.Sprintf("Hi! I answer questions about hiring a technical leader (a CTO, CIO, CISO, VP of Engineering or Head of Data), such as %s what does a CTO do in a startup? or %s help for the topics.", h.slash, h.slash)}
}

// unknown answers args the pack does not cover: honestly, with what it
// may have meant, what hirebot does cover, and the topics nearest to the
// question (or, with none, the topic list). Never empty.
func (h *Handler) unknown(args string, l knowledge.Lookup) *bot.Card {
	c := &bot.Card{Title: "I don't cover that",
		Intro: fmt.Sprintf("I don't have a good answer to “%s”.", strings.TrimSpace(args))}
	if len(l.Suggestions) > 0 {
		c.Title = "No exact match"
		c.Intro += " Did you mean " + quoteList(l.Suggestions) + "?"
		for _, s := range l.Suggestions {
			c.Buttons = appendUnique(c.Buttons, bot.Button{Label: s, Action: actionShow, Value: s})
		}
	}
	var roles []string
	for _, r := range h.pack.Roles {
		roles = append(roles, "a "+r.Name)
	}
	what := "Hiring a technical leader: what " + strings.Join(roles, " or ") + " does, and the questions around hiring one."
	if len(l.Nearest) > 0 {
		c.Parts = append(c.Parts, bot.Part{Heading: "What I cover",
			Text: what + fmt.Sprintf(" The topics nearest to your question are below; %s help lists them all. Or ask in your own words.", h.slash)})
		for _, t := range l.Nearest {
			c.Buttons = appendUnique(c.Buttons, showButton(t))
		}
		c.Buttons = appendUnique(c.Buttons, bot.Button{Label: "All topics", Action: actionShow, Value: "help"})
		return c
	}
	topics := l.Topics
	for _, r := range h.pack.Roles {
		if r.ID != l.Role {
			topics = append(topics, r.ID) // the other roles' overviews
		}
	}
	c.Parts = append(c.Parts, bot.Part{Heading: "What I cover",
		Text: what + " Try one of: " + strings.Join(topics, ", ") + ". Or ask a question in your own words."})
	for _, s := range topics {
		c.Buttons = appendUnique(c.Buttons, bot.Button{Label: s, Action: actionShow, Value: s})
	}
	return c
}

// roleName returns the name users know a role by ("CTO").
func (h *Handler) roleName(id string) string {
	if r, ok := h.pack.Role(id); ok {
		return r.Name
	}
	return strings.ToUpper(id)
}

// source is the small print saying where a topic comes from.
func source(t knowledge.Topic) string {
	if t.Source == "" {
		return ""
	}
	return "Source: " + t.Source
}

func shareButton(value string) bot.Button {
	return bot.Button{Label: "Share in channel", Action: actionShare, Value: value, Style: "primary"}
}

func showButton(t knowledge.Topic) bot.Button {
	return bot.Button{Label: t.Title, Action: actionShow, Value: t.ID}
}
