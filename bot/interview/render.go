package interview

import (
	"context"
	"errors"
	"fmt"
	"github.com/hirebot/hirebot/bot/scorecard"
	"slices"
	"strconv"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/bot/inert"
	"github.com/hirebot/hirebot/knowledge"
)

// questionsCard shows a batch of questions, each with its competency, what
// a strong answer shows, red flags and follow-ups as bullets, the 4-level
// rubric, and an Add to kit button for the kit of generation gen.
func (h *Handler) questionsCard(qs []*knowledge.Question, about string, left int, gen string) *bot.Card {
	c := &bot.Card{Title: fmt.Sprintf("Interview questions for %s", about)}
	for i, q := range qs {
		var b strings.Builder
		b.WriteString(q.Text)
		writeBullets(&b, "Strong answer:", q.Strong)
		writeBullets(&b, "Red flags:", q.RedFlags)
		writeBullets(&b, "Follow-up:", q.FollowUps)
		b.WriteString("\nScoring:")
		for lvl, line := range q.Rubric {
			fmt.Fprintf(&b, "\n%d – %s", lvl+1, line)
		}
		c.Parts = append(c.Parts, bot.Part{
			Heading: strconv.Itoa(i+1) + ". " + h.competencyName(q.Competency),
			Text:    b.String(),
			Button:  &bot.Button{Label: "Add to kit", Action: "interview:add", Value: kitValue(gen, q.ID)},
		})
	}
	c.Note = fmt.Sprintf("%d more not yet seen in this channel. Questions never repeat here until you start over. %s kit add 1 3 adds several of these to the kit at once.", left, h.slash)
	return c
}

// writeBullets writes a label on a line of its own and one "• " line per
// item.
func writeBullets(b *strings.Builder, label string, items []string) {
	b.WriteString("\n" + label)
	for _, it := range items {
		b.WriteString("\n• " + it)
	}
}

// help lists what /interview takes.
func (h *Handler) help() *bot.Card {
	var comps []string
	for _, c := range h.pack.Competencies {
		comps = append(comps, c.ID)
	}
	return &bot.Card{
		Title: "Interview questions with " + h.slash,
		Intro: "Each question names the competency it probes, what a strong answer shows, red flags, follow-ups and a 4-level rubric. None repeats in this channel until the pool is used up.",
		Parts: []bot.Part{
			{Items: []string{
				h.slash + " — questions for this channel's draft, or a balanced CTO set",
				h.slash + " <role|kind|competency> [count] — narrow it; count 1–10, default 5. Everyday words work too: hiring, budget, negotiation, security",
				h.slash + " kit — the channel's interview kit, by competency",
				h.slash + " kit add 2 4 5 — add several questions of the last batch you were shown, by their numbers",
				h.slash + " kit add <competency>: <question> — add the team's own question under that competency's rubric",
				h.slash + " kit remove <n> — take question n out of the kit (removing a competency scorecards rate asks first; ratings given are kept)",
				h.slash + " kit export — upload the kit as Markdown",
				h.slash + " kit clear — empty the kit, once you confirm (a discarded draft never touches it)",
			}},
			{Heading: "Scorecards", Items: h.scorecardHelp()},
			{Heading: "Roles", Text: strings.Join(h.pack.RoleIDs(), ", ")},
			{Heading: "Kinds", Text: strings.Join(h.pack.KindIDs(), ", ")},
			{Heading: "Competencies", Text: strings.Join(comps, ", ")},
		},
	}
}

