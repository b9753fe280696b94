package jd

import (
	"context"
	"strconv"
	"strings"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
)

// Subcommand is one entry of the /jd table: its usage (help is generated
// from it), how its arguments parse, how they print back, and what it does.
type Subcommand struct {
	Usage
	// parse reads the subcommand's arguments into p.a; nil means it takes
	// none.
	parse func(p *parser) error
	// args returns the arguments of a as canonical text, words in order
	// ("" words are left out); nil means it takes none.
	args func(a Args) []string
	// run carries out the parsed command.
	run func(h *Handler, ctx context.Context, req bot.Request, a Args) (bot.Reply, error)
}

// Subcommands lists every /jd subcommand in the order help shows them.
var Subcommands = []Subcommand{
	{Usage: Usage{"start", "<role> [kind] [full-time|fractional|interim] [title…]", "Start this channel's draft from the template for a role; a fractional or interim one states days a week, length and rate instead of employee benefits", "start cto fractional"},
		parse: (*parser).start,
		args:  func(a Args) []string { return []string{a.Role, a.Kind, a.EngagementWord, a.Title} },
		run:   (*Handler).start},
	{Usage: Usage{"show", "", "Show the draft", "show"},
		run: (*Handler).show},
	{Usage: Usage{"add", "<section> <text>", "Add an item to the end of a section", "add requirements Ten years building web products"},
		parse: func(p *parser) error { return p.all(p.section, p.text) },
		args:  func(a Args) []string { return []string{string(a.Section), a.Text} },
		run:   changeWith(func(a Args) draft.Change { return draft.Change{Op: draft.OpAdd, Section: a.Section, Text: a.Text} })},
	{Usage: Usage{"remove", "[section] <ref|n>", "Remove an item, named by its reference (R7) or its number in a section", "remove R2"},
		parse: func(p *parser) error { return p.all(p.target, p.end) },
		args:  func(a Args) []string { return itemArgs(a) },
		run:   changeWith(func(a Args) draft.Change { return itemChange(draft.OpRemove, a) })},
	{Usage: Usage{"edit", "[section] <ref|n> <text>", "Rewrite an item", "edit B1 Equity and a yearly bonus"},
		parse: func(p *parser) error { return p.all(p.target, p.text) },
		args:  func(a Args) []string { return append(itemArgs(a), a.Text) },
		run: changeWith(func(a Args) draft.Change {
			c := itemChange(draft.OpEdit, a)
			c.Text = a.Text
			return c
		})},
	{Usage: Usage{"set", "<field> <text> | kind <kind>", "Set the title, company, location, salary (or rate), summary, process (how we hire) or eeo (equal-opportunity statement); the scope: team, budget, reports-to; locale us|uk|eu|ca (benefits, statement, spelling); company-size (for pay laws' thresholds); engagement full-time|fractional|interim, and for a fractional or interim one days (a week) and length — `clear` empties it — or the kind of role", "set salary €180k–€220k"},
		parse: (*parser).set,
		args: func(a Args) []string {
			switch {
			case a.SetKind:
				return []string{"kind", a.Kind}
			case a.Text == "":
				return []string{string(a.Field), "clear"}
			}
			return []string{string(a.Field), a.Text}
		},
		run: func(h *Handler, ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
			if a.SetKind {
				return h.setKind(ctx, req, a.Kind)
			}
			switch {
			case a.Field == draft.Title:
				a.Text = typedTitle(a.Text)
			case a.Field.Setting():
				return h.setSetting(ctx, req, a.Field, a.Text)
			}
			return h.change(ctx, req, draft.Change{Op: draft.OpSet, Field: a.Field, Text: a.Text})
		}},
	{Usage: Usage{"move", "[section] <ref|n> <to>", "Move an item to position to of its section", "move responsibilities 3 1"},
		parse: func(p *parser) error {
			return p.all(p.target, p.skip("to"), p.number(&p.a.To), p.end)
		},
		args: func(a Args) []string { return append(itemArgs(a), strconv.Itoa(a.To)) },
		run: changeWith(func(a Args) draft.Change {
			c := itemChange(draft.OpMove, a)
			c.To = a.To
			return c
		})},
	{Usage: Usage{"suggest", "[section]", "List checklist items not yet in the draft, each with an Add button", "suggest requirements"},
		parse: (*parser).suggest,
		args:  func(a Args) []string { return []string{string(a.Section)} },
		run: func(h *Handler, ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
			return h.suggest(ctx, req, a.Section, "")
		}},
	{Usage: Usage{"check", "[ignore <rule-id> [reason…] | unignore <rule-id>]", "Check the wording; the owner and admins may ignore a rule for this draft, saying why", "check ignore jargon.rockstar quoting a customer"},
		parse: (*parser).check,
		args: func(a Args) []string {
			switch {
			case a.RuleID == "":
				return nil
			case a.Unignore:
				return []string{"unignore", a.RuleID}
			}
			return []string{"ignore", a.RuleID, a.Text}
		},
		run: func(h *Handler, ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
			if a.RuleID != "" {
				return h.ignore(ctx, req, a)
			}
			return h.check(ctx, req, "")
		}},
	{Usage: Usage{"history", "", "Show who changed what", "history"},
		run: func(h *Handler, ctx context.Context, req bot.Request, _ Args) (bot.Reply, error) {
			return h.history(ctx, req, "")
		}},
	{Usage: Usage{"undo", "[v<version>]", "Undo your own newest change; the owner and admins may name anyone's from history", "undo"},
		parse: (*parser).undo,
		args: func(a Args) []string {
			if a.Undoes == 0 {
				return nil
			}
			return []string{"v" + strconv.Itoa(a.Undoes)}
		},
		run: changeWith(func(a Args) draft.Change { return draft.Change{Op: draft.OpUndo, Undoes: a.Undoes} })},
	{Usage: Usage{"export", "[markdown|text|html]", "Upload the draft to the channel as a file: Markdown, plain text for an applicant tracking system, or HTML for a careers page", "export text"},
		parse: (*parser).export,
		args:  func(a Args) []string { return []string{a.Format} },
		run: func(h *Handler, ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
			return h.export(ctx, req, a.Format, "")
		}},
	{Usage: Usage{"finalize", "", "Mark the draft final (its owner or an admin); error findings are listed first", "finalize"},
		run: func(h *Handler, ctx context.Context, req bot.Request, _ Args) (bot.Reply, error) {
			return h.askFinalize(ctx, req)
		}},
	{Usage: Usage{"reopen", "", "Reopen a final draft (its owner or an admin)", "reopen"},
		run: changeWith(func(Args) draft.Change { return draft.Change{Op: draft.OpReopen} })},
	{Usage: Usage{"owner", "<@user>", "Hand the draft over to someone else (its owner or an admin)", "owner @U0123ABC"},
		parse: (*parser).owner,
		args:  func(a Args) []string { return []string{"<@" + a.User + ">"} },
		run:   changeWith(func(a Args) draft.Change { return draft.Change{Op: draft.OpOwner, Text: a.User} })},
	{Usage: Usage{"approve", "", "Record that you approve the draft as it is now", "approve"},
		run: changeWith(func(Args) draft.Change { return draft.Change{Op: draft.OpApprove} })},
	{Usage: Usage{"discard", "", "Delete the draft, once you confirm (its owner or an admin)", "discard"},
		run: func(h *Handler, ctx context.Context, req bot.Request, _ Args) (bot.Reply, error) {
			return h.askDiscard(ctx, req)
		}},
	{Usage: Usage{"help", "", "Show this help", "help"},
		parse: func(p *parser) error { p.a.Text = p.sc.tail(); return nil },
		args:  func(a Args) []string { return []string{a.Text} },
		run: func(h *Handler, _ context.Context, _ bot.Request, _ Args) (bot.Reply, error) {
			return bot.Reply{Card: h.help()}, nil
		}},
}

