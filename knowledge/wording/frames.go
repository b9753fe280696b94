package wording

import (
	"fmt"
	"strings"
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
	// an offer does not explain it ("we offer an unpaid trial week", "life
	// cover underwritten with a family-history questionnaire").
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

// aboutOthers reports whether the words before a match, within its clause,
// end in a relative clause about other people: "translators who are",
// "engineers that speak" (a plural noun that is not the applicant, then
// who or that).
// A singular noun of someone else counts too: "a client that provides
// genetic testing".
func aboutOthers(before []token) bool {
	i := relativeHead(before)
	if i < 0 {
		return false
	}
	prev := before[i]
	return otherAt(before, i) || before[i+1].word != "which" && strings.HasSuffix(prev.word, "s") && !markApplicant[prev.norm] && !markStaff[prev.norm]
}

// relativeHead returns the index of the noun that the last relative
// clause of before ("who", "that", "whose", "which") is about; -1 when
// there is none.
func relativeHead(before []token) int {
	for i := len(before) - 1; i > 0; i-- {
		if w := before[i].word; w == "who" || w == "that" || w == "whose" || w == "which" {
			return i - 1
		}
	}
	return -1
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

// dropByFrame removes the matches whose rule asks for a frame their clause
// does not have. It returns apart those the frame explains (a mention
// about someone else, a disclaimer, a lawful requirement, the job's own
// context), which keep the classifier off their sentence; a match dropped
// only because its clause does not screen the applicant is in neither
// list, and the classifier still reads its sentence.
func (c *Checker) dropByFrame(p place, ms []match) (kept, explained []match) {
	need := false
	for _, m := range ms {
		need = need || c.frames[m.rule] != frameAny || c.unless[m.rule] != nil
	}
	if !need {
		return ms, nil
	}
	r := frameReader{c: c, p: p, cache: map[int]sentenceClauses{}}
	for _, m := range ms {
		switch r.verdict(m) {
		case frameKeeps:
			kept = append(kept, m)
		case frameExplains:
			explained = append(explained, m)
		}
	}
	return kept, explained
}

// A frameVerdict is what a match's clause makes of it.
type frameVerdict uint8

const (
	frameKeeps    frameVerdict = iota // the clause has the frame the rule needs: a finding
	frameExplains                     // the clause explains the match away
	frameUnproven                     // the clause does not screen the applicant, as the rule needs; nothing says it is harmless
)

// A frameReader reads the clauses of one place's sentences for
// dropByFrame, each sentence once.
type frameReader struct {
	c     *Checker
	p     place
	cache map[int]sentenceClauses // by sentence index
}

type sentenceClauses struct {
	first   int
	clauses []clause
	lawful  bool
}

// sentence returns the clauses of the sentence token at is in.
func (r *frameReader) sentence(at int) sentenceClauses {
	toks := r.p.toks
	sent := toks[at].sentence
	if sc, ok := r.cache[sent]; ok {
		return sc
	}
	first, last := sentenceOf(toks, at)
	raw := r.p.text[toks[first].start:]
	if last+1 < len(toks) {
		raw = r.p.text[toks[first].start:toks[last+1].start]
	}
	sc := sentenceClauses{first: first, clauses: readClauses(toks[first:last+1], raw), lawful: lawfulSentence(toks[first : last+1])}
	r.cache[sent] = sc
	return sc
}

// verdict reads the clause of match m against what its rule needs.
func (r *frameReader) verdict(m match) frameVerdict {
	c, toks := r.c, r.p.toks
	rf := c.frames[m.rule]
	at := tokenAt(toks, m.start)
	if at >= len(toks) {
		return frameKeeps
	}
	if u := c.unless[m.rule]; u != nil {
		// The job's own context: a field, site or driving role named in
		// the sentence or in the ad's title, unless the sentence puts
		// the requirement on a role keep_if names.
		first, last := sentenceOf(toks, at)
		sent := toks[first : last+1]
		if (u.matchesAny(sent) || u.matchesAny(r.p.title)) && (c.keepIf[m.rule] == nil || !c.keepIf[m.rule].matchesAny(sent)) {
			return frameExplains
		}
	}
	switch rf {
	case frameAny:
		return frameKeeps
	case frameHire:
		return explainsIf(aboutNamedPerson(toks, r.p.text, m.start, m.end))
	}
	if inOrganisationName(toks, r.p.text, at, tokenAt(toks, m.end-1)) {
		return frameExplains // "the National Society of Black Engineers", "Women in Tech"
	}
	sc := r.sentence(at)
	var f frame
	near := false     // a word about someone or something else just before the match
	relative := false // the match is in a relative clause about a client, a product, a programme
	owned := false    // the characteristic matched belongs to people the job serves (see ownedByOthers)
	for _, cl := range sc.clauses {
		if at-sc.first >= cl.first && at-sc.first <= cl.last {
			f = cl.frame
			for i := max(sc.first+cl.first, at-3); i < at; i++ {
				near = near || otherAt(toks, i)
			}
			if at > sc.first+cl.first && toks[at-1].word == "for" {
				// "the programme of the Maison for young designers":
				// whom a programme, product or service is for.
				for i := max(sc.first+cl.first, at-7); i < at-1; i++ {
					near = near || otherAt(toks, i)
				}
			}
			start := sc.first + cl.first
			if w := toks[start].word; start > sc.first && (w == "which" || w == "who" || w == "whose" || w == "that") {
				// ", which serves adults aged 65": the clause is about
				// the noun that ends the one before.
				start--
			}
			before := toks[start:at]
			h := relativeHead(before)
			relative = h >= 0 && otherAt(before, h) // "a client that provides genetic testing"
			near = near || relative || aboutOthers(before)
			owned = ownedByOthers(toks, r.p.text, sc.first+cl.first, sc.first+cl.last, at)
		}
	}
	if owned {
		// "patients' HIV status, genetic test results …": the
		// characteristic is someone else's, whatever the clause asks.
		return frameExplains
	}
	lawful := sc.lawful
	disclaimed := f&frameDisclaim != 0 && f&frameExclude == 0
	if rf == frameStated {
		// "no unpaid trial", "never unpaid work"; "a client that provides
		// genetic testing". A law does not make work unpaid lawfully.
		negated := at > 0 && toks[at-1].sentence == toks[at].sentence && markNegation[toks[at-1].norm]
		lawful = lawful && c.rules[m.rule].Category != "unpaid-work"
		return explainsIf(disclaimed || lawful || negated || relative && f&(frameScreen|frameStaff) == 0)
	}
	if c.rules[m.rule].Category != "age" {
		// Describing the team ("our Jewish staff network") is a proxy for
		// the hire only for age ("a young team").
		f &^= frameStaff
	}
	switch {
	case f.descriptive(), disclaimed, lawful:
		return frameExplains
	case near && f&(frameScreen|frameStaff) == 0:
		return frameExplains // "building products around pregnancy"
	case rf == frameScreening && f&(frameScreen|frameApplicant) == 0:
		return frameUnproven
	}
	return frameKeeps
}

func explainsIf(b bool) frameVerdict {
	if b {
		return frameExplains
	}
	return frameKeeps
}

// owners are the people whose characteristics a job handles and the
// applicant does not share by being hired: patients, clients, users.
// (Family members are not among them: their medical history is the
// applicant's genetic information.)
var owners = map[string]bool{"patient": true, "client": true, "custom": true, "user": true, "student": true,
	"resid": true, "particip": true, "player": true, "member": true, "subscrib": true}

// ownedByOthers reports whether the match at token at, in the clause of
// tokens first..last, names a characteristic of people the job serves:
// a possessive owner a few words before it ("patients' genetic test
// results", "a customer's religion"), or "of" or "about" an owner after
// it ("the genetic data of our patients", "hereditary risk for
// patients"), with no word about the applicant in between.
func ownedByOthers(toks []token, text string, first, last, at int) bool {
	for i := at - 1; i >= max(first, at-8); i-- {
		t := toks[i]
		if markApplicant[t.norm] || t.word == "their" || t.word == "his" || t.word == "her" {
			break // "your patients' …" is still theirs, but "your family's" is yours
		}
		possessive := strings.HasSuffix(t.word, "'s") || t.end < len(text) && (text[t.end] == '\'' || strings.HasPrefix(text[t.end:], "’"))
		if possessive && owners[norm(strings.TrimSuffix(t.word, "'s"))] && !(t.word == "client's" && employerClient(toks, i)) {
			return true
		}
	}
	for i := at + 1; i <= min(last, at+6); i++ {
		if w := toks[i].word; w != "of" && w != "about" && w != "for" {
			continue
		}
		for k := i + 1; k < min(last+1, i+4); k++ {
			t := toks[k]
			if owners[t.norm] && !(t.word == "client" && employerClient(toks, k)) {
				return true
			}
			if t.word != "our" && t.word != "the" && t.word != "its" && t.word != "their" {
				break
			}
		}
	}
	return false
}

// employerClient reports whether "client" at toks[i] is the employer a
// recruiter writes for ("the client's culture"), not a client the job
// serves ("a client's records", "clients' data").
func employerClient(toks []token, i int) bool {
	return i == 0 || toks[i-1].word != "a" && toks[i-1].word != "an"
}
