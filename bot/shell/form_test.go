package shell

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
)

func TestFieldValue(t *testing.T) {
	choice := bot.Input{ID: "r", Choices: []bot.Choice{{Value: "1"}, {Value: "2"}, {Value: "strong-yes"}}}
	text := bot.Input{ID: "n", Optional: true, Multiline: true}
	required := bot.Input{ID: "t"}
	for _, tt := range []struct {
		in         bot.Input
		line, held string
		want       string
		ok         bool
	}{
		{choice, "2", "", "2", true},
		{choice, "3", "", "strong-yes", true},
		{choice, "STRONG-YES", "", "strong-yes", true},
		{choice, "4", "", "", false},
		{choice, "0", "", "", false},
		{choice, "", "", "", false},
		{choice, "", "1", "", true},
		{text, "", "", "", true},
		{text, `one\ntwo`, "", "one\ntwo", true},
		{required, "", "", "", false},
		{required, `a\nb`, "", `a\nb`, true},
	} {
		got, ok := fieldValue(tt.in, tt.line, tt.held)
		if got != tt.want || ok != tt.ok {
			t.Errorf("fieldValue(%s, %q, held %q) = %q, %v; want %q, %v", tt.in.ID, tt.line, tt.held, got, ok, tt.want, tt.ok)
		}
	}
}

// formRouter routes /form to a modal of three inputs — a required title, an
// optional note and a required choice — and its submission to submit.
func formRouter(submit bot.HandlerFunc) *bot.Router {
	open := func(context.Context, bot.Request) (bot.Reply, error) {
		return bot.Reply{Modal: &bot.Modal{Callback: "form:save", Title: "A form", Inputs: []bot.Input{
			{ID: "title", Label: "Title"},
			{ID: "note", Label: "Note", Optional: true},
			{ID: "level", Label: "Level", Choices: []bot.Choice{{Label: "Low", Value: "low"}, {Label: "High", Value: "high"}}},
		}}}, nil
	}
	return bot.NewRouter(slog.New(slog.DiscardHandler),
		bot.Command{Name: "form", Slash: "/form", Handler: bot.HandlerFunc(func(ctx context.Context, req bot.Request) (bot.Reply, error) {
			if req.Source == bot.Submit {
				return submit(ctx, req)
			}
			return open(ctx, req)
		})})
}

// sayValues answers a submission with the values it carried.
func sayValues(_ context.Context, req bot.Request) (bot.Reply, error) {
	return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("saved title=%q note=%q level=%q",
		req.Values["title"], req.Values["note"], req.Values["level"])}}, nil
}

// TestFormRecallsOnlyTheField: on a terminal, ↑ in a form's field recalls
// nothing of the field before it but that field's earlier answers, and ↑
// at the prompt after the form recalls the command, not an answer.
func TestFormRecallsOnlyTheField(t *testing.T) {
	var out bytes.Buffer
	keys := "/form" + enter + "My title" + enter + up + enter + "2" + enter + // the note: ↑ recalls nothing
		up + enter + // the prompt: ↑ recalls /form
		up + enter + up + enter + "1" + enter + // the title: ↑ recalls "My title"; the note: still nothing
		keyD
	term := NewTerminal(strings.NewReader(keys), &out)
	if err := New(Config{Router: formRouter(sayValues), In: term, Out: term}).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if !strings.Contains(s, `saved title="My title" note="" level="high"`) {
		t.Errorf("↑ in the note recalled another field's answer:\n%q", s)
	}
	if !strings.Contains(s, `saved title="My title" note="" level="low"`) {
		t.Errorf("↑ at the prompt did not run /form again, or ↑ in its title did not recall the title:\n%q", s)
	}
}

// TestRefusedFormKeepsTheAnswers: a submission refused about one input
// keeps every answer, asks again for that input only, with the reason,
// and sends the form again with the rest as they were.
func TestRefusedFormKeepsTheAnswers(t *testing.T) {
	var sent []map[string]string
	submit := func(ctx context.Context, req bot.Request) (bot.Reply, error) {
		sent = append(sent, req.Values)
		if len(req.Values["title"]) < 3 {
			return bot.Reply{}, &bot.FieldError{Field: "title", Err: hirebot.Errorf(hirebot.Invalid, "A title needs 3 letters or more.")}
		}
		return sayValues(ctx, req)
	}
	in := strings.Join([]string{"/form", "CT", "a note kept", "2", "CTO"}, "\n")
	var out bytes.Buffer
	if err := New(Config{Router: formRouter(submit), In: NewScanner(strings.NewReader(in)), Out: &out}).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if len(sent) != 2 || sent[1]["note"] != "a note kept" || sent[1]["level"] != "high" || sent[1]["title"] != "CTO" {
		t.Fatalf("sent %v; want the refused form sent again with the title fixed and the rest as typed\n%s", sent, s)
	}
	again := s[strings.Index(s, "not sent"):]
	for _, want := range []string{"[1/3] Title (required)\n  now: CT\n  ! A title needs 3 letters or more.\n", `saved title="CTO" note="a note kept" level="high"`} {
		if !strings.Contains(again, want) {
			t.Errorf("after the refusal, output lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(again, "[2/3]") || strings.Contains(again, "[3/3]") {
		t.Errorf("fields that were not refused were asked again:\n%s", s)
	}
	// Every input is sent, empty or not, as Slack sends a modal's state.
	if _, ok := sent[0]["note"]; !ok || len(sent[0]) != 3 {
		t.Errorf("first submission %v; want every input of the form", sent[0])
	}
}
