package wording

import (
	"regexp"
	"strings"
)

// formChoices is a form field offering choices: "Military service:
// completed / exempt / deferred".
var formChoices = regexp.MustCompile(`^[^:.]{1,40}:\s*[^/.]{1,30}(?:\s/\s[^/.]{1,30}){1,}`)

// A frame is what a clause does with what it mentions: asks for it,
// prefers it, excludes it, asks the applicant about it, or only describes
// someone else (clients, a benefit, a programme, staff, the product).
// Frames are bits; a clause may have several.
type frame uint16

const (
	frameRequire   frame = 1 << iota // must, required, essential, need, have to, should
	framePrefer                      // ideally, preferred, would suit, perfect for, looking for
	frameExclude                     // need not apply, will not be considered, cannot be accommodated, only
	frameQuestion                    // a question to the reader
	frameForm                        // an application-form field: "Date of birth: ____", tick boxes, Yes / No
	frameRequest                     // please state, tell us, attach, disclose
	frameNegation                    // not, no, never, without
	frameApplicant                   // about the applicant: you, the candidate, applicants, the hire
	frameOther                       // about someone or something else: clients, staff, a programme, the product
	frameOffer                       // what the employer gives: we offer, benefits, leave, support
	frameDisclaim                    // says what the employer does not ask or need: "we do not ask for", "is not required"
	frameStaff                       // about the team the hire joins: "a young and dynamic team"
)

// frameScreen is any frame in which a clause screens the applicant.
const frameScreen = frameRequire | framePrefer | frameExclude | frameQuestion | frameForm | frameRequest

// frameNames name the frames as classifier features.
var frameNames = []string{"require", "prefer", "exclude", "question", "form", "request", "negation", "applicant", "other", "offer", "disclaim", "staff"}

// descriptive reports whether a clause of frame f only describes someone
// or something other than the applicant: a clause about clients, staff, a
// benefit or the product that asks nothing of the applicant.
func (f frame) descriptive() bool {
	switch {
	case f&(frameScreen|frameStaff) != 0:
		// Describing the team the hire joins ("a young team") says who
		// is wanted as much as asking does.
		return false
	case f&frameOffer != 0:
		return true // what the employer offers, to the applicant too
	}
	return f&frameOther != 0 && f&frameApplicant == 0
}

// The marker words of the frames, by their normalised (stemmed) form.
var (
	markRequire = map[string]bool{"must": true, "requir": true, "essenti": true, "mandatori": true, "need": true,
		"should": true, "necessari": true, "expect": true, "demand": true, "oblig": true, "insist": true,
		"check": true, "screen": true, "verifi": true, "condit": true}
	markPrefer = map[string]bool{"ideal": true, "prefer": true, "suit": true, "perfect": true, "seek": true,
		"want": true, "desir": true, "advantag": true, "bonus": true, "plus": true, "favour": true, "favor": true,
		"prioritis": true, "priorit": true, "fit": true, "best": true, "look": true}
	markExclude = map[string]bool{"onli": true, "exclus": true, "exclud": true, "unsuit": true, "inelig": true,
		"disqualifi": true, "reject": true, "restrict": true, "reserv": true, "bar": true, "automat": true, "discourag": true,
		"struggl": true, "unlik": true, "affect": true, "difficult": true}
	markExcludeVerb = map[string]bool{"consid": true, "accommod": true, "accept": true, "hire": true, "appli": true,
		"elig": true, "suitabl": true, "progress": true, "shortlist": true, "employ": true, "interview": true, "review": true, "welcom": true,
		"appoint": true, "recruit": true, "select": true, "take": true, "allow": true, "toler": true}
	markNegation = map[string]bool{"not": true, "no": true, "never": true, "cannot": true, "can't": true, "won't": true,
		"don't": true, "doesn't": true, "isn't": true, "aren't": true, "without": true, "nor": true, "unabl": true, "none": true}
	markRequest = map[string]bool{"tell": true, "state": true, "provid": true, "disclos": true, "indic": true, "list": true,
		"confirm": true, "declar": true, "attach": true, "upload": true, "includ": true, "send": true, "submit": true,
		"specifi": true, "mention": true, "share": true, "give": true, "enclos": true, "detail": true, "answer": true, "tick": true}
	markApplicant = map[string]bool{"you": true, "your": true, "you'r": true, "you'll": true, "yourself": true, "candid": true,
		"applic": true, "hire": true, "someon": true, "anyon": true, "individu": true, "person": true, "successful": true,
		"appointe": true, "jobseek": true, "join": true}
	markOther = map[string]bool{"client": true, "custom": true, "patient": true, "user": true, "student": true, "resid": true,
		"communiti": true, "chariti": true, "programm": true, "program": true, "network": true, "group": true,
		"product": true, "codebas": true, "platform": true, "compani": true, "partner": true, "app": true, "servic": true,
		"solut": true, "tool": true, "brand": true, "campaign": true,
		"founder": true, "ceo": true, "board": true, "market": true, "audienc": true, "volunt": true, "children": true, "famili": true}
	markOffer = map[string]bool{"benefit": true, "flexibl": true, "accommod": true, "insur": true, "polici": true,
		"support": true, "scheme": true, "stipend": true, "reimburs": true, "cover": true, "enhanc": true, "paid": true}
	markDisclaim = map[string]bool{"ask": true, "request": true, "collect": true, "includ": true, "provid": true, "send": true,
		"attach": true, "disclos": true, "need": true, "requir": true, "store": true, "use": true, "share": true, "seek": true,
		"check": true, "run": true, "expect": true, "want": true, "bar": true, "automat": true, "necessarili": true, "matter": true}
	markStaff = map[string]bool{"team": true, "staff": true, "colleagu": true, "employe": true, "crew": true, "workforc": true}
	// markComposition describe who a group is made of ("the team ranges
	// from graduates to veterans", "includes retirees and students"),
	// which describes the team without asking for anyone.
	markComposition = map[string]bool{"rang": true, "includ": true, "mix": true, "divers": true, "span": true}
	// markOmit ask the applicant to leave something out: "please leave out
	// your photo", "omit your date of birth".
	markOmit = map[string]bool{"omit": true, "anonym": true, "redact": true, "remov": true}
	// clauseWords start a new clause after a comma; "but" and "whereas"
	// start one anywhere.
	clauseWords = map[string]bool{"but": true, "while": true, "whilst": true, "wherea": true, "although": true, "though": true,
		"becaus": true, "so": true, "which": true, "and": true, "or": true, "as": true, "sinc": true, "if": true, "unless": true}
)

