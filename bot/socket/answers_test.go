package socket

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/slack-go/slack"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
)

// baseCard has every field set, so each change below changes one thing.
func baseCard() *bot.Card {
	return &bot.Card{
		Title: "T", Intro: "I", Source: "S", Note: "N", SharedBy: "U1",
		Parts: []bot.Part{{Heading: "H", Text: "X", Items: []string{"a", "b"}, Numbered: true, Channels: []string{"C1"},
			Button: &bot.Button{Label: "L", Action: "A", Value: "V", Style: "primary",
				Confirm: &bot.Confirm{Title: "CT", Text: "CX", Yes: "Y", No: "No"}}}},
		Buttons: []bot.Button{{Label: "L2", Action: "A2", Value: "V2"}},
	}
}

func TestAnswerKey(t *testing.T) {
	// A new field in these types must be added to answerKey, or two
	// different cards could share a rendered answer.
	for typ, n := range map[reflect.Type]int{
		reflect.TypeFor[bot.Card](): 7, reflect.TypeFor[bot.Part](): 6,
		reflect.TypeFor[bot.Button](): 5, reflect.TypeFor[bot.Confirm](): 4,
	} {
		if typ.NumField() != n {
			t.Errorf("%s has %d fields, answerKey spells out %d: add the new ones to answerKey and to this test", typ, typ.NumField(), n)
		}
	}
	changes := map[string]func(c *bot.Card){
		"title":           func(c *bot.Card) { c.Title = "T2" },
		"intro":           func(c *bot.Card) { c.Intro = "" },
		"note":            func(c *bot.Card) { c.Note = "N2" },
		"source":          func(c *bot.Card) { c.Source = "S2" },
		"shared by":       func(c *bot.Card) { c.SharedBy = "U2" },
		"heading":         func(c *bot.Card) { c.Parts[0].Heading = "H2" },
		"text":            func(c *bot.Card) { c.Parts[0].Text = "X2" },
		"items":           func(c *bot.Card) { c.Parts[0].Items = []string{"ab"} },
		"an item":         func(c *bot.Card) { c.Parts[0].Items[1] = "c" },
		"numbered":        func(c *bot.Card) { c.Parts[0].Numbered = false },
		"channels":        func(c *bot.Card) { c.Parts[0].Channels = nil },
		"a channel":       func(c *bot.Card) { c.Parts[0].Channels[0] = "C2" },
		"item to channel": func(c *bot.Card) { c.Parts[0].Items, c.Parts[0].Channels = []string{"a"}, []string{"b", "C1"} },
		"part button":     func(c *bot.Card) { c.Parts[0].Button = nil },
		"label":           func(c *bot.Card) { c.Parts[0].Button.Label = "L3" },
		"action":          func(c *bot.Card) { c.Parts[0].Button.Action = "A3" },
		"value":           func(c *bot.Card) { c.Parts[0].Button.Value = "V3" },
		"style":           func(c *bot.Card) { c.Parts[0].Button.Style = "danger" },
		"confirm":         func(c *bot.Card) { c.Parts[0].Button.Confirm = nil },
		"confirm title":   func(c *bot.Card) { c.Parts[0].Button.Confirm.Title = "?" },
		"confirm text":    func(c *bot.Card) { c.Parts[0].Button.Confirm.Text = "?" },
		"confirm yes":     func(c *bot.Card) { c.Parts[0].Button.Confirm.Yes = "?" },
		"confirm no":      func(c *bot.Card) { c.Parts[0].Button.Confirm.No = "?" },
		"no parts":        func(c *bot.Card) { c.Parts = nil },
		"another part":    func(c *bot.Card) { c.Parts = append(c.Parts, bot.Part{}) },
		"no buttons":      func(c *bot.Card) { c.Buttons = nil },
		"button value":    func(c *bot.Card) { c.Buttons[0].Value = "V4" },
		"text moved":      func(c *bot.Card) { c.Title, c.Intro = "TI", "" },
		"item split":      func(c *bot.Card) { c.Parts[0].Items = []string{"a", "", "b"} },
		"label to action": func(c *bot.Card) { c.Buttons[0].Label, c.Buttons[0].Action = "L2A", "2" },
	}
	base := answerKey(baseCard(), false)
	if answerKey(baseCard(), false) != base {
		t.Fatal("equal cards have different keys")
	}
	if answerKey(baseCard(), true) == base {
		t.Error("a public and a private answer share a key")
	}
	for name, change := range changes {
		c := baseCard()
		change(c)
		if answerKey(c, false) == base {
			t.Errorf("changing the %s left the key unchanged", name)
		}
	}
}

func TestAnswersPayload(t *testing.T) {
	var a answers
	for _, public := range []bool{false, true, false} { // the third is remembered
		got, err := a.payload(baseCard(), public)
		if err != nil {
			t.Fatal(err)
		}
		m := blockkit.Card(baseCard())
		want := ackReply{ResponseType: slack.ResponseTypeEphemeral, Text: m.Text, Blocks: slack.Blocks{BlockSet: m.Blocks}}
		if public {
			want.ResponseType = slack.ResponseTypeInChannel
		}
		wantJSON, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(wantJSON) {
			t.Errorf("payload(public=%v) =\n%s\nwant\n%s", public, got, wantJSON)
		}
	}
	card := baseCard()
	if n := testing.AllocsPerRun(100, func() { _, _ = a.payload(card, false) }); n != 0 && !raceEnabled {
		t.Errorf("a remembered answer costs %v allocations, want 0", n)
	}
	for i := range maxAnswers + 10 {
		c := baseCard()
		c.Title = string(rune('A' + i))
		if _, err := a.payload(c, false); err != nil {
			t.Fatal(err)
		}
	}
	if len(a.m) > maxAnswers {
		t.Errorf("%d answers remembered, want at most %d", len(a.m), maxAnswers)
	}
}
