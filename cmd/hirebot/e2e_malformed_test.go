package main

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/hirebot/hirebot/internal/slacktest"
)

// TestMalformedSubmissionChangesNothing sends editor submissions that are
// malformed — no state at all, a state without values, a value of the wrong
// type — to a draft with content: none changes the draft, and each one the
// bot can read gets a private "invalid submission" answer, never an empty
// draft.
func TestMalformedSubmissionChangesNothing(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	MustStartBot(t, fake, cfg)

	const ch = "CMAL"
	MustCommand(t, fake, ch, "U1", "/jd", "start cto", "Started a draft")
	kept := []string{"Kept through a malformed form one", "Kept through a malformed form two", "Kept through a malformed form three"}
	for _, it := range kept {
		MustCommand(t, fake, ch, "U1", "/jd", "add requirements "+it, "Added to requirements")
	}

	before := sectionItems(MustExportText(t, fake, ch), "Requirements")
	submission := func(view map[string]any) slacktest.Envelope {
		view["id"], view["type"], view["callback_id"], view["private_metadata"] = "VMAL", "modal", "jd:save", ch+"\n4"
		p, err := json.Marshal(map[string]any{
			"type": "view_submission", "team": map[string]any{"id": fake.TeamID()},
			"user": map[string]any{"id": "U1", "team_id": fake.TeamID()}, "view": view,
		})
		if err != nil {
			t.Fatal(err)
		}
		return slacktest.Envelope{Type: slacktest.TypeInteractive, Payload: p}
	}
	tests := []struct {
		name     string
		view     map[string]any
		answered bool // its sender can be read, so they can be told
	}{
		{"no state", map[string]any{}, true},
		{"a state without values", map[string]any{"state": map[string]any{}}, true},
		{"empty values", map[string]any{"state": map[string]any{"values": map[string]any{}}}, true},
		{"a value of the wrong type", map[string]any{"state": map[string]any{"values": map[string]any{
			"requirements": map[string]any{"requirements": map[string]any{"type": "plain_text_input", "value": 42}}}}}, true},
		{"values of the wrong shape", map[string]any{"state": map[string]any{"values": []any{"requirements"}}}, true},
	}
	answered := 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			since := MustMark(t, fake)
			MustSendEnvelope(t, fake, submission(tt.view))
			if tt.answered {
				m := MustWaitReply(t, fake, since, ch, "arrived without its fields", "nothing was changed")
				if !m.Ephemeral || m.User != "U1" {
					t.Errorf("the answer was not private to its sender: %+v", m)
				}
				answered++
			}
			items := sectionItems(MustExportText(t, fake, ch), "Requirements")
			if !slices.Equal(items, before) {
				t.Errorf("after a submission with %s the requirements are %q, want them unchanged: %q", tt.name, items, before)
			}
			mustHoldOnce(t, items, kept...)
		})
	}
	t.Logf("%d malformed submissions: %d answered as invalid, draft unchanged after each", len(tests), answered)
	MustNoViolations(t, fake)
}
