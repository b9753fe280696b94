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

// Lookup is what /cto-role <args> asks for. At most one of Topic, Answer,
// Elsewhere, Social, Choices and Pointer is set; when none is, the args
// are outside what the pack covers, Nearest holds the topics closest to
// them and Suggestions may say what the user meant. Topics is set
// whenever Topic is nil.
type Lookup struct {
	Role      string     // the role it is about: DefaultRole unless a role word led
	Topic     *Topic     // the topic named, if the args named one
	Answer    *Answer    // otherwise the passage that answers a question, if one does
	Results   []Result   // with Answer: the topics that answer, best first (Answer's first)
	Elsewhere *Elsewhere // the args asked a role for a topic only another role has
	Social    Social     // the args were a greeting, thanks or other small talk
	// Choices are two or three topics the question could be about, best
	// first, offered instead of a guess (sometimes one, as a "did you
	// mean").
	Choices []Topic
	// Pointer says what the question asks for that no topic answers: a job
	// description drafted, legal advice, or a role hirebot does not cover.
	Pointer     Pointer
	Nearest     []Topic  // with no answer: the topics nearest to the question, best first
	Suggestions []string // "did you mean": args for /cto-role, best first
	Topics      []string // the role's topics as args for /cto-role, to offer instead
}

// Pointer is a kind of question no topic answers but hirebot can point
// somewhere useful for.
type Pointer int

// The pointers.
const (
	NoPointer      Pointer = iota
	PointJD                // wants a job description drafted: /jd start
	PointLegal             // asks for legal advice: hirebot gives none
	PointOtherRole         // about a role hirebot has no material on
)

// Answer is the part of a topic that answers a free-text question.
type Answer struct {
	Topic Topic
	Passage
	Confidence float64 // the Result's Confidence, at least MinConfidence
}

