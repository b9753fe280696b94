package socket

import (
	"strings"
	"testing"
)

func TestFromSlack(t *testing.T) {
	tests := []struct{ in, want string }{
		{"start cto", "start cto"},
		{"set company Acme &amp; &lt;Sons&gt;", "set company Acme & <Sons>"},
		{"set salary &amp;lt; is literal", "set salary &lt; is literal"},
		{"owner <@U123ABC|dana>", "owner <@U123ABC|dana>"},
		{"owner <@U123ABC>", "owner <@U123ABC>"},
		{"add benefits see <https://acme.example/benefits|acme.example/benefits>", "add benefits see acme.example/benefits"},
		{"add benefits see <https://acme.example/benefits>", "add benefits see https://acme.example/benefits"},
		{"add requirements mail <mailto:jobs@acme.example|jobs@acme.example>", "add requirements mail jobs@acme.example"},
		{"add benefits <#C024BE7LR|general> channel", "add benefits #general channel"},
		{"add benefits <#C024BE7LR> channel", "add benefits #C024BE7LR channel"},
		{"hello <!here> and <!channel>", "hello @here and @channel"},
		{"ask <!subteam^S123|@leads>", "ask @leads"},
		{"a < b", "a < b"}, // not as Slack sends it, but nothing is lost
		{"", ""},
	}
	for _, tt := range tests {
		if got := fromSlack(tt.in); got != tt.want {
			t.Errorf("fromSlack(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzFromSlack: whatever a person types, Slack's escaping of it decodes
// back to exactly what they typed.
func FuzzFromSlack(f *testing.F) {
	for _, s := range []string{"Acme & <Sons>", "&amp;", "&lt;@U1&gt;", "<https://x|y>", "a&b<c>d", "€180k–€220k", ""} {
		f.Add(s)
	}
	escape := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	f.Fuzz(func(t *testing.T, typed string) {
		if got := fromSlack(escape.Replace(typed)); got != typed {
			t.Errorf("fromSlack(escape(%q)) = %q", typed, got)
		}
	})
}
