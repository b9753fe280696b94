package slacktest_test

import (
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

// TestViewLimits checks the fake refuses views Slack refuses: a
// plain_text_input whose initial_value or max_length passes 3,000
// characters, and more than 100 blocks; and accepts one at the limits.
func TestViewLimits(t *testing.T) {
	fake, api, ctx, trigger := MustTrigger(t, "/jd", "edit")
	input := func(id, value string, maxLength int) slack.Block {
		el := slack.NewPlainTextInputBlockElement(nil, "v").WithMultiline(true)
		if value != "" {
			el = el.WithInitialValue(value)
		}
		if maxLength > 0 {
			el = el.WithMaxLength(maxLength)
		}
		return slack.NewInputBlock(id, slack.NewTextBlockObject("plain_text", "Items", false, false), nil, el)
	}
	modal := func(blocks ...slack.Block) slack.ModalViewRequest {
		return slack.ModalViewRequest{Type: slack.VTModal, CallbackID: "jd:save",
			Title:  slack.NewTextBlockObject("plain_text", "Edit", false, false),
			Blocks: slack.Blocks{BlockSet: blocks}}
	}
	many := func(n int) []slack.Block {
		out := make([]slack.Block, n)
		for i := range out {
			out[i] = input("b"+strings.Repeat("x", i%7)+string(rune('A'+i%26))+string(rune('a'+i/26)), "x", 0)
		}
		return out
	}
	refused := map[string]slack.ModalViewRequest{
		"initial_value of 3,001 characters": modal(input("a", strings.Repeat("é", 3001), 0)),
		"max_length over 3,000":             modal(input("a", "x", 3001)),
		"initial_value over its max_length": modal(input("a", "abc", 2)),
		"101 blocks":                        modal(many(101)...),
	}
	for name, v := range refused {
		if _, err := api.OpenViewContext(ctx, trigger, v); err == nil || !strings.Contains(err.Error(), "invalid_blocks") {
			t.Errorf("%s: views.open err = %v, want invalid_blocks", name, err)
		}
	}
	if n := len(fake.Violations()); n != len(refused) {
		t.Errorf("%d violations recorded, want %d: %q", n, len(refused), fake.Violations())
	}
	// At the limits the view opens.
	ok := append(many(99), input("last", strings.Repeat("é", 3000), 3000))
	if _, err := api.OpenViewContext(ctx, trigger, modal(ok...)); err != nil {
		t.Fatalf("a view at the limits: %v", err)
	}
}
