package jd

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/internal/golden"
	"github.com/hirebot/hirebot/knowledge/wording"
)

// mustDraft returns a small draft with a few changes, an owner hand-over
// and an approval, so its card shows references, owner and approvals.
func mustDraft(tb testing.TB) *draft.Draft {
	tb.Helper()
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	d, _, err := draft.New(draft.Start{Role: "cto", Kind: "infrastructure", Title: "Head of Platform", Owner: "U1", At: at,
		Template: draft.Content{Sections: map[draft.Section][]draft.Item{
			draft.Requirements: {{Text: "Ran a 24/7 platform"}, {Text: "A rockstar who <!here> ships"}, {Text: "Led 20 engineers"}},
			draft.Benefits:     {{Text: "Equity"}},
		}}})
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range []draft.Change{
		{Op: draft.OpRemove, Ref: "R2", By: "U2"},
		{Op: draft.OpAdd, Section: draft.Requirements, Text: "Has hired senior engineers", By: "U3"},
		{Op: draft.OpApprove, By: "UCEO"},
		{Op: draft.OpOwner, Text: "U2", By: "U1"},
	} {
		c.At = at
		if _, err := d.Apply(c); err != nil {
			tb.Fatal(err)
		}
	}
	return d
}

func TestLiveCardGolden(t *testing.T) {
	c := liveCard(mustDraft(t), "/jd")
	var text string
	for _, p := range c.Parts {
		if strings.HasPrefix(p.Heading, "Requirements") {
			text = strings.Join(p.Items, "\n")
		}
	}
	for _, want := range []string{"R1 · Ran a 24/7 platform", "R3 · Led 20 engineers", "R4 · Has hired senior engineers"} {
		if !strings.Contains(text, want) {
			t.Errorf("requirements lack %q:\n%s", want, text)
		}
	}
	if !strings.Contains(c.Note, "owner @U2") || !strings.Contains(c.Note, "Approved by @UCEO (v3)") {
		t.Errorf("note = %q", c.Note)
	}
	golden.MatchJSON(t, filepath.Join("testdata", "live-card.json"), blockkit.Card(c))
}

func TestConfirmCardsGolden(t *testing.T) {
	d := mustDraft(t)
	c := discardCard(d)
	if s, ok := parseShown(c.Buttons[0].Value); !ok || s.Draft != d.ID || s.Version != d.Version || !strings.Contains(c.Intro, "interview kit stays") {
		t.Errorf("discard asks without its draft, its version or the kit: %+v", c)
	}
	golden.MatchJSON(t, filepath.Join("testdata", "discard-card.json"), blockkit.Card(c))

	if _, err := d.Apply(draft.Change{Op: draft.OpAdd, Section: draft.Requirements, Text: "Applicants within an age limit of 45", By: "U2"}); err != nil {
		t.Fatal(err)
	}
	var errs []wording.Finding
	for _, f := range wording.Check(Document(d), wording.Options{}).Findings {
		if f.Severity == wording.Error {
			errs = append(errs, f)
		}
	}
	if len(errs) == 0 {
		t.Fatal("no error findings to confirm")
	}
	fc := finalizeCard(d, errs, d.StaleApprovals(), "/jd")
	if !strings.Contains(fc.Title, "1 approval of an earlier version") || !strings.Contains(cardText(fc), "@UCEO approved version 3") {
		t.Errorf("finalize does not name the approval of an earlier version: %q", fc.Title)
	}
	if b := fc.Buttons[0]; b.Value != showing(d, "") || b.Action != "jd:finalize" {
		t.Errorf("finalize asks without its draft and version: %+v", b)
	}
	golden.MatchJSON(t, filepath.Join("testdata", "finalize-card.json"), blockkit.Card(fc))
}

func TestEditorFitsSlackLimits(t *testing.T) {
	for _, n := range []int{0, 1, 5, 6, draft.MaxItems} {
		items := make([]draft.Item, n)
		for i := range items {
			items[i] = draft.Item{Text: fmt.Sprintf("%02d ", i) + strings.Repeat("é", draft.MaxItemRunes-3)}
		}
		inputs := sectionInputs(draft.Requirements, items)
		values := map[string]string{}
		for _, in := range inputs {
			if r := utf8.RuneCountInString(in.Value); r > blockkit.MaxInputText || in.MaxLength > blockkit.MaxInputText {
				t.Fatalf("%d items: input %s holds %d characters, max_length %d", n, in.ID, r, in.MaxLength)
			}
			values[in.ID] = in.Value
		}
		var lines []string
		for _, l := range strings.Split(sectionText(draft.Requirements, values), "\n") {
			if l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) != n {
			t.Fatalf("%d items come back as %d lines", n, len(lines))
		}
		for i, l := range lines {
			if l != items[i].Text {
				t.Fatalf("%d items: line %d = %q", n, i, l)
			}
		}
		if 1+len(draft.Fields)+len(draft.Sections)*len(inputs) > blockkit.MaxModalBlocks {
			t.Fatalf("%d items a section need %d inputs each: over %d blocks", n, len(inputs), blockkit.MaxModalBlocks)
		}
	}
}

func TestEditorModalGolden(t *testing.T) {
	d := mustDraft(t)
	items := d.Sections[draft.Requirements]
	for i := range 8 {
		items = append(items, draft.Item{Text: fmt.Sprintf("Item %d ", i) + strings.Repeat("x", 480), Ref: fmt.Sprintf("R%d", 10+i)})
	}
	m := &bot.Modal{Callback: "jd:save", Title: "Edit job description"}
	m.Inputs = sectionInputs(draft.Requirements, items)
	golden.MatchJSON(t, filepath.Join("testdata", "editor-modal.json"), blockkit.Modal(m))
}
