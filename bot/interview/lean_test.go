package interview

import (
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
)

// TestCompetencyWordsLeanToTheDraftRole: in a channel drafting for a role,
// the questions on a competency are those written for that role; without a
// draft they come from every role.
func TestCompetencyWordsLeanToTheDraftRole(t *testing.T) {
	h, store := MustHandler(t)
	// roles asks /interview hiring 10 in channel and returns the roles of
	// the questions it offers.
	roles := func(t *testing.T, channel string) []string {
		t.Helper()
		r, err := h.Handle(t.Context(), bot.Request{Source: bot.Slash, Team: "T1", Channel: channel, User: "U1",
			Command: "interview", Text: "hiring 10", At: time.Now()})
		if err != nil || r.Card == nil {
			t.Fatalf("/interview hiring 10: %v", err)
		}
		var out []string
		for _, p := range r.Card.Parts {
			if p.Button == nil {
				continue
			}
			_, id, _ := parseKitValue(p.Button.Value)
			q, _ := h.pack.Question(id)
			if q.Competency != "team-building" {
				t.Errorf("question %s probes %s, want team-building", q.ID, q.Competency)
			}
			out = append(out, strings.Join(q.Roles, ","))
		}
		if len(out) == 0 {
			t.Fatalf("/interview hiring 10 in %s offered no questions", channel)
		}
		return out
	}
	others := 0
	for _, r := range roles(t, "C1") {
		if !strings.Contains(r, "cto") {
			others++
		}
	}
	if others == 0 {
		t.Error("without a draft: only questions for a CTO; want those of every role")
	}

	d, e, err := draft.New(draft.Start{Role: "ciso", Title: "CISO", Owner: "U1", At: time.Unix(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Scope(hirebot.SessionKey{Team: "T1", Channel: "C2"}, nil, "").CreateDraft(t.Context(), d, e); err != nil {
		t.Fatal(err)
	}
	for _, r := range roles(t, "C2") {
		if !strings.Contains(r, "ciso") {
			t.Errorf("in a CISO draft's channel: a question for %s", r)
		}
	}
}
