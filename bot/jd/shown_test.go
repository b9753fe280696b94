package jd

import (
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/knowledge"
)

// mustHandler returns a /jd handler over an embedded store.
func mustHandler(tb testing.TB) *Handler {
	tb.Helper()
	pack, err := knowledge.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	c, closeFn, err := sessions.OpenEmbedded()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(closeFn)
	store := sessions.New(c, sessions.Options{})
	return New(Config{Pack: pack, Drafts: func(r bot.Request) Drafts { return store.Scope(r.Session(), r.Claim, r.User) }, Slash: "/jd"})
}

// run sends one request to h in channel C1 and returns the reply and the
// user message of its error ("" for none).
func run(t *testing.T, h *Handler, req bot.Request) (bot.Reply, string) {
	t.Helper()
	req.Team, req.Channel, req.Command, req.At = "T1", "C1", "jd", time.Now()
	if req.User == "" {
		req.User = "UOWNER"
	}
	r, err := h.Handle(t.Context(), req)
	if err != nil && hirebot.MessageOf(err) == "" {
		t.Fatalf("%+v: internal error %v", req, err)
	}
	msg := hirebot.MessageOf(err)
	if msg == "" && r.Card != nil {
		msg = r.Card.Title + " " + r.Card.Intro
	}
	return r, msg
}

// TestControlsNameTheirDraft presses every /jd button, and saves the
// editor, shown for a draft that was discarded and replaced by another
// at the same version: each is refused, saying so, and the new draft is
// untouched; a value with no draft in it is refused as from an older
// hirebot.
func TestControlsNameTheirDraft(t *testing.T) {
	h := mustHandler(t)
	slash := func(text string) (bot.Reply, string) {
		return run(t, h, bot.Request{Source: bot.Slash, Text: text})
	}
	slash("start cto Head of Platform")
	r, _ := slash("discard")
	old := r.Card.Buttons[0].Value
	editor, _ := run(t, h, bot.Request{Source: bot.Press, Action: "edit", Value: old})
	if editor.Modal == nil {
		t.Fatal("Edit on the current draft opened no editor")
	}
	if _, msg := run(t, h, bot.Request{Source: bot.Press, Action: "discard", Value: old}); !strings.Contains(msg, "was discarded") {
		t.Fatalf("discard: %q", msg)
	}
	slash("start cio Chief Information Officer")
	values := map[string]string{"title": "Old CTO editor", "benefits": "Old benefit"}
	for _, tt := range []struct{ action, value, want string }{
		{"edit", old, "That Edit button was for an earlier draft of this channel, which was discarded; the editor was not opened"},
		{"suggest", old, "That Suggest button was for an earlier draft"},
		{"add-item", old + "|cto-resp-vision", "That Add button was for an earlier draft"},
		{"check", old, "That Check button was for an earlier draft"},
		{"export", old + "|text", "nothing was exported"},
		{"show", old, "nothing was posted"},
		{"history", old, "That History button was for an earlier draft"},
		{"discard", old, "That Discard button was for an earlier draft of this channel, which was discarded; nothing was discarded"},
		{"finalize", old, "That Finalize anyway button was for an earlier draft"},
		{"discard", "1", "That Discard button is from an older version of hirebot"},
		{"finalize", "2", "from an older version of hirebot, so nothing was finalized; please run the command again: /jd finalize"},
		{"export", "", "from an older version of hirebot"},
		{"add-item", "cto-resp-vision", "from an older version of hirebot"},
	} {
		if _, msg := run(t, h, bot.Request{Source: bot.Press, Action: tt.action, Value: tt.value}); !strings.Contains(msg, tt.want) {
			t.Errorf("press %s %q: %q, want %q", tt.action, tt.value, msg, tt.want)
		}
	}
	r, msg := run(t, h, bot.Request{Source: bot.Submit, Action: "save", Value: editor.Modal.Metadata, Values: values})
	if !strings.Contains(msg, "That editor was for an earlier draft") || r.Card == nil || !strings.Contains(cardText(r.Card), "Old benefit") {
		t.Errorf("save of an earlier draft's editor: %q %+v", msg, r.Card)
	}
	if _, msg := run(t, h, bot.Request{Source: bot.Submit, Action: "save", Value: "1", Values: values}); !strings.Contains(msg, "That editor is from an older version of hirebot") {
		t.Errorf("save of an old editor: %q", msg)
	}
	d, err := h.drafts(bot.Request{Team: "T1", Channel: "C1"}).Draft(t.Context())
	if err != nil || d.Role != "cio" || d.Version != 1 || d.Fields[draft.Title] != "Chief Information Officer" {
		t.Errorf("the new draft changed: %+v, %v", d, err)
	}
}

// cardText is every text of a card, joined.
func cardText(c *bot.Card) string {
	parts := []string{c.Title, c.Intro, c.Note}
	for _, p := range c.Parts {
		parts = append(parts, p.Heading, p.Text, strings.Join(p.Items, "\n"))
	}
	return strings.Join(parts, "\n")
}

// TestEditorRefusesInputsItLacks: a save carrying an input the editor
// does not have (a forged form) changes nothing.
func TestEditorRefusesInputsItLacks(t *testing.T) {
	h := mustHandler(t)
	run(t, h, bot.Request{Source: bot.Slash, Text: "start cto Head of Platform"})
	d, _ := h.drafts(bot.Request{Team: "T1", Channel: "C1"}).Draft(t.Context())
	for _, in := range []string{"owner", "requirements.99", "ignored", "pay"} {
		values := map[string]string{"title": "Forged", in: "x"}
		if _, msg := run(t, h, bot.Request{Source: bot.Submit, Action: "save", Value: showing(d, ""), Values: values}); !strings.Contains(msg, "carried an input it does not have") {
			t.Errorf("a save with %q: %q", in, msg)
		}
	}
	if now, _ := h.drafts(bot.Request{Team: "T1", Channel: "C1"}).Draft(t.Context()); now.Version != d.Version {
		t.Errorf("a forged save changed the draft: v%d → v%d", d.Version, now.Version)
	}
	if _, msg := run(t, h, bot.Request{Source: bot.Submit, Action: "save", Value: showing(d, ""), Values: map[string]string{"title": "Fine", "requirements.2": "A"}}); msg == "" || strings.Contains(msg, "carried") {
		t.Errorf("a save with a second requirements input: %q", msg)
	}
}
