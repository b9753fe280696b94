package interview

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/hirebot/hirebot/knowledge"
)

// Limits of a team's own question.
const (
	minTeamQuestion = 10
	maxTeamQuestion = 400
)

// addTeamQuestion adds a team's own question to the kit under a
// competency, rated against that competency's rubric.
func (h *Handler) addTeamQuestion(ctx context.Context, req bot.Request, word, text string) (bot.Reply, error) {
	comp, ok := h.pack.Competency(word)
	if !ok {
		for _, c := range h.pack.Competencies {
			if strings.EqualFold(strings.ReplaceAll(c.Name, " ", "-"), word) {
				comp, ok = c, true
			}
		}
	}
	if !ok {
		var ids []string
		for _, c := range h.pack.Competencies {
			ids = append(ids, c.ID)
		}
		msg := "That is not a competency hirebot knows."
		if near := knowledge.Nearest(word, ids); len(near) > 0 {
			msg += " Did you mean " + strings.Join(near, " or ") + "?"
		}
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "%s Name one before the colon: %s kit add communication: How do you explain a delay to the board?", msg, h.slash)
	}
	text = strings.Join(strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	switch n := utf8.RuneCountInString(text); {
	case n < minTeamQuestion:
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "Write the question after the colon (%d characters at least): %s kit add %s: How do you explain a delay to the board?", minTeamQuestion, h.slash, comp.ID)
	case n > maxTeamQuestion:
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "A question holds up to %d characters; this one has %d.", maxTeamQuestion, n)
	}
	q := scorecard.TeamQuestion{ID: scorecard.TeamQuestionID(comp.ID, text), Competency: comp.ID, Text: text, By: req.User}
	added, err := h.sessions(req).AddTeamToKit(ctx, "", q)
	if err != nil {
		return bot.Reply{}, err
	}
	if !added {
		return bot.Reply{Card: &bot.Card{Intro: "Already in the kit: " + text, Note: h.slash + " kit shows the kit."}}, nil
	}
	return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("Added your question to the channel's interview kit under %s: %s", comp.Name, text),
		Note: fmt.Sprintf("Scorecards rate it against %s's rubric, with a note of its own. %s kit shows the kit.", comp.Name, h.slash)}}, nil
}

// kitQuestions returns the questions of kit by id: the question bank's,
// and the team's own (read only when the kit holds one), which take the
// rubric of their competency's first question that suits role.
func (h *Handler) kitQuestions(ctx context.Context, req bot.Request, kit []string, role string) (map[string]knowledge.Question, error) {
	out := map[string]knowledge.Question{}
	var team map[string]scorecard.TeamQuestion
	for _, id := range kit {
		if q, ok := h.pack.Question(id); ok {
			out[id] = q
			continue
		}
		if !strings.HasPrefix(id, scorecard.TeamPrefix) {
			continue
		}
		if team == nil {
			var err error
			if team, err = h.sessions(req).TeamQuestions(ctx); err != nil {
				return nil, err
			}
		}
		t, ok := team[id]
		if !ok {
			continue
		}
		q := knowledge.Question{ID: id, Competency: t.Competency, Text: t.Text, Rubric: genericLevels}
		if first, ok := h.firstQuestion(t.Competency, role); ok {
			q.Rubric = first.Rubric
		}
		out[id] = q
	}
	return out, nil
}
