package jd

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge/locale"
	"github.com/hirebot/hirebot/knowledge/wording"
)

// lawShown caps, in characters, what a finding says of the pay laws where
// the job is (the Why? button and hirebot check give it whole).
const lawShown = 900

// findingsShown caps the findings one card lists (each takes a block).
const findingsShown = 20

// check runs the wording and structure check on the channel's draft (the
// one want names, when set).
func (h *Handler) check(ctx context.Context, req bot.Request, want string) (bot.Reply, error) {
	d, err := h.open(ctx, req, want, "")
	if err != nil {
		return bot.Reply{}, err
	}
	r := wording.Check(Document(d), wording.Options{Ignore: d.Ignored})
	c := checkCard(d.Heading(), d.Ignored, r, h.cfg.Slash)
	localPay(c, d)
	if !d.HasTitle() {
		c.Intro = "1 more warning: the draft has no job title. " + c.Intro
		c.Parts = append([]bot.Part{missingTitle(d.Heading(), h.cfg.Slash)}, c.Parts...)
	}
	return bot.Reply{Card: c}, nil
}

// missingTitle is the check's finding for a draft without a job title: the
// wording check reads text that is there, so the handler, which knows the
// export's heading, reports the title that is not.
func missingTitle(heading, slash string) bot.Part {
	return bot.Part{
		Heading: strings.ToUpper(wording.Warning.String()) + "  title.missing",
		Text: fmt.Sprintf("The draft has no job title, so its export is headed “%s” and candidates cannot tell the level or scope of the job.\nFix: %s set title Chief Technology Officer (or the title you will post).",
			heading, slash),
	}
}

// checkCard shows a check report: the summary on top, then one part per
// finding (errors first), each with every quote, the first sentence of why,
// the fix, the short citation and a Why? button that shows the whole reason
// and the full sources. Keeping the parts short keeps twenty findings
// within what Slack shows in one message.
func checkCard(heading string, ignored []string, r wording.Report, slash string) *bot.Card {
	c := &bot.Card{Title: "Wording check: " + heading, Intro: r.Summary}
	for i, f := range r.Findings {
		if i == findingsShown {
			c.Parts = append(c.Parts, bot.Part{Text: fmt.Sprintf("…and %d more. Export the draft and run hirebot check on it for the full list.", len(r.Findings)-i)})
			break
		}
		c.Parts = append(c.Parts, findingPart(f, slash, true))
	}
	var notes []string
	if len(ignored) > 0 {
		notes = append(notes, "Ignored for this draft: "+strings.Join(ignored, ", ")+".")
	}
	notes = append(notes, fmt.Sprintf("Disagree with a finding? The owner or an admin can %s check ignore <rule-id> <reason>", slash))
	c.Note = strings.Join(notes, " ")
	return c
}

// findingPart shows one finding: its severity ("TO DO" for a fact the
// draft does not give yet) and rule, every quote, the first sentence of why
// (with full, the citation and a Why? button too) and the fix, which for a
// missing fact is the command that sets it.
func findingPart(f wording.Finding, slash string, full bool) bot.Part {
	sev := strings.ToUpper(f.Severity.String())
	if f.ToDo() {
		sev = "TO DO"
	}
	fix := f.Fix
	if f.Pending {
		if cmd, ok := factCommands[f.Category]; ok {
			fix = slash + " " + cmd
		}
	}
	p := bot.Part{Heading: sev + "  " + f.RuleID}
	law := ""
	if f.Law != "" {
		law = "\n" + draft.Clip(f.Law, lawShown)
	}
	if !full {
		p.Text = f.Quoted() + law + "\nFix: " + fix
		return p
	}
	p.Text = f.Quoted() + "\n" + firstSentence(f.Why) + law + "\nFix: " + fix + "\nSource: " + f.Cite()
	p.Button = &bot.Button{Label: "Why?", Action: "jd:why", Value: f.RuleID}
	return p
}

// factCommands are the /jd commands that set the facts a pending finding
// asks for, by the finding's category.
var factCommands = map[string]string{
	"salary":   "set salary <range>, with currency and period, e.g. " + payExample,
	"location": "set location <place and arrangement>, e.g. Berlin, hybrid (2 days a week in the office)",
}

