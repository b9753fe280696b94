package wording

import (
	"unicode"
	"unicode/utf8"
)

// aboutNamedPerson reports whether the words at byte offsets start..end
// of text are about a person the sentence names: a capitalised name or a
// role ("our founder", "the Head of Sales") anywhere before them in the
// sentence, a name right after them ("Chairman, Sir David Ellis",
// "Chairman Ray Hollister"). A title alone, even of someone in post ("report
// to the Chairman"), is still a job named by one sex; the labelled sets
// read it so. A gendered title or pronoun for someone already on the
// staff is not about the hire. When the sentence is about the hire ("The
// new CTO will report to the CEO, and he …"), a role it reports to or
// works with is not who its pronouns mean.
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
	hire := hireSubject(toks[first : last+1])
	for i := at - 1; i >= first; i-- {
		t := toks[i]
		initial := i == first || t.brk
		role := soleRoles[t.norm] || roleWords[t.norm] && (you || anyNorm(toks[max(first, i-3):i], incumbent))
		if role && !(hire && prepositionObject(toks[first:i+1])) {
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
		// "just tell Niamh in talent", "email Priya": someone to contact.
		contact := i > first && (contactVerbs[toks[i-1].word] || i-1 > first && (toks[i-1].word == "to" || toks[i-1].word == "with") && contactVerbs[toks[i-2].word])
		if honorific || commas || contact {
			return true
		}
	}
	after := tokenAt(toks, end)
	if after <= last && toks[after].word == "of" {
		// "The Chairman of the Supervisory Board, Mr Laurent, …": the
		// title's own "of" phrase, then the name.
		for k := after + 1; k <= min(last, after+6); k++ {
			if toks[k].comma {
				if honorifics[toks[k].word] || capitalised(text[toks[k].start:toks[k].end]) && k+1 <= last && toks[k+1].comma {
					return true
				}
				break
			}
		}
	}
	if after <= last && toks[after].sentence == sent && capitalised(text[toks[after].start:toks[after].end]) && !notNames[toks[after].word] {
		// "Chairman, Sir David Ellis"; "Chairman Ray Hollister founded …"
		named := after+1 <= last && capitalised(text[toks[after+1].start:toks[after+1].end]) && !toks[after+1].brk
		if toks[after].comma || named && !roleWords[toks[after].norm] {
			return true
		}
	}
	return false
}

// hireSubject reports whether a sentence is about the hire: it starts
// with "the new …", "our successful …", "the ideal …", or does after an
// opening phrase ("Reporting to the CEO, the new CTO …").
func hireSubject(sent []token) bool {
	for i := 0; i+1 < len(sent) && i < 12; i++ {
		if i > 0 && !sent[i].comma {
			continue
		}
		if (sent[i].word == "the" || sent[i].word == "our") && hireWords[sent[i+1].norm] {
			return true
		}
		// "Reporting to the CEO, the VP Engineering will …": the role
		// the ad is for, as the subject.
		if sent[i].word == "the" && roleWords[sent[i+1].norm] && !soleRoles[sent[i+1].norm] && i+2 < len(sent) && roleWords[sent[i+2].norm] || sent[i].word == "the" && sent[i+1].norm == "vp" {
			return true
		}
	}
	return false
}

// prepositionObject reports whether the last word of words is the object
// of a preposition ("report to the CEO", "work with our founder").
func prepositionObject(words []token) bool {
	i := len(words) - 2
	for i >= 0 && determiners[words[i].word] {
		i--
	}
	return i >= 0 && i < len(words)-1 && relations[words[i].norm]
}

// hireWords, after "the", make a phrase about the person being hired.
var hireWords = map[string]bool{"new": true, "successful": true, "ideal": true, "incom": true, "right": true,
	"futur": true, "chosen": true}

// determiners come before a noun; relations are the prepositions by which
// a sentence names someone the hire deals with.
var (
	determiners = map[string]bool{"the": true, "our": true, "their": true, "its": true, "your": true}
	relations   = map[string]bool{"to": true, "into": true, "with": true, "includ": true, "alongsid": true,
		"besid": true, "under": true, "by": true, "from": true}
)

