package jd

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/internal/golden"
	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/wording"
)

// riskyDoc is a short draft with legal-risk wording, jargon and no pay.
func riskyDoc() wording.Document {
	return wording.Document{
		Title:    "Chief Technology Officer",
		Location: "London, hybrid",
		Summary:  "We want a rockstar who is a native English speaker. Must be under 40.",
		Sections: []wording.Section{{Name: wording.Requirements, Items: []string{"A ninja with a clean bill of health.", "Married with family preferred."}}},
	}
}

func TestCheckCardGolden(t *testing.T) {
	r := wording.Check(riskyDoc(), wording.Options{Ignore: []string{"structure"}})
	c := checkCard("Chief Technology Officer", []string{"structure"}, r, "/jd")
	if !strings.HasPrefix(c.Parts[0].Heading, "ERROR") {
		t.Errorf("first finding %q is not an error", c.Parts[0].Heading)
	}
	for _, p := range c.Parts {
		if p.Button == nil || p.Button.Action != "jd:why" || !wording.KnownRule(p.Button.Value) {
			t.Errorf("part %q has no Why? button naming its rule: %+v", p.Heading, p.Button)
		}
	}
	golden.MatchJSON(t, filepath.Join("testdata", "check-card.json"), blockkit.Card(c))
	rule, ok := wording.Default().Rule("age.explicit")
	if !ok {
		t.Fatal("no rule age.explicit")
	}
	golden.MatchJSON(t, filepath.Join("testdata", "why-card.json"), blockkit.Card(whyCard(rule)))
}

// TestCheckCardCapsFindings: a report with more findings than a card holds
// says how many are left out.
func TestCheckCardCapsFindings(t *testing.T) {
	var r wording.Report
	f := wording.Check(riskyDoc(), wording.Options{}).Findings[0]
	for range findingsShown + 3 {
		r.Findings = append(r.Findings, f)
	}
	c := checkCard("CTO", nil, r, "/jd")
	if len(c.Parts) != findingsShown+1 || !strings.Contains(c.Parts[findingsShown].Text, "3 more") {
		t.Errorf("%d parts, last %q; want %d findings and a note of 3 more", len(c.Parts), c.Parts[len(c.Parts)-1].Text, findingsShown)
	}
}

// TestCheckCardFitsInOneMessage: a card of the most findings it shows,
// with the longest reasons of the rule table, is not cut short by the
// renderer.
func TestCheckCardFitsInOneMessage(t *testing.T) {
	rules := wording.Rules()
	var r wording.Report
	for _, rule := range rules {
		r.Findings = append(r.Findings, wording.Finding{
			RuleID: rule.ID, Category: rule.Category, Severity: rule.Severity, Why: rule.Message, Fix: rule.Fix,
			Citation: rule.Citation(), Jurisdictions: rule.Jurisdictions(), Sources: rule.Sources,
			Quotes: []wording.Quote{{Text: "some quoted words", Where: "requirements #3"}, {Text: "more words", Where: "summary"}},
		})
	}
	slices.SortFunc(r.Findings, func(a, b wording.Finding) int { return len(b.Why) + len(b.Fix) - len(a.Why) - len(a.Fix) })
	r.Summary = "40 findings: 20 errors, 20 warnings. 700 words."
	msg := blockkit.Card(checkCard("Chief Technology Officer", nil, r, "/jd"))
	text, err := json.Marshal(msg)
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range []string{"left out", "cut short"} {
		if strings.Contains(string(text), cut) {
			t.Errorf("the check card was cut by the renderer (%q)", cut)
		}
	}
}

// TestUsageExamplesNameRealRules: the check example in /jd help ignores a
// rule that exists.
func TestUsageExamplesNameRealRules(t *testing.T) {
	for _, u := range Subcommands {
		if rule, ok := strings.CutPrefix(u.Example, "check ignore "); ok && !wording.KnownRule(strings.Fields(rule)[0]) {
			t.Errorf("example %q names no rule", u.Example)
		}
	}
}

// TestFreshDraftCardsGolden: a fresh draft's check lists pay and location
// as still to do, each with the command that sets it, and finalizing it
// asks first, naming both.
func TestFreshDraftCardsGolden(t *testing.T) {
	pack, h := embeddedHandler(t)
	cto, _ := pack.Role("cto")
	d := freshDraft(t, h, cto, knowledge.Kind{})
	r := wording.Check(Document(d), wording.Options{})
	c := checkCard(d.Heading(), nil, r, "/jd")
	if len(c.Parts) != 2 {
		t.Fatalf("a fresh draft's check has %d parts, want 2 (pay and location): %+v", len(c.Parts), c.Parts)
	}
	for _, p := range c.Parts {
		if !strings.HasPrefix(p.Heading, "TO DO") || !strings.Contains(p.Text, "Fix: /jd set ") {
			t.Errorf("part %q is not a to-do with the command that sets it: %q", p.Heading, p.Text)
		}
	}
	golden.MatchJSON(t, filepath.Join("testdata", "check-card-fresh.json"), blockkit.Card(c))

	fc := finalizeCard(d, r.Findings, nil, "/jd")
	if !strings.Contains(fc.Title, "no pay or location") {
		t.Errorf("finalize card title %q does not name what is missing", fc.Title)
	}
	golden.MatchJSON(t, filepath.Join("testdata", "finalize-card-fresh.json"), blockkit.Card(fc))
}

// TestEditorRefusalNamesItsInput: a refused editor save names the section
// or field it is about, through the handler's wording, so that Slack shows
// the reason beside that input and keeps what was typed.
func TestEditorRefusalNamesItsInput(t *testing.T) {
	_, h := embeddedHandler(t)
	req := bot.Request{Source: bot.Submit, Values: map[string]string{"title": "T", "benefits": "", "requirements": "x", "requirements.2": "y"}}
	for _, tt := range []struct {
		err   error
		field string
	}{
		{&draft.Error{Problem: draft.ProblemTooLong, Section: draft.Requirements, Size: 501, Limit: 500}, "requirements"},
		{&draft.Error{Problem: draft.ProblemTooLong, Field: draft.Title, Size: 201, Limit: 200}, "title"},
	} {
		err := h.word(editorField(tt.err))
		got, ok := bot.FormErrors(req, bot.ErrorReply(err, ""), err)
		if !ok || got[tt.field] == "" || len(got) != 1 {
			t.Errorf("FormErrors for %v = %v, %v; want the reason under %q", tt.err, got, ok, tt.field)
		}
	}
}

// TestDocumentNamesItemsByReference: a draft's items reach the check with
// their references, so findings say "R2", the name /jd edit and remove
// take, not a position that changes when items move.
func TestDocumentNamesItemsByReference(t *testing.T) {
	d := &draft.Draft{Fields: map[draft.Field]string{draft.Title: "CTO"}, Sections: map[draft.Section][]draft.Item{
		draft.Requirements: {{Text: "Leads teams well.", Ref: "R1"}, {Text: "Must be under 40.", Ref: "R7"}},
	}}
	r := wording.Check(Document(d), wording.Options{})
	var where []string
	for _, f := range r.Findings {
		if f.RuleID == "age.explicit" {
			for _, q := range f.Quotes {
				where = append(where, q.Where)
			}
		}
	}
	if !slices.Equal(where, []string{"R7"}) {
		t.Errorf("age.explicit quotes %v; want the item's reference R7", where)
	}
}
