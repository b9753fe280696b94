package knowledge

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	hirebot "github.com/hirebot/hirebot"
)

// MaxArgs is the longest /cto-role argument Resolve accepts, in characters.
const MaxArgs = 500

// resultsShown is how many search results Resolve returns.
const resultsShown = 5

// Lookup is what /cto-role <args> asks for. Exactly one of Topic and
// Results is set when anything matched; Suggestions may accompany either
// or stand alone; Topics is set whenever Topic is nil.
type Lookup struct {
	Role        string   // the role it is about: DefaultRole unless a role word led
	Topic       *Topic   // the topic named, if the args named one
	Results     []Result // otherwise, search results for the args, best first
	Suggestions []string // "did you mean": args for /cto-role, best first
	Topics      []string // the role's topics as args for /cto-role, to offer instead
}

// TooLongError says a lookup is Size characters, over Limit. Its kind is
// Invalid; the handler words it.
type TooLongError struct {
	Size, Limit int
}

// Error describes e for logs.
func (e *TooLongError) Error() string {
	return fmt.Sprintf("knowledge: lookup of %d characters, over %d", e.Size, e.Limit)
}

// ErrorKind returns Invalid.
func (e *TooLongError) ErrorKind() hirebot.Kind { return hirebot.Invalid }

// Resolve works out what /cto-role <args> asks for. Empty args mean the
// default role's overview. A leading role word ("cio") selects that role,
// and alone means its overview. A topic name, alias or id names that topic
// ("cio responsibilities", "types", "cto vs cio"). Anything else is a
// free-text search; when the args are short enough to be a misspelt topic
// name, or the search finds nothing, Suggestions says what the user may
// have meant. Args longer than MaxArgs are a *TooLongError.
func (p *Pack) Resolve(args string) (Lookup, error) {
	if n := utf8.RuneCountInString(args); n > MaxArgs {
		return Lookup{}, &TooLongError{Size: n, Limit: MaxArgs}
	}
	words := argWords(args)
	role, rest := DefaultRole, words
	if len(words) > 0 {
		if _, ok := p.Role(words[0]); ok {
			role, rest = words[0], words[1:]
		}
	}
	l := Lookup{Role: role}
	if t, ok := p.named(role, rest, len(rest) < len(words), words); ok {
		l.Role, l.Topic = t.Role, &t
		return l, nil
	}
	l.Results = p.searchRole(args, role)
	if len(rest) == 1 || len(l.Results) == 0 {
		l.Suggestions = p.suggestAll(role, rest)
	}
	for _, name := range p.TopicNames(role) {
		l.Topics = append(l.Topics, asArgs(role, name))
	}
	return l, nil
}

// rolePreference is how much more a topic of the lookup's role counts in
// Resolve's search: enough to break near-ties ("responsibilities" is
// both a CTO and a CIO topic), not to overturn a clear answer.
const rolePreference = 1.1

// searchRole searches for query, preferring the role's topics.
func (p *Pack) searchRole(query, role string) []Result {
	rs := p.Search(query, 0)
	for i := range rs {
		if rs[i].Topic.Role == role {
			rs[i].Score *= rolePreference
		}
	}
	slices.SortStableFunc(rs, func(a, b Result) int { return cmp.Compare(b.Score, a.Score) })
	if len(rs) > resultsShown {
		rs = rs[:resultsShown]
	}
	return rs
}

// named finds the topic the words name, if they name one: the role's
// overview for no words, a topic name or alias of the role, a topic id, or
// — when no role word led — a name that only another role has.
func (p *Pack) named(role string, rest []string, roleLed bool, all []string) (Topic, bool) {
	name := strings.Join(rest, "-")
	if name == "" {
		name = "overview"
	}
	if t, ok := p.TopicByName(role, name); ok {
		return t, true
	}
	if len(rest) == 1 {
		if _, ok := p.Role(rest[0]); ok { // "cto cio"
			return p.TopicByName(rest[0], "overview")
		}
	}
	whole := strings.Join(all, "-")
	if t, ok := p.Topic(whole); ok {
		return t, true
	}
	for _, r := range p.Roles { // "cio-vs-cto" is a name of a cto topic
		if t, ok := p.TopicByName(r.ID, whole); ok && (!roleLed || r.ID != role) {
			return t, true
		}
	}
	return Topic{}, false
}

// suggestAll returns "did you mean" args for the words: for the words
// taken together, or else for each word.
func (p *Pack) suggestAll(role string, words []string) []string {
	var out []string
	add := func(ws []string) {
		for _, w := range ws {
			if a := asArgs(role, w); !slices.Contains(out, a) && len(out) < maxSuggestions {
				out = append(out, a)
			}
		}
	}
	if len(words) == 0 {
		return nil
	}
	add(p.Suggest(strings.Join(words, "-"), role))
	if len(out) == 0 && len(words) > 1 {
		for _, w := range words {
			if !isStop(w) {
				add(p.Suggest(w, role))
			}
		}
	}
	return out
}

// asArgs turns a role's topic name into what the user types after
// /cto-role: "responsibilities", or "cio responsibilities" for another role;
// a role word stands for itself.
func asArgs(role, name string) string {
	switch {
	case role == DefaultRole, name == role:
		return name
	case name == "overview":
		return role
	}
	return role + " " + name
}

// argWords splits args into normalized words, dropping punctuation around
// them ("vs." → "vs").
func argWords(args string) []string {
	var out []string
	for _, f := range strings.Fields(normalize(args)) {
		if f = strings.Trim(f, "-?!.,;:'\"()[]{}/*_`"); f != "" {
			out = append(out, f)
		}
	}
	return out
}