// Elsewhere says that the topic asked for belongs to another role only:
// "cio kinds" when only the CTO has kinds.
type Elsewhere struct {
	Asked   string // the role asked about: "cio"
	Found   Topic  // the other role's topic with that name or answer
	Nearest Topic  // the asked role's topic closest to it
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
// and alone means its overview, as does a question whose only word that
// matters is a role ("what is a cio?"). A topic name, alias or id names
// that topic ("cio responsibilities", "types", "cto vs cio"); a name the
// asked role lacks but another has is Elsewhere. A greeting or thanks is
// Social. Anything else is a free-text question: answered with the best
// passage when the best topic's Confidence reaches MinConfidence, and
// otherwise not answered, with Suggestions when the words look like a
// misspelt topic name. Args longer than MaxArgs are a *TooLongError.
func (p *Pack) Resolve(args string) (Lookup, error) {
	if n := utf8.RuneCountInString(args); n > MaxArgs {
		return Lookup{}, &TooLongError{Size: n, Limit: MaxArgs}
	}
	l, q, free := p.rules(args)
	switch {
	case l.Topic != nil:
		return l, nil
	case free && p.model != nil:
		p.answerByModel(&l, q, args)
	case free:
		p.answer(&l, q.tokens(), q.words, q.roleLed)
	}
	l.Topics = p.topicArgs(l.Role)
	return l, nil
}

// rules resolves what needs no model: a topic named, a role alone, a
// topic asked of a role that lacks it, a greeting, an executive the pack
// does not cover, or nothing but question words. free reports that none
// of them applies: the args are a free-text question.
func (p *Pack) rules(args string) (l Lookup, q question, free bool) {
	q = p.parse(args)
	role, words, roleLed := q.role, q.words, q.roleLed
	rest := words
	if roleLed {
		rest = words[1:]
	}
	l = Lookup{Role: role}
	t, other, ok := p.named(role, rest, roleLed, words)
	switch {
	case ok && other && len(p.TopicNames(role)) == 1 && t.Name == "responsibilities":
		// What a role known by its overview alone does ("head of data
		// role", "ciso responsibilities"): its overview says.
		o, _ := p.TopicByName(role, "overview")
		l.Topic = &o
	case ok && other:
		l.Elsewhere = &Elsewhere{Asked: role, Found: t, Nearest: p.nearestOf(role, t)}
	case ok:
		l.Role, l.Topic = t.Role, &t
	case !roleLed && socialOf(words) != NotSocial:
		l.Social = socialOf(words)
	default:
		if r, ok := p.onlyRole(q.eachToken); ok {
			t, _ := p.TopicByName(r, "overview")
			l.Role, l.Topic = t.Role, &t
			return l, q, false
		}
		if p.otherExecutive(q.eachToken) || p.onlyOtherTitles(&q) {
			// "what does a cfo do?", "how to assess a product manager
			// candidate": a role hirebot has no material on.
			l.Pointer = PointOtherRole
			return l, q, false
		}
		if t, ok := p.TopicByName(role, "help"); ok && !q.hasTokens() && len(words) > 0 {
			// Nothing but question words ("what can you do?"): say what
			// hirebot can do.
			l.Role, l.Topic = t.Role, &t
			return l, q, false
		}
		return l, q, true
	}
	return l, q, false
}

// topicArgs returns role's topics as args for /cto-role, built once by
// Load. The slice is clipped: appending to it copies.
func (p *Pack) topicArgs(role string) []string {
	if args, ok := p.index.topicArgs[role]; ok {
		return slices.Clip(args)
	}
	var out []string
	for _, name := range p.TopicNames(role) {
		out = append(out, asArgs(role, name))
	}
	return out
}

// answer fills in l's answer to a free-text question, in words and as
// toks, or its suggestions when the pack does not cover it.
func (p *Pack) answer(l *Lookup, toks []token, words []string, roleLed bool) {
	rest := words
	if roleLed {
		rest = words[1:]
	}
	rs, terms := p.searchRole(toks, l.Role, p.namesOnly(words, l.Role))
	if len(rs) == 0 || rs[0].Confidence < MinConfidence {
		l.Suggestions = p.suggestAll(l.Role, rest)
		return
	}
	top := rs[0]
	if roleLed && top.Topic.Role != l.Role && !slices.Contains(words, top.Topic.Role) {
		l.Elsewhere = &Elsewhere{Asked: l.Role, Found: top.Topic, Nearest: p.nearestOf(l.Role, top.Topic)}
		return
	}
	l.Answer = &Answer{Topic: top.Topic, Passage: p.index.passage(top.Topic, top.doc, terms), Confidence: top.Confidence}
	for _, r := range rs {
		if r.Confidence >= MinConfidence && len(l.Results) < resultsShown {
			l.Results = append(l.Results, r)
		}
	}
	if len(rest) == 1 && !p.knows(rest[0]) {
		l.Suggestions = p.suggestAll(l.Role, rest)
	}
}

// How much more a topic of the lookup's role counts in Resolve's search:
// for the default role, enough to break near-ties ("responsibilities" is
// both a CTO and a CIO topic), not to overturn a clear answer; for a role
// the question names, more ("what should we look for in a CIO?").
const (
	rolePreference      = 1.1
	namedRolePreference = 2
)

// searchRole ranks the topics for a query's tokens, preferring the role's
// topics, and more so when the query names the role.
func (p *Pack) searchRole(toks []token, role string, named bool) ([]Result, [][]candidate) {
	rs, terms := p.rank(toks)
	pref := rolePreference
	if named {
		pref = namedRolePreference
	}
	for i := range rs {
		if rs[i].Topic.Role == role {
			rs[i].Score *= pref
		}
	}
	slices.SortStableFunc(rs, func(a, b Result) int { return cmp.Compare(b.Score, a.Score) })
	return rs, terms
}

// named finds the topic the words name, if they name one: the role's
// overview for no words, a topic name or alias of the role, a topic id, or
// a name that only another role has. other reports the last case when a
// role word led: the user asked that role for a topic it does not have.
func (p *Pack) named(role string, rest []string, roleLed bool, all []string) (t Topic, other, ok bool) {
	// Words longer together than any name or id name nothing: a
	// question is not joined up only to be looked up in vain.
	nameFits, wholeFits := p.mayName(rest), p.mayName(all)
	name := ""
	if nameFits {
		if name = strings.Join(rest, "-"); name == "" {
			name = "overview"
		}
		if t, ok := p.TopicByName(role, name); ok {
			return t, false, true
		}
	}
	if len(rest) == 1 {
		if _, ok := p.Role(rest[0]); ok { // "cto cio"
			t, ok := p.TopicByName(rest[0], "overview")
			return t, false, ok
		}
	}
	if wholeFits {
		whole := strings.Join(all, "-")
		if t, ok := p.Topic(whole); ok {
			return t, false, true
		}
		for _, r := range p.Roles { // "cio-vs-cto" is a name of a cto topic
			if t, ok := p.TopicByName(r.ID, whole); ok && r.ID != role {
				return t, false, true
			}
		}
	}
	if roleLed && nameFits { // "cio kinds": a name only another role has
		for _, r := range p.Roles {
			if t, ok := p.TopicByName(r.ID, name); ok && r.ID != role {
				return t, true, true
			}
		}
	}
	return Topic{}, false, false
}

// mayName reports whether words joined with hyphens may be a topic's
// name, alias or id: false when they are longer than TopicByName and
// Topic can match.
func (p *Pack) mayName(words []string) bool {
	if p.index == nil {
		return true
	}
	n := max(len(words)-1, 0)
	for _, w := range words {
		n += len(w)
	}
	return n <= p.index.longestKey
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
	out := strings.Fields(normalize(args))
	words := out[:0] // trimmed in place
	for _, f := range out {
		if f = trimPunct(f); f != "" {
			words = append(words, f)
		}
	}
	if len(words) == 0 {
		return nil
	}
	return words
}

// punct is the punctuation argWords trims from around words.
var punct = func() (set [utf8.RuneSelf]bool) {
	for _, c := range "-?!.,;:'\"()[]{}/*_`" {
		set[c] = true
	}
	return set
}()

// trimPunct is strings.Trim(f, "-?!.,;:'\"()[]{}/*_`") without building
// the set of signs for each word.
func trimPunct(f string) string {
	for len(f) > 0 && f[0] < utf8.RuneSelf && punct[f[0]] {
		f = f[1:]
	}
	for len(f) > 0 && f[len(f)-1] < utf8.RuneSelf && punct[f[len(f)-1]] {
		f = f[:len(f)-1]
	}
	return f
}
