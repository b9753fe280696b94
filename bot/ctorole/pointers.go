package ctorole

import (
	"fmt"
	"strings"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/knowledge"
)

// The replies to questions no single topic answers: close topics to
// choose from, and honest pointers for what hirebot cannot do.

// choices offers the topics a question could be about instead of guessing.
func (h *Handler) choices(args string, l knowledge.Lookup) *bot.Card {
	c := &bot.Card{Title: "Which of these did you mean?",
		Intro: fmt.Sprintf("“%s” could be about more than one topic. Pick one:", strings.TrimSpace(args))}
	if len(l.Choices) == 1 {
		c.Title = "Did you mean this?"
		c.Intro = fmt.Sprintf("I'm not sure I understood “%s”. The closest topic I have:", strings.TrimSpace(args))
	}
	var items []string
	for _, t := range l.Choices {
		items = append(items, fmt.Sprintf("%s: %s", t.Title, t.Summary))
		c.Buttons = append(c.Buttons, showButton(t))
	}
	c.Parts = []bot.Part{{Items: items}}
	c.Note = fmt.Sprintf("Or ask again in other words · %s help lists every topic.", h.slash)
	return c
}

// draftPointer answers a request for a job description: hirebot drafts one
// with the team through /jd, for the roles it has templates for.
func (h *Handler) draftPointer() *bot.Card {
	var items []string
	for _, r := range h.pack.Roles {
		item := fmt.Sprintf("%s start %s: a %s", h.jd, r.ID, r.Name)
		if kinds := h.pack.RoleKinds(r.ID); len(kinds) > 0 {
			var ids []string
			for _, k := range kinds {
				ids = append(ids, k.ID)
			}
			item += fmt.Sprintf("; add the kind to lean it, e.g. %s start %s %s (%s)", h.jd, r.ID, ids[0], strings.Join(ids, ", "))
		}
		items = append(items, item)
	}
	items = append(items, h.jd+" help: every "+h.jd+" command")
	c := &bot.Card{Title: "Drafting a job description",
		Intro: fmt.Sprintf("I draft job descriptions with you, in the channel: %s start posts a first draft from hirebot's checklists that anyone here can edit, check and export.", h.jd),
		Parts: []bot.Part{{Items: items}}}
	for _, id := range []string{"cto-responsibilities", "cto-skills"} {
		if t, ok := h.pack.Topic(id); ok {
			c.Buttons = append(c.Buttons, showButton(t))
		}
	}
	c.Note = fmt.Sprintf("Then: %s suggests interview questions for the draft.", h.interview)
	return c
}

// legal answers a request for legal advice honestly: hirebot gives none,
// says who does, and what it can help with.
func (h *Handler) legal(args string, l knowledge.Lookup) *bot.Card {
	c := &bot.Card{Title: "I can't give legal advice",
		Intro: fmt.Sprintf("“%s” turns on the law — employment, contracts, immigration or data protection — which depends on your country and your facts. Ask an employment lawyer, or your HR or legal adviser.",
			strings.TrimSpace(args))}
	c.Parts = append(c.Parts, bot.Part{Heading: "What I can help with",
		Text: fmt.Sprintf("How a technical leader's hire is usually run and structured, as common practice, not advice on the law. %s check reviews a job ad's wording for phrases that risk discrimination claims.", h.jd)})
	for _, t := range l.Nearest {
		c.Buttons = appendUnique(c.Buttons, showButton(t))
	}
	return c
}

// otherRole answers a question about a role hirebot has no material on:
// which roles it knows, and what it can do for them.
func (h *Handler) otherRole(args string) *bot.Card {
	var known []string
	for _, r := range h.pack.Roles {
		known = append(known, "the "+r.Name)
	}
	c := &bot.Card{Title: "I don't cover that role",
		Intro: fmt.Sprintf("I have no material on the role in “%s”. The roles I know are %s.", strings.TrimSpace(args), joinAnd(known))}
	c.Parts = append(c.Parts, bot.Part{Heading: "What I can do for those roles",
		Text: fmt.Sprintf("%s start drafts a job description for any of them and %s suggests interview questions with rubrics.", h.jd, h.interview)})
	for _, r := range h.pack.Roles {
		if t, ok := h.pack.TopicByName(r.ID, "overview"); ok {
			c.Buttons = append(c.Buttons, showButton(t))
		}
	}
	return c
}

// joinAnd joins words as "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
