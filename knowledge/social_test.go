package knowledge

import "testing"

func TestSocialOf(t *testing.T) {
	tests := []struct {
		text string
		want Social
	}{
		{"thanks!", Thanks},
		{"Thank you so much", Thanks},
		{"thanks for the info", Thanks},
		{"ok, thanks", Thanks},
		{"hi", Greeting},
		{"Hello there hirebot", Greeting},
		{"good morning all", Greeting},
		{"hi, thanks", Thanks},
		{"bye", Goodbye},
		{"see you later", Goodbye},
		{"ok got it", Nod},
		{"great", NotSocial}, // filler alone; also a topic name
		{"good", NotSocial},
		{"hi, what is a cto", NotSocial},
		{"thanks, and who owns the IT budget", NotSocial},
		{"", NotSocial},
		// Emoji set the tone; a few carry it.
		{"hey there 👋", Greeting},
		{"thanks 🙏", Thanks},
		{"👍", Nod},
		{"ok 🚀", Nod},
		{"🚀", NotSocial},
		{"what does a cto do 👋", NotSocial},
	}
	for _, tt := range tests {
		if got := socialOf(argWords(tt.text)); got != tt.want {
			t.Errorf("socialOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
