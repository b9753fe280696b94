package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/internal/slacktest"
	"github.com/hirebot/hirebot/knowledge"
)

// The end-to-end tests of issue 26: an interview loop a team can run
// instead of its ATS's scorecards. Each runs two replicas sharing one
// real Redis, over Socket Mode against the fake.

// mustTwoReplicas starts the fake, a Redis and two bots sharing it.
func mustTwoReplicas(tb testing.TB) (*slacktest.Server, *runningBot, *runningBot, config) {
	tb.Helper()
	fake, _, cfg := MustOnRedis(tb)
	b1 := MustStartBot(tb, fake, cfg)
	b2 := MustStartBot(tb, fake, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := fake.WaitConnections(ctx, 4); err != nil {
		tb.Fatal(err)
	}
	return fake, b1, b2, cfg
}

// mustKit puts questions into channel's kit: the first n the bank has on
// each competency, in turn. It returns the questions, by competency.
func mustKit(tb testing.TB, fake *slacktest.Server, cfg config, channel string, n int, competencies ...string) map[string][]knowledge.Question {
	tb.Helper()
	store := mustStoreOn(tb, cfg.RedisURL)
	pack, err := knowledge.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	key := hirebot.SessionKey{Team: fake.TeamID(), Channel: channel}
	out := map[string][]knowledge.Question{}
	for _, comp := range competencies {
		for _, q := range pack.Questions {
			if q.Competency != comp || len(out[comp]) >= n || !containsRole(q.Roles, "cto") {
				continue
			}
			if _, err := store.Scope(key, nil, "").AddToKit(context.Background(), "", q.ID); err != nil {
				tb.Fatal(err)
			}
			out[comp] = append(out[comp], q)
		}
	}
	return out
}

func containsRole(roles []string, role string) bool {
	for _, r := range roles {
		if r == role {
			return true
		}
	}
	return false
}

// viewText returns every label, hint and option text of a view.
func viewText(tb testing.TB, v slacktest.View) string {
	tb.Helper()
	var any map[string]any
	if err := json.Unmarshal(v.JSON, &any); err != nil {
		tb.Fatal(err)
	}
	var out []string
	collectText(any, &out)
	return strings.Join(out, "\n")
}

// TestScorecardNotAssessedAndQuestions: a competency can be "Not
// assessed" and is left out of the spread; each kit question of a
// competency shows its own levels and takes its own note.
func TestScorecardNotAssessedAndQuestions(t *testing.T) {
	t.Parallel()
	fake, b1, b2, cfg := mustTwoReplicas(t)
	const (
		ch   = "CNOTASSESSED"
		name = "Grace Hopper"
		qa   = "Walked through the board update crisply wombat"
		qb   = "Struggled to explain the security change quokka"
	)
	kit := mustKit(t, fake, cfg, ch, 2, "communication", "security-compliance")
	if len(kit["communication"]) != 2 {
		t.Fatalf("the kit has %d communication questions, want 2", len(kit["communication"]))
	}
	MustCommand(t, fake, ch, "U1", "/interview", "candidate add "+name, "Added "+name)
	v1 := mustOpenScorecard(t, fake, ch, "U1", name)
	text := viewText(t, v1)
	for _, q := range kit["communication"] {
		if !strings.Contains(text, q.Rubric[0]) || !strings.Contains(text, q.Rubric[3]) {
			t.Errorf("the scorecard does not show the levels of %s", q.ID)
		}
	}
	if !strings.Contains(text, "Not assessed") {
		t.Error("the scorecard offers no Not assessed")
	}
	values := map[string]map[string]string{"rec": {"rec": "yes"},
		"r:communication":                 {"r:communication": "4"},
		"r:security-compliance":           {"r:security-compliance": "na"},
		"q:" + kit["communication"][0].ID: {"q:" + kit["communication"][0].ID: qa},
	}
	mustSubmit(t, fake, ch, v1, values, "Your scorecard for "+name+" is saved")
	v2 := mustOpenScorecard(t, fake, ch, "U2", name)
	values = map[string]map[string]string{"rec": {"rec": "no"},
		"r:communication":                 {"r:communication": "3"},
		"r:security-compliance":           {"r:security-compliance": "1"},
		"q:" + kit["communication"][1].ID: {"q:" + kit["communication"][1].ID: qb},
	}
	mustSubmit(t, fake, ch, v2, values, "Your scorecard for "+name+" is saved")
	// U1 never asked about security: no spread of 3 from a guess.
	m := MustCommand(t, fake, ch, "U2", "/interview", "debrief "+name, "median 3.5, spread 1", "median 1, spread 0 — 1 not assessed",
		"Not assessed: @U1", qa, qb)
	if strings.Contains(MessageText(m), "spread 3") {
		t.Error("a competency not assessed counts in the spread")
	}
	if strings.Contains(b1.logs.String()+b2.logs.String(), "Hopper") {
		t.Error("the logs hold the candidate's name")
	}
	MustNoViolations(t, fake)
}

// TestPanelsAndCoordinators: the loop's owner sets a panel; progress
// counts it; the owner, on the panel, is blind until they submit; a
// coordinator off the panel reads and exports; the channel sees
// progress only.
func TestPanelsAndCoordinators(t *testing.T) {
	t.Parallel()
	fake, b1, b2, _ := mustTwoReplicas(t)
	const (
		ch     = "CPANEL"
		name   = "Katherine Johnson"
		secret = "Orbital mechanics answer was superb narwhal"
	)
	MustCommand(t, fake, ch, "UCEO", "/interview", "candidate add "+name, "Added "+name, "You run this channel's interview loop")
	MustCommand(t, fake, ch, "UIV1", "/interview", "panel "+name+" <@UIV1|iv1>", "Only @UCEO")
	MustCommand(t, fake, ch, "UCEO", "/interview", "panel "+name+" <@UCEO|ceo> <@UIV1|iv1> communication <@UIV2|iv2>",
		"Set the panel for "+name, name+": 0 of 3 scorecards in", "@UIV1 (focus: Communication) — waiting")
	MustCommand(t, fake, ch, "UCEO", "/interview", "coordinator <@UREC|recruiter>", "@UREC now coordinates")

	v := mustOpenScorecard(t, fake, ch, "UIV1", name)
	mustSubmit(t, fake, ch, v, scorecardValues(t, v, 3, 3, secret, "yes"), "Your scorecard for "+name+" is saved")
	MustEventually(t, 10*time.Second, "the progress line counts the panel", func() bool {
		lines := progressLines(fake, ch)
		return len(lines) == 1 && strings.Contains(lines[0], name+": 1 of 3 scorecards in.")
	})
	MustCommand(t, fake, ch, "UREC", "/interview", "panel "+name, "@UIV1 (focus: Communication) — submitted", "@UIV2 — waiting", "@UCEO — waiting")

	// The CEO runs the loop but is on the panel: blind, no export.
	if m := MustCommand(t, fake, ch, "UCEO", "/interview", "debrief "+name, "hidden"); strings.Contains(MessageText(m), secret) {
		t.Error("the loop's owner on the panel read the debrief before scoring")
	}
	MustCommand(t, fake, ch, "UCEO", "/interview", "debrief "+name+" export", "off the panel")
	// The recruiter coordinates, off the panel: reads, exports, closes.
	MustCommand(t, fake, ch, "UREC", "/interview", "debrief "+name, secret)
	MustCommand(t, fake, ch, "UREC", "/interview", "debrief "+name+" export", "Uploaded the debrief")
	MustCommand(t, fake, ch, "UCEO", "/interview", "coordinator remove <@UREC|recruiter>", "no longer coordinates")
	if m := MustCommand(t, fake, ch, "UREC", "/interview", "debrief "+name, "hidden"); strings.Contains(MessageText(m), secret) {
		t.Error("a removed coordinator still reads the debrief")
	}
	// Once the CEO submits, they read it.
	v = mustOpenScorecard(t, fake, ch, "UCEO", name)
	mustSubmit(t, fake, ch, v, scorecardValues(t, v, 2, 2, "", "no"), "Your scorecard for "+name+" is saved")
	MustCommand(t, fake, ch, "UCEO", "/interview", "debrief "+name, secret)

	// The App Home of a panel member who never opened the form lists it.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := fake.SendEvent(ctx, "", fake.AppHomeOpenedEvent("UIV2")); err != nil {
		t.Fatal(err)
	}
	c, err := fake.WaitCall(ctx, "views.publish", func(c slacktest.Call) bool { return c.Params["user_id"] == "UIV2" })
	if err != nil {
		t.Fatal(err)
	}
	if body := string(c.Body); !strings.Contains(body, "Scorecards to submit (1)") || !strings.Contains(body, name) {
		t.Errorf("UIV2's Home tab does not list the scorecard waiting: %s", body)
	}
	logs := b1.logs.String() + b2.logs.String()
	if strings.Contains(logs, "Johnson") || strings.Contains(logs, secret) {
		t.Error("the logs hold the candidate's name or a note")
	}
	MustNoViolations(t, fake)
}

