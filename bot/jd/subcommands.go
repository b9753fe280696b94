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
	{Usage: Usage{"start", "<role> [kind] [title…]", "Start this channel's draft from the template for a role", "start cto technical-leader VP of Engineering"},
		parse: (*parser).start,
		args:  func(a Args) []string { return []string{a.Role, a.Kind, a.Title} },
		run:   (*Handler).start},
	{Usage: Usage{"show", "", "Show the draft", "show"},
		run: (*Handler).show},
	{Usage: Usage{"add", "<section> <text>", "Add an item to the end of a section", "add requirements Ten years building web products"},
		parse: func(p *parser) error { return p.all(p.section, p.text) },
		args:  func(a Args) []string { return []string{string(a.Section), a.Text} },
		run:   changeWith(func(a Args) draft.Change { return draft.Change{Op: draft.OpAdd, Section: a.Section, Text: a.Text} })},
	{Usage: Usage{"remove", "<section> <n>", "Remove item n of a section", "remove requirements 2"},
		parse: func(p *parser) error { return p.all(p.section, p.number(&p.a.N), p.end) },
		args:  func(a Args) []string { return []string{string(a.Section), strconv.Itoa(a.N)} },
		run:   changeWith(func(a Args) draft.Change { return draft.Change{Op: draft.OpRemove, Section: a.Section, Index: a.N} })},
	{Usage: Usage{"edit", "<section> <n> <text>", "Rewrite item n of a section", "edit benefits 1 Equity and a yearly bonus"},
		parse: func(p *parser) error { return p.all(p.section, p.number(&p.a.N), p.text) },
		args:  func(a Args) []string { return []string{string(a.Section), strconv.Itoa(a.N), a.Text} },
		run: changeWith(func(a Args) draft.Change {
			return draft.Change{Op: draft.OpEdit, Section: a.Section, Index: a.N, Text: a.Text}
		})},
	{Usage: Usage{"set", "<field> <text>", "Set the title, company, location, salary, team (size), summary, process (how we hire) or eeo (equal-opportunity statement); `clear` empties it", "set salary €180k–€220k"},
		parse: func(p *parser) error { return p.all(p.field, p.value) },
		args: func(a Args) []string {
			if a.Text == "" {
				return []string{string(a.Field), "clear"}
			}
			return []string{string(a.Field), a.Text}
		},
		run: changeWith(func(a Args) draft.Change { return draft.Change{Op: draft.OpSet, Field: a.Field, Text: a.Text} })},
	{Usage: Usage{"move", "<section> <n> <to>", "Move item n of a section to position to", "move responsibilities 3 1"},
		parse: func(p *parser) error {
			return p.all(p.section, p.number(&p.a.N), p.skip("to"), p.number(&p.a.To), p.end)
		},
		args: func(a Args) []string { return []string{string(a.Section), strconv.Itoa(a.N), strconv.Itoa(a.To)} },
		run: changeWith(func(a Args) draft.Change {
			return draft.Change{Op: draft.OpMove, Section: a.Section, Index: a.N, To: a.To}
		})},
	{Usage: Usage{"suggest", "[section]", "List checklist items not yet in the draft, each with an Add button", "suggest requirements"},
		parse: (*parser).suggest,
		args:  func(a Args) []string { return []string{string(a.Section)} },
		run: func(h *Handler, ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
			return h.suggest(ctx, req, a.Section)
		}},
	{Usage: Usage{"check", "[ignore <rule-id>]", "Check the wording; `ignore` silences one rule for this draft", "check ignore jargon.rockstar"},
		parse: (*parser).check,
		args: func(a Args) []string {
			if a.RuleID == "" {
				return nil
			}
			return []string{"ignore", a.RuleID}
		},
		run: func(h *Handler, ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
			if a.RuleID != "" {
				return h.ignore(ctx, req, a.RuleID)
			}
			return h.check(ctx, req)
		}},
	{Usage: Usage{"history", "", "Show who changed what", "history"},
		run: func(h *Handler, ctx context.Context, req bot.Request, _ Args) (bot.Reply, error) {
			return h.history(ctx, req)
		}},
	{Usage: Usage{"undo", "", "Undo the last change to the content", "undo"},
		run: changeWith(func(Args) draft.Change { return draft.Change{Op: draft.OpUndo} })},
	{Usage: Usage{"export", "[markdown|text|html]", "Upload the draft to the channel as a file: Markdown, plain text for an applicant tracking system, or HTML for a careers page", "export text"},
		parse: (*parser).export,
		args:  func(a Args) []string { return []string{a.Format} },
		run: func(h *Handler, ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
			return h.export(ctx, req, a.Format)
		}},
	{Usage: Usage{"finalize", "", "Mark the draft final (its owner or an admin)", "finalize"},
		run: changeWith(func(Args) draft.Change { return draft.Change{Op: draft.OpFinalize} })},
	{Usage: Usage{"reopen", "", "Reopen a final draft (its owner or an admin)", "reopen"},
		run: changeWith(func(Args) draft.Change { return draft.Change{Op: draft.OpReopen} })},
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