// inOrganisationName reports whether tokens from..to lie inside the name
// of an organisation, a group or an event written in capitals: a run of
// capitalised words, joined by "of", "in", "for" or "and", that has a
// word such as Society, Network or Foundation, or a joining word inside
// ("Women in Energy"). A mention of "the Society of Women Engineers" is
// not about the applicant.
func inOrganisationName(toks []token, text string, from, to int) bool {
	if from >= len(toks) || to >= len(toks) || to < from {
		return false
	}
	word := func(i int) string { return text[toks[i].start:toks[i].end] }
	upper := func(i int) bool { return capitalised(word(i)) || isAcronym(word(i)) }
	for i := from; i <= to; i++ {
		if !upper(i) {
			return false
		}
	}
	sent := toks[from].sentence
	lo, hi := from, to
	for lo > 0 && toks[lo-1].sentence == sent && !toks[lo].brk && (upper(lo-1) || nameJoiners[toks[lo-1].word] && lo >= 2 && upper(lo-2)) {
		lo--
	}
	for hi+1 < len(toks) && toks[hi+1].sentence == sent && !toks[hi+1].brk && (upper(hi+1) || nameJoiners[toks[hi+1].word] && hi+2 < len(toks) && upper(hi+2)) {
		hi++
	}
	org, joined, capitals := false, false, 0
	for i := lo; i <= hi; i++ {
		switch {
		case nameJoiners[toks[i].word] && !upper(i):
			joined = true
		case i == 0 || toks[i-1].sentence != sent:
			// A sentence's first word is capitalised anyway.
		case upper(i):
			capitals++
			org = org || organisationWords[toks[i].norm]
		}
	}
	return capitals >= 2 && (org || joined && capitals >= 3 || joined && hi-lo >= 2)
}

// isAcronym reports whether s is written in capitals ("LGBTQ", "PRIDE").
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// nameJoiners join the words of a name: "Society of Women Engineers".
var nameJoiners = map[string]bool{"of": true, "in": true, "for": true, "and": true, "the": true, "&": true}

// organisationWords make a capitalised name an organisation's, a group's
// or an event's.
var organisationWords = map[string]bool{"societi": true, "network": true, "associ": true, "allianc": true, "foundat": true,
	"council": true, "institut": true, "club": true, "circl": true, "forum": true, "group": true, "feder": true,
	"union": true, "fund": true, "trust": true, "leagu": true, "coalit": true, "collect": true, "chamber": true,
	"academi": true, "committe": true, "commiss": true, "centr": true, "center": true, "initi": true, "programm": true,
	"program": true, "award": true, "summit": true, "confer": true, "day": true, "month": true, "week": true,
	"festiv": true, "colleg": true, "univers": true, "school": true, "hospit": true, "museum": true, "inc": true,
	"ltd": true, "llc": true, "plc": true, "gmbh": true, "corpor": true, "partnership": true, "scheme": true, "project": true}

// roleWords name people already in post.
var roleWords = map[string]bool{"founder": true, "cofound": true, "ceo": true, "cfo": true, "coo": true, "cto": true,
	"cio": true, "ciso": true, "chair": true, "chairman": true, "presid": true, "director": true, "head": true, "manag": true,
	"mentor": true, "predecessor": true, "vp": true, "lead": true}

// soleRoles are held by one person who is not the hire: "the founder ...
// himself".
var soleRoles = map[string]bool{"founder": true, "cofound": true, "ceo": true, "chairman": true, "chair": true,
	"presid": true, "predecessor": true}

// incumbent are the words that make a role someone already in post, up
// to three words before it: "our founder", "the previous CTO", "our Data
// Governance Lead".
var incumbent = map[string]bool{"our": true, "previous": true, "former": true, "outgo": true, "current": true,
	"exist": true, "incumb": true, "my": true}

// contactVerbs, before a capitalised word, make it a person to contact:
// "tell Niamh", "email Priya", "speak to Tom", "reach out to Ana".
var contactVerbs = map[string]bool{"tell": true, "ask": true, "contact": true, "email": true, "e-mail": true, "call": true,
	"message": true, "ping": true, "phone": true, "text": true, "speak": true, "talk": true, "chat": true, "out": true, "cc": true}

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
