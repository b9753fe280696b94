package interview

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
)

// TestKitChangeKeepsRatings: removing the kit's last question on a
// competency that scorecards rate asks first, naming the candidates; once
// removed, a scorer's new scorecard no longer asks it, and the rating
// they gave stays in the debrief, marked as scored against the earlier
// kit. Every scorecard records the kit it was made against.
func TestKitChangeKeepsRatings(t *testing.T) {
	h, store := MustHandler(t)
	key := hirebot.SessionKey{Team: "T1", Channel: "C1"}
	var comms, vision string
	for _, q := range h.pack.Questions {
		switch {
		case q.Competency == "communication" && comms == "":
			comms = q.ID
		case q.Competency == "technology-vision" && vision == "":
			vision = q.ID
		}
	}
	for _, id := range []string{vision, comms} {
		if _, err := store.Scope(key, nil, "").AddToKit(t.Context(), "", id); err != nil {
			t.Fatal(err)
		}
	}
	do(t, h, "UOWNER", "candidate add Ada Lovelace")
	m, _ := do(t, h, "U1", "scorecard Ada Lovelace")
	if _, msg := submit(t, h, "U1", m.Modal, []int{2, 4}, "yes", "note kiwi"); msg != "" {
		t.Fatal(msg)
	}
	r, msg := do(t, h, "UOWNER", "kit remove 2")
	if msg != "" || r.Card == nil || len(r.Card.Buttons) != 1 || !strings.Contains(r.Card.Intro, "Ada Lovelace (1 scorecard)") {
		t.Fatalf("removing a scored competency does not ask first: %q %+v", msg, r.Card)
	}
	if kit, _ := store.Scope(key, nil, "").Kit(t.Context()); len(kit) != 2 {
		t.Fatalf("the kit changed before the confirmation: %v", kit)
	}
	if r, _ := do(t, h, "UOWNER", "kit clear"); !strings.Contains(r.Card.Intro, "Scorecards rate this kit already: Ada Lovelace (1 scorecard)") {
		t.Errorf("kit clear does not name the candidates scored: %+v", r.Card)
	}
	if _, msg := press(t, h, "UOWNER", r.Card.Buttons[0]); !strings.Contains(msg, "Removed the question from the kit") {
		t.Fatalf("confirm: %q", msg)
	}
	if _, msg := press(t, h, "UOWNER", r.Card.Buttons[0]); !strings.Contains(msg, "the kit changed since") {
		t.Errorf("a second press: %q", msg)
	}
	m2, _ := do(t, h, "U1", "scorecard Ada Lovelace")
	if strings.Contains(m2.Modal.Metadata, "communication") {
		t.Fatalf("the new scorecard still rates the removed competency: %s", m2.Modal.Metadata)
	}
	if _, msg := submit(t, h, "U1", m2.Modal, []int{3}, "yes", ""); msg != "" {
		t.Fatal(msg)
	}
	r, _ = do(t, h, "UOWNER", "debrief Ada Lovelace")
	if got := fmt.Sprint(r.Card); !strings.Contains(got, "@U1: 4 (scored against an earlier kit)") || !strings.Contains(got, "@U1: 3") {
		t.Errorf("the debrief dropped the rating or did not mark it: %s", got)
	}
	cs, _ := store.Scope(key, nil, "").Candidates(t.Context())
	if len(cs) != 1 || cs[0].Cards["U1"].Kit == "" || cs[0].Carried["U1"]["communication"].Kit == "" || cs[0].Cards["U1"].Kit == cs[0].Carried["U1"]["communication"].Kit {
		t.Errorf("the kit versions recorded: card %q, kept %+v", cs[0].Cards["U1"].Kit, cs[0].Carried)
	}
	// Removing a question whose competency nobody rated does not ask.
	if _, msg := press(t, h, "UOWNER", bot.Button{Action: "interview:kit-remove", Value: "x"}); !strings.Contains(msg, "older version") {
		t.Errorf("an odd button: %q", msg)
	}
}

