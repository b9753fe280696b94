package blockkit

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/internal/golden"
)

// MustMatchGolden compares v, as indented JSON, with testdata/name.json.
func MustMatchGolden(tb testing.TB, name string, v any) {
	tb.Helper()
	golden.MatchJSON(tb, filepath.Join("testdata", name+".json"), v)
}

func TestCardGolden(t *testing.T) {
	cases := map[string]*bot.Card{
		"topic": {
			Title: "What a CIO does",
			Intro: "The Chief Information Officer runs the company's internal IT.",
			Parts: []bot.Part{
				{Heading: "Duties", Items: []string{"Plans the IT budget", "Signs hardware & software contracts"}},
				{Heading: "Works with", Text: "Security, BI and the project office."},
			},
			Buttons: []bot.Button{
				{Label: "Share in channel", Action: "cto-role:share", Value: "cio-overview", Style: "primary"},
				{Label: "CTO vs CIO", Action: "cto-role:topic", Value: "cto-cto-vs-cio"},
			},
			Source: "Source: Role guide (Krajewski, Ideamotive, 2022), in hirebot's words.",
			Note:   "Ask anything: /cto-role who owns the IT budget?",
		},
		// An answer: the passage that answers, where it comes from, and a
		// button to the whole topic.
		"answer": {
			Title: "Who the CTO reports to, and who reports to the CTO",
			Parts: []bot.Part{{Items: []string{"Reports to: the CEO, as a member of the executive team"}}},
			Buttons: []bot.Button{
				{Label: "Share in channel", Action: "cto-role:share", Value: "?who should the <!channel> CTO report to", Style: "primary"},
				{Label: "Read the whole topic", Action: "cto-role:show", Value: "cto-reporting"},
			},
			Source: "Source: hirebot's own advice & common practice",
			Note:   "The part of “Who the CTO reports to” that answers “who should the <!channel> CTO report to”.",
		},
		// A reply to thanks: one line, no card around it.
		"social": {Intro: "You're welcome! Ask me anything else about hiring a CTO or CIO."},
		"draft": {
			Title: "VP Engineering <!channel>",
			Parts: []bot.Part{
				{Heading: "Requirements", Numbered: true, Items: []string{"Ship <@U999> & <!here>", "Lead teams"},
					Button: &bot.Button{Label: "Add", Action: "jd:add", Value: "requirements"}},
			},
			Buttons: []bot.Button{{Label: "Discard", Action: "jd:discard", Style: "danger",
				Confirm: &bot.Confirm{Title: "Discard?", Text: "This deletes the draft.", Yes: "Discard", No: "Keep"}}},
			SharedBy: "U0123ABC",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			MustMatchGolden(t, "card-"+name, Card(c))
		})
	}
}

func TestModalGolden(t *testing.T) {
	m := &bot.Modal{
		Callback: "jd:save", Title: "Edit the job description draft", Metadata: "v7",
		Intro: "Edit one item per line.",
		Inputs: []bot.Input{
			{ID: "title", Label: "Title", Value: "CTO", MaxLength: 120},
			{ID: "requirements", Label: "Requirements", Value: "a\nb", Multiline: true, Optional: true, Hint: "One per line"},
		},
	}
	v := Modal(m)
	if n := utf8.RuneCountInString(v.Title.Text); n > MaxModalTitle {
		t.Errorf("modal title has %d characters, Slack allows %d", n, MaxModalTitle)
	}
	MustMatchGolden(t, "modal-edit", v)
}

func TestEscapeStopsMentions(t *testing.T) {
	c := &bot.Card{Title: "<!channel>", Intro: "hi <!here> <@U123> <!everyone> a&b",
		Parts: []bot.Part{{Heading: "<!channel>", Items: []string{"<!subteam^S1>"},
			Channels: []string{"C1><!here", "<!channel>", "c0lower"}}}, Note: "<@U1>"}
	m := Card(c)
	// mrkdwn text and the message text are parsed by Slack; plain_text is not.
	texts := []string{m.Text}
	for _, b := range m.Blocks {
		switch b := b.(type) {
		case *slack.SectionBlock:
			texts = append(texts, b.Text.Text)
		case *slack.ContextBlock:
			for _, e := range b.ContextElements.Elements {
				if tb, ok := e.(*slack.TextBlockObject); ok {
					texts = append(texts, tb.Text)
				}
			}
		}
	}
	all := strings.Join(texts, "\n")
	for _, bad := range []string{"<!channel>", "<!here>", "<@U123>", "<!everyone>", "<!subteam", "<@U1>"} {
		if strings.Contains(all, bad) {
			t.Errorf("parsed text contains %q unescaped: %s", bad, all)
		}
	}
	if !strings.Contains(all, "&lt;!here&gt;") || !strings.Contains(all, "a&amp;b") {
		t.Errorf("expected escaped text in %s", all)
	}
}

