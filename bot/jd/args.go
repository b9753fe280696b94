package jd

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/draft"
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

// Subcommands lists every /jd subcommand in the order help shows them.
var Subcommands = []Usage{
	{"start", "<role> [kind] [title…]", "Start this channel's draft from the template for a role; kinds: technical-leader, operational, infrastructure", "start cto technical-leader VP of Engineering"},
	{"show", "", "Show the draft", "show"},
	{"add", "<section> <text>", "Add an item to the end of a section", "add requirements Ten years building web products"},
	{"remove", "<section> <n>", "Remove item n of a section", "remove requirements 2"},
	{"edit", "<section> <n> <text>", "Rewrite item n of a section", "edit benefits 1 Equity and a yearly bonus"},
	{"set", "<field> <text>", "Set the title, company, location, salary, team (size), summary, process (how we hire) or eeo (equal-opportunity statement); `clear` empties it", "set salary €180k–€220k"},
	{"move", "<section> <n> <to>", "Move item n of a section to position to", "move responsibilities 3 1"},
	{"suggest", "[section]", "List checklist items not yet in the draft, each with an Add button", "suggest requirements"},
	{"check", "[ignore <rule-id>]", "Check the wording; `ignore` silences one rule for this draft", "check ignore rockstar"},
	{"history", "", "Show who changed what", "history"},
	{"undo", "", "Undo the last change to the content", "undo"},
	{"export", "[markdown|text|html]", "Upload the draft to the channel as a file: Markdown, plain text for an applicant tracking system, or HTML for a careers page", "export text"},
	{"finalize", "", "Mark the draft final (its owner or an admin)", "finalize"},
	{"reopen", "", "Reopen a final draft (its owner or an admin)", "reopen"},
	{"discard", "", "Delete the draft, once you confirm (its owner or an admin)", "discard"},
	{"help", "", "Show this help", "help"},
}

// Lookup returns the subcommand called name (in any case).
func Lookup(name string) (Usage, bool) {
	name = strings.ToLower(name)
	for _, u := range Subcommands {
		if u.Name == name {
			return u, true
		}
	}
	return Usage{}, false
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
	Sub     string        // the subcommand, e.g. "add"; "help" for empty input
	Role    string        // start: the role word, lower-cased, not yet checked
	Kind    string        // start: a canonical kind, or ""
	Title   string        // start: the rest of the line, or ""
	Section draft.Section // add, remove, edit, move; suggest when given
	Field   draft.Field   // set
	N, To   int           // remove, edit, move: 1-based item numbers
	Text    string        // add, edit, set ("" clears); help: the topic asked about
	Format  string        // export: Markdown, Text or HTML
	RuleID  string        // check ignore
}

