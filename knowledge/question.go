package knowledge

import (
	"iter"
	"strings"
)

// Reading a /cto-role question before it is searched: which role it is
// about, and whether it is about a role as a whole, or about a role the
// pack does not cover.

// namesOnly reports whether role is the one role the words name.
func (p *Pack) namesOnly(words []string, role string) bool {
	r, ok := p.mentionedRole(words)
	return ok && r == role
}

// question is what Resolve reads in its args.
type question struct {
	role    string   // the role asked about
	roleLed bool     // a role word led
	words   []string // the words, role titles as role ids, shorthand written out
	toks    []token  // the words as search tokens: see tokens; nil until asked for
	raw     []string // the args as wordsOf splits them, as the topic model reads them
	// mention is what raw says of job titles, once titles has read it.
	mention  titleMention
	mentions bool
}

// titles returns what the question's words say of job titles, read once
// for the rules and the topic model both.
func (q *question) titles(p *Pack) titleMention {
	if !q.mentions {
		q.mention, q.mentions = p.titlesOf(q.raw), true
	}
	return q.mention
}

// parse reads args as a question.
func (p *Pack) parse(args string) question {
	q := question{role: DefaultRole, words: p.withRoleIDs(argWords(args)), raw: wordsOf(args)}
	if len(q.words) > 0 {
		if _, ok := p.Role(q.words[0]); ok {
			q.role, q.roleLed = q.words[0], true
		}
	}
	if r, ok := p.mentionedRole(q.words); ok && !q.roleLed {
		q.role = r // "what should we look for in a cio?"
	}
	return q
}

// tokens returns the question's words as search tokens, made on first
// use (most questions never need them all).
func (q *question) tokens() []token {
	if q.toks == nil {
		q.toks = tokens(strings.Join(q.words, " "))
	}
	return q.toks
}

// eachToken yields the question's tokens in order, as tokens returns
// them, making only as many as the caller takes: the rules that read them
// stop at the first word that is not a role or a job word.
func (q *question) eachToken(yield func(token) bool) {
	if q.toks != nil {
		for _, t := range q.toks {
			if !yield(t) {
				return
			}
		}
		return
	}
	// tokens(strings.Join(words, " ")) is the tokens of each word in
	// turn: the words are lower-case and split on spaces already.
	for _, w := range q.words {
		for _, t := range tokens(w) {
			if !yield(t) {
				return
			}
		}
	}
}

// hasTokens reports whether the question has any search token.
func (q *question) hasTokens() bool {
	for range q.eachToken {
		return true
	}
	return false
}

// onlyRole reports the role a question is about when a role word is all
// that matters in it ("what is a CTO?", "tell me about the cio"), perhaps
// with words for a job as such ("explain the cio role").
func (p *Pack) onlyRole(toks iter.Seq[token]) (string, bool) {
	role := ""
	for tok := range toks {
		if jobWords[tok.word] {
			continue
		}
		if _, ok := p.Role(tok.word); !ok || (role != "" && role != tok.word) {
			return "", false
		}
		role = tok.word
	}
	return role, role != ""
}

// otherExecutive reports whether a question is only about an executive
// the pack has neither as a role nor as a topic name: "ceo", "what does a
// cfo do?". Executive titles are written C…O ("cfo", "ciso"); a topic
// named by one ("ciso") covers it.
func (p *Pack) otherExecutive(toks iter.Seq[token]) bool {
	exec := false
	for tok := range toks {
		w := tok.word
		switch {
		case jobWords[w]:
		case len(w) >= 3 && len(w) <= 4 && w[0] == 'c' && w[len(w)-1] == 'o' && !exec:
			if _, ok := p.Role(w); ok {
				return false
			}
			for _, r := range p.Roles {
				if _, ok := p.TopicByName(r.ID, w); ok {
					return false
				}
			}
			exec = true
		default:
			return false
		}
	}
	return exec
}

// jobWords are words for a job as such, which say nothing about which
// part of it a question is about.
var jobWords = map[string]bool{
	"role": true, "roles": true, "position": true, "positions": true, "job": true,
	"jobs": true, "title": true, "titles": true, "post": true, "mean": true, "meaning": true,
	"definition": true, "define": true, "overview": true, "intro": true, "introduction": true,
}

// knows reports whether the pack's topics use word as it is.
func (p *Pack) knows(word string) bool {
	for _, tok := range tokens(word) {
		if _, ok := p.index.terms[tok.stem]; !ok {
			return false
		}
	}
	return true
}
