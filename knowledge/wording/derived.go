package wording

import (
	"strings"
	"sync"
)

// A derivedConcept is a protected category's subject that a construction
// of several words carries, where no one word does: a cap on years of
// experience is about age; work given for no pay, or real work the
// employer may put to use, is unpaid work.
type derivedConcept struct {
	at      int    // the token that closes the construction
	kind    string // the construction, a classifier feature ("d:nopay")
	concept string // the category whose subject it is
}

// The words the constructions are made of, by their normalised form.
var (
	// capWords put an upper limit on a number of years: "no more than
	// seven years", "should not exceed 15 years", "maximum 10 years".
	capWords = map[string]bool{"more": true, "exceed": true, "maximum": true, "max": true, "most": true,
		"over": true, "abov": true, "beyond": true, "less": true, "fewer": true, "under": true, "cap": true, "upto": true}
	// payWords name pay for work.
	payWords = map[string]bool{"pay": true, "payment": true, "paid": true, "charg": true, "cost": true, "fee": true,
		"salari": true, "stipend": true, "wage": true, "compens": true, "remuner": true, "expens": true, "reward": true, "ctc": true, "rate": true, "ote": true, "earn": true}
	// noPayWords before a pay word take it away: "at no charge", "free of
	// charge", "without compensation", "zero pay".
	noPayWords = map[string]bool{"no": true, "without": true, "free": true, "zero": true, "nil": true, "not": true,
		"unpaid": true, "onli": true}
	// realWords mark work as the employer's own, not an exercise: "our
	// real customer dataset", "an actual board meeting", "a live client
	// account".
	realWords = map[string]bool{"real": true, "actual": true, "live": true, "ongo": true, "exist": true}
	// workObjects are what such work is done on.
	workObjects = map[string]bool{"project": true, "client": true, "custom": true, "data": true, "dataset": true,
		"backlog": true, "environ": true, "estat": true, "codebas": true, "repo": true, "roadmap": true,
		"ticket": true, "account": true, "busi": true, "system": true, "org": true, "architectur": true,
		"infrastructur": true, "platform": true, "board": true, "queue": true, "document": true,
		"engag": true, "rfp": true, "bid": true, "sprint": true, "releas": true, "migrat": true, "work": true}
	// useWords, after "we may", "we will" or "we could", say the employer
	// keeps and uses what a candidate made: "which we may put to use",
	// "we will publish it".
	useWords = map[string]bool{"use": true, "publish": true, "implement": true, "adopt": true, "keep": true, "deploy": true, "merg": true, "ship": true, "retain": true, "put": true}
	// expectWords before a pay word make it what the applicant hopes to
	// earn, not what they earned: "salary expectations", "expected CTC".
	expectWords = map[string]bool{"expect": true, "expected": true, "desir": true, "target": true, "ask": true}
	// fluencyWords, beside a language, ask for a skill, not an origin.
	fluencyWords = map[string]bool{"fluent": true, "fluenci": true, "profici": true, "skill": true,
		"speak": true, "written": true, "spoken": true, "level": true, "command": true, "bilingu": true}
	// backgroundChecks after "background" make it a check of records.
	backgroundChecks = map[string]bool{"check": true, "screen": true, "investig": true, "verif": true, "vet": true}
	// careerStage before "career" or "working life" place someone in it:
	// "early in their career".
	careerStage = map[string]bool{"earli": true, "start": true, "begin": true, "first": true,
		"late": true, "end": true, "twilight": true}
	// candidateWords near a pay word make the pay the candidate's.
	candidateWords = map[string]bool{"candid": true, "you": true, "your": true, "finalist": true, "applic": true,
		"shortlist": true, "time": true, "sampl": true, "assess": true, "exercis": true, "task": true, "case": true}
	modalWords = map[string]bool{"may": true, "will": true, "might": true, "could": true, "can": true, "would": true, "'ll": true}
)

// languageWords are languages a requirement may ask fluency in (the
// language class of rules.yaml).
var languageWords = normSet("english german french spanish dutch italian portuguese polish swedish danish norwegian " +
	"finnish mandarin cantonese chinese japanese korean arabic hindi russian turkish hebrew greek czech hungarian romanian " +
	"ukrainian irish welsh kannada tamil telugu bengali urdu")

// normSet returns, once, the set of the normalised forms of words.
func normSet(words string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool {
		out := map[string]bool{}
		for _, w := range strings.Fields(words) {
			out[norm(w)] = true
		}
		return out
	})
}