// localPay writes the pay example of a card's parts in the currency of
// the draft's locale ("$230,000–$270,000 a year" for us, "£150,000–
// £180,000 a year" for uk), and as a rate for a fractional or interim
// draft.
func localPay(c *bot.Card, d *draft.Draft) {
	l, ok := locale.Get(d.LocaleCode())
	if !ok {
		return
	}
	low, high, per := int64(180_000), int64(220_000), locale.Year
	if d.Contract() {
		low, high, per = 1_200, 1_500, locale.Day
	}
	example, err := l.Currency.Range(low, high, per)
	if err != nil {
		return
	}
	for i := range c.Parts {
		c.Parts[i].Text = strings.Replace(c.Parts[i].Text, payExample, example, 1)
	}
}

// payExample is the example in factCommands' salary command.
const payExample = "€180,000–€220,000 a year"

// factName names the fact a pending finding asks for, for a sentence.
func factName(f wording.Finding) string {
	if f.Category == "salary" {
		return "pay"
	}
	return f.Category
}

// firstSentence returns the first sentence of text.
func firstSentence(text string) string {
	if i := strings.Index(text, ". "); i >= 0 {
		return text[:i+1]
	}
	return text
}

// why answers a finding's Why? button: the rule's reason, the places whose
// law it rests on and each source in full.
func (h *Handler) why(ruleID string) (bot.Reply, error) {
	r, ok := wording.Default().Rule(ruleID)
	if !ok {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "There is no check rule %q any more; run %s check again.", ruleID, h.cfg.Slash)
	}
	return bot.Reply{Card: whyCard(r)}, nil
}

// whyCard explains one rule with its full sources.
func whyCard(r wording.Rule) *bot.Card {
	c := &bot.Card{Title: "Why " + r.ID + "?", Intro: r.Message + " Fix: " + r.Fix}
	if js := r.Jurisdictions(); len(js) > 0 {
		c.Intro += " Rests on the law of: " + strings.Join(js, ", ") + "."
	}
	for _, s := range r.Sources {
		heading := s.Cite
		if s.Jurisdiction != "" {
			heading += " (" + s.Jurisdiction + ")"
		}
		c.Parts = append(c.Parts, bot.Part{Heading: heading, Text: s.Full})
	}
	return c
}

// Document turns a draft into what the wording check reads.
func Document(d *draft.Draft) wording.Document {
	doc := wording.Document{
		Title: d.Fields[draft.Title], Company: d.Fields[draft.Company], Location: d.Fields[draft.Location],
		Salary: d.Fields[draft.Salary], Summary: d.Fields[draft.Summary], Draft: d.Status != draft.Final,
		Engagement: string(d.Engagement()), Locale: string(d.LocaleCode()),
	}
	doc.CompanySize, _ = strconv.Atoi(d.Fields[draft.CompanySize])
	if s := d.Scope(); s != "" {
		doc.Sections = append(doc.Sections, wording.Section{Name: strings.ToLower(draft.ScopeHeading), Items: []string{s}})
	}
	for _, sec := range draft.Sections {
		s := wording.Section{Name: string(sec)}
		for _, it := range d.Sections[sec] {
			s.Items = append(s.Items, it.Text)
			s.Refs = append(s.Refs, it.Ref)
		}
		doc.Sections = append(doc.Sections, s)
	}
	if terms := d.Terms(); len(terms) > 0 {
		s := wording.Section{Name: strings.ToLower(draft.TermsHeading)}
		for _, t := range terms {
			s.Items = append(s.Items, t.Label+": "+t.Text)
		}
		doc.Sections = append(doc.Sections, s)
	}
	// The closing paragraphs are checked like any other text of the ad,
	// each as one item of a section named as the export heads it.
	for _, f := range []draft.Field{draft.Process, draft.EEO} {
		if t := d.Fields[f]; t != "" {
			doc.Sections = append(doc.Sections, wording.Section{Name: strings.ToLower(f.Label()), Items: []string{t}})
		}
	}
	return doc
}
