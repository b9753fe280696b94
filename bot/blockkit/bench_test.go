package blockkit

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/hirebot/hirebot/bot"
)

// benchDraftCard is a live draft card as a team's draft grows: five
// sections of eight items, the buttons of the live message.
func benchDraftCard() *bot.Card {
	c := &bot.Card{Title: "Chief Technology Officer (infrastructure)",
		Intro: "Draft v42 · open · edited by <@U123> & 3 others", Note: "Edit with /jd add, /jd edit or the Edit button."}
	for _, h := range []string{"Summary", "Responsibilities", "Requirements", "Nice to have", "Benefits"} {
		p := bot.Part{Heading: h, Numbered: true, Button: &bot.Button{Label: "Add", Action: "jd:add", Value: strings.ToLower(h)}}
		for i := range 8 {
			p.Items = append(p.Items, fmt.Sprintf("Item %d of %s: runs a platform that serves millions of requests a day", i+1, h))
		}
		c.Parts = append(c.Parts, p)
	}
	c.Buttons = []bot.Button{{Label: "Edit", Action: "jd:edit", Style: "primary"}, {Label: "Check", Action: "jd:check"},
		{Label: "Export", Action: "jd:export"}, {Label: "Discard", Action: "jd:discard", Style: "danger",
			Confirm: &bot.Confirm{Title: "Discard?", Text: "This deletes the draft.", Yes: "Discard", No: "Keep"}}}
	return c
}

// BenchmarkCard renders a full live draft card to Block Kit blocks.
func BenchmarkCard(b *testing.B) {
	c := benchDraftCard()
	b.ReportAllocs()
	for b.Loop() {
		if m := Card(c); len(m.Blocks) == 0 {
			b.Fatal("no blocks")
		}
	}
}

// BenchmarkCardJSON renders the same card and marshals it as Slack gets
// it, which is most of the cost.
func BenchmarkCardJSON(b *testing.B) {
	c := benchDraftCard()
	b.ReportAllocs()
	var size int
	for b.Loop() {
		m := Card(c)
		out, err := json.Marshal(slack.Blocks{BlockSet: m.Blocks})
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes")
}

// BenchmarkModal renders the draft's Edit modal.
func BenchmarkModal(b *testing.B) {
	m := &bot.Modal{Callback: "jd:save", Title: "Edit the draft", Submit: "Save", Metadata: "v42"}
	for _, id := range []string{"title", "summary", "responsibilities", "requirements", "nice-to-have", "benefits"} {
		m.Inputs = append(m.Inputs, bot.Input{ID: id, Label: id, Multiline: true, MaxLength: 3000,
			Value: strings.Repeat("Runs a platform that serves millions of requests a day\n", 8)})
	}
	b.ReportAllocs()
	for b.Loop() {
		if v := Modal(m); len(v.Blocks.BlockSet) == 0 {
			b.Fatal("no blocks")
		}
	}
}