// evidenceWords are the normalised words that may make a sentence worth
// the classifier's reading: the concepts' words, and the words that
// close a construction of derivedConcepts.
var evidenceWords = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for w := range concepts() {
		out[w] = true
	}
	for _, set := range []map[string]bool{payWords, workObjects, useWords, restDays, languageWords()} {
		for w := range set {
			out[w] = true
		}
	}
	for _, w := range []string{"year", "free", "expect", "expected", "background", "career", "life", "employ", "cv",
		"work", "break", "time", "cost", "expens", "dime", "volunt", "voluntari", "retain", "audit",
		"like", "background", "root", "blend", "homogen"} {
		out[w] = true
	}
	return out
})

// mayHaveEvidence reports whether any token of a sentence is one of
// evidenceWords: a cheap test before reading its clauses.
func mayHaveEvidence(toks []token) bool {
	ev := evidenceWords()
	for _, t := range toks {
		if ev[t.norm] {
			return true
		}
	}
	return false
}

// derivedConcepts returns the constructions of one sentence's tokens
// (norm set) that carry a protected category's subject.
func derivedConcepts(toks []token, buf []derivedConcept) []derivedConcept {
	out := buf[:0]
	back := func(i, n int, set map[string]bool) bool {
		for j := max(0, i-n); j < i; j++ {
			if set[toks[j].norm] && !toks[j+1].brk {
				return true
			}
		}
		return false
	}
	process, always := false, false
	for _, t := range toks {
		process = process || processWords[t.norm]
		always = always || t.norm == "everi" || t.norm == "except"
	}
	ev := evidenceWords()
	for i, t := range toks {
		w := t.norm
		if !ev[w] {
			continue
		}
		next := ""
		if i+1 < len(toks) && !toks[i+1].brk {
			next = toks[i+1].norm
		}
		switch {
		case w == "year" && i > 0 && strings.HasPrefix(toks[i-1].norm, "#") && back(i-1, 2, capWords):
			out = append(out, derivedConcept{i, "d:yearscap", "age"}) // "no more than seven years"
		case (w == "time" || w == "cost" || w == "expens" || w == "dime") && i > 0 && toks[i-1].norm == "own":
			out = append(out, derivedConcept{i, "d:nopay", "unpaid-work"}) // "on their own time", "at your own cost"
		case payWords[w] && back(i, 2, noPayWords):
			out = append(out, derivedConcept{i, "d:nopay", "unpaid-work"}) // "at no charge", "without compensation"
		case w == "free" && i > 0 && (payWords[toks[i-1].norm] || toks[i-1].norm == "for") && !t.brk:
			out = append(out, derivedConcept{i, "d:nopay", "unpaid-work"}) // "stipend-free", "for free"
		case w == "free" && next == "for" && i > 0 && (toks[i-1].norm == "us" || toks[i-1].norm == "work"):
			out = append(out, derivedConcept{i, "d:nopay", "unpaid-work"}) // "working with us free for a month"
		case payWords[w] && back(i, 3, expectWords), (w == "expect" || w == "expected") && i > 0 && payWords[toks[i-1].norm]:
			out = append(out, derivedConcept{i, "d:payexpect", ""}) // "salary expectations", "Expected CTC"
		case payWords[w] && back(i, 2, pastWords):
			out = append(out, derivedConcept{i, "d:pastpay", "salary-history"}) // "your current day rate", "last drawn salary"
		case w == "background" && (backgroundChecks[next] || i > 0 && toks[i-1].norm == "clean"):
			out = append(out, derivedConcept{i, "d:background", "criminal-record"}) // "a background check", "a clean background"
		case (w == "career" || w == "life" && i > 0 && toks[i-1].norm == "work") && back(i, 4, careerStage):
			out = append(out, derivedConcept{i, "d:careerstage", "age"}) // "early in their careers", "the start of their working life"
		case (w == "career" || w == "employ" || w == "cv" || w == "work" && next == "histori") && (gapWords[next] || back(i, 3, gapWords)):
			out = append(out, derivedConcept{i, "d:gaps", "disability"}) // "an unbroken career history", "continuous employment"
		case w == "break" && i > 0 && (toks[i-1].norm == "career" || toks[i-1].norm == "unexplain" || toks[i-1].norm == "no"):
			out = append(out, derivedConcept{i, "d:gaps", "disability"}) // "no unexplained breaks"
		case payWords[w] && !back(i, 2, noPayWords) && (back(i, 3, candidateWords) || i+2 < len(toks) && candidateWords[toks[i+2].norm]):
			out = append(out, derivedConcept{i, "d:paid", ""}) // "we pay every shortlisted candidate", "paid work sample"
		case languageWords()[w] && (back(i, 3, fluencyWords) || fluencyWords[next]):
			out = append(out, derivedConcept{i, "d:fluency", ""}) // "fluent English", "French and English fluency"
		case w == "volunt" || w == "voluntari":
			out = append(out, derivedConcept{i, "d:nopay", "unpaid-work"})
		case workObjects[w] && (back(i, 2, realWords) || i > 0 && toks[i-1].word == "production"):
			out = append(out, derivedConcept{i, "d:realwork", "unpaid-work"}) // "our real customer dataset"
		case workObjects[w] && process && back(i, 3, ownedBy):
			out = append(out, derivedConcept{i, "d:realwork", "unpaid-work"}) // "as your application task, audit our AWS estate"
		case useWords[w] && i > 1 && (modalWords[toks[i-1].norm] || toks[i-1].norm == "be" && modalWords[toks[i-2].norm]) && (toks[i-2].word == "we" || toks[i-2].word == "they" || toks[i-1].norm == "be"):
			out = append(out, derivedConcept{i, "d:realwork", "unpaid-work"}) // "which we may put to use", "will be shipped"
		case w == "retain" && i > 0 && toks[i-1].word == "we":
			out = append(out, derivedConcept{i, "d:realwork", "unpaid-work"}) // "we retain all IP in submissions"
		case w == "audit" && t.word == "audition":
			out = append(out, derivedConcept{i, "d:realwork", "unpaid-work"}) // "think of it as your audition"
		case restDays[w] && always:
			out = append(out, derivedConcept{i, "d:restday", "identity"}) // "every Saturday, no exceptions"
		case likeUs(toks, i):
			out = append(out, derivedConcept{i, "d:likeus", "identity"}) // "people who look like us", "a similar background to the founders"
		}
	}
	return out
}

