package jd

import (
	"context"
	"fmt"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge/wording"
)

// findingsShown caps the findings one card lists (each takes a block).
const findingsShown = 20

// check runs the wording and structure check on the channel's draft.
func (h *Handler) check(ctx context.Context, req bot.Request) (bot.Reply, error) {
	d, err := h.cfg.Drafts.Draft(ctx, req.Session())
	if err != nil {
		return bot.Reply{}, h.missing(err)
	}
	r := wording.Check(Document(d), wording.Options{Ignore: d.Ignored})
	c := &bot.Card{Title: "Wording check: " + d.Heading(), Intro: r.Summary}
	if !d.HasTitle() {
		c.Intro = "1 more warning: the draft has no job title. " + c.Intro
		c.Parts = append(c.Parts, bot.Part{Heading: "Job title", Items: []string{fmt.Sprintf(
			"[title.missing] title — The draft has no job title, so its export is headed “%s” and candidates cannot tell the level or scope of the job. Fix: %s set title Chief Technology Officer (or the title you will post).",
			d.Heading(), h.cfg.Slash)}})
	}
	groups := map[string][]wording.Finding{}
	var order []string
	for _, f := range r.Findings {
		if _, ok := groups[f.Category]; !ok {
			order = append(order, f.Category)
		}
		groups[f.Category] = append(groups[f.Category], f)
	}
	titles := map[string]string{}
	for _, c := range wording.Categories() {
		titles[c.ID] = c.Title
	}
	shown := 0
	for _, cat := range order {
		var lines []string
		for _, f := range groups[cat] {
			if shown >= findingsShown {
				break
			}
			shown++
			line := fmt.Sprintf("[%s] %s", f.RuleID, f.Where)
			if f.Quote != "" {
				line += ": “" + f.Quote + "”"
			}
			line += " — " + f.Why
			if f.Fix != "" {
				line += " Fix: " + f.Fix
			}
			if f.Source != "" {
				line += " (Source: " + f.Source + ")"
			}
			lines = append(lines, line)
		}
		if len(lines) > 0 {
			heading := titles[cat]
			if heading == "" {
				heading = cat
			}
			c.Parts = append(c.Parts, bot.Part{Heading: heading, Items: lines})
		}
	}
	if shown < len(r.Findings) {
		c.Parts = append(c.Parts, bot.Part{Text: fmt.Sprintf("…and %d more. Export the draft and run hirebot check on it for the full list.", len(r.Findings)-shown)})
	}
	var notes []string
	if len(d.Ignored) > 0 {
		notes = append(notes, "Ignored for this draft: "+strings.Join(d.Ignored, ", ")+".")
	}
	notes = append(notes, fmt.Sprintf("Disagree with a finding? %s check ignore <rule-id>", h.cfg.Slash))
	c.Note = strings.Join(notes, " ")
	return bot.Reply{Card: c}, nil
}

// ignore adds a rule to the draft's ignore list.
func (h *Handler) ignore(ctx context.Context, req bot.Request, rule string) (bot.Reply, error) {
	if !wording.KnownRule(rule) {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "There is no check rule %q. Rule ids are shown in brackets by %s check.", rule, h.cfg.Slash)
	}
	return h.change(ctx, req, draft.Change{Op: draft.OpIgnore, Text: rule})
}

// Document turns a draft into what the wording check reads.
func Document(d *draft.Draft) wording.Document {
	doc := wording.Document{
		Title: d.Fields[draft.Title], Company: d.Fields[draft.Company], Location: d.Fields[draft.Location],
		Salary: d.Fields[draft.Salary], Summary: d.Fields[draft.Summary],
	}
	if t := d.Fields[draft.Team]; t != "" {
		doc.Sections = append(doc.Sections, wording.Section{Name: strings.ToLower(draft.Team.Label()), Items: []string{t}})
	}
	for _, sec := range draft.Sections {
		s := wording.Section{Name: string(sec)}
		for _, it := range d.Sections[sec] {
			s.Items = append(s.Items, it.Text)
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
