package jd

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge"
)

// ParseProblem is why a /jd command did not parse.
type ParseProblem int

// The parse problems. The comment of each names the fields of ParseError
// it sets.
const (
	// ParseTooLong: the input is Size bytes, over MaxInput.
	ParseTooLong ParseProblem = iota + 1
	// ParseUnknown: Given is no subcommand; Suggest is the closest one
	// ("" for none).
	ParseUnknown
	// ParseMissing: the argument Want is missing ("role", "section",
	// "field", "number", "text", "value", "rule").
	ParseMissing
	// ParseNotNumber: Given is not an item number.
	ParseNotNumber
	// ParseUnexpected: Given was not expected; AtEnd says it was left over
	// after the last argument.
	ParseUnexpected
	// ParseNoSection: Given names no section; Suggest is the closest.
	ParseNoSection
	// ParseNoField: Given names no field; Suggest is the closest.
	ParseNoField
	// ParseNoFormat: Given names no export format.
	ParseNoFormat
	// ParseRefSection: Given is a reference of another section than
	// Section.
	ParseRefSection
	// ParseNotVersion: Given is not a version number (undo).
	ParseNotVersion
	// ParseNoUser: Given is not a Slack user (owner).
	ParseNoUser
	// ParseNoKind: Given names no kind of role (set kind).
	ParseNoKind
)

// ParseError is a /jd command that did not parse, as data: the handler
// words it with the configured command name. Its kind is Invalid.
type ParseError struct {
	Problem ParseProblem
	Usage   Usage  // the subcommand's usage; zero when the subcommand is unknown
	Given   string // what the user wrote, cut for quoting
	Suggest string // the closest valid name, or ""
	Want    string // ParseMissing: what is missing
	Field   draft.Field
	Section draft.Section
	AtEnd   bool
	Size    int
}

// Error describes e for logs.
func (e *ParseError) Error() string {
	return fmt.Sprintf("jd: parse %s: problem %d, given %q, want %q", e.Usage.Name, e.Problem, e.Given, e.Want)
}

// ErrorKind returns Invalid.
func (e *ParseError) ErrorKind() hirebot.Kind { return hirebot.Invalid }

// word returns err with words for the user, written with the configured
// command name: the one place /jd turns the typed errors of the parser,
// the draft domain and the store into messages. Errors it has no words for
// pass unchanged (the router words the kinds every command shares).
func (h *Handler) word(err error) error { return h.words.Word(err) }

// wording is /jd's table of words for its typed errors (see word).
func (h *Handler) wording() bot.Words {
	return bot.Words{
		bot.As(func(e *ParseError) string { return h.parseMessage(e) }),
		bot.As(func(e *draft.StaleError) string {
			return fmt.Sprintf("the draft changed since you opened it (v%d → v%d); open the editor again to work on the latest version", e.Base, e.Now)
		}),
		bot.As(func(e *draft.Error) string { return h.draftMessage(e) }),
		bot.OfKind(hirebot.NotFound, fmt.Sprintf("There is no draft in this channel yet. Start one with %s start cto%s.", h.cfg.Slash, h.otherRoles())),
	}
}

// parseMessage words a parse error.
func (h *Handler) parseMessage(e *ParseError) string {
	var what string
	switch e.Problem {
	case ParseTooLong:
		return fmt.Sprintf("that is %d bytes long; %s takes at most %d, so shorten the text", e.Size, h.cfg.Slash, MaxInput)
	case ParseUnknown:
		return fmt.Sprintf("there is no %s subcommand %q%s; use one of: %s", h.cfg.Slash, e.Given, didYouMean(e.Suggest), list(subcommands()))
	case ParseNoSection:
		return fmt.Sprintf("there is no section %q%s; use one of: %s", e.Given, didYouMean(e.Suggest), list(draft.SectionNames()))
	case ParseNoField:
		return fmt.Sprintf("there is no field %q%s; use one of: %s", e.Given, didYouMean(e.Suggest), list(draft.FieldNames()))
	case ParseNotNumber:
		what = fmt.Sprintf("%q is not an item number; write one like 3 or #3", e.Given)
	case ParseUnexpected:
		what = fmt.Sprintf("unexpected %q", e.Given)
		if e.AtEnd {
			what += " at the end"
		}
	case ParseNoFormat:
		what = fmt.Sprintf("there is no format %q; use markdown, text or html", e.Given)
	case ParseRefSection:
		what = fmt.Sprintf("%s is not an item of %s (whose references start with %s); give the reference alone", e.Given, e.Section, e.Section.Letter())
	case ParseNotVersion:
		what = fmt.Sprintf("%q is not a version; write one as %s history shows it, like v12", e.Given, h.cfg.Slash)
	case ParseNoUser:
		what = fmt.Sprintf("%q is not someone in this workspace: pick the person from the list that opens as you type @, so that Slack says who they are", e.Given)
	case ParseNoKind:
		what = fmt.Sprintf("there is no kind of role %q%s; use one of: %s", e.Given, didYouMean(closest(e.Given, h.kindWords())), h.kinds())
	case ParseMissing:
		what = h.missingMessage(e)
	}
	return fmt.Sprintf("%s; usage: `%s %s` (e.g. `%s %s`)", what, h.cfg.Slash, e.Usage.Line(), h.cfg.Slash, e.Usage.Example)
}