// showKit lists the kit in the order the interview will run: grouped by
// competency (in the order each competency first joined the kit), numbered
// 1..n down the list.
func (h *Handler) showKit(ctx context.Context, req bot.Request) (bot.Reply, error) {
	kit, err := h.sessions(req).Kit(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	if len(kit) == 0 {
		return bot.Reply{Card: &bot.Card{Title: "Interview kit", Intro: fmt.Sprintf("The kit is empty. Press “Add to kit” on a question from %s.", h.slash)}}, nil
	}
	c := &bot.Card{Title: fmt.Sprintf("Interview kit (%s)", plural(len(kit), "question")),
		Intro: "In the order the interview runs, grouped by competency."}
	qs, err := h.kitQuestions(ctx, req, kit, knowledge.DefaultRole)
	if err != nil {
		return bot.Reply{}, err
	}
	for _, g := range h.groups(kit, qs) {
		var lines []string
		for _, it := range g.items {
			lines = append(lines, fmt.Sprintf("%d. %s", it.n, it.q.Text))
		}
		c.Parts = append(c.Parts, bot.Part{Heading: fmt.Sprintf("%s (%d)", h.competencyName(g.competency), len(g.items)), Items: lines})
	}
	c.Buttons = []bot.Button{{Label: "More questions", Action: "interview:more", Value: encodeSpec("", DefaultCount)}}
	c.Note = fmt.Sprintf("%s kit export uploads it as an interview guide with rubrics and score boxes; %s kit remove <n> takes one out.", h.slash, h.slash)
	return bot.Reply{Card: c}, nil
}

// removeFromKit takes out the question shown as number n of the kit.
func (h *Handler) removeFromKit(ctx context.Context, req bot.Request, n int) (bot.Reply, error) {
	kit, err := h.sessions(req).Kit(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	qs, err := h.kitQuestions(ctx, req, kit, knowledge.DefaultRole)
	if err != nil {
		return bot.Reply{}, err
	}
	stored := 0
	for _, g := range h.groups(kit, qs) {
		for _, it := range g.items {
			if it.n == n {
				stored = it.stored
			}
		}
	}
	if stored == 0 {
		if len(kit) == 0 {
			return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "The kit is empty; there is nothing to remove.")
		}
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "The kit has %s; pick a number from 1 to %d, as %s kit shows them.", plural(len(kit), "question"), len(kit), h.slash)
	}
	qid := kit[stored-1]
	if affected, err := h.scoredOn(ctx, req, kit, qs, qid); err != nil || len(affected) > 0 {
		if err != nil {
			return bot.Reply{}, err
		}
		gen, err := h.sessions(req).KitGeneration(ctx)
		if err != nil {
			return bot.Reply{}, err
		}
		q := qs[qid].Text
		return bot.Reply{Card: &bot.Card{
			Title: "Remove a scored competency?",
			Intro: fmt.Sprintf("#%d (%s) is the kit's last question on %s, which scorecards already rate: %s. Scorecards opened after this no longer ask it; the ratings given stay in every debrief, shown as scored against the earlier kit.",
				n, q, h.competencyName(qs[qid].Competency), strings.Join(affected, "; ")),
			Buttons: []bot.Button{{Label: fmt.Sprintf("Remove #%d", n), Action: "interview:kit-remove", Value: kitValue(gen, fmt.Sprintf("%d|%s", stored, qid)), Style: "danger"}},
			Note:    "If anyone changes the kit first, the button is refused.",
		}}, nil
	}
	id, err := h.sessions(req).RemoveFromKit(ctx, stored)
	if err != nil {
		return bot.Reply{}, err
	}
	return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("Removed #%d from the kit: %s", n, h.questionText(id)), Note: removedNote(h.slash)}}, nil
}

// removedNote is the note under a question removed from the kit.
func removedNote(slash string) string {
	return slash + " kit shows the kit, renumbered; ratings already given on it stay in the debriefs."
}

// confirmKitRemove removes a scored competency's last question once
// confirmed, if the kit is still the one asked about (its generation) and
// still holds the question where it did.
func (h *Handler) confirmKitRemove(ctx context.Context, req bot.Request) (bot.Reply, error) {
	gen, arg, ok := parseKitValue(req.Value)
	pos, qid, _ := strings.Cut(arg, "|")
	stored, err := strconv.Atoi(pos)
	if !ok || err != nil || qid == "" {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "That Remove button is from an older version of hirebot; run %s kit remove <n> again.", h.slash)
	}
	removed, err := h.sessions(req).RemoveFromKitIf(ctx, gen, stored, qid)
	var gone *hirebot.GoneError
	if errors.As(err, &gone) {
		return bot.Reply{}, hirebot.Wrap(hirebot.Conflict, err, fmt.Sprintf(
			"That Remove button was for an interview kit that was cleared since; the kit built after it was not touched. %s kit shows it.", h.slash))
	}
	if err != nil {
		return bot.Reply{}, err
	}
	if !removed {
		return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("Not removed: the kit changed since you were asked. %s kit shows it now.", h.slash)}, Replace: true}, nil
	}
	return bot.Reply{Card: &bot.Card{Intro: "Removed the question from the kit: " + h.questionText(qid), Note: removedNote(h.slash)}, Replace: true}, nil
}

// scoredOn returns, when removing qid would take its competency off the
// kit (no other kit question probes it), the channel's candidates whose
// scorecards rate it, each with how many: "Ada Lovelace (2 scorecards)".
func (h *Handler) scoredOn(ctx context.Context, req bot.Request, kit []string, qs map[string]knowledge.Question, qid string) ([]string, error) {
	comp := qs[qid].Competency
	if h.candidates == nil || comp == "" {
		return nil, nil
	}
	for _, other := range kit {
		if other != qid && qs[other].Competency == comp {
			return nil, nil
		}
	}
	return h.scoredBy(ctx, req, func(card scorecard.Scorecard) bool { return card.Assessed(comp) })
}