// changeWith returns the run of a subcommand that makes one change to the
// draft, built from the parsed arguments.
func changeWith(change func(Args) draft.Change) func(*Handler, context.Context, bot.Request, Args) (bot.Reply, error) {
	return func(h *Handler, ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
		return h.change(ctx, req, change(a))
	}
}

// itemArgs prints the item a command acts on: its reference, or its
// section and number.
func itemArgs(a Args) []string {
	if a.Ref != "" {
		return []string{a.Ref}
	}
	return []string{string(a.Section), strconv.Itoa(a.N)}
}

// itemChange returns a change of op to the item a names. A number is
// marked bare: the handler checks it against what the person last saw.
func itemChange(op draft.Op, a Args) draft.Change {
	if a.Ref != "" {
		return draft.Change{Op: op, Ref: a.Ref}
	}
	return draft.Change{Op: op, Section: a.Section, Index: a.N, Bare: true}
}

// lookup returns the subcommand called name (in any case).
func lookup(name string) (Subcommand, bool) {
	name = strings.ToLower(name)
	for _, s := range Subcommands {
		if s.Name == name {
			return s, true
		}
	}
	return Subcommand{}, false
}

// Lookup returns the usage of the subcommand called name (in any case).
func Lookup(name string) (Usage, bool) {
	s, ok := lookup(name)
	return s.Usage, ok
}

// String returns the args as canonical /jd text (without the command name):
// Parse(a.String()) returns a again.
func (a Args) String() string {
	parts := []string{a.Sub}
	if s, ok := lookup(a.Sub); ok && s.args != nil {
		for _, w := range s.args(a) {
			if w != "" {
				parts = append(parts, w)
			}
		}
	}
	return strings.Join(parts, " ")
}
