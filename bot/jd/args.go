package jd

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/locale"
)

// MaxInput is the most bytes of text Parse accepts after the command name.
const MaxInput = 4000

// Usage describes one /jd subcommand. Help is generated from Subcommands.
type Usage struct {
	Name    string // e.g. "add"
	Args    string // e.g. "<section> <text>"; "" when it takes none
	Summary string // one line saying what it does
	Example string // a full example without the command name, e.g. "add requirements Go"
}

// Line returns the usage line without the command name, e.g.
// "add <section> <text>".
func (u Usage) Line() string {
	if u.Args == "" {
		return u.Name
	}
	return u.Name + " " + u.Args
}

// The export formats.
const (
	Markdown = "markdown"
	Text     = "text"
	HTML     = "html"
)

// Args is a parsed /jd command. Only the fields the subcommand takes are
// set.
type Args struct {
	Sub   string // the subcommand, e.g. "add"; "help" for empty input
	Role  string // start: the role word, lower-cased, not yet checked
	Kind  string // start: a canonical kind, or ""
	Title string // start: the rest of the line, or ""
	// Engagement is start's engagement word, canonical (full-time,
	// fractional, interim), or ""; EngagementWord is how it was typed.
	Engagement, EngagementWord string
	Section                    draft.Section // add, remove, edit, move; suggest when given
	Field                      draft.Field   // set
	N, To                      int           // remove, edit, move: 1-based item numbers
	Ref                        string        // remove, edit, move: the item's reference ("R7"), when named so
	Text                       string        // add, edit, set ("" clears); help: the topic asked about; check ignore: the reason
	Format                     string        // export: Markdown, Text or HTML
	RuleID                     string        // check ignore, check unignore
	// Unignore says check names a rule to stop ignoring.
	Unignore bool
	// Undoes is the version undo names (0: the caller's newest change).
	Undoes int
	// User is the Slack user id owner hands the draft to.
	User string
	// SetKind says set changes the kind (to Kind; KindWord is what was
	// typed when it names no kind).
	SetKind  bool
	KindWord string
}

// Parse parses the text after /jd. Empty text asks for help. Every error is a
// *hirebot.Error of kind Invalid whose message says how to fix the command:
// the input is over MaxInput bytes, the subcommand is unknown (with the
// closest one and the list), or an argument is missing or wrong (with the
// subcommand's usage line). Section and field names may be aliases ("reqs",
// "nice to have", "pay"); item numbers may be written "#3". Text arguments
// are returned as typed; the draft package cleans them.
//
// kind returns the canonical id of the kind of role a word names, if it
// names one (the knowledge pack owns the kinds: see Pack.KindNamed).
func Parse(text string, kind func(word string) (id string, ok bool)) (Args, error) {
	if len(text) > MaxInput {
		return Args{}, &ParseError{Problem: ParseTooLong, Size: len(text)}
	}
	sc := &scanner{rest: text}
	word := sc.word()
	if word == "" {
		return Args{Sub: "help"}, nil
	}
	u, ok := Lookup(word)
	if !ok {
		return Args{}, unknownSubcommand(word)
	}
	p := parser{sc: sc, u: u, a: Args{Sub: u.Name}, kind: kind}
	return p.parse()
}

// parser parses the arguments of one subcommand.
type parser struct {
	sc   *scanner
	u    Usage
	a    Args
	kind func(string) (string, bool)
}

func (p *parser) parse() (Args, error) {
	sub, _ := lookup(p.u.Name)
	parse := sub.parse
	if parse == nil {
		parse = (*parser).end
	}
	if err := parse(p); err != nil {
		return Args{}, err
	}
	return p.a, nil
}

