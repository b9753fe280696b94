package interview

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/hirebot/hirebot/internal/golden"
	"github.com/hirebot/hirebot/knowledge"
)

// twoQuestionSheet returns a sheet whose first competency has two kit
// questions, each with its own rubric, and a second with none.
func (h *Handler) twoQuestionSheet(t *testing.T) []sheetItem {
	t.Helper()
	var qs []knowledge.Question
	for _, q := range h.pack.Questions {
		if q.Competency == "communication" && len(qs) < 2 && (len(qs) == 0 || q.Rubric != qs[0].Rubric) {
			qs = append(qs, q)
		}
	}
	if len(qs) < 2 {
		t.Fatal("the bank has fewer than two communication questions with their own rubrics")
	}
	items := h.testSheet("communication", "team-building")
	items[0].Levels = genericLevels
	for _, q := range qs {
		items[0].Questions = append(items[0].Questions, sheetQuestion{ID: q.ID, Text: q.Text, Levels: q.Rubric})
	}
	return items
}

// TestScorecardShowsEachQuestionsLevels: a competency with two kit
// questions shows each question's own levels and a note for each; every
// competency offers "Not assessed".
func TestScorecardShowsEachQuestionsLevels(t *testing.T) {
	h, _ := MustHandler(t)
	items := h.twoQuestionSheet(t)
	c := scorecard.Candidate{ID: scorecard.ID("Ada Lovelace"), Name: "Ada Lovelace", Inc: "k1"}
	m := scorecardModal(c, items, nil, false, "g7")
	var hints []string
	for _, in := range m.Inputs {
		if strings.HasPrefix(in.ID, "q:") {
			hints = append(hints, in.Hint)
		}
		if strings.HasPrefix(in.ID, "r:") && !slices.ContainsFunc(in.Choices, func(c bot.Choice) bool { return c.Value == notAssessed && c.Label == "Not assessed" }) {
			t.Errorf("%s offers no Not assessed", in.ID)
		}
	}
	if len(hints) != 2 {
		t.Fatalf("%d question notes, want 2: %+v", len(hints), m.Inputs)
	}
	for i, q := range items[0].Questions {
		if !strings.Contains(hints[i], q.Levels[0]) || !strings.Contains(hints[i], q.Levels[3]) {
			t.Errorf("question %d's note does not show its own levels: %q", i, hints[i])
		}
	}
	golden.MatchJSON(t, filepath.Join("testdata", "golden", "modal-scorecard-questions.json"), blockkit.Modal(m))
}

// TestParseSubmissionNotAssessedAndQuestions is the table of what a submitted form becomes.
func TestParseSubmissionNotAssessedAndQuestions(t *testing.T) {
	h, _ := MustHandler(t)
	items := h.twoQuestionSheet(t)
	c := scorecard.Candidate{ID: scorecard.ID("Ada Lovelace"), Name: "Ada Lovelace", Inc: "k1"}
	meta := scorecardModal(c, items, nil, false, "g7").Metadata
	q1, q2 := "q:"+items[0].Questions[0].ID, "q:"+items[0].Questions[1].ID
	for _, tt := range []struct {
		name    string
		values  map[string]string
		problem int
		forged  bool
		check   func(t *testing.T, s scorecard.Scorecard)
	}{
		{name: "rated with question notes", values: map[string]string{"r:communication": "3", "r:team-building": "2", "rec": "yes", q1: "clear", q2: "  ", "n:team-building": "ok"},
			check: func(t *testing.T, s scorecard.Scorecard) {
				if s.Ratings["communication"] != 3 || s.QuestionNotes[q1[2:]] != "clear" || len(s.QuestionNotes) != 1 || s.Notes["team-building"] != "ok" {
					t.Errorf("card = %+v", s)
				}
				if !slices.Equal(s.Questions["communication"], []string{q1[2:], q2[2:]}) {
					t.Errorf("questions = %v", s.Questions)
				}
			}},
		{name: "not assessed", values: map[string]string{"r:communication": "na", "r:team-building": "2", "rec": "no"},
			check: func(t *testing.T, s scorecard.Scorecard) {
				if !slices.Equal(s.NotAssessed, []string{"communication"}) || s.Assessed("communication") || !s.Assessed("team-building") {
					t.Errorf("card = %+v", s)
				}
			}},
		{name: "missing", values: map[string]string{"r:team-building": "2", "rec": "no"}, problem: int(scorecard.MissingRating)},
		{name: "a note on a competency with questions is forged", values: map[string]string{"r:communication": "na", "r:team-building": "2", "rec": "no", "n:communication": "x"}, forged: true},
		{name: "an odd rating", values: map[string]string{"r:communication": "NA ", "r:team-building": "2", "rec": "no"}, problem: int(scorecard.BadRating)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := parseSubmission("U1", meta, tt.values)
			switch {
			case tt.forged:
				if err != errForgedForm {
					t.Errorf("err = %v, want forged", err)
				}
			case tt.problem != 0:
				if problemOf(err) != tt.problem {
					t.Errorf("err = %v, want problem %d", err, tt.problem)
				}
			case err != nil:
				t.Errorf("err = %v", err)
			default:
				tt.check(t, s.card)
			}
		})
	}
}

// TestDebriefNotAssessedGolden: the debrief leaves a competency not
// assessed out of its median and spread, says who did not assess it, and
// shows notes on each question.
func TestDebriefNotAssessedGolden(t *testing.T) {
	h, _ := MustHandler(t)
	items := h.twoQuestionSheet(t)
	qa, qb := items[0].Questions[0].ID, items[0].Questions[1].ID
	qs := map[string][]string{"communication": {qa, qb}}
	c := scorecard.Candidate{Name: "Ada Lovelace", Expected: []string{"U1", "U2", "U3"}, Cards: map[string]scorecard.Scorecard{
		"U1": {Scorer: "U1", Competencies: []string{"communication", "data-protection"}, Questions: qs,
			Ratings: map[string]int{"communication": 4, "data-protection": 3}, QuestionNotes: map[string]string{qa: "Told the board story well"},
			Recommendation: scorecard.StrongYes},
		"U2": {Scorer: "U2", Competencies: []string{"communication", "data-protection"}, Questions: qs,
			Ratings: map[string]int{"communication": 3}, NotAssessed: []string{"data-protection"}, QuestionNotes: map[string]string{qb: "Hesitant"},
			Recommendation: scorecard.Yes},
	}}
	d := scorecard.Summarize(c)
	card := h.debriefCard(d)
	got := strings.Join(partsText(card.Parts), "\n")
	for _, want := range []string{"median 3, spread 0 — 1 not assessed", "Not assessed: @U2", "”: Told the board story well", "”: Hesitant"} {
		if !strings.Contains(got, want) {
			t.Errorf("the debrief lacks %q:\n%s", want, got)
		}
	}
	md := h.debriefMarkdown(d)
	if !strings.Contains(md, "| @U2 | not assessed |") || !strings.Contains(md, "not assessed by @U2") {
		t.Errorf("the export does not say who did not assess:\n%s", md)
	}
	golden.MatchJSON(t, filepath.Join("testdata", "golden", "card-debrief-not-assessed.json"), blockkit.Card(card))
}

// partsText returns each part's heading, text and items as lines.
func partsText(parts []bot.Part) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p.Heading, p.Text)
		out = append(out, p.Items...)
	}
	return out
}