// missingMessage words a missing argument.
func (h *Handler) missingMessage(e *ParseError) string {
	switch e.Want {
	case "role":
		return "name the role the draft is for"
	case "section":
		return "name a section: " + list(draft.SectionNames())
	case "field":
		return "name a field: " + list(draft.FieldNames())
	case "number":
		return "give the item number"
	case "text":
		return "write the text of the item"
	case "value":
		return fmt.Sprintf("write the %s, or `clear` to empty it", e.Field)
	case "user":
		return "mention the person to hand the draft to"
	case "kind":
		return "name the kind of role: " + h.kinds()
	case "rule":
		return fmt.Sprintf("name the rule to ignore, as `%s check` lists it", h.cfg.Slash)
	}
	return "something is missing"
}

// draftMessage words a change the draft refused.
func (h *Handler) draftMessage(e *draft.Error) string {
	in := ""
	if e.Section != "" {
		in = string(e.Section) + ": "
	}
	switch e.Problem {
	case draft.ProblemFinal:
		return fmt.Sprintf("the draft is final; the owner or an admin can %s reopen it", h.cfg.Slash)
	case draft.ProblemNotFinal:
		return "the draft is not final, so there is nothing to reopen"
	case draft.ProblemUnknownOp:
		return fmt.Sprintf("%q is not a change a draft knows", e.Given)
	case draft.ProblemNoSection:
		if e.Given == "" {
			return "name a section: " + list(draft.SectionNames())
		}
		return fmt.Sprintf("there is no section %q; use one of: %s", e.Given, list(draft.SectionNames()))
	case draft.ProblemNoField:
		if e.Given == "" {
			return "name a field: " + list(draft.FieldNames())
		}
		return fmt.Sprintf("there is no field %q; use one of: %s", e.Given, list(draft.FieldNames()))
	case draft.ProblemEmpty:
		return fmt.Sprintf("%sthe item is empty; write 1–%d characters", in, e.Limit)
	case draft.ProblemTooLong:
		if e.Field != "" {
			return fmt.Sprintf("the %s is %d characters long; keep it to %d or fewer", e.Field, e.Size, e.Limit)
		}
		return fmt.Sprintf("%sthe item is %d characters long; keep it to %d or fewer", in, e.Size, e.Limit)
	case draft.ProblemNoRule:
		if e.Given == "" {
			return fmt.Sprintf("name the wording rule to ignore, as %s check lists it", h.cfg.Slash)
		}
		return fmt.Sprintf("%q is not a wording rule id; use the id %s check shows", e.Given, h.cfg.Slash)
	case draft.ProblemIndex:
		return h.indexMessage(e)
	case draft.ProblemSamePlace:
		return fmt.Sprintf("%s #%d is already at #%d; pick another place", e.Section, e.Index, e.To)
	case draft.ProblemFull:
		if e.Size > e.Limit {
			return fmt.Sprintf("%s has %d items; a section holds at most %d, so remove some", e.Section, e.Size, e.Limit)
		}
		return fmt.Sprintf("%s already has %d items, the most a section holds; remove one first", e.Section, e.Limit)
	case draft.ProblemNoText:
		return fmt.Sprintf("say what to insert into %s", e.Section)
	case draft.ProblemNoContent:
		return "there is no content to save"
	case draft.ProblemTwice:
		if e.Field != "" {
			return fmt.Sprintf("the %s is given twice; give it once", e.Field)
		}
		return fmt.Sprintf("%s is given twice; give it once", e.Section)
	case draft.ProblemIgnored:
		return fmt.Sprintf("wording rule %q is already ignored for this draft", e.Given)
	case draft.ProblemNotIgnored:
		return fmt.Sprintf("wording rule %q is not ignored for this draft", e.Given)
	case draft.ProblemNotAllowed:
		return fmt.Sprintf("only the draft's owner (@%s) or an admin can %s it", e.Owner, e.Verb)
	case draft.ProblemNothingToUndo:
		return fmt.Sprintf("you have no change to undo: %s undo reverts your own changes (of the last %d kept); %s history shows everyone's", h.cfg.Slash, e.Limit, h.cfg.Slash)
	case draft.ProblemNoUndo:
		return fmt.Sprintf("v%d has no change that can still be undone (it is too old, already undone, or not a change to the content); %s history lists the changes", e.Index, h.cfg.Slash)
	case draft.ProblemDepends:
		return fmt.Sprintf("nothing was undone: @%s's later change v%d (%s) builds on v%d, so undoing it would undo their work too. Ask them to undo theirs first, or change the item directly",
			e.Owner, e.To, e.Given, e.Index)
	case draft.ProblemNoRef:
		if e.Section != "" {
			return fmt.Sprintf("%s has no item %s; the references are shown beside each item in the live message (%s show)", e.Section, e.Given, h.cfg.Slash)
		}
		return fmt.Sprintf("there is no item %s; the references are shown beside each item in the live message (%s show)", e.Given, h.cfg.Slash)
	case draft.ProblemUnseen:
		rest := map[string]string{"edit": " <text>", "move": " <to>"}[e.Verb]
		return fmt.Sprintf("nothing was changed: %s was renumbered or rewritten (v%d) since you last looked at the draft (v%d), so #%d may not be the item you mean. #%d is now %s: “%s”. If that is the one, run %s %s %s%s; %s show shows the whole draft",
			e.Section, e.Limit, e.Size, e.Index, e.Index, e.Ref, e.Given, h.cfg.Slash, e.Verb, e.Ref, rest, h.cfg.Slash)
	case draft.ProblemDraftFull:
		return fmt.Sprintf("the draft's text would take %d bytes; a draft holds at most %d, so shorten or remove some items", e.Size, e.Limit)
	case draft.ProblemNoRole:
		return fmt.Sprintf("name the role the draft is for, e.g. %s start cto", h.cfg.Slash)
	case draft.ProblemNoOwner:
		return "a draft needs an owner"
	}
	return "the draft refused that change"
}