// all runs steps in order and returns the first error.
func (p *parser) all(steps ...func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// fail returns a ParseError for the subcommand being parsed.
func (p *parser) fail(e ParseError) error {
	e.Usage = p.u
	return &e
}

// missing returns the ParseError for a missing argument.
func (p *parser) missing(want string) error {
	return p.fail(ParseError{Problem: ParseMissing, Want: want, Field: p.a.Field})
}

// unexpected returns the ParseError for an unexpected word.
func (p *parser) unexpected(w string, atEnd bool) error {
	return p.fail(ParseError{Problem: ParseUnexpected, Given: short(w), AtEnd: atEnd})
}

func (p *parser) start() error {
	p.a.Role = strings.ToLower(p.sc.word())
	if p.a.Role == "" {
		return p.missing("role")
	}
	// A kind and an engagement may follow the role, in either order:
	// "cto fractional", "cto operational interim".
	for range 2 {
		save := *p.sc
		w := p.sc.word()
		if kind, ok := p.kind(w); ok && p.a.Kind == "" {
			p.a.Kind = kind
			continue
		}
		if e, err := locale.Default().ParseKind(w); err == nil && w != "" && p.a.Engagement == "" {
			p.a.Engagement, p.a.EngagementWord = string(e), w
			continue
		}
		*p.sc = save
		break
	}
	p.a.Title = p.sc.tail()
	return nil
}

func (p *parser) section() error {
	words := p.sc.phrase(func(s string) bool { _, ok := draft.ParseSection(s); return ok })
	if words == "" {
		return p.missing("section")
	}
	sec, ok := draft.ParseSection(words)
	if !ok {
		return p.fail(ParseError{Problem: ParseNoSection, Given: words, Suggest: closest(words, draft.SectionNames())})
	}
	p.a.Section = sec
	return nil
}

func (p *parser) field() error {
	words := p.sc.phrase(func(s string) bool { _, ok := draft.ParseField(s); return ok })
	if words == "" {
		return p.missing("field")
	}
	f, ok := draft.ParseField(words)
	if !ok {
		return p.fail(ParseError{Problem: ParseNoField, Given: words, Suggest: closest(words, draft.FieldNames())})
	}
	p.a.Field = f
	return nil
}

// number returns a step that reads a positive item number, "3" or "#3".
func (p *parser) number(n *int) func() error {
	return func() error {
		w := p.sc.word()
		if w == "" {
			return p.missing("number")
		}
		v, err := strconv.Atoi(strings.TrimPrefix(w, "#"))
		if err != nil || v < 1 || v > 9999 {
			return p.fail(ParseError{Problem: ParseNotNumber, Given: w})
		}
		*n = v
		return nil
	}
}

// target reads the item a command acts on: a reference alone ("R7", whose
// letter names the section), or a section and then a number or reference.
func (p *parser) target() error {
	save := *p.sc
	if w := p.sc.word(); w != "" {
		if sec, ok := draft.ParseRef(w); ok {
			p.a.Section, p.a.Ref = sec, strings.ToUpper(w)
			return nil
		}
	}
	*p.sc = save
	if err := p.section(); err != nil {
		return err
	}
	save = *p.sc
	if w := p.sc.word(); w != "" {
		if sec, ok := draft.ParseRef(w); ok {
			if sec != p.a.Section {
				return p.fail(ParseError{Problem: ParseRefSection, Given: short(w), Section: p.a.Section})
			}
			p.a.Ref = strings.ToUpper(w)
			return nil
		}
	}
	*p.sc = save
	return p.number(&p.a.N)()
}

// skip returns a step that consumes the next word if it is w.
func (p *parser) skip(w string) func() error {
	return func() error {
		save := *p.sc
		if !strings.EqualFold(p.sc.word(), w) {
			*p.sc = save
		}
		return nil
	}
}

func (p *parser) text() error {
	p.a.Text = p.sc.tail()
	if p.a.Text == "" {
		return p.missing("text")
	}
	return nil
}

// value reads the text of a set; "clear" or "-" alone clears the field.
func (p *parser) value() error {
	p.a.Text = p.sc.tail()
	switch {
	case p.a.Text == "":
		return p.missing("value")
	case p.a.Text == "-", strings.EqualFold(p.a.Text, "clear"):
		p.a.Text = ""
	}
	return nil
}

// end checks that nothing is left.
func (p *parser) end() error {
	if rest := p.sc.tail(); rest != "" {
		return p.unexpected(rest, true)
	}
	return nil
}

func (p *parser) suggest() error {
	if p.sc.empty() {
		return nil
	}
	return p.all(p.section, p.end)
}

func (p *parser) check() error {
	if p.sc.empty() {
		return nil
	}
	w := strings.ToLower(p.sc.word())
	if w != "ignore" && w != "unignore" {
		return p.unexpected(w, false)
	}
	p.a.Unignore = w == "unignore"
	p.a.RuleID = p.sc.word()
	if p.a.RuleID == "" {
		return p.missing("rule")
	}
	if p.a.Unignore {
		return p.end()
	}
	p.a.Text = p.sc.tail()
	return nil
}

// undo reads an optional version, "v12" or "12".
func (p *parser) undo() error {
	w := p.sc.word()
	if w == "" {
		return nil
	}
	v, err := strconv.Atoi(strings.TrimPrefix(strings.ToLower(w), "v"))
	if err != nil || v < 1 {
		return p.fail(ParseError{Problem: ParseNotVersion, Given: short(w)})
	}
	p.a.Undoes = v
	return p.end()
}

// owner reads the user to hand the draft to: an escaped mention, <@U123|name>
// or <@U123>, which only Slack (or the shell, for its users) writes, or a
// bare Slack user id.
func (p *parser) owner() error {
	w := p.sc.word()
	if w == "" {
		return p.missing("user")
	}
	if id, ok := bot.UserOf(w); ok {
		p.a.User = id
		return p.end()
	}
	return p.fail(ParseError{Problem: ParseNoUser, Given: short(w)})
}

// anyMention finds a user mention anywhere in text.
var anyMention = regexp.MustCompile(bot.MentionPattern)

// set reads a field and its value, or "kind" and a kind of role.
func (p *parser) set() error {
	save := *p.sc
	if w := p.sc.word(); strings.EqualFold(w, "kind") {
		p.a.SetKind = true
		word := p.sc.tail()
		if word == "" {
			return p.missing("kind")
		}
		if kind, ok := p.kind(word); ok {
			p.a.Kind = kind
			return nil
		}
		if _, err := locale.Default().ParseKind(word); err == nil {
			// "set kind fractional" means how the leader is engaged.
			p.a.SetKind, p.a.Field, p.a.Text = false, draft.Engagement, word
			return nil
		}
		return p.fail(ParseError{Problem: ParseNoKind, Given: short(word)})
	}
	*p.sc = save
	return p.all(p.field, p.value)
}

func (p *parser) export() error {
	switch w := strings.ToLower(p.sc.word()); w {
	case "", "markdown", "md":
		p.a.Format = Markdown
	case "text", "txt", "plain", "ats":
		p.a.Format = Text
	case "html", "htm":
		p.a.Format = HTML
	default:
		return p.fail(ParseError{Problem: ParseNoFormat, Given: short(w)})
	}
	return p.end()
}

// unknownSubcommand says word is not a subcommand, suggests the closest one
// and lists them all.
func unknownSubcommand(word string) error {
	return &ParseError{Problem: ParseUnknown, Given: short(word), Suggest: closest(word, subcommands())}
}

// subcommands returns the names of the subcommands.
func subcommands() []string {
	names := make([]string, len(Subcommands))
	for i, u := range Subcommands {
		names[i] = u.Name
	}
	return names
}

// didYouMean returns ` — did you mean "x"?` for a suggestion, or "" for
// none.
func didYouMean(suggest string) string {
	if suggest == "" {
		return ""
	}
	return fmt.Sprintf(" — did you mean `%s`?", suggest)
}

// closest returns the name closest to word, or "" when none is close.
func closest(word string, names []string) string {
	if near := knowledge.Nearest(word, names); len(near) > 0 {
		return near[0]
	}
	return ""
}

// short cuts s to 40 characters for quoting in a message.
func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// scanner splits command text into words, keeping the rest as typed.
type scanner struct{ rest string }

// word returns the next word, or "" at the end.
func (s *scanner) word() string {
	s.rest = strings.TrimLeftFunc(s.rest, unicode.IsSpace)
	i := strings.IndexFunc(s.rest, unicode.IsSpace)
	if i < 0 {
		i = len(s.rest)
	}
	w := s.rest[:i]
	s.rest = s.rest[i:]
	return w
}

// tail returns the rest of the text, trimmed, with user mentions as Slack
// escapes them written as the names people see ("<@U123|dana>" → "@dana"):
// text goes into the draft and its exports, where an id means nothing.
func (s *scanner) tail() string {
	t := strings.TrimFunc(s.rest, unicode.IsSpace)
	s.rest = ""
	return anyMention.ReplaceAllStringFunc(t, func(m string) string {
		sub := anyMention.FindStringSubmatch(m)
		if sub[2] != "" {
			return "@" + sub[2]
		}
		return "@" + sub[1]
	})
}

// empty reports whether only white space is left.
func (s *scanner) empty() bool {
	return strings.TrimFunc(s.rest, unicode.IsSpace) == ""
}

// phrase returns the next name: one of phrases when the next words spell it
// and ok accepts it, else the next word.
func (s *scanner) phrase(ok func(string) bool) string {
	for _, p := range draft.Phrases() {
		try := *s
		words := make([]string, 0, 3)
		for range strings.Count(p, " ") + 1 {
			words = append(words, strings.ToLower(try.word()))
		}
		if strings.Join(words, " ") == p && ok(p) {
			*s = try
			return p
		}
	}
	return s.word()
}
