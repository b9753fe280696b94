package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/internal/redistest"
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
	b1, b2 := MustStartReplicas(tb, fake, cfg)
	return fake, b1, b2, cfg
}

// MustStartReplicas starts two bots with cfg on fake, as two replicas
// sharing cfg's Redis, and waits for their four sockets.
func MustStartReplicas(tb testing.TB, fake *slacktest.Server, cfg config) (*runningBot, *runningBot) {
	tb.Helper()
	b1 := MustStartBot(tb, fake, cfg)
	b2 := MustStartBot(tb, fake, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := fake.WaitConnections(ctx, 4); err != nil {
		tb.Fatalf("two bots did not open 4 sockets: %v", err)
	}
	return b1, b2
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
	if strings.Contains(logsOf(b1, b2), "Hopper") {
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
	logs := logsOf(b1, b2)
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
	logs := logsOf(b1, b2)
	if strings.Contains(logs, "Vaughan") || strings.Contains(logs, "cormorant") {
		t.Error("the logs hold the candidate's name or the decision's reason")
	}
	MustNoViolations(t, fake)
}

// dms returns the reminders user received in their DM with the app.
func dms(fake *slacktest.Server, user string) []slacktest.Message {
	var out []slacktest.Message
	for _, m := range fake.Messages("D" + user) {
		if !m.Ephemeral && strings.Contains(MessageText(m), "Scorecard waiting") {
			out = append(out, m)
		}
	}
	return out
}

// TestScorecardReminders: a panel member who has not submitted gets a DM
// After being put on the panel, then one Every, at most Max, on two
// replicas sharing Redis, each sent once; its button opens the scorecard,
// and submitting stops them; archiving stops them; the App Home shows
// when the next is due. Durations are short, set through the config.
func TestScorecardReminders(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	cfg.RemindAfter, cfg.RemindEvery, cfg.RemindMax = time.Second, 2*time.Second, 3
	b1, b2 := MustStartReplicas(t, fake, cfg)
	const (
		ch   = "CREMIND"
		name = "Mary Jackson"
		gone = "Annie Easley"
	)
	MustCommand(t, fake, ch, "UCEO", "/interview", "candidate add "+name, "Added "+name)
	MustCommand(t, fake, ch, "UCEO", "/interview", "candidate add "+gone, "Added "+gone)
	MustCommand(t, fake, ch, "UCEO", "/interview", "panel "+name+" <@URM1|a> <@URM2|b>", "Set the panel")
	MustCommand(t, fake, ch, "UCEO", "/interview", "panel "+gone+" <@URM3|c>", "Set the panel")
	MustCommand(t, fake, ch, "UCEO", "/interview", "candidate remove "+gone, "Archived "+gone)

	// The App Home says when the first is due.
	hctx, hcancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer hcancel()
	if _, err := fake.SendEvent(hctx, "", fake.AppHomeOpenedEvent("URM2")); err != nil {
		t.Fatal(err)
	}
	home, err := fake.WaitCall(hctx, "views.publish", func(c slacktest.Call) bool { return c.Params["user_id"] == "URM2" })
	if err != nil {
		t.Fatal(err)
	}
	if body := string(home.Body); !strings.Contains(body, name+" (reminder due ") {
		t.Errorf("URM2's Home tab does not say when the reminder is due: %s", body)
	}

	MustEventually(t, 10*time.Second, "URM1's first reminder", func() bool { return len(dms(fake, "URM1")) == 1 })
	first := dms(fake, "URM1")[0]
	ids := buttonValues(t, first, "interview:remind-open")
	if len(ids) != 1 || !strings.HasPrefix(ids[0], ch+"|") {
		t.Fatalf("the reminder's button: %v", ids)
	}
	before := len(fake.Views())
	MustPress(t, fake, slacktest.Action{Channel: "DURM1", User: "URM1", ActionID: "interview:remind-open#0", Value: ids[0], MessageTS: first.TS})
	var view slacktest.View
	MustEventually(t, 5*time.Second, "the scorecard opened from the DM", func() bool {
		for _, v := range fake.Views()[before:] {
			if v.User == "URM1" && v.CallbackID == "interview:score" {
				view = v
				return true
			}
		}
		return false
	})
	mustSubmit(t, fake, ch, view, scorecardValues(t, view, 3, 3, "", "yes"), "Your scorecard for "+name+" is saved")
	MustEventually(t, 5*time.Second, "the progress line in the candidate's channel", func() bool {
		lines := progressLines(fake, ch)
		return len(lines) == 1 && strings.Contains(lines[0], name+": 1 of 2 scorecards in.")
	})

	MustEventually(t, 15*time.Second, "URM2's three reminders", func() bool { return len(dms(fake, "URM2")) >= 3 })
	time.Sleep(3 * time.Second) // a fourth would be due by now
	if n := len(dms(fake, "URM2")); n != 3 {
		t.Errorf("URM2 got %d reminders, want HIREBOT_SCORECARD_REMIND_MAX (3)", n)
	}
	if n := len(dms(fake, "URM1")); n != 1 {
		t.Errorf("URM1 got %d reminders, want 1: they submitted after the first", n)
	}
	if n := len(dms(fake, "URM3")); n != 0 {
		t.Errorf("URM3 got %d reminders for an archived candidate", n)
	}
	for i, m := range dms(fake, "URM2") {
		if want := fmt.Sprintf("Reminder %d of at most 3", i+1); !strings.Contains(MessageText(m), want) {
			t.Errorf("reminder %d lacks %q: %s", i+1, want, MessageText(m))
		}
	}
	// ABA: a reminder's button from before the candidate was erased and
	// added again opens nothing for the candidate there now.
	old := dms(fake, "URM2")[0]
	oldIDs := buttonValues(t, old, "interview:remind-open")
	erase := MustCommand(t, fake, ch, "UCEO", "/interview", "candidate erase "+name, "Erase "+name+"?")
	eids := buttonValues(t, erase, "interview:candidate-erase")
	if len(oldIDs) != 1 || len(eids) != 1 {
		t.Fatalf("buttons: reminder %v, erase %v", oldIDs, eids)
	}
	MustPress(t, fake, slacktest.Action{Channel: ch, User: "UCEO", ActionID: "interview:candidate-erase#0", Value: eids[0], MessageTS: erase.TS})
	MustWaitMessage(t, fake, ch, "Erased "+name)
	MustCommand(t, fake, ch, "UCEO", "/interview", "candidate add "+name, "Added "+name)
	before = len(fake.Views())
	MustPress(t, fake, slacktest.Action{Channel: "DURM2", User: "URM2", ActionID: "interview:remind-open#0", Value: oldIDs[0], MessageTS: old.TS})
	MustWaitMessage(t, fake, "DURM2", "That was shown for an earlier "+name)
	for _, v := range fake.Views()[before:] {
		if v.CallbackID == "interview:score" {
			t.Errorf("an old reminder's button opened a scorecard for the %s added since", name)
		}
	}

	logs := logsOf(b1, b2)
	if strings.Contains(logs, "Jackson") || strings.Contains(logs, "Easley") {
		t.Error("the logs hold a candidate's name")
	}
	if !strings.Contains(b1.logs.String(), "scorecard reminder sent") && !strings.Contains(b2.logs.String(), "scorecard reminder sent") {
		t.Error("no replica logged a reminder")
	}
	MustNoViolations(t, fake)
}

// TestRemindersSurviveKill runs two replicas as real processes on one
// Redis, with reminders due every second (set through the environment),
// and kills one with SIGKILL while reminders are due: every panel member
// still gets each of their reminders, and none twice.
func TestRemindersSurviveKill(t *testing.T) {
	t.Parallel()
	bin := MustBuildBinary(t)
	fake := MustNewFake(t)
	srv := redistest.MustStart(t)
	env := []string{"HIREBOT_SCORECARD_REMIND_AFTER=1s", "HIREBOT_SCORECARD_REMIND_EVERY=1s", "HIREBOT_SCORECARD_REMIND_MAX=3"}
	victim := MustStartBinary(t, bin, fake, srv.URL(), env...)
	survivor := MustStartBinary(t, bin, fake, srv.URL(), env...)
	const channels, members, max = 12, 3, 3
	var users []string
	for c := range channels {
		ch := fmt.Sprintf("CKILL%02d", c)
		name := "Ada Lovelace"
		MustCommand(t, fake, ch, "UCEO", "/interview", "candidate add "+name, "Added "+name)
		panel := "panel " + name
		for m := range members {
			u := fmt.Sprintf("UK%02dM%d", c, m)
			users = append(users, u)
			panel += " <@" + u + ">"
		}
		MustCommand(t, fake, ch, "UCEO", "/interview", panel, "Set the panel")
	}
	total := func() int {
		n := 0
		for _, u := range users {
			n += len(dms(fake, u))
		}
		return n
	}
	// Kill the victim while reminders are due and being sent.
	MustEventually(t, 20*time.Second, "the first reminders", func() bool { return total() >= len(users)/2 })
	if err := victim.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-victim.done
	killedAt := total()
	MustEventually(t, 40*time.Second, "every reminder", func() bool { return total() >= len(users)*max })
	time.Sleep(3 * time.Second) // long enough for a lease to run out and a doubled reminder to show
	for _, u := range users {
		got := dms(fake, u)
		seen := map[string]int{}
		for _, m := range got {
			for i := 1; i <= max; i++ {
				if strings.Contains(MessageText(m), fmt.Sprintf("Reminder %d of at most %d", i, max)) {
					seen[fmt.Sprint(i)]++
				}
			}
		}
		if len(got) != max || len(seen) != max {
			t.Errorf("%s got %d reminders (%v), want each of %d once", u, len(got), seen, max)
		}
	}
	t.Logf("SIGKILL after %d of %d reminders; the survivor sent the rest, %d of them left unmarked by the victim and found sent, %d sent again",
		killedAt, len(users)*max, strings.Count(survivor.logs.String(), "had been sent; marked"), strings.Count(survivor.logs.String(), "left unmarked by")-strings.Count(survivor.logs.String(), "had been sent; marked"))
	if !strings.Contains(survivor.logs.String(), "scorecard reminder sent") {
		t.Error("the survivor sent no reminder")
	}
}

// TestKitChangeKeepsRatings: on two replicas, removing the kit's last
// question on a competency already scored asks first, naming the
// candidates; a scorecard submitted again after the change keeps the
// rating the earlier kit had, shown as such in the debrief and export.
func TestKitChangeKeepsRatings(t *testing.T) {
	t.Parallel()
	fake, _, _, cfg := mustTwoReplicas(t)
	const (
		ch   = "CKITVER"
		name = "Evelyn Boyd Granville"
	)
	kit := mustKit(t, fake, cfg, ch, 1, "technology-vision", "communication")
	if len(kit["communication"]) != 1 {
		t.Fatal("no communication question in the kit")
	}
	MustCommand(t, fake, ch, "UCEO", "/interview", "candidate add "+name, "Added "+name)
	v := mustOpenScorecard(t, fake, ch, "UIV1", name)
	values := map[string]map[string]string{"rec": {"rec": "yes"},
		"r:technology-vision": {"r:technology-vision": "2"}, "r:communication": {"r:communication": "4"}}
	mustSubmit(t, fake, ch, v, values, "Your scorecard for "+name+" is saved")
	m := MustCommand(t, fake, ch, "UCEO", "/interview", "kit remove 2", "Remove a scored competency?", name+" (1 scorecard)")
	ids := buttonValues(t, m, "interview:kit-remove")
	if len(ids) != 1 {
		t.Fatalf("the confirmation has %d buttons", len(ids))
	}
	MustPress(t, fake, slacktest.Action{Channel: ch, User: "UCEO", ActionID: "interview:kit-remove#0", Value: ids[0], MessageTS: m.TS})
	MustWaitMessage(t, fake, ch, "Removed the question from the kit")
	v = mustOpenScorecard(t, fake, ch, "UIV1", name)
	if ratings, _ := scorecardInputs(t, v); len(ratings) != 1 {
		t.Fatalf("the scorecard after the change rates %v", ratings)
	}
	mustSubmit(t, fake, ch, v, map[string]map[string]string{"rec": {"rec": "yes"}, "r:technology-vision": {"r:technology-vision": "3"}},
		"Your scorecard for "+name+" is saved")
	MustCommand(t, fake, ch, "UCEO", "/interview", "debrief "+name, "@UIV1: 4 (scored against an earlier kit)", "@UIV1: 3")
	MustNoViolations(t, fake)
}

// TestKitRemoveNamesItsKit: the confirmation to remove a scored
// competency's last question acts only on the kit it was shown for. After
// the kit is cleared and built again with the same questions in the same
// places, or after another question moved it, the old button is refused and
// the kit there now is untouched. Two replicas, one Redis.
func TestKitRemoveNamesItsKit(t *testing.T) {
	t.Parallel()
	fake, _, _, cfg := mustTwoReplicas(t)
	const (
		ch   = "CKITABA"
		name = "Katherine Johnson"
	)
	mustKit(t, fake, cfg, ch, 1, "technology-vision", "communication")
	MustCommand(t, fake, ch, "UCEO", "/interview", "candidate add "+name, "Added "+name)
	v := mustOpenScorecard(t, fake, ch, "UIV1", name)
	mustSubmit(t, fake, ch, v, map[string]map[string]string{"rec": {"rec": "yes"},
		"r:technology-vision": {"r:technology-vision": "2"}, "r:communication": {"r:communication": "4"}}, "is saved")
	press := func(m slacktest.Message, want string) {
		t.Helper()
		ids := buttonValues(t, m, "interview:kit-remove")
		if len(ids) != 1 {
			t.Fatalf("the confirmation has %d Remove buttons", len(ids))
		}
		MustPress(t, fake, slacktest.Action{Channel: ch, User: "UCEO", ActionID: "interview:kit-remove#0", Value: ids[0], MessageTS: m.TS})
		MustWaitMessage(t, fake, ch, want)
	}

	// ABA: cleared and rebuilt, the same question at the same place.
	old := MustCommand(t, fake, ch, "UCEO", "/interview", "kit remove 2", "Remove a scored competency?")
	store := mustStoreOn(t, cfg.RedisURL)
	scope := store.Scope(hirebot.SessionKey{Team: fake.TeamID(), Channel: ch}, nil, "")
	gen, err := scope.KitGeneration(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	kit, err := scope.Kit(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := scope.ClearKit(t.Context(), gen, kit); !ok || err != nil {
		t.Fatalf("ClearKit = %v, %v", ok, err)
	}
	mustKit(t, fake, cfg, ch, 1, "technology-vision", "communication")
	press(old, "That Remove button was for an interview kit that was cleared since")
	MustCommand(t, fake, ch, "UCEO", "/interview", "kit", "Interview kit (2 questions)")

	// The same kit, but the question moved (someone removed the one
	// before it): refused too.
	stale := MustCommand(t, fake, ch, "UCEO", "/interview", "kit remove 2", "Remove a scored competency?")
	if _, err := scope.RemoveFromKit(t.Context(), 1); err != nil {
		t.Fatal(err)
	}
	press(stale, "Not removed: the kit changed since you were asked")
	MustCommand(t, fake, ch, "UCEO", "/interview", "kit", "Interview kit (1 question)")

	// Shown for the kit as it is, it removes.
	fresh := MustCommand(t, fake, ch, "UCEO", "/interview", "kit remove 1", "Remove a scored competency?")
	press(fresh, "Removed the question from the kit")
	MustNoViolations(t, fake)
}

// TestKitAddBatch: /interview kit add 2 4 5 adds several questions of the
// last batch shown, on two replicas (the batch shown on one, the add on
// either).
func TestKitAddBatch(t *testing.T) {
	t.Parallel()
	fake, _, _, _ := mustTwoReplicas(t)
	const ch = "CKITADD"
	MustCommand(t, fake, ch, "U1", "/interview", "communication 5", "Interview questions for", "kit add 1 3")
	MustCommand(t, fake, ch, "U1", "/interview", "kit add 2 9", "has 5 questions", "Nothing was added")
	MustCommand(t, fake, ch, "U1", "/interview", "kit add 2 4 5", "Added 3 of 3 to the channel's interview kit")
	MustCommand(t, fake, ch, "U2", "/interview", "kit", "Interview kit (3 questions)")
	MustNoViolations(t, fake)
}

// TestCompareAndExportName: /interview compare puts candidates side by
// side under the debrief's reading rules; a debrief export is named after
// the candidate and the day; no candidate name reaches a log line.
func TestCompareAndExportName(t *testing.T) {
	t.Parallel()
	fake, b1, b2, _ := mustTwoReplicas(t)
	const ch = "CCOMPARE"
	for _, name := range []string{"Mae Jemison", "Ellen Ochoa"} {
		MustCommand(t, fake, ch, "UCEO", "/interview", "candidate add "+name, "Added "+name)
	}
	MustCommand(t, fake, ch, "UCEO", "/interview", "panel Mae Jemison <@UIV1> <@UCEO>", "Set the panel")
	v := mustOpenScorecard(t, fake, ch, "UIV1", "Mae Jemison")
	mustSubmit(t, fake, ch, v, scorecardValues(t, v, 4, 3, "", "strong-yes"), "is saved")
	v = mustOpenScorecard(t, fake, ch, "UIV2", "Ellen Ochoa")
	mustSubmit(t, fake, ch, v, scorecardValues(t, v, 2, 2, "", "no"), "is saved")
	MustCommand(t, fake, ch, "UCEO", "/interview", "decision Ellen Ochoa no-hire not this time", "Recorded the decision")
	// The CEO is on Mae's panel and has not scored: Mae is hidden to them.
	m := MustCommand(t, fake, ch, "UCEO", "/interview", "compare Mae Jemison Ellen Ochoa", "Compare: Mae Jemison, Ellen Ochoa",
		"Ellen Ochoa: median 2, spread 0", "Ellen Ochoa: 1 of 1 in — No 1 — decision: No hire", "Hidden until you may read them", "Mae Jemison: 1 of 2 scorecards in")
	if strings.Contains(MessageText(m), "Mae Jemison: median") {
		t.Error("compare showed the CEO, on the panel, a debrief before they scored")
	}
	MustCommand(t, fake, ch, "UREC", "/interview", "compare", "can't read any")
	MustCommand(t, fake, ch, "UIV1", "/interview", "debrief Mae Jemison export", "Uploaded the debrief")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	want := "debrief-mae-jemison-" + time.Now().UTC().Format("2006-01-02") + ".md"
	if _, err := fake.WaitFile(ctx, func(f slacktest.File) bool { return f.Channel == ch && f.Name == want }); err != nil {
		t.Errorf("no export named %s: %v", want, err)
	}
	logs := strings.ToLower(logsOf(b1, b2))
	for _, secret := range []string{"jemison", "ochoa", "not this time"} {
		if strings.Contains(logs, secret) {
			t.Errorf("the logs hold %q", secret)
		}
	}
	MustNoViolations(t, fake)
}

// TestKitAddTeamQuestion: /interview kit add <competency>: <question>
// adds a team's own question, which the scorecard asks (on either
// replica) with its competency's rubric and a note of its own.
func TestKitAddTeamQuestion(t *testing.T) {
	t.Parallel()
	fake, _, _, _ := mustTwoReplicas(t)
	const ch = "CKITTEAM"
	MustCommand(t, fake, ch, "U1", "/interview", "kit add communication: How would you tell our investors a launch slipped?", "Added your question", "under Communication")
	MustCommand(t, fake, ch, "U2", "/interview", "kit", "How would you tell our investors a launch slipped?")
	MustCommand(t, fake, ch, "U1", "/interview", "candidate add Dorothy Vaughan", "Added")
	v := mustOpenScorecard(t, fake, ch, "U2", "Dorothy Vaughan")
	if text := viewText(t, v); !strings.Contains(text, "How would you tell our investors") {
		t.Errorf("the scorecard does not ask the team's question: %s", text)
	}
	values := scorecardValues(t, v, 3, 3, "", "yes")
	for id := range viewInputs(v) {
		if strings.HasPrefix(id, "q:team-") {
			values[id] = map[string]string{id: "Clear and honest heron"}
		}
	}
	mustSubmit(t, fake, ch, v, values, "is saved")
	MustCommand(t, fake, ch, "U2", "/interview", "debrief Dorothy Vaughan", "on “How would you tell our investors", "Clear and honest heron")
	MustNoViolations(t, fake)
}
