package wording

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// ruleFrame is what a rule asks of the clause it matches in (the frame:
// field of rules.yaml).
type ruleFrame uint8

const (
	// frameAny: the rule fires wherever its pattern matches.
	frameAny ruleFrame = iota
	// frameAboutApplicant: not in a clause that only describes someone
	// else (clients, a programme, a benefit, staff, the product), that
	// says what the employer does not ask ("we do not ask for your date of
	// birth"), or that names the law that requires it (a clearance, an
	// occupational requirement).
	frameAboutApplicant
	// frameScreening: as frameAboutApplicant, and only in a clause that
	// screens the applicant: a requirement, preference or exclusion, a
	// question, a request or a form field.
	frameScreening
	// frameHire: not about a person the sentence names ("our founder ...
	// his garage", "Chairman, Sir David Ellis").
	frameHire
)

// parseRuleFrame reads a rule's frame: field.
func parseRuleFrame(s string) (ruleFrame, error) {
	switch s {
	case "", "any":
		return frameAny, nil
	case "applicant":
		return frameAboutApplicant, nil
	case "screen":
		return frameScreening, nil
	case "hire":
		return frameHire, nil
	}
	return frameAny, fmt.Errorf("unknown frame %q: use any, applicant, screen or hire", s)
}

// lawfulWords mark a clause that rests a requirement on the law or a
// clearance ("as permitted by the Equality Act", "requires SC clearance").
var lawfulWords = map[string]bool{"clearanc": true, "vet": true, "itar": true, "ear": true, "permit": true, "law": true,
	"statutori": true, "regul": true, "legal": true, "legisl": true, "act": true, "occup": true, "export": true, "gdpr": true, "hipaa": true}

// sentenceOf returns the indexes of the first and last tokens of the
// sentence token at is in.
func sentenceOf(toks []token, at int) (first, last int) {
	sent := toks[at].sentence
	first, last = at, at
	for first > 0 && toks[first-1].sentence == sent {
		first--
	}
	for last+1 < len(toks) && toks[last+1].sentence == sent {
		last++
	}
	return first, last
}

// lawfulSentence reports whether a sentence rests what it asks on the law
// or a clearance, or puts it after a job offer ("after a conditional
// offer"), where the law allows it.
func lawfulSentence(toks []token) bool {
	for i, t := range toks {
		if lawfulWords[t.norm] {
			return true
		}
		if (t.norm == "offer" || t.norm == "sign" || t.norm == "hire" || t.norm == "onboard" || t.norm == "start") && i > 0 {
			for _, prev := range toks[max(0, i-4):i] {
				if prev.norm == "after" || prev.norm == "condit" || prev.norm == "post" || prev.norm == "onc" {
					return true
				}
			}
		}
	}
	return false
}

// dropByFrame removes the matches whose rule asks for a frame their clause
// does not have, and returns them apart: the frame explains them (a
// mention about someone else, a disclaimer, a lawful requirement).
func (c *Checker) dropByFrame(p place, ms []match) (kept, explained []match) {
	need := false
	for _, m := range ms {
		need = need || c.frames[m.rule] != frameAny || c.unless[m.rule] != nil
	}
	if !need {
		return ms, nil
	}
	type sentenceClauses struct {
		first   int
		clauses []clause
		lawful  bool
	}
	cache := map[int]sentenceClauses{}
	drop := func(m match) bool {
		rf := c.frames[m.rule]
		at := tokenAt(p.toks, m.start)
		if at >= len(p.toks) {
			return false
		}
		if u := c.unless[m.rule]; u != nil {
			first, last := sentenceOf(p.toks, at)
			if u.matchesAny(p.toks[first : last+1]) {
				return true
			}
		}
		if rf == frameAny {
			return false
		}
		if rf == frameHire {
			return aboutNamedPerson(p.toks, p.text, m.start, m.end)
		}
		sent := p.toks[at].sentence
		sc, ok := cache[sent]
		if !ok {
			first, last := sentenceOf(p.toks, at)
			raw := p.text[p.toks[first].start:p.toks[last].end]
			if last+1 < len(p.toks) {
				raw = p.text[p.toks[first].start:p.toks[last+1].start]
			} else {
				raw = p.text[p.toks[first].start:]
			}
			sc = sentenceClauses{first: first, clauses: readClauses(p.toks[first:last+1], raw), lawful: lawfulSentence(p.toks[first : last+1])}
			cache[sent] = sc
		}
		var f frame
		near := false // a word about someone or something else just before the match
		for _, cl := range sc.clauses {
			if at-sc.first >= cl.first && at-sc.first <= cl.last {
				f = cl.frame
				for i := max(sc.first+cl.first, at-3); i < at; i++ {
					near = near || markOther[p.toks[i].norm]
				}
			}
		}
		lawful := sc.lawful
		switch {
		case f.descriptive(), f&frameDisclaim != 0 && f&frameExclude == 0, lawful:
			return true
		case near && f&(frameScreen|frameStaff) == 0:
			return true // "building products around pregnancy"
		case rf == frameScreening:
			return f&(frameScreen|frameApplicant) == 0
		}
		return false
	}
	for _, m := range ms {
		if drop(m) {
			explained = append(explained, m)
		} else {
			kept = append(kept, m)
		}
	}
	return kept, explained
}

// aboutNamedPerson reports whether the words at byte offsets start..end
// of text are about a person the sentence names: a capitalised name or a
// role ("our founder", "the Head of Sales") before them in the sentence,
// or a name right after them ("Chairman, Sir David Ellis"). A gendered
// title or pronoun for someone already on the staff is not about the hire.
func aboutNamedPerson(toks []token, text string, start, end int) bool {
	at := tokenAt(toks, start)
	if at >= len(toks) {
		return false
	}
	sent := toks[at].sentence
	for i := at - 1; i >= 0 && toks[i].sentence == sent; i-- {
		t := toks[i]
		first := i == 0 || toks[i-1].sentence != sent || t.brk
		if at-i > 12 {
			break
		}
		if roleWords[t.norm] && i > 0 && incumbent[toks[i-1].norm] || (i > 1 && roleWords[t.norm] && incumbent[toks[i-2].norm]) {
			return true
		}
		if !first && capitalised(text[t.start:t.end]) && !notNames[t.word] && !roleWords[t.norm] {
			return true
		}
	}
	after := tokenAt(toks, end)
	if after < len(toks) && toks[after].sentence == sent && toks[after].comma && capitalised(text[toks[after].start:toks[after].end]) {
		return true
	}
	return false
}

// roleWords name people already in post.
var roleWords = map[string]bool{"founder": true, "cofound": true, "ceo": true, "cfo": true, "coo": true, "cto": true,
	"cio": true, "ciso": true, "chair": true, "chairman": true, "presid": true, "director": true, "head": true, "manag": true,
	"mentor": true, "predecessor": true, "vp": true, "lead": true}

// incumbent are the words that make a role someone already in post: "our
// founder", "the previous CTO".
var incumbent = map[string]bool{"our": true, "previous": true, "former": true, "outgo": true, "current": true,
	"exist": true, "incumb": true, "my": true}

// notNames are capitalised words that are not names.
var notNames = map[string]bool{"i": true, "we": true, "you": true, "our": true, "the": true, "he": true, "she": true,
	"his": true, "her": true, "they": true, "this": true, "a": true, "an": true, "if": true}

// capitalised reports whether s is written as a name: a capital, then
// lower case ("Maria", not "AWS").
func capitalised(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) || size == len(s) {
		return false
	}
	for _, r := range s[size:] {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