// A clause is a run of tokens of one sentence and its frame.
type clause struct {
	first, last int // token indexes
	frame       frame
}

// readClauses cuts the tokens of one sentence (with their norm set) into
// clauses and reads each one's frame; raw is the sentence's text, which
// shows questions and form fields. Markers count in any order within their
// clause; a question or a form field frames the whole sentence.
func readClauses(toks []token, raw string) []clause {
	if len(toks) == 0 {
		return nil
	}
	var whole frame
	if strings.Contains(raw, "?") {
		whole |= frameQuestion
	}
	if isFormField(raw) {
		whole |= frameForm
	}
	var out []clause
	start := 0
	for i := 1; i <= len(toks); i++ {
		if i < len(toks) {
			t := toks[i]
			cut := t.brk || (t.comma && clauseWords[t.norm]) || t.norm == "but" || t.norm == "wherea"
			if !cut {
				continue
			}
		}
		out = append(out, clause{first: start, last: i - 1, frame: whole | clauseFrame(toks[start:i])})
		start = i
	}
	return out
}

// clauseFrame reads the markers of one clause.
func clauseFrame(toks []token) frame {
	var f frame
	composition := false
	neg := -10 // index of the last negation
	for i, t := range toks {
		w := t.norm
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].norm
		}
		switch {
		case markNegation[w]:
			f |= frameNegation
			neg = i
		case markRequire[w]:
			f |= frameRequire
		case markPrefer[w] && !(w == "fit" && next == "around"):
			f |= framePrefer
		case markExclude[w] && (w != "reserv" || t.word == "reserved"):
			if i-neg <= 3 {
				f |= frameDisclaim // "will not necessarily bar you"
			} else {
				f |= frameExclude
			}
		}
		// A negation governs the verb a few words after it: "will not be
		// considered", "we do not ask for".
		near := i-neg <= 3
		if near && markExcludeVerb[w] {
			f |= frameExclude
		}
		if near && markDisclaim[w] || neg >= 0 && toks[neg].norm == "no" && (t.word == "needed" || t.word == "required" || t.word == "necessary") {
			f |= frameDisclaim
		}
		if i == 0 && w == "no" && !(next == "need" || next == "requir") {
			f |= frameExclude // "No felons", "No criminal record of any kind"
		}
		if (w == "have" || w == "has") && next == "to" {
			f |= frameRequire
		}
		if markRequest[w] && (i == 0 || toks[i-1].norm == "pleas" || next == "us" || next == "your" || next == "whether" || next == "ani") {
			f |= frameRequest
		}
		if w == "pleas" {
			f |= frameRequest
		}
		if w == "find" && i > 0 && (toks[i-1].norm == "may" || toks[i-1].norm == "might" || toks[i-1].norm == "could") {
			f |= frameExclude // "may find the role difficult"
		}
		if markComposition[w] {
			composition = true
		}
		if markOmit[w] || w == "leav" && leftOut(toks[i+1:]) {
			f |= frameDisclaim
		}
		if markApplicant[w] {
			f |= frameApplicant
		}
		if markOther[w] && t.word != "client" {
			// "the client" in a recruiter's ad is the employer; "clients"
			// are someone else.
			f |= frameOther
		}
		if markStaff[w] {
			f |= frameStaff
		}
		if markOffer[w] || (w == "we" && (next == "offer" || next == "provid" || next == "give" || next == "support")) {
			f |= frameOffer
		}
	}
	if composition {
		f &^= frameStaff
	}
	return f
}

// leftOut reports whether "out" or "off" follows within a few words: "leave
// your photo off your CV".
func leftOut(after []token) bool {
	for _, t := range after[:min(len(after), 5)] {
		if t.word == "out" || t.word == "off" {
			return true
		}
	}
	return false
}

// isFormField reports whether a sentence reads as a field of an
// application form: blanks to fill in, tick boxes or a yes/no choice.
func isFormField(raw string) bool {
	if strings.Contains(raw, "__") || strings.ContainsAny(raw, "☐□◻▢") || strings.Contains(raw, "[ ]") ||
		strings.Contains(raw, " / ") && strings.Contains(raw, ":") && formChoices.MatchString(raw) {
		return true
	}
	l := strings.ToLower(raw)
	return strings.Contains(l, "yes / no") || strings.Contains(l, "yes/no") || strings.Contains(l, "(y/n)") ||
		strings.Contains(l, "yes or no")
}
