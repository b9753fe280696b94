package interview

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/redis/go-redis/v9"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/internal/golden"
	"github.com/hirebot/hirebot/knowledge"
)

// problemOf returns the scorecard.Problem of err, or 0.
func problemOf(err error) int {
	var ie *scorecard.InvalidError
	if errors.As(err, &ie) {
		return int(ie.Problem)
	}
	return 0
}

// MustHandler returns an /interview handler over an embedded store.
func MustHandler(tb testing.TB) (*Handler, *sessions.Store) {
	tb.Helper()
	pack, err := knowledge.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	c, closeFn, err := sessions.OpenEmbedded()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(closeFn)
	_ = c.(*redis.Client)
	store := sessions.New(c, sessions.Options{})
	return New(pack, func(r bot.Request) Sessions { return store.Scope(r.Session(), r.Claim, r.User) }, "/interview").
		WithCandidates(func(r bot.Request) Candidates { return store.Scope(r.Session(), r.Claim, r.User) }), store
}

// do runs /interview text as user in channel C1 and returns the reply
// and the error's user message.
func do(t *testing.T, h *Handler, user, text string) (bot.Reply, string) {
	t.Helper()
	r, err := h.Handle(t.Context(), bot.Request{Source: bot.Slash, Team: "T1", Channel: "C1", User: user,
		Command: "interview", Text: text, At: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC), Admin: user == "UADMIN"})
	if err != nil && hirebot.MessageOf(err) == "" {
		t.Fatalf("%s: internal error %v", text, err)
	}
	return r, hirebot.MessageOf(err)
}

// submit submits modal m as user with the given ratings (one per
// competency, cycling) and note.
func submit(t *testing.T, h *Handler, user string, m *bot.Modal, ratings []int, rec, note string) (bot.Reply, string) {
	t.Helper()
	values := map[string]string{"rec": rec}
	n := 0
	for _, in := range m.Inputs {
		switch {
		case strings.HasPrefix(in.ID, "r:") && len(ratings) > 0:
			values[in.ID] = fmt.Sprint(ratings[n%len(ratings)])
			n++
		case (strings.HasPrefix(in.ID, "n:") || strings.HasPrefix(in.ID, "q:")) && note != "":
			values[in.ID] = note
		}
	}
	r, err := h.Handle(t.Context(), bot.Request{Source: bot.Submit, Team: "T1", Channel: "C1", User: user,
		Command: "interview", Action: "score", Value: m.Metadata, Values: values, At: time.Now()})
	return r, hirebot.MessageOf(err)
}