// More words of the constructions.
var (
	// pastWords before a pay word make it what the applicant earns or
	// earned: "your current day rate", "last drawn salary".
	pastWords = map[string]bool{"current": true, "last": true, "previous": true, "prior": true, "past": true,
		"present": true, "exist": true, "drawn": true, "recent": true}
	// gapWords describe a working life without gaps: "unbroken",
	// "continuous employment", "no breaks".
	gapWords = map[string]bool{"unbroken": true, "continu": true, "uninterrupt": true, "gap": true, "gapless": true}
	// processWords place a task in the hiring process.
	processWords = map[string]bool{"applic": true, "interview": true, "task": true, "assign": true, "test": true,
		"exercis": true, "stage": true, "process": true, "candid": true, "finalist": true, "shortlist": true,
		"prove": true, "submiss": true}
	// ownedBy before a work object make it the employer's own: "our AWS
	// estate", "one of their customers".
	ownedBy = map[string]bool{"our": true, "their": true}
	// restDays are days of rest and worship: working every one of them,
	// without exception, bars observance.
	restDays = map[string]bool{"saturday": true, "sunday": true, "sabbath": true, "friday": true}
)

// The words of a wish for a hire like the people already there.
var (
	// likePeople, after "look like" or "sound like", are people: "look
	// like us", "sound like our customers" (not "what good looks like").
	likePeople = map[string]bool{"us": true, "them": true, "our": true, "their": true, "the": true, "everyon": true}
	// sameWords before "background" or "roots" make them shared ones.
	sameWords = map[string]bool{"similar": true, "same": true, "share": true, "shared": true, "common": true, "like": true}
)

// likeUs reports whether token i of toks closes a construction that asks
// for someone like the people already there, which a protected
// characteristic usually stands behind: "people who look like us",
// "someone who'll blend in", "from a similar background to the founders"
// (not "a similar background in payments"), "a culturally homogeneous
// team".
func likeUs(toks []token, i int) bool {
	w, prev, next := toks[i].norm, "", ""
	if i > 0 {
		prev = toks[i-1].norm
	}
	if i+1 < len(toks) && !toks[i+1].brk {
		next = toks[i+1].norm
	}
	switch {
	case w == "like" && (prev == "look" || prev == "sound") && likePeople[next]:
		return next == "us" || next == "them" ||
			i+2 < len(toks) && (markGroup[toks[i+2].norm] || markOther[toks[i+2].norm] || toks[i+2].norm == "founder")
	case w == "blend" && next == "in":
		return true
	case (w == "background" || w == "root") && sameWords[prev]:
		return next != "in" && next != "with"
	case w == "homogen":
		return true
	}
	return false
}
