package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/internal/slacktest"
)

// mustUpload waits for a file uploaded to channel after the files in
// before, and returns it.
func mustUpload(tb testing.TB, fake *slacktest.Server, channel string, before map[string]bool) slacktest.File {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	f, err := fake.WaitFile(ctx, func(f slacktest.File) bool { return f.Channel == channel && !before[f.ID] })
	if err != nil {
		tb.Fatalf("no file uploaded to %s: %v", channel, err)
	}
	before[f.ID] = true
	return f
}

// TestPostableDraftOverSocketMode drives a draft from start to a posted
// export: titles and articles, kind typos, the answer to a second start,
// suggestions for every section, exports in each format with and without
// the draft footer, the missing-title finding and the discard follow-up.
func TestPostableDraftOverSocketMode(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	MustStartBot(t, fake, cfg)
	const ch = "CPD1"
	files := map[string]bool{}
	jd := func(text string, want ...string) slacktest.Message {
		t.Helper()
		return MustCommand(t, fake, ch, "U1", "/jd", text, want...)
	}

	jd("start cto techincal-leader", "has no kind", "did you mean", "technical-leader")
	jd("start cto interim Interim CTO", "Started a draft for an Interim CTO")
	// interim is the engagement: terms, not employee benefits (issue 27).
	liveMessage(t, fake, ch, "We are hiring an Interim CTO.", "How we hire", "Equal opportunity", "Benefits (4)", "Terms of the engagement")

	m := jd("start cio", "This channel already has a draft", "“Interim CTO” (CTO, version 1)", "/jd start cio")
	if strings.Contains(MessageText(m), "Someone changed it first") {
		t.Error("a second start is reported as a conflicting edit")
	}

	jd("set company Acme & <Sons>", "and rewrote the summary to match")
	liveMessage(t, fake, ch, "Acme &amp; &lt;Sons&gt; is hiring an Interim CTO.")

	m = jd("suggest", "From the CTO checklists, not in the draft yet: responsibilities, requirements, nice-to-have, benefits.")
	if got := len(buttonValues(t, m, "jd:add-item")); got == 0 || got > 15 {
		t.Errorf("/jd suggest offers %d items; want 1 to 15", got)
	}
	jd("suggest nice-to-have", "Or write your own: /jd add nice-to-have …")
	m = jd("suggest benefits", "A yearly budget for training", "Or write your own: /jd add benefits …")
	if strings.Contains(MessageText(m), "Private health insurance") {
		t.Error("an interim draft is offered an employee benefit")
	}

	// The interim terms say how the work is arranged (five days a week, on
	// site at least two), so only the pay is still to do.
	jd("finalize", "Finalize with no pay?", "TO DO  salary.missing", "Finalize anyway")
	jd("set location Remote (UK time zones)", "Set the location")
	jd("set salary £150,000–£180,000 a year", "Set the salary")
	jd("finalize", "Finalized")
	jd("export", "Uploaded interim-cto.md (the final version)")
	if f := mustUpload(t, fake, ch, files); strings.Contains(string(f.Content), "version") || !strings.HasPrefix(string(f.Content), "# Interim CTO\n") {
		t.Errorf("the final Markdown export:\n%s", f.Content)
	}
	jd("export html", "Uploaded interim-cto.html")
	f := mustUpload(t, fake, ch, files)
	for _, want := range []string{"<h1>Interim CTO</h1>", "Acme &amp; &lt;Sons&gt; is hiring", "<h2>Equal opportunity</h2>"} {
		if !strings.Contains(string(f.Content), want) {
			t.Errorf("the HTML export lacks %q:\n%s", want, f.Content)
		}
	}
	jd("export text", "Uploaded interim-cto.txt")
	if f := mustUpload(t, fake, ch, files); strings.Contains(string(f.Content), "===") || !strings.Contains(string(f.Content), "\nBenefits\n\n- ") {
		t.Errorf("the text export is not plain:\n%s", f.Content)
	}

	jd("reopen", "Reopened")
	jd("set title clear", "Cleared the title")
	jd("check", "the draft has no job title", "WARNING  title.missing")
	jd("export", "not final yet", "The draft has no job title, so the file is headed “CTO”")
	if f := mustUpload(t, fake, ch, files); !strings.HasPrefix(string(f.Content), "# CTO\n") || !strings.Contains(string(f.Content), "_Draft, not final (version") {
		t.Errorf("the export of an untitled draft:\n%s", f.Content)
	}

	const cio = "CPD2"
	MustCommand(t, fake, cio, "U1", "/jd", "start cio", "Started a draft for a Chief Information Officer")
	confirm := MustCommand(t, fake, cio, "U1", "/jd", "discard", "Discard the draft?")
	MustPress(t, fake, slacktest.Action{Channel: cio, User: "U1", ActionID: "jd:discard#0", Value: buttonValues(t, confirm, "jd:discard")[0]})
	MustWaitMessage(t, fake, cio, "The CIO draft “Chief Information Officer” (version ", "was discarded; the channel's interview kit is kept. Start a new one with /jd start cio.")
	MustNoViolations(t, fake)
}
