package home

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/hirebot/hirebot/bot/sessions"
)

// TestWaitingScorecards renders the Home tab over an embedded store: the
// candidates whose scorecard the user opened and has not submitted, by
// channel.
func TestWaitingScorecards(t *testing.T) {
	c, closeFn, err := sessions.OpenEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(closeFn)
	store := sessions.New(c, sessions.Options{})
	ctx := t.Context()
	open := func(channel, name, user string) {
		key := hirebot.SessionKey{Team: "T1", Channel: channel}
		if err := store.Scope(key, nil, "").AddCandidate(ctx, scorecard.Candidate{Name: name, AddedBy: "U9", Added: time.Now()}, ""); err != nil {
			t.Fatal(err)
		}
		if err := store.Scope(key, nil, user).ExpectScorer(ctx, scorecard.ID(name), ""); err != nil {
			t.Fatal(err)
		}
	}
	open("CB", "Grace Hopper", "U1")
	open("CA", "Ada Lovelace", "U1")
	open("CA", "Barbara Liskov", "U1")
	open("CA", "Edsger Dijkstra", "U2")
	h := New(store, func() []bot.Command { return []bot.Command{{Name: "interview", Slash: "/iv"}} }).WithScorecards(store)
	home := func(user string) string {
		r, err := h.Handle(context.Background(), bot.Request{Source: bot.Home, Team: "T1", User: user})
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, p := range r.Card.Parts {
			lines = append(lines, fmt.Sprintf("%s|%s|%s", p.Heading, p.Text, strings.Join(p.Channels, ",")))
		}
		return strings.Join(lines, "\n")
	}
	got := home("U1")
	for _, want := range []string{"Scorecards to submit (3)|Ada Lovelace, Barbara Liskov — in|CA", "|Grace Hopper — in|CB"} {
		if !strings.Contains(got, want) {
			t.Errorf("U1's Home lacks %q: %s", want, got)
		}
	}
	if strings.Contains(got, "Dijkstra") {
		t.Error("U1's Home lists a candidate only U2 opened")
	}
	if got := home("U3"); !strings.Contains(got, "None waiting. /iv scorecard <name>") {
		t.Errorf("U3's Home: %s", got)
	}
}