// Parse parses the text after /jd. Empty text asks for help. Every error is a
// *hirebot.Error of kind Invalid whose message says how to fix the command:
// the input is over MaxInput bytes, the subcommand is unknown (with the
// closest one and the list), or an argument is missing or wrong (with the
// subcommand's usage line). Section and field names may be aliases ("reqs",
// "nice to have", "pay"); item numbers may be written "#3". Text arguments
// are returned as typed; the draft package cleans them.
func Parse(text string) (Args, error) {
	if len(text) > MaxInput {
		return Args{}, hirebot.Errorf(hirebot.Invalid,
			"that is %d bytes long; /jd takes at most %d, so shorten the text", len(text), MaxInput)
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
	p := parser{sc: sc, u: u, a: Args{Sub: u.Name}}
	return p.parse()
}

// parser parses the arguments of one subcommand.
type parser struct {
	sc *scanner
	u  Usage
	a  Args
}

func (p *parser) parse() (Args, error) {
	var err error
	switch p.u.Name {
	case "start":
		err = p.start()
	case "add":
		err = p.all(p.section, p.text)
	case "remove":
		err = p.all(p.section, p.number(&p.a.N), p.end)
	case "edit":
		err = p.all(p.section, p.number(&p.a.N), p.text)
	case "set":
		err = p.all(p.field, p.value)
	case "move":
		err = p.all(p.section, p.number(&p.a.N), p.skip("to"), p.number(&p.a.To), p.end)
	case "suggest":
		err = p.suggest()
	case "check":
		err = p.check()
	case "export":
		err = p.export()
	case "help":
		p.a.Text = p.sc.tail()
	default:
		err = p.end()
	}
	if err != nil {
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

// usage returns an Invalid error: what is wrong, then the usage line.
func (p *parser) usage(format string, args ...any) error {
	return hirebot.Errorf(hirebot.Invalid, "%s; usage: `/jd %s` (e.g. `/jd %s`)",
		fmt.Sprintf(format, args...), p.u.Line(), p.u.Example)
}

func (p *parser) start() error {
	p.a.Role = strings.ToLower(p.sc.word())
	if p.a.Role == "" {
		return p.usage("name the role the draft is for")
	}
	save := *p.sc
	if kind, ok := ParseKind(p.sc.word()); ok {
		p.a.Kind = kind
	} else {
		*p.sc = save
	}
	p.a.Title = p.sc.tail()
	return nil
}

func (p *parser) section() error {
	words := p.sc.phrase(func(s string) bool { _, ok := draft.ParseSection(s); return ok })
	if words == "" {
		return p.usage("name a section: %s", sectionNames())
	}
	sec, ok := draft.ParseSection(words)
	if !ok {
		return hirebot.Errorf(hirebot.Invalid, "there is no section %q%s; use one of: %s",
			words, didYouMean(words, sectionNames()), sectionNames())
	}
	p.a.Section = sec
	return nil
}

func (p *parser) field() error {
	words := p.sc.phrase(func(s string) bool { _, ok := draft.ParseField(s); return ok })
	if words == "" {
		return p.usage("name a field: %s", fieldNames())
	}
	f, ok := draft.ParseField(words)
	if !ok {
		return hirebot.Errorf(hirebot.Invalid, "there is no field %q%s; use one of: %s",
			words, didYouMean(words, fieldNames()), fieldNames())
	}
	p.a.Field = f
	return nil
}

// number returns a step that reads a positive item number, "3" or "#3".
func (p *parser) number(n *int) func() error {
	return func() error {
		w := p.sc.word()
		if w == "" {
			return p.usage("give the item number")
		}
		v, err := strconv.Atoi(strings.TrimPrefix(w, "#"))
		if err != nil || v < 1 || v > 9999 {
			return p.usage("%q is not an item number; write one like 3 or #3", w)
		}
		*n = v
		return nil
	}
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
		return p.usage("write the text of the item")
	}
	return nil
}

// value reads the text of a set; "clear" or "-" alone clears the field.
func (p *parser) value() error {
	p.a.Text = p.sc.tail()
	switch {
	case p.a.Text == "":
		return p.usage("write the %s, or `clear` to empty it", p.a.Field)
	case p.a.Text == "-", strings.EqualFold(p.a.Text, "clear"):
		p.a.Text = ""
	}
	return nil
}

// end checks that nothing is left.
func (p *parser) end() error {
	if rest := p.sc.tail(); rest != "" {
		return p.usage("unexpected %q at the end", short(rest))
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
	if w := p.sc.word(); !strings.EqualFold(w, "ignore") {
		return p.usage("unexpected %q", short(w))
	}
	p.a.RuleID = p.sc.word()
	if p.a.RuleID == "" {
		return p.usage("name the rule to ignore, as `/jd check` lists it")
	}
	return p.end()
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
		return p.usage("there is no format %q; use markdown, text or html", short(w))
	}
	return p.end()
}

// ParseKind returns the canonical kind of CTO for s: technical-leader,
// operational or infrastructure, also accepting technical, tech-lead, ops
// and infra, in any case.
func ParseKind(s string) (string, bool) {
	switch strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(s)) {
	case "technicalleader", "technical", "techlead", "tech":
		return "technical-leader", true
	case "operational", "operations", "ops":
		return "operational", true
	case "infrastructure", "infra":
		return "infrastructure", true
	}
	return "", false
}

// String returns the args as canonical /jd text (without the command name):
// Parse(a.String()) returns a again.
func (a Args) String() string {
	parts := []string{a.Sub}
	add := func(s ...string) {
		for _, p := range s {
			if p != "" {
				parts = append(parts, p)
			}
		}
	}
	switch a.Sub {
	case "start":
		add(a.Role, a.Kind, a.Title)
	case "add":
		add(string(a.Section), a.Text)
	case "remove":
		add(string(a.Section), strconv.Itoa(a.N))
	case "edit":
		add(string(a.Section), strconv.Itoa(a.N), a.Text)
	case "set":
		text := a.Text
		if text == "" {
			text = "clear"
		}
		add(string(a.Field), text)
	case "move":
		add(string(a.Section), strconv.Itoa(a.N), strconv.Itoa(a.To))
	case "suggest":
		add(string(a.Section))
	case "check":
		if a.RuleID != "" {
			add("ignore", a.RuleID)
		}
	case "export":
		add(a.Format)
	case "help":
		add(a.Text)
	}
	return strings.Join(parts, " ")
}

// unknownSubcommand says word is not a subcommand, suggests the closest one
// and lists them all.
func unknownSubcommand(word string) error {
	names := make([]string, len(Subcommands))
	for i, u := range Subcommands {
		names[i] = u.Name
	}
	list := strings.Join(names, ", ")
	return hirebot.Errorf(hirebot.Invalid, "there is no /jd subcommand %q%s; use one of: %s",
		short(word), didYouMean(word, list), list)
}

// didYouMean returns ` — did you mean "x"?` for the name in the
// comma-separated list closest to word, or "" when none is close.
func didYouMean(word, list string) string {
	word = strings.ToLower(word)
	best, bestDist := "", 3
	for _, name := range strings.Split(list, ", ") {
		d := distance(word, name)
		if strings.HasPrefix(name, word) && len(word) >= 2 {
			d = min(d, 1)
		}
		if d < bestDist && d < len([]rune(word)) {
			best, bestDist = name, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" — did you mean `%s`?", best)
}

// distance returns the optimal string alignment distance between a and b:
// the edits (insert, delete, substitute, swap two neighbours) that turn one
// into the other.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 {
		return len(ra) // too long to be a typo of a name
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// sectionNames lists the sections, comma-separated.
func sectionNames() string {
	names := make([]string, len(draft.Sections))
	for i, s := range draft.Sections {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

// fieldNames lists the fields, comma-separated.
func fieldNames() string {
	names := make([]string, len(draft.Fields))
	for i, f := range draft.Fields {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// short cuts s to 40 characters for quoting in a message.
func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// phrases returns the names of sections and fields that take more than one
// word; any other name is one word.
func phrases() []string {
	return []string{"nice to have", "nice to haves", "must have", "must haves", "we offer", "role title", "job title",
		"team size", "hiring process", "how we hire", "interview process", "equal opportunity", "equal opportunities"}
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

// tail returns the rest of the text, trimmed.
func (s *scanner) tail() string {
	t := strings.TrimFunc(s.rest, unicode.IsSpace)
	s.rest = ""
	return t
}

// empty reports whether only white space is left.
func (s *scanner) empty() bool {
	return strings.TrimFunc(s.rest, unicode.IsSpace) == ""
}

// phrase returns the next name: one of phrases when the next words spell it
// and ok accepts it, else the next word.
func (s *scanner) phrase(ok func(string) bool) string {
	for _, p := range phrases() {
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