func TestChannelLinks(t *testing.T) {
	tests := []struct{ id, want string }{
		{"C0123ABC", "• <#C0123ABC>"},
		{"G12345", "• <#G12345>"},
		{"D0ABC", "• <#D0ABC>"},
		{"U0123", "• U0123"},  // a user, not a channel
		{"c0123", "• c0123"},  // lower case: not an id
		{"C1>x", "• C1&gt;x"}, // escaped, never a link
		{"<!here>", "• &lt;!here&gt;"},
		{"C" + strings.Repeat("1", 25), "• C" + strings.Repeat("1", 25)},
	}
	for _, tt := range tests {
		m := Card(&bot.Card{Parts: []bot.Part{{Channels: []string{tt.id}}}})
		sec, ok := m.Blocks[0].(*slack.SectionBlock)
		if !ok || sec.Text.Text != tt.want {
			t.Errorf("channel %q renders as %+v, want %q", tt.id, m.Blocks[0], tt.want)
		}
	}
}

func TestLimits(t *testing.T) {
	long := strings.Repeat("word & more ", 1000) // 12000 characters
	var parts []bot.Part
	for range 80 {
		parts = append(parts, bot.Part{Text: "x"})
	}
	var longParts []bot.Part
	for range 30 {
		longParts = append(longParts, bot.Part{Text: strings.Repeat("x", 2900)})
	}
	var buttons []bot.Button
	for range 30 {
		buttons = append(buttons, bot.Button{Label: strings.Repeat("l", 100), Action: "a", Value: "v"})
	}
	tests := []struct {
		name string
		card *bot.Card
	}{
		{"long intro", &bot.Card{Title: strings.Repeat("t", 400), Intro: long}},
		{"many parts", &bot.Card{Parts: parts}},
		{"many buttons", &bot.Card{Buttons: buttons}},
		{"much text", &bot.Card{Parts: longParts, Buttons: buttons[:2], Note: "kept"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Card(tt.card)
			if len(m.Blocks) > MaxBlocks {
				t.Fatalf("%d blocks, limit %d", len(m.Blocks), MaxBlocks)
			}
			total := 0
			for _, b := range m.Blocks {
				switch b := b.(type) {
				case *slack.SectionBlock:
					if n := utf8.RuneCountInString(b.Text.Text); n > MaxSectionText {
						t.Errorf("section of %d characters", n)
					}
					total += utf8.RuneCountInString(b.Text.Text)
					if strings.Contains(b.Text.Text, "&am\n") || strings.HasSuffix(b.Text.Text, "&amp") {
						t.Errorf("split inside an escape: %q", b.Text.Text[len(b.Text.Text)-10:])
					}
				case *slack.HeaderBlock:
					if n := utf8.RuneCountInString(b.Text.Text); n > MaxHeaderText {
						t.Errorf("header of %d characters", n)
					}
				case *slack.ActionBlock:
					if len(b.Elements.ElementSet) > maxActions {
						t.Errorf("%d buttons in one block", len(b.Elements.ElementSet))
					}
				}
			}
			if total > MaxMessageText {
				t.Errorf("%d characters of section text, limit %d", total, MaxMessageText)
			}
			if len(tt.card.Buttons) > 0 && !slices.ContainsFunc(m.Blocks, func(b slack.Block) bool {
				_, ok := b.(*slack.ActionBlock)
				return ok
			}) {
				t.Error("the buttons were cut")
			}
		})
	}
}

func TestActionName(t *testing.T) {
	for in, want := range map[string]string{"jd:add#3": "jd:add", "cto-role:topic": "cto-role:topic", "a#b#2": "a#b"} {
		if got := ActionName(in); got != want {
			t.Errorf("ActionName(%q) = %q, want %q", in, got, want)
		}
	}
}
