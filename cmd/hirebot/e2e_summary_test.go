package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/internal/redistest"
	"github.com/hirebot/hirebot/internal/slacktest"
)

// TestSummaryFollowsEditFormSaves drives the Edit modal through Slack's
// real Socket Mode client: a save that changes the title but not the
// summary rewrites the summary, which then keeps following /jd set; a
// summary edited in the form is the editor's and no fact rewrites it.
func TestSummaryFollowsEditFormSaves(t *testing.T) {
	t.Parallel()
	fake := MustNewFake(t)
	cfg := testConfig(fake, redistest.MustStart(t).URL())
	MustStartBot(t, fake, cfg)
	const ch = "CSUMMARY"

	MustCommand(t, fake, ch, "U1", "/jd", "start cto", "Started a draft")
	liveMessage(t, fake, ch, "We are hiring a Chief Technology Officer.")

	saveEditor(t, fake, ch, "U2", map[string]string{"title": "VP Platform"})
	liveMessage(t, fake, ch, "We are hiring a VP Platform.")
	MustCommand(t, fake, ch, "U1", "/jd", "set company Acme Robotics", "rewrote the summary to match")
	liveMessage(t, fake, ch, "Acme Robotics is hiring a VP Platform.")

	const ours = "Acme Robotics builds warehouse robots, and its platform team needs a leader."
	saveEditor(t, fake, ch, "U2", map[string]string{"title": "Head of Platform", "summary": ours})
	liveMessage(t, fake, ch, "Head of Platform", ours)
	m := MustCommand(t, fake, ch, "U1", "/jd", "set location Berlin", "Set the location")
	if strings.Contains(MessageText(m), "rewrote the summary") {
		t.Errorf("a summary edited in the form was rewritten: %s", MessageText(m))
	}
	if live := MessageText(liveMessage(t, fake, ch, "Berlin")); !strings.Contains(live, ours) {
		t.Errorf("the summary edited in the form is gone:\n%s", live)
	}
}

// saveEditor presses Edit on the channel's live message as user, and
// submits the editor as Slack does — every input with what it holds —
// with edits (input id → text) made.
func saveEditor(t *testing.T, fake *slacktest.Server, ch, user string, edits map[string]string) {
	t.Helper()
	views := len(fake.Views())
	id, value := buttonOf(t, liveMessage(t, fake, ch), "jd:edit", 0)
	MustPress(t, fake, slacktest.Action{Channel: ch, User: user, ActionID: id, Value: value})
	MustEventually(t, 10*time.Second, "the editor to open", func() bool { return len(fake.Views()) > views })
	values, _ := editorState(t, fake)
	for in, text := range edits {
		if _, ok := values[in]; !ok {
			t.Fatalf("the editor has no input %q", in)
		}
		values[in] = map[string]string{in: text}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := fake.SendViewSubmission(ctx, slacktest.ViewSubmission{User: user, CallbackID: "jd:save", Values: values}); err != nil {
		t.Fatal(err)
	}
}

// editorState returns what Slack would submit for the latest view opened —
// each input with what it holds (block id → action id → value) — and how
// many blocks the view has.
func editorState(t *testing.T, fake *slacktest.Server) (map[string]map[string]string, int) {
	t.Helper()
	var view struct {
		Blocks []struct {
			Type    string `json:"type"`
			BlockID string `json:"block_id"`
			Element struct {
				InitialValue string `json:"initial_value"`
			} `json:"element"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal(fake.Views()[len(fake.Views())-1].JSON, &view); err != nil {
		t.Fatal(err)
	}
	values := map[string]map[string]string{}
	for _, b := range view.Blocks {
		if b.Type == "input" { // Slack sends the state of inputs only
			values[b.BlockID] = map[string]string{b.BlockID: b.Element.InitialValue}
		}
	}
	return values, len(view.Blocks)
}