// TestSplitsAndDecisions: a strong yes against two no is flagged as a
// split; the loop's owner records a decision with a reason, shown with
// who and when in the debrief and the candidate list, the one before it
// kept in the history; the channel is told nothing of it.
func TestSplitsAndDecisions(t *testing.T) {
	t.Parallel()
	fake, b1, b2, _ := mustTwoReplicas(t)
	const (
		ch     = "CDECIDE"
		name   = "Dorothy Vaughan"
		reason = "Best on platform strategy, references back cormorant"
	)
	MustCommand(t, fake, ch, "UCEO", "/interview", "candidate add "+name, "Added "+name)
	for user, rec := range map[string]string{"UIV1": "strong-yes", "UIV2": "no", "UIV3": "no"} {
		v := mustOpenScorecard(t, fake, ch, user, name)
		mustSubmit(t, fake, ch, v, scorecardValues(t, v, 3, 3, "", rec), "Your scorecard for "+name+" is saved")
	}
	MustCommand(t, fake, ch, "UCEO", "/interview", "debrief "+name, "Split recommendation: 1 yes or strong yes against 2 no or strong no")
	MustCommand(t, fake, ch, "UIV1", "/interview", "decision "+name+" hire because", "Only @UCEO")
	MustCommand(t, fake, ch, "UCEO", "/interview", "decision "+name+" maybe later", "hire, no-hire or hold")
	MustCommand(t, fake, ch, "UCEO", "/interview", "decision "+name+" hold waiting on references", "Recorded the decision on "+name+": Hold")
	MustCommand(t, fake, ch, "UCEO", "/interview", "decision "+name+" hire "+reason, "Recorded the decision on "+name+": Hire", "It replaces Hold (@UCEO")
	MustCommand(t, fake, ch, "UIV2", "/interview", "candidates", name, "decision: Hire (@UCEO, ")
	MustCommand(t, fake, ch, "UCEO", "/interview", "debrief "+name, "*Decision*", "Hire — "+reason+" (@UCEO, ", "Earlier: Hold — waiting on references (@UCEO, ")
	if seen := channelText(fake, ch); strings.Contains(seen, reason) || strings.Contains(seen, "Split") {
		t.Error("the channel saw the decision or the split")
	}
	logs := b1.logs.String() + b2.logs.String()
	if strings.Contains(logs, "Vaughan") || strings.Contains(logs, "cormorant") {
		t.Error("the logs hold the candidate's name or the decision's reason")
	}
	MustNoViolations(t, fake)
}
