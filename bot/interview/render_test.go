package interview

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/bot/blockkit"
	"github.com/hirebot/hirebot/internal/golden"
	"github.com/hirebot/hirebot/knowledge"
)

// mustMatchGolden compares got with testdata/golden/name.
func mustMatchGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Match(t, filepath.Join("testdata", "golden", name), got)
}

func mustHandler(t *testing.T) (*knowledge.Pack, *Handler) {
	t.Helper()
	pack, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return pack, New(pack, nil, "/interview")
}

func mustQuestion(t *testing.T, pack *knowledge.Pack, id string) *knowledge.Question {
	t.Helper()
	for i := range pack.Questions {
		if pack.Questions[i].ID == id {
			return &pack.Questions[i]
		}
	}
	t.Fatalf("no question %s", id)
	return nil
}

// TestQuestionCardGolden: a question card as Slack receives it, with what a
// strong answer shows, red flags and follow-ups as bullets and the rubric
// one level a line.
func TestQuestionCardGolden(t *testing.T) {
	pack, h := mustHandler(t)
	q := mustQuestion(t, pack, "q-team-building-11")
	c := h.questionsCard([]*knowledge.Question{q}, "Team building (for “hiring”)", 6, "g7")
	for _, s := range append(append([]string{}, q.Strong...), q.RedFlags...) {
		if !strings.Contains(c.Parts[0].Text, "\n• "+s) {
			t.Errorf("the card does not list %q as a bullet", s)
		}
	}
	for _, list := range [][]string{q.Strong, q.RedFlags, q.FollowUps} {
		if joined := strings.Join(list[:2], "; "); strings.Contains(c.Parts[0].Text, joined) {
			t.Errorf("the card joins lines with \"; \": %q", joined)
		}
	}
	b, err := json.MarshalIndent(blockkit.Card(c), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	mustMatchGolden(t, "question-card.json", string(b)+"\n")
}

// TestKitGuideGolden: the kit export is an interview guide — role, company,
// candidate and interviewer lines, the questions in interview order
// numbered 1..n with their rubrics, and a score box per competency.
func TestKitGuideGolden(t *testing.T) {
	_, h := mustHandler(t)
	// Added in this order: two competencies interleaved. The guide groups
	// them, keeping the order each competency first joined.
	kit := []string{"q-communication-11", "q-team-building-11", "q-communication-12", "q-gone"}
	got := h.guide(kit, "Interim CTO", "Acme Robotics")
	for _, want := range []string{"- **Role:** Interim CTO", "- **Company:** Acme Robotics", "- **Candidate:** ____", "- **Interviewers:** ____",
		"### 1. A launch the whole company is waiting for", "### 2. Tell us about a time people across the company", "### 3. Tell us about the last senior hire",
		"**Score for Communication (1–4):** [   ]", "**Score for Team building (1–4):** [   ]"} {
		if !strings.Contains(got, want) {
			t.Errorf("the guide lacks %q", want)
		}
	}
	mustMatchGolden(t, "kit-guide.md", got)
	if g := h.guide(kit[:1], "CTO <script>", "Acme *Robotics*"); !strings.Contains(g, `- **Role:** CTO \<script\>`) || !strings.Contains(g, `Acme \*Robotics\*`) {
		t.Errorf("user text in the guide is not escaped:\n%s", g[:200])
	}
	if g := h.guide(kit[:1], "", ""); !strings.Contains(g, "- **Role:** ____") || !strings.HasPrefix(g, "# Interview guide\n") {
		t.Errorf("a guide with no draft should leave role and company to fill in:\n%s", g)
	}
}

func TestGroupsNumberInInterviewOrder(t *testing.T) {
	_, h := mustHandler(t)
	kit := []string{"q-team-building-11", "q-communication-11", "q-team-building-12", "q-communication-12"}
	qs := map[string]knowledge.Question{}
	for _, id := range kit {
		qs[id], _ = h.pack.Question(id)
	}
	gs := h.groups(kit, qs)
	var got []string
	for _, g := range gs {
		for _, it := range g.items {
			got = append(got, g.competency+":"+it.q.ID+":"+string(rune('0'+it.n))+"/"+string(rune('0'+it.stored)))
		}
	}
	want := []string{
		"team-building:q-team-building-11:1/1", "team-building:q-team-building-12:2/3",
		"communication:q-communication-11:3/2", "communication:q-communication-12:4/4",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("groups = %v\nwant %v", got, want)
	}
}

func TestFewerNote(t *testing.T) {
	tests := []struct {
		asked, got, pool int
		what, want       string
	}{
		{10, 7, 7, "7 Team building questions", "You asked for 10; the bank has only 7 Team building questions, so here are all of them."},
		{10, 1, 7, "7 Team building questions", "You asked for 10; the bank has only 7 Team building questions and 6 have been seen here already."},
		{10, 2, 3, "3 Tech questions", "You asked for 10; the bank has only 3 Tech questions and 1 has been seen here already."},
		{4, 1, 5, "5 Communication questions", "You asked for 4; only 1 of the 5 Communication questions has not been seen here yet."},
		{5, 3, 40, "40 questions for a CTO", "You asked for 5; only 3 of the 40 questions for a CTO have not been seen here yet."},
	}
	for _, tt := range tests {
		if got := fewerNote(tt.asked, tt.got, tt.pool, tt.what); got != tt.want {
			t.Errorf("fewerNote(%d, %d, %d) = %q\nwant %q", tt.asked, tt.got, tt.pool, got, tt.want)
		}
	}
}