// indexMessage words an item number that picks no item.
func (h *Handler) indexMessage(e *draft.Error) string {
	switch {
	case e.Limit == 0:
		return fmt.Sprintf("%s has no items yet; add one with %s add %s <text>", e.Section, h.cfg.Slash, e.Section)
	case e.Limit == 1 && e.Size == 1:
		return fmt.Sprintf("%s has 1 item; pick 1", e.Section)
	case e.Limit == 1:
		return fmt.Sprintf("%s has no items yet; pick 1", e.Section)
	}
	return fmt.Sprintf("%s has %s; pick 1–%d", e.Section, plural(e.Size, "item"), e.Limit)
}

// kinds lists the kinds of every role that has some, for messages:
// "technical-leader, operational, infrastructure (CTO); analytics, … (Head
// of Data)".
func (h *Handler) kinds() string {
	if h.cfg.Pack == nil {
		return "see " + h.cfg.Slash + " help"
	}
	var out []string
	for _, r := range h.cfg.Pack.Roles {
		if ks := h.cfg.Pack.RoleKinds(r.ID); len(ks) > 0 {
			out = append(out, fmt.Sprintf("%s (%s)", h.kindIDs(r.ID), r.Name))
		}
	}
	return strings.Join(out, "; ")
}

// kindWords lists the ids of every kind, for "did you mean".
func (h *Handler) kindWords() []string {
	if h.cfg.Pack == nil {
		return nil
	}
	return h.cfg.Pack.KindIDs()
}

// otherRoles lists the roles besides the default one that /jd start
// takes, for messages: ", or another role: cio, ciso"; "" without a pack.
func (h *Handler) otherRoles() string {
	var ids []string
	for _, id := range h.roleIDs() {
		if id != knowledge.DefaultRole {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return ", or another role: " + strings.Join(ids, ", ")
}

// plural returns "1 item" or "3 items".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// list joins names with commas.
func list(names []string) string { return strings.Join(names, ", ") }
