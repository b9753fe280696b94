package shell

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
)

// fakeLive is a channel's live draft: a list of items the /item command
// appends to.
type fakeLive struct{ items []string }

// LiveCard renders the draft.
func (l *fakeLive) LiveCard(context.Context, hirebot.SessionKey) (*bot.Card, int, string, error) {
	return &bot.Card{Title: "Draft", Parts: []bot.Part{{Heading: "Items", Items: l.items, Numbered: true}},
		Buttons: []bot.Button{{Label: "Edit", Action: "jd:edit"}}, Note: "Version " + strings.Repeat("I", len(l.items))}, len(l.items), "", nil
}

// TestLiveShowsWhatChanged: after a change the shell prints the
// confirmation and what changed in the live draft — not the whole of it —
// with its buttons and version line; a live message posted anew (/jd show)
// prints all of it.
func TestLiveShowsWhatChanged(t *testing.T) {
	live := &fakeLive{items: []string{"first item", "second item"}}
	router := bot.NewRouter(slog.New(slog.DiscardHandler),
		bot.Command{Name: "jd", Slash: "/jd", Handler: bot.HandlerFunc(func(_ context.Context, req bot.Request) (bot.Reply, error) {
			if req.Text == "show" {
				return bot.Reply{NewLive: true}, nil
			}
			live.items = append(live.items, req.Text)
			return bot.Reply{Card: &bot.Card{Intro: "Added " + req.Text + "."}, Live: true}, nil
		})})
	in := "/jd show\n/jd third item\n/jd fourth item\n/jd show\n"
	var out bytes.Buffer
	if err := New(Config{Router: router, Live: live, In: NewScanner(strings.NewReader(in)), Out: &out}).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	third := s[strings.Index(s, "Added third item."):strings.Index(s, "Added fourth item.")]
	want := "Added third item.\n\n[live draft in #general, what changed: - gone, + new; /jd show shows it all]\n" +
		"+   3. third item\n\n[1] Edit\n-- Version III\n"
	if third != want {
		t.Errorf("after a change:\n%q\nwant\n%q", third, want)
	}
	fourth := s[strings.Index(s, "Added fourth item."):strings.LastIndex(s, "[live draft in #general]")]
	if !strings.Contains(fourth, "+   4. fourth item\n") || strings.Contains(fourth, "third") || strings.Contains(fourth, "first") {
		t.Errorf("after the second change, want only the fourth item:\n%s", fourth)
	}
	if n := strings.Count(s, "  1. first item\n"); n != 2 {
		t.Errorf("the whole draft printed %d times, want twice (each /jd show):\n%s", n, s)
	}
}
