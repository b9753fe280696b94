package shell

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/bot"
)

// echo is a command that shows what it was asked, with two buttons.
func echo(_ context.Context, req bot.Request) (bot.Reply, error) {
	return bot.Reply{Card: &bot.Card{
		Title:   "echo",
		Intro:   fmt.Sprintf("source=%d user=%s channel=%s action=%s value=%s text=%s", req.Source, req.User, req.Channel, req.Action, req.Value, req.Text),
		Parts:   []bot.Part{{Text: "part", Button: &bot.Button{Label: "First", Action: "echo:first", Value: "1"}}},
		Buttons: []bot.Button{{Label: "Second", Action: "echo:second", Value: "2"}},
	}}, nil
}

func TestShell(t *testing.T) {
	router := echoRouter()
	in := strings.Join([]string{
		"/echo hello there",
		":click 2",
		":user alice",
		":channel hiring",
		"/echo again",
		"/echo hand it to @alice, not @bob or @you2",
		":click 1",
		"a plain question",
		"/nope",
		":click 9",
		":help",
		":frob",
		":quit",
		"/echo never reached",
	}, "\n")
	var out bytes.Buffer
	if err := New(Config{Router: router, In: NewScanner(strings.NewReader(in)), Out: &out}).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{
		"user=you channel=general action= value= text=hello there",
		"[1] First", "[2] Second",
		"action=second value=2",
		"you are now @alice", "now in #hiring",
		"user=alice channel=hiring action= value= text=again",
		// Users the shell has been are members: mentioned as Slack escapes them.
		"text=hand it to <@alice|alice>, not @bob or @you2",
		"action=first value=1",
		fmt.Sprintf("source=%d user=alice channel=hiring action= value= text=a plain question", bot.Direct),
		"unknown command /nope",
		"usage: :click N",
		"/echo [text] — say it back",
		"unknown shell command :frob",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "never reached") {
		t.Error(":quit did not stop the shell")
	}
	if strings.Contains(s, "> ") {
		t.Error("a prompt was printed for piped input")
	}
}

// TestClickWithoutButtons: :click after a reply with no buttons says so,
// rather than offering buttons 1–0; with one button it names that one.
func TestClickWithoutButtons(t *testing.T) {
	router := bot.NewRouter(slog.New(slog.DiscardHandler),
		bot.Command{Name: "plain", Slash: "/plain", Handler: bot.HandlerFunc(func(context.Context, bot.Request) (bot.Reply, error) {
			return bot.Reply{Card: &bot.Card{Intro: "no buttons here"}}, nil
		})},
		bot.Command{Name: "one", Slash: "/one", Handler: bot.HandlerFunc(func(context.Context, bot.Request) (bot.Reply, error) {
			return bot.Reply{Card: &bot.Card{Intro: "one button", Buttons: []bot.Button{{Label: "Only", Action: "one:x"}}}}, nil
		})},
	)
	in := ":click 1\n/plain\n:click 1\n:click\n/one\n:click 2\n"
	var out bytes.Buffer
	if err := New(Config{Router: router, In: NewScanner(strings.NewReader(in)), Out: &out}).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if n := strings.Count(s, "! the last reply has no buttons to press\n"); n != 3 {
		t.Errorf("%d times \"no buttons\", want 3 (before any reply, and twice after one without buttons):\n%s", n, s)
	}
	if !strings.Contains(s, "! usage: :click 1, the one button of the last reply\n") {
		t.Errorf(":click 2 with one button does not name button 1:\n%s", s)
	}
	if strings.Contains(s, "1–0") {
		t.Errorf("offers buttons 1–0:\n%s", s)
	}
}
