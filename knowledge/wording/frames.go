package wording

import (
	"fmt"
	"strings"
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
	// frameStated: anywhere but in a clause that says what the employer
	// does not ask ("we never ask for unpaid work") or that names the law;
	// an offer does not explain it ("we offer an unpaid trial week").
	frameStated
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
	case "stated":
		return frameStated, nil
	}
	return frameAny, fmt.Errorf("unknown frame %q: use any, applicant, screen, hire or stated", s)
}

// lawfulWords mark a clause that rests a requirement on the law or a
// clearance ("as permitted by the Equality Act", "requires SC clearance").
var lawfulWords = map[string]bool{"clearanc": true, "itar": true, "law": true, "regulatori": true,
	"statutori": true, "legal": true, "legisl": true, "export": true, "gdpr": true, "hipaa": true}

// aboutOthers reports whether the words before a match, within its clause,
// end in a relative clause about other people: "translators who are",
// "engineers that speak" (a plural noun that is not the applicant, then
// who or that).
func aboutOthers(before []token) bool {
	for i := len(before) - 1; i > 0; i-- {
		w := before[i].word
		if w != "who" && w != "that" && w != "whose" {
			continue
		}
		prev := before[i-1]
		return strings.HasSuffix(prev.word, "s") && !markApplicant[prev.norm] && !markStaff[prev.norm]
	}
	return false
}

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
		negated := i > 0 && markNegation[toks[i-1].norm] || i > 1 && markNegation[toks[i-2].norm]
		if lawfulWords[t.norm] && !negated {
			return true // "requires SC clearance", not "no clearance requirement"
		}
		next, prev := "", ""
		if i+1 < len(toks) {
			next = toks[i+1].norm
		}
		if i > 0 {
			prev = toks[i-1].norm
		}
		switch {
		case t.norm == "regul" && next == "activ":
			return true // UK "regulated activity", which needs a DBS check by law
		case t.norm == "occup" && next == "requir":
			return true // an occupational requirement (Equality Act 2010, Sch. 9)
		case t.word == "permitted" && !negated:
			return true // "as permitted by the Equality Act"
		case t.norm == "vet" && (prev == "sc" || prev == "dv" || prev == "nppv" || prev == "secur" || prev == "govern"):
			return true // security vetting
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
				near = near || aboutOthers(p.toks[sc.first+cl.first:at])
			}
		}
		lawful := sc.lawful
		disclaimed := f&frameDisclaim != 0 && f&frameExclude == 0
		if rf == frameStated {
			// "no unpaid trial", "never unpaid work"
			negated := at > 0 && p.toks[at-1].sentence == p.toks[at].sentence && markNegation[p.toks[at-1].norm]
			return disclaimed || lawful || negated
		}
		if c.rules[m.rule].Category != "age" {
			// Describing the team ("our Jewish staff network") is a
			// proxy for the hire only for age ("a young team").
			f &^= frameStaff
		}
		switch {
		case f.descriptive(), disclaimed, lawful:
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
	first, last := sentenceOf(toks, at)
	you := false // the sentence speaks to the applicant, so a role it names is someone else
	for _, t := range toks[first : last+1] {
		you = you || t.word == "you" || t.word == "your" || t.word == "you'll"
	}
	for i := at - 1; i >= first && at-i <= 12; i-- {
		t := toks[i]
		initial := i == first || t.brk
		if soleRoles[t.norm] || roleWords[t.norm] && (you || i > 0 && incumbent[toks[i-1].norm] || i > 1 && incumbent[toks[i-2].norm]) {
			return true
		}
		// A name: a capitalised word after an honorific ("Sir David"),
		// or set off by commas ("Our founder, Maria, ..."), that is not
		// a role.
		if initial || !capitalised(text[t.start:t.end]) || notNames[t.word] || roleWords[t.norm] {
			continue
		}
		honorific := i > first && honorifics[toks[i-1].word]
		commas := t.comma || i+1 <= last && toks[i+1].comma
		if honorific || commas {
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

// soleRoles are held by one person who is not the hire: "the founder ...
// himself".
var soleRoles = map[string]bool{"founder": true, "cofound": true, "ceo": true, "chairman": true, "chair": true,
	"presid": true, "predecessor": true}

// incumbent are the words that make a role someone already in post: "our
// founder", "the previous CTO".
var incumbent = map[string]bool{"our": true, "previous": true, "former": true, "outgo": true, "current": true,
	"exist": true, "incumb": true, "my": true}

// honorifics come before a person's name.
var honorifics = map[string]bool{"sir": true, "dame": true, "dr": true, "mr": true, "mrs": true, "ms": true, "miss": true,
	"prof": true, "professor": true, "lord": true, "lady": true}

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
