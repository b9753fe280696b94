package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/knowledge"
)

// TestShellScorecard fills a scorecard in the shell: the modal is a form
// filled line by line; :submit early is refused for what is missing and
// the form asks again (here it is dropped), a full form is saved, and the debrief is blind to another user until
// they score.
func TestShellScorecard(t *testing.T) {
	pack, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cto, _ := pack.Role(knowledge.DefaultRole)
	lines := []string{
		"/interview candidate add Ada Lovelace",
		"/interview scorecard ada lovelace",
		"4", "A clear shell note", ":submit", // stops early: refused, and asked again
		":cancel",
		"/interview scorecard Ada Lovelace",
	}
	for i := range cto.Competency {
		if i == 0 {
			lines = append(lines, "9", "4", "A clear shell note") // 9 is no choice: asked again
			continue
		}
		lines = append(lines, "", "3", "") // empty: asked again (required), then a rating, no note
	}
	lines = append(lines, "strong-yes",
		"/interview debrief Ada Lovelace",
		":user bob",
		"/interview debrief Ada Lovelace",
		"/interview scorecard Ada Lovelace", ":cancel",
	)
	var out, errb bytes.Buffer
	in := strings.NewReader(strings.Join(lines, "\n") + "\n")
	if code := run(context.Background(), []string{"shell"}, in, &out, &errb); code != 0 {
		t.Fatalf("shell exited %d: %s", code, errb.String())
	}
	s := out.String()
	for _, want := range []string{
		"Added Ada Lovelace",
		"== Scorecard (a form", "(required)", " 1) 1 · ", "4) Strong yes",
		"Scorecard: not sent. Everything you typed is kept", "! Rate every competency", "Nothing was saved",
		"pick 1–5", "required: type a value",
		"Your scorecard for Ada Lovelace is saved",
		"[posted in #general]", "Ada Lovelace: 1 of 1 scorecard in.",
		"Debrief: Ada Lovelace", "A clear shell note", "Strong yes: 1",
		"you are now @bob", "Ratings and notes stay hidden",
		"form dropped; nothing was sent",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("shell output lacks %q:\n%s", want, s)
		}
	}
	// Piped input is not echoed: the note shows in your debrief only, not
	// in bob's, who has not scored.
	if n := strings.Count(s, "A clear shell note"); n != 1 {
		t.Errorf("the note shows %d times, want once", n)
	}
}
