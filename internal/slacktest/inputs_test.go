package slacktest_test

import (
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

// TestInputValidation checks that the fake refuses modal inputs Slack
// refuses: long labels, too many or too long options, long inputs.
func TestInputValidation(t *testing.T) {
	text := func(s string) *slack.TextBlockObject { return slack.NewTextBlockObject("plain_text", s, false, false) }
	radio := func(n int, label string) slack.BlockElement {
		el := slack.NewRadioButtonsBlockElement("r")
		for i := range n {
			el.Options = append(el.Options, slack.NewOptionBlockObject(strings.Repeat("v", i+1), text(label), nil))
		}
		return el
	}
	input := func(label string, el slack.BlockElement) slack.Block {
		return slack.NewInputBlock("b", text(label), nil, el)
	}
	for _, tt := range []struct {
		name  string
		block slack.Block
		ok    bool
	}{
		{"radio", input("Rating", radio(4, "1 · weak")), true},
		{"text", input("Note", slack.NewPlainTextInputBlockElement(nil, "n").WithMaxLength(3000)), true},
		{"long label", input(strings.Repeat("l", 2001), radio(4, "x")), false},
		{"eleven radios", input("Rating", radio(11, "x")), false},
		{"long option", input("Rating", radio(4, strings.Repeat("o", 76))), false},
		{"long input", input("Note", slack.NewPlainTextInputBlockElement(nil, "n").WithMaxLength(3001)), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, api, ctx, trigger := MustTrigger(t, "/interview", "")
			modal := slack.ModalViewRequest{Type: slack.VTModal, Title: text("Scorecard"),
				Blocks: slack.Blocks{BlockSet: []slack.Block{tt.block}}}
			_, err := api.OpenViewContext(ctx, trigger, modal)
			if tt.ok && err != nil {
				t.Errorf("views.open = %v, want it accepted", err)
			}
			if !tt.ok && (err == nil || err.Error() != "invalid_blocks") {
				t.Errorf("views.open = %v, want invalid_blocks", err)
			}
		})
	}
}