// exportKit uploads the kit as an interview guide in Markdown: the role and
// company (from the channel's draft, when there is one), lines for the
// candidate, the interviewers and the date, then each competency with its
// questions — what a strong answer shows, red flags, follow-ups and the
// rubric — and a score box.
func (h *Handler) exportKit(ctx context.Context, req bot.Request) (bot.Reply, error) {
	kit, d, err := h.sessions(req).KitAndDraft(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	if len(kit) == 0 {
		return bot.Reply{}, hirebot.Errorf(hirebot.NotFound, "The kit is empty; add questions from %s first.", h.slash)
	}
	var role, company string
	if d != nil {
		role, company = d.Heading(), d.Fields[draft.Company]
	}
	qs, err := h.kitQuestions(ctx, req, kit, knowledge.DefaultRole)
	if err != nil {
		return bot.Reply{}, err
	}
	return bot.Reply{File: &bot.File{Name: "interview-guide.md", Title: "Interview guide", Content: h.guideOf(kit, qs, role, company)},
		Card: &bot.Card{Intro: fmt.Sprintf("Uploaded the interview guide (%s) to the channel.", plural(len(kit), "question"))}}, nil
}

// guide writes the interview guide for the kit's questions from the
// question bank.
func (h *Handler) guide(kit []string, role, company string) string {
	qs := map[string]knowledge.Question{}
	for _, id := range kit {
		if q, ok := h.pack.Question(id); ok {
			qs[id] = q
		}
	}
	return h.guideOf(kit, qs, role, company)
}

// guideOf writes the interview guide for the kit's questions qs.
func (h *Handler) guideOf(kit []string, qs map[string]knowledge.Question, role, company string) string {
	var b strings.Builder
	role, company = inert.Markdown(role), inert.Markdown(company)
	title := "Interview guide"
	if role != "" {
		title += ": " + role
	}
	fmt.Fprintf(&b, "# %s\n\n", title)
	blank := "________________________"
	for _, f := range [][2]string{{"Role", role}, {"Company", company}, {"Candidate", ""}, {"Interviewers", ""}, {"Date", ""}} {
		v := f[1]
		if v == "" {
			v = blank
		}
		fmt.Fprintf(&b, "- **%s:** %s\n", f[0], v)
	}
	b.WriteString("\nAsk every candidate the same questions in this order. Score each competency from 1 (weak) to 4 (strong) " +
		"against its rubric as soon as the interview ends, before talking to the other interviewers.\n")
	groups := h.groups(kit, qs)
	for _, g := range groups {
		name := h.competencyName(g.competency)
		fmt.Fprintf(&b, "\n## %s\n", name)
		for _, it := range g.items {
			q := it.q
			text := q.Text
			if strings.HasPrefix(q.ID, scorecard.TeamPrefix) {
				text = inert.Markdown(text) + " *(the team's own question)*"
			}
			fmt.Fprintf(&b, "\n### %d. %s\n\n", it.n, text)
			writeList(&b, "What a strong answer shows", q.Strong)
			writeList(&b, "Red flags", q.RedFlags)
			writeList(&b, "Follow-ups", q.FollowUps)
			b.WriteString("**Rubric**\n\n")
			for i, line := range q.Rubric {
				fmt.Fprintf(&b, "%d. %s\n", i+1, line)
			}
			b.WriteString("\nNotes:\n\n")
		}
		fmt.Fprintf(&b, "**Score for %s (1–4):** [   ]\n\nEvidence for the score:\n", name)
	}
	b.WriteString("\n## Summary\n\n| Competency | Score (1–4) |\n| --- | --- |\n")
	for _, g := range groups {
		fmt.Fprintf(&b, "| %s | |\n", h.competencyName(g.competency))
	}
	b.WriteString("\n**Overall recommendation (circle one):** strong yes · yes · no · strong no\n")
	return b.String()
}

// plural returns "1 question" or "3 questions".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func writeList(b *strings.Builder, title string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "**%s**\n\n", title)
	for _, it := range items {
		fmt.Fprintf(b, "- %s\n", it)
	}
	b.WriteString("\n")
}

type kitItem struct {
	n      int // the number shown: its place in the interview, from 1
	stored int // its place in the stored kit, from 1
	q      knowledge.Question
}

type kitGroup struct {
	competency string
	items      []kitItem
}

// groups arranges kit questions by competency, in the order each
// competency first joined the kit, and numbers them 1..n in that order.
func (h *Handler) groups(kit []string, qs map[string]knowledge.Question) []kitGroup {
	var gs []kitGroup
	for i, id := range kit {
		q, ok := qs[id]
		if !ok {
			continue
		}
		j := slices.IndexFunc(gs, func(g kitGroup) bool { return g.competency == q.Competency })
		if j < 0 {
			gs = append(gs, kitGroup{competency: q.Competency})
			j = len(gs) - 1
		}
		gs[j].items = append(gs[j].items, kitItem{stored: i + 1, q: q})
	}
	n := 0
	for _, g := range gs {
		for k := range g.items {
			n++
			g.items[k].n = n
		}
	}
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