// TestKitAddBatch: kit add 2 4 5 adds those of the last batch the asker
// was shown, in one write; numbers outside it are refused, changing
// nothing; another person's batch is their own.
func TestKitAddBatch(t *testing.T) {
	h, store := MustHandler(t)
	key := hirebot.SessionKey{Team: "T1", Channel: "C1"}
	if _, msg := do(t, h, "U1", "kit add 1"); !strings.Contains(msg, "not been shown questions") {
		t.Errorf("kit add before any batch: %q", msg)
	}
	r, msg := do(t, h, "U1", "communication 5")
	if msg != "" || len(r.Card.Parts) != 5 || !strings.Contains(r.Card.Note, "kit add 1 3") {
		t.Fatalf("a batch: %q %+v", msg, r.Card)
	}
	do(t, h, "U2", "technology-vision 2")
	if _, msg := do(t, h, "U1", "kit add 2 9"); !strings.Contains(msg, "has 5 questions") {
		t.Errorf("a number outside the batch: %q", msg)
	}
	if kit, _ := store.Scope(key, nil, "").Kit(t.Context()); len(kit) != 0 {
		t.Fatalf("a refused kit add changed the kit: %v", kit)
	}
	r, msg = do(t, h, "U1", "kit add 2 4,5")
	if msg != "" || !strings.Contains(r.Card.Intro, "Added 3 of 3") {
		t.Fatalf("kit add: %q %+v", msg, r.Card)
	}
	if r, _ := do(t, h, "U1", "kit add 4 1"); !strings.Contains(r.Card.Intro, "Added 1 of 2") || !strings.Contains(fmt.Sprint(r.Card.Parts), "#4 already in the kit") {
		t.Errorf("adding one again: %+v", r.Card)
	}
	kit, _ := store.Scope(key, nil, "").Kit(t.Context())
	if len(kit) != 4 {
		t.Fatalf("kit = %v, want 4 questions", kit)
	}
	for _, id := range kit {
		if q, _ := h.pack.Question(id); q.Competency != "communication" {
			t.Errorf("U2's batch leaked into U1's kit add: %s", id)
		}
	}
	if _, err := Parse("kit add two"); err == nil {
		t.Error("kit add two parsed")
	}
}

// TestKitAddTeamQuestion: a team's own question joins the kit under a
// competency, shows in the kit and the guide, and the scorecard asks it
// with that competency's rubric and a note of its own.
func TestKitAddTeamQuestion(t *testing.T) {
	h, _ := MustHandler(t)
	if _, msg := do(t, h, "U1", "kit add comunication: How do you tell the board about a slip?"); !strings.Contains(msg, "Did you mean communication?") {
		t.Errorf("a misspelt competency: %q", msg)
	}
	if _, msg := do(t, h, "U1", "kit add communication: short"); !strings.Contains(msg, "10 characters at least") {
		t.Errorf("a question too short: %q", msg)
	}
	r, msg := do(t, h, "U1", "kit add Communication: How do you tell the Board about a SLIP <b>?")
	if msg != "" || !strings.Contains(r.Card.Intro, "under Communication: How do you tell the Board about a SLIP <b>?") {
		t.Fatalf("kit add: %q %+v", msg, r.Card)
	}
	if r, _ := do(t, h, "U2", "kit add communication:  how do you tell the board about a slip <b>?"); !strings.Contains(r.Card.Intro, "Already in the kit") {
		t.Errorf("the same question again: %+v", r.Card)
	}
	if r, _ := do(t, h, "U1", "kit"); !strings.Contains(fmt.Sprint(r.Card), "1. How do you tell the Board about a SLIP <b>?") {
		t.Errorf("the kit: %+v", r.Card)
	}
	if r, _ := do(t, h, "U1", "kit export"); r.File == nil || !strings.Contains(r.File.Content, "How do you tell the Board") || strings.Contains(r.File.Content, "<b>") {
		t.Errorf("the guide: %+v", r.File)
	}
	do(t, h, "U1", "candidate add Ada Lovelace")
	m, _ := do(t, h, "U1", "scorecard Ada Lovelace")
	var note bool
	for _, in := range m.Modal.Inputs {
		if strings.HasPrefix(in.ID, "q:team-") && strings.Contains(in.Label, "How do you tell the Board") && strings.Contains(in.Hint, "Communication: 1 · ") {
			note = true
		}
	}
	if !note {
		t.Errorf("the scorecard does not ask the team's question with the rubric: %+v", m.Modal.Inputs)
	}
	if _, msg := submit(t, h, "U1", m.Modal, []int{3}, "yes", "told it straight"); msg != "" {
		t.Fatal(msg)
	}
}