func TestScorecardFlow(t *testing.T) {
	h, store := MustHandler(t)
	ctx := t.Context()
	key := hirebot.SessionKey{Team: "T1", Channel: "C1"}
	seen := map[string]bool{}
	for _, q := range h.pack.Questions {
		if !seen[q.Competency] && len(seen) < 2 {
			seen[q.Competency] = true
			if _, err := store.Scope(key, nil, "").AddToKit(ctx, "", q.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, msg := do(t, h, "U1", "candidate add ada@example.com"); !strings.Contains(msg, "e-mail") {
		t.Errorf("an e-mail as a name: %q", msg)
	}
	if r, msg := do(t, h, "U1", "candidate add Ada Lovelace"); msg != "" || !strings.Contains(r.Card.Intro, "Added Ada Lovelace") {
		t.Fatalf("add: %q %+v", msg, r.Card)
	}
	if _, msg := do(t, h, "U2", "candidate add ada  lovelace"); !strings.Contains(msg, "already") {
		t.Errorf("adding twice: %q", msg)
	}
	if _, msg := do(t, h, "U1", "scorecard Ada Lovelase"); !strings.Contains(msg, "Did you mean Ada Lovelace?") {
		t.Errorf("a typo: %q", msg)
	}
	if _, msg := do(t, h, "U1", "debrief lovelace"); !strings.Contains(msg, "Did you mean Ada Lovelace?") {
		t.Errorf("a surname: %q", msg)
	}
	open := func(user string) *bot.Modal {
		r, msg := do(t, h, user, "scorecard ada lovelace")
		if msg != "" || r.Modal == nil {
			t.Fatalf("scorecard for %s: %q", user, msg)
		}
		return r.Modal
	}
	m1, m2 := open("U1"), open("U2")
	open("U3")
	if _, msg := submit(t, h, "U1", m1, nil, "yes", ""); !strings.Contains(msg, "Pick an overall") && !strings.Contains(msg, "Rate every") {
		t.Errorf("an empty submission: %q", msg)
	}
	r, msg := submit(t, h, "U1", m1, []int{4}, "strong-yes", "sharp thinking")
	if msg != "" || r.Announce == nil || r.Announce.Intro != "Ada Lovelace: 1 of 3 scorecards in." {
		t.Fatalf("submit: %q, %+v", msg, r.Announce)
	}
	if strings.Contains(fmt.Sprint(r.Announce), "sharp") || strings.Contains(fmt.Sprint(r.Announce), "4") {
		t.Errorf("the announcement shows a rating or note: %+v", r.Announce)
	}
	// U3 has not submitted: blind.
	r, _ = do(t, h, "U3", "debrief Ada Lovelace")
	if got := fmt.Sprint(r.Card); strings.Contains(got, "sharp") || !strings.Contains(got, "@U1") || strings.Contains(got, "spread") {
		t.Errorf("blind debrief shows too much or too little: %s", got)
	}
	if _, msg := do(t, h, "U3", "debrief Ada Lovelace export"); !strings.Contains(msg, "only those who submitted") {
		t.Errorf("export by a non-scorer: %q", msg)
	}
	if _, msg := submit(t, h, "U2", m2, []int{2}, "no", "vague"); msg != "" {
		t.Fatal(msg)
	}
	r, _ = do(t, h, "U2", "debrief Ada Lovelace")
	got := fmt.Sprint(r.Card)
	for _, want := range []string{"sharp thinking", "vague", "disagreement", "spread 2", "Strong yes: 1", "No: 1"} {
		if !strings.Contains(got, want) {
			t.Errorf("full debrief lacks %q: %s", want, got)
		}
	}
	if r, _ := do(t, h, "UADMIN", "debrief Ada Lovelace"); !strings.Contains(fmt.Sprint(r.Card), "sharp thinking") {
		t.Error("an admin does not see the debrief without scoring")
	}
	r, msg = do(t, h, "U1", "debrief Ada Lovelace export")
	if msg != "" || r.File == nil || !strings.Contains(r.File.Content, "| @U1 | 4 |") || !strings.Contains(r.File.Content, "@U1 on “") || !strings.Contains(r.File.Content, "”: sharp thinking") {
		t.Errorf("export: %q, %+v", msg, r.File)
	}
	if _, msg := do(t, h, "U2", "debrief Ada Lovelace close"); !strings.Contains(msg, "Only @U1, who runs the channel's interview loop") {
		t.Errorf("close by a scorer who did not add: %q", msg)
	}
	if _, msg := do(t, h, "U1", "debrief Ada Lovelace close"); msg != "" {
		t.Fatal(msg)
	}
	if _, msg := submit(t, h, "U1", m1, []int{1}, "no", ""); !strings.Contains(msg, "closed") {
		t.Errorf("submit after close: %q", msg)
	}
	if _, msg := do(t, h, "U3", "candidate remove Ada Lovelace"); !strings.Contains(msg, "Only @U1, who runs the channel's interview loop") {
		t.Errorf("remove by someone who did not add: %q", msg)
	}
	// Remove archives: off the list, kept, restorable.
	r, msg = do(t, h, "U1", "candidate remove Ada Lovelace")
	if msg != "" || !strings.Contains(r.Card.Intro, "Archived Ada Lovelace with 2 scorecards") {
		t.Fatalf("remove archives: %q %+v", msg, r.Card)
	}
	if cs, _ := store.Scope(key, nil, "").Candidates(ctx); len(cs) != 0 {
		t.Errorf("candidates after archiving: %v", cs)
	}
	if r, _ := do(t, h, "U1", "candidates archived"); !strings.Contains(fmt.Sprint(r.Card), "Ada Lovelace — 2 scorecards, archived by @U1") {
		t.Errorf("the archived list: %+v", r.Card)
	}
	if _, msg := do(t, h, "U2", "candidate add Ada Lovelace"); !strings.Contains(msg, "archived candidate") {
		t.Errorf("adding an archived name: %q", msg)
	}
	if _, msg := do(t, h, "U1", "candidate restore Ada Lovelace"); msg != "" {
		t.Fatal(msg)
	}
	if cs, _ := store.Scope(key, nil, "").Candidates(ctx); len(cs) != 1 || len(cs[0].Cards) != 2 || !cs[0].Closed {
		t.Errorf("restored: %+v (want 2 scorecards, the debrief closed as it was before archiving)", cs)
	}
	// Erase deletes for good, once confirmed: the loop's owner and admins.
	if _, msg := do(t, h, "U3", "candidate erase Ada Lovelace"); !strings.Contains(msg, "Only @U1, who runs the channel's interview loop, or an admin can erase") {
		t.Errorf("erase by someone who does not run the loop: %q", msg)
	}
	r, _ = do(t, h, "U1", "candidate erase Ada Lovelace")
	if r.Card == nil || len(r.Card.Buttons) != 1 || !strings.Contains(r.Card.Intro, "2 scorecards") {
		t.Fatalf("erase asks: %+v", r.Card)
	}
	b := r.Card.Buttons[0]
	stale := bot.Request{Source: bot.Press, Team: "T1", Channel: "C1", User: "U1", Command: "interview",
		Action: strings.TrimPrefix(b.Action, "interview:"), Value: strings.Replace(b.Value, "|2", "|1", 1)}
	if r, err := h.Handle(ctx, stale); err != nil || !strings.Contains(r.Card.Intro, "Not erased") {
		t.Errorf("a confirmation for another count of scorecards: %v %+v", err, r.Card)
	}
	other := stale
	other.User, other.Value = "U3", b.Value
	if _, err := h.Handle(ctx, other); !strings.Contains(hirebot.MessageOf(err), "Only @U1, who runs") {
		t.Errorf("a confirmation pressed by someone who may not erase: %v", err)
	}
	r, err := h.Handle(ctx, bot.Request{Source: bot.Press, Team: "T1", Channel: "C1", User: "U1", Command: "interview",
		Action: strings.TrimPrefix(b.Action, "interview:"), Value: b.Value})
	if err != nil || !strings.Contains(r.Card.Intro, "Erased Ada Lovelace and 2 scorecards") {
		t.Fatalf("erase: %v %+v", err, r.Card)
	}
	if cs, _ := store.Scope(key, nil, "").Candidates(ctx); len(cs) != 0 {
		t.Errorf("candidates after erasing: %v", cs)
	}
	if cs, _ := store.Scope(key, nil, "").Archived(ctx); len(cs) != 0 {
		t.Errorf("archived after erasing: %v", cs)
	}
}

func TestScorecardModalGolden(t *testing.T) {
	h, _ := MustHandler(t)
	c := scorecard.Candidate{ID: scorecard.ID("Ada Lovelace"), Name: "Ada Lovelace"}
	items := h.testSheet("technology-vision", "communication", "team-building")
	prev := &scorecard.Scorecard{Ratings: map[string]int{"communication": 3}, Notes: map[string]string{"communication": "clear"}, Recommendation: scorecard.Yes}
	golden.MatchJSON(t, filepath.Join("testdata", "golden", "modal-scorecard.json"), blockkit.Modal(scorecardModal(c, items, prev, false, "g7")))
}

// TestScorecardModalLimits checks the modal for every kit size a channel
// can have: within 100 blocks, labels and options within Slack's limits,
// every competency rated.
func TestScorecardModalLimits(t *testing.T) {
	h, _ := MustHandler(t)
	var all []string
	for _, c := range h.pack.Competencies {
		all = append(all, c.ID)
	}
	for len(all) < scorecard.MaxCompetencies {
		all = append(all, fmt.Sprintf("custom-competency-with-a-long-id-%02d", len(all)))
	}
	long := strings.Repeat("Ada ", scorecard.MaxNameLen/4)
	for n := 1; n <= scorecard.MaxCompetencies; n++ {
		items := h.testSheet(all[:n]...)
		m := scorecardModal(scorecard.Candidate{ID: scorecard.ID(long), Name: long, Inc: "k1"}, items, nil, false, "g7")
		v := blockkit.Modal(m)
		rated := 0
		for _, in := range m.Inputs {
			if strings.HasPrefix(in.ID, "r:") {
				rated++
			}
		}
		if len(v.Blocks.BlockSet) > 100 || len(v.Blocks.BlockSet) != len(m.Inputs)+1 || rated != n {
			t.Errorf("%d competencies: %d blocks for %d inputs, %d rated", n, len(v.Blocks.BlockSet), len(m.Inputs), rated)
		}
		b, _ := json.Marshal(v)
		var view struct {
			Blocks []struct {
				Label   struct{ Text string }
				Element struct {
					Options []struct{ Text, Description struct{ Text string } }
				}
			}
		}
		_ = json.Unmarshal(b, &view)
		for _, blk := range view.Blocks {
			if utf8.RuneCountInString(blk.Label.Text) > 2000 {
				t.Errorf("label of %d characters", utf8.RuneCountInString(blk.Label.Text))
			}
			for _, o := range blk.Element.Options {
				if utf8.RuneCountInString(o.Text.Text) > 75 || utf8.RuneCountInString(o.Description.Text) > 75 {
					t.Errorf("option over 75 characters: %q / %q", o.Text.Text, o.Description.Text)
				}
			}
		}
		if utf8.RuneCountInString(m.Metadata)+20 > 3000 {
			t.Errorf("%d competencies: metadata %d characters", n, utf8.RuneCountInString(m.Metadata))
		}
	}
}

// testSheet returns the sheet items of the competency ids, as sheet does.
func (h *Handler) testSheet(ids ...string) []sheetItem {
	var out []sheetItem
	for _, id := range ids {
		it := sheetItem{ID: id, Name: id, Levels: genericLevels}
		if c, ok := h.pack.Competency(id); ok {
			it.Name, it.Description = c.Name, c.Description
		}
		if q, ok := h.firstQuestion(id, knowledge.DefaultRole); ok {
			it.Levels = levels(q)
		}
		out = append(out, it)
	}
	return out
}

func TestDebriefCardGolden(t *testing.T) {
	h, _ := MustHandler(t)
	c := scorecard.Candidate{Name: "Ada <!channel> Lovelace", Expected: []string{"U1", "U2", "U3"}, Cards: map[string]scorecard.Scorecard{
		"U1": {Scorer: "U1", Competencies: []string{"technology-vision", "communication"},
			Ratings: map[string]int{"technology-vision": 4, "communication": 3}, Notes: map[string]string{"technology-vision": "Clear bets & dates"},
			Recommendation: scorecard.StrongYes},
		"U2": {Scorer: "U2", Competencies: []string{"technology-vision", "communication"},
			Ratings: map[string]int{"technology-vision": 2, "communication": 3}, Recommendation: scorecard.No},
	}, Decisions: []scorecard.Decision{
		{Verdict: scorecard.Hold, Reason: "Waiting for references", By: "UCEO", At: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)},
		{Verdict: scorecard.Hire, Reason: "Strongest on vision <!here>", By: "UCEO", At: time.Date(2026, 12, 3, 16, 30, 0, 0, time.UTC)},
	}}
	d := scorecard.Summarize(c)
	golden.MatchJSON(t, filepath.Join("testdata", "golden", "card-debrief.json"), blockkit.Card(h.debriefCard(d)))
	golden.MatchJSON(t, filepath.Join("testdata", "golden", "card-debrief-blind.json"), blockkit.Card(h.blindCard(c)))
}

// TestDebriefCardFits checks that the debrief of the largest kit, with
// every scorer writing the longest notes, fits one Slack message whole:
// no row, tally or call is cut.
func TestDebriefCardFits(t *testing.T) {
	h, _ := MustHandler(t)
	for _, tt := range []struct{ comps, scorers, note int }{{3, 2, 20}, {5, 3, scorecard.MaxNote}, {29, 6, scorecard.MaxNote}, {scorecard.MaxCompetencies, 8, scorecard.MaxNote}} {
		c := scorecard.Candidate{Name: "Ada Lovelace", Cards: map[string]scorecard.Scorecard{}}
		for s := range tt.scorers {
			card := scorecard.Scorecard{Scorer: fmt.Sprintf("U%d", s), Ratings: map[string]int{}, Notes: map[string]string{},
				Recommendation: scorecard.Yes, Note: strings.Repeat("g", tt.note)}
			for i := range tt.comps {
				comp := fmt.Sprintf("comp-%02d", i)
				card.Competencies = append(card.Competencies, comp)
				card.Ratings[comp] = 1 + (i+s)%4
				card.Notes[comp] = strings.Repeat("n", tt.note)
			}
			c.Cards[card.Scorer] = card
		}
		m := blockkit.Card(h.debriefCard(scorecard.Summarize(c)))
		b, _ := json.Marshal(m.Blocks)
		text := string(b)
		if len(m.Blocks) > blockkit.MaxBlocks || strings.Contains(text, "too long for Slack") {
			t.Errorf("%+v: %d blocks, cut: %v", tt, len(m.Blocks), strings.Contains(text, "too long for Slack"))
		}
		for _, want := range []string{"Recommendations", "Yes: " + fmt.Sprint(tt.scorers), fmt.Sprintf("comp-%02d", tt.comps-1), fmt.Sprintf("@U%d: Yes", tt.scorers-1)} {
			if !strings.Contains(text, want) {
				t.Errorf("%+v: the card lacks %q", tt, want)
			}
		}
		if tt.comps == 5 && (!strings.Contains(text, "shortened") || !strings.Contains(text, strings.Repeat("n", 300))) {
			t.Errorf("%+v: long notes are not shown shortened", tt)
		}
		if tt.note < 40 && (strings.Contains(text, "shortened") || !strings.Contains(text, strings.Repeat("n", tt.note))) {
			t.Errorf("%+v: short notes were shortened", tt)
		}
	}
}

// TestFirstQuestionSuitsTheRole: with no kit, a scorecard's rubric for a
// competency comes from a question that suits the draft's role, so a CTO's
// scorecard never shows the rubric of a question written for a CISO.
func TestFirstQuestionSuitsTheRole(t *testing.T) {
	h, _ := MustHandler(t)
	for _, role := range h.pack.RoleIDs() {
		for _, c := range []string{"communication", "team-building", "metrics-budget"} {
			q, ok := h.firstQuestion(c, role)
			if !ok || q.Competency != c || !slices.Contains(q.Roles, role) {
				t.Errorf("firstQuestion(%s, %s) = %s %v, %v; want a %s question for the role", c, role, q.ID, q.Roles, ok, c)
			}
		}
	}
	if q, ok := h.firstQuestion("information-strategy", "cto"); !ok || q.Competency != "information-strategy" {
		t.Errorf("firstQuestion(information-strategy, cto) = %s, %v; want the bank's first on it when none suits the role", q.ID, ok)
	}
}
