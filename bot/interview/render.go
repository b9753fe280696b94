package interview

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/knowledge"
)

// questionsCard shows a batch of questions, each with its competency,
// signals, red flags, follow-ups and rubric, and an Add to kit button.
func (h *Handler) questionsCard(qs []*knowledge.Question, about string, left int) *bot.Card {
	c := &bot.Card{Title: fmt.Sprintf("Interview questions for %s", about)}
	for i, q := range qs {
		text := q.Text + "\n" +
			"Strong answer: " + strings.Join(q.Strong, "; ") + "\n" +
			"Red flags: " + strings.Join(q.RedFlags, "; ") + "\n" +
			"Follow-up: " + strings.Join(q.FollowUps, " / ") + "\n" +
			"Scoring: 1 " + q.Rubric[0] + " · 2 " + q.Rubric[1] + " · 3 " + q.Rubric[2] + " · 4 " + q.Rubric[3]
		c.Parts = append(c.Parts, bot.Part{
			Heading: strconv.Itoa(i+1) + ". " + h.competencyName(q.Competency),
			Text:    text,
			Button:  &bot.Button{Label: "Add to kit", Action: "interview:add", Value: q.ID},
		})
	}
	c.Note = fmt.Sprintf("%d more not yet seen in this channel. Questions never repeat here until you start over.", left)
	return c
}

// help lists what /interview takes.
func (h *Handler) help() *bot.Card {
	var comps []string
	for _, c := range h.pack.Competencies {
		comps = append(comps, c.ID)
	}
	var kinds []string
	for _, k := range h.pack.Kinds {
		kinds = append(kinds, k.ID)
	}
	return &bot.Card{
		Title: "Interview questions with " + h.slash,
		Intro: "Each question names the competency it probes, what a strong answer shows, red flags, follow-ups and a 4-level rubric. None repeats in this channel until the pool is used up.",
		Parts: []bot.Part{
			{Items: []string{
				h.slash + " — questions for this channel's draft, or a balanced CTO set",
				h.slash + " <role|kind|competency> [count] — narrow it; count 1–10, default 5",
				h.slash + " kit — the channel's interview kit, by competency",
				h.slash + " kit remove <n> — take question n out of the kit",
				h.slash + " kit export — upload the kit as Markdown",
			}},
			{Heading: "Scorecards", Items: h.scorecardHelp()},
			{Heading: "Roles", Text: "cto, cio"},
			{Heading: "Kinds", Text: strings.Join(kinds, ", ")},
			{Heading: "Competencies", Text: strings.Join(comps, ", ")},
		},
	}
}

// showKit lists the kit grouped by competency, flagging thin ones.
func (h *Handler) showKit(ctx context.Context, req bot.Request) (bot.Reply, error) {
	kit, err := h.sessions.Kit(ctx, req.Session())
	if err != nil {
		return bot.Reply{}, err
	}
	if len(kit) == 0 {
		return bot.Reply{Card: &bot.Card{Title: "Interview kit", Intro: fmt.Sprintf("The kit is empty. Press “Add to kit” on a question from %s.", h.slash)}}, nil
	}
	c := &bot.Card{Title: fmt.Sprintf("Interview kit (%s)", plural(len(kit), "question"))}
	for _, g := range h.groups(kit) {
		head := fmt.Sprintf("%s (%d)", h.competencyName(g.competency), len(g.items))
		if len(g.items) < 2 {
			head += " — fewer than 2: add another to compare candidates fairly"
		}
		var lines []string
		for _, it := range g.items {
			lines = append(lines, fmt.Sprintf("#%d %s", it.n, it.q.Text))
		}
		c.Parts = append(c.Parts, bot.Part{Heading: head, Items: lines})
	}
	c.Buttons = []bot.Button{{Label: "More questions", Action: "interview:more", Value: encodeSpec("", DefaultCount)}}
	c.Note = fmt.Sprintf("%s kit export uploads it with rubrics; %s kit remove <n> takes one out.", h.slash, h.slash)
	return bot.Reply{Card: c}, nil
}

// exportKit uploads the kit as a Markdown file with every part of each
// question.
func (h *Handler) exportKit(ctx context.Context, req bot.Request) (bot.Reply, error) {
	kit, err := h.sessions.Kit(ctx, req.Session())
	if err != nil {
		return bot.Reply{}, err
	}
	if len(kit) == 0 {
		return bot.Reply{}, hirebot.Errorf(hirebot.NotFound, "The kit is empty; add questions from %s first.", h.slash)
	}
	var b strings.Builder
	b.WriteString("# Interview kit\n")
	for _, g := range h.groups(kit) {
		fmt.Fprintf(&b, "\n## %s (%d)\n", h.competencyName(g.competency), len(g.items))
		for _, it := range g.items {
			q := it.q
			fmt.Fprintf(&b, "\n### %d. %s\n\n", it.n, q.Text)
			writeList(&b, "What a strong answer shows", q.Strong)
			writeList(&b, "Red flags", q.RedFlags)
			writeList(&b, "Follow-ups", q.FollowUps)
			b.WriteString("**Scoring rubric**\n\n")
			for i, line := range q.Rubric {
				fmt.Fprintf(&b, "%d. %s\n", i+1, line)
			}
		}
	}
	return bot.Reply{File: &bot.File{Name: "interview-kit.md", Title: "Interview kit", Content: b.String()},
		Card: &bot.Card{Intro: fmt.Sprintf("Uploaded the interview kit (%s) to the channel.", plural(len(kit), "question"))}}, nil
}

// plural returns "1 question" or "3 questions".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func writeList(b *strings.Builder, title string, items []string) {
	fmt.Fprintf(b, "**%s**\n\n", title)
	for _, it := range items {
		fmt.Fprintf(b, "- %s\n", it)
	}
	b.WriteString("\n")
}

type kitItem struct {
	n int
	q knowledge.Question
}

type kitGroup struct {
	competency string
	items      []kitItem
}

// groups arranges kit questions by competency, keeping kit numbers.
func (h *Handler) groups(kit []string) []kitGroup {
	var gs []kitGroup
	for i, id := range kit {
		q, ok := h.pack.Question(id)
		if !ok {
			continue
		}
		j := slices.IndexFunc(gs, func(g kitGroup) bool { return g.competency == q.Competency })
		if j < 0 {
			gs = append(gs, kitGroup{competency: q.Competency})
			j = len(gs) - 1
		}
		gs[j].items = append(gs[j].items, kitItem{n: i + 1, q: q})
	}
	slices.SortStableFunc(gs, func(a, b kitGroup) int { return cmp.Compare(a.competency, b.competency) })
	return gs
}

func (h *Handler) competencyName(id string) string {
	if c, ok := h.pack.Competency(id); ok {
		return c.Name
	}
	return id
}

func (h *Handler) questionText(id string) string {
	if q, ok := h.pack.Question(id); ok {
		return q.Text
	}
	return id
}
