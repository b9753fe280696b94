package shell

import (
	"testing"

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
