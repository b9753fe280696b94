package jd

import (
	"fmt"
	"strings"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
)

// liveCard renders a draft as the channel's live message: everything in
// it, numbered, with the buttons that act on it.
func liveCard(d *draft.Draft, slash string) *bot.Card {
	c := &bot.Card{Title: d.Heading()}
	if !d.HasTitle() {
		c.Title += " (no job title yet)"
	}
	var facts []string
	for _, f := range d.Facts() {
		facts = append(facts, f[0]+": "+f[1])
	}
	if len(facts) > 0 {
		c.Intro = strings.Join(facts, "  ·  ")
	}
	if s := d.Fields[draft.Summary]; s != "" {
		c.Parts = append(c.Parts, bot.Part{Text: s})
	}
	if s := d.Scope(); s != "" {
		c.Parts = append(c.Parts, bot.Part{Heading: draft.ScopeHeading, Text: s})
	}
	for _, sec := range draft.Sections {
		items := d.Sections[sec]
		p := bot.Part{Heading: fmt.Sprintf("%s (%d)", sec.Label(), len(items)), Numbered: true}
		for _, it := range items {
			p.Items = append(p.Items, it.Ref+" · "+it.Text)
		}
		if len(items) == 0 {
			p.Text = fmt.Sprintf("Nothing yet: %s add %s …", slash, sec)
		}
		c.Parts = append(c.Parts, p)
	}
	if terms := d.Terms(); len(terms) > 0 {
		p := bot.Part{Heading: draft.TermsHeading}
		for _, t := range terms {
			p.Items = append(p.Items, t.Label+": "+t.Text)
		}
		p.Text = fmt.Sprintf("%s set days …, %s set length … and %s set rate … change them.", slash, slash, slash)
		c.Parts = append(c.Parts, p)
	}
	for _, f := range []draft.Field{draft.Process, draft.EEO} {
		p := bot.Part{Heading: f.Label(), Text: d.Fields[f]}
		if p.Text == "" {
			p.Text = fmt.Sprintf("Nothing yet: %s set %s …", slash, f)
		}
		c.Parts = append(c.Parts, p)
	}
	status := "open for edits by anyone in the channel"
	this := showing(d, "") // every button names this draft at this version
	if d.Status == draft.Final {
		status = "final: the owner or an admin can reopen it"
	} else {
		c.Buttons = append(c.Buttons, bot.Button{Label: "Edit", Action: "jd:edit", Value: this, Style: "primary"})
		c.Buttons = append(c.Buttons, bot.Button{Label: "Suggest", Action: "jd:suggest", Value: this})
	}
	c.Buttons = append(c.Buttons,
		bot.Button{Label: "Check", Action: "jd:check", Value: this},
		bot.Button{Label: "Export", Action: "jd:export", Value: this},
		bot.Button{Label: "History", Action: "jd:history", Value: this})
	note := fmt.Sprintf("Version %d · owner @%s", d.Version, d.Owner)
	if d.Kind != "" {
		note += " · kind " + d.Kind
	}
	switch code, from := d.LocaleFrom(); from {
	case draft.LocaleLocation:
		note += " · locale " + string(code) + " (from the location)"
	default:
		note += " · locale " + string(code)
	}
	if a := approvals(d); a != "" {
		note += " · " + a
	}
	c.Note = fmt.Sprintf("%s · %s · items by reference, e.g. %s edit R1 <text> · %s help", note, status, slash, slash)
	return c
}

// refLetters lists the reference letter of each section, e.g. "D… responsibilities".
func refLetters() string {
	var out []string
	for _, sec := range draft.Sections {
		out = append(out, sec.Letter()+"… "+string(sec))
	}
	return list(out)
}

// rolesAndKinds lists the roles /jd start takes, each with its kinds if it
// has some: "cto (kinds technical-leader, operational, infrastructure), cio".
func (h *Handler) rolesAndKinds() string {
	var out []string
	for _, r := range h.cfg.Pack.Roles {
		s := r.ID
		if len(h.cfg.Pack.RoleKinds(r.ID)) > 0 {
			s += " (kinds " + h.kindIDs(r.ID) + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

// help renders the /jd help card from the subcommand table.
func (h *Handler) help() *bot.Card {
	c := &bot.Card{Title: "Drafting a job description with " + h.cfg.Slash,
		Intro: "One draft per channel. Anyone here can edit it; the live message in the channel always shows the latest version."}
	var lines []string
	for _, u := range h.subcommands {
		line := h.cfg.Slash + " " + u.Name
		if u.Args != "" {
			line += " " + u.Args
		}
		summary := u.Summary
		if u.Name == "start" && h.cfg.Pack != nil {
			summary += "; roles: " + h.rolesAndKinds()
		}
		lines = append(lines, line+" — "+summary)
	}
	c.Parts = append(c.Parts, bot.Part{Items: lines})
	var ex []string
	for _, u := range h.subcommands {
		if u.Example != "" {
			ex = append(ex, h.cfg.Slash+" "+u.Example)
		}
	}
	if len(ex) > 0 {
		c.Parts = append(c.Parts, bot.Part{Heading: "Examples", Items: ex[:min(len(ex), 6)]})
	}
	c.Note = "Sections: " + list(draft.SectionNames()) + ". Fields: " + list(draft.FieldNames()) +
		". Items have references that never change (" + refLetters() + "); a bare number works while nobody has renumbered that section since you last looked." +
		" Undo reverts your own newest change. Finalize, reopen, discard, owner and check ignore are for the draft's owner and admins."
	return c
}
