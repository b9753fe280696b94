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

// aboutApplicant reports whether a clause of frame f may say something
// about the applicant: it neither only describes someone else nor only
// says what the employer does not ask ("your accent does not matter to
// us").
func (f frame) aboutApplicant() bool {
	return !f.descriptive() && !(f&frameDisclaim != 0 && f&frameExclude == 0)
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
		"appoint": true, "recruit": true, "select": true, "take": true, "allow": true, "toler": true, "permit": true}
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
		"founder": true, "ceo": true, "board": true, "market": true, "audienc": true, "volunt": true, "children": true, "famili": true,
		"foundat": true, "clinic": true, "hospit": true, "lab": true, "laboratori": true, "pharmaci": true}
	markOffer = map[string]bool{"benefit": true, "flexibl": true, "accommod": true, "insur": true, "polici": true,
		"support": true, "scheme": true, "stipend": true, "reimburs": true, "cover": true, "enhanc": true, "paid": true}
	markDisclaim = map[string]bool{"criterion": true, "criteria": true, "factor": true, "ask": true, "request": true, "collect": true, "includ": true, "provid": true, "send": true,
		"attach": true, "disclos": true, "need": true, "requir": true, "store": true, "use": true, "share": true, "seek": true,
		"check": true, "run": true, "expect": true, "want": true, "bar": true, "automat": true, "necessarili": true, "matter": true}
	markStaff = map[string]bool{"team": true, "staff": true, "colleagu": true, "employe": true, "crew": true, "workforc": true}
	// markComposition describe who a group is made of ("the team ranges
	// from graduates to veterans", "includes retirees and students"),
	// which describes the team without asking for anyone.
	markComposition = map[string]bool{"rang": true, "includ": true, "mix": true, "divers": true, "span": true,
		"multigener": true, "intergener": true}
	// markGroup are the nouns of a group of people whose make-up a
	// clause may describe: "our IT shop is multigenerational", "the team
	// ranges from graduates to veterans".
	markGroup = map[string]bool{"team": true, "staff": true, "colleagu": true, "employe": true, "crew": true, "workforc": true,
		"shop": true, "group": true, "peopl": true, "engin": true, "member": true, "depart": true, "offic": true, "floor": true}
	// markAttribute are the characteristics themselves, as a decision may
	// leave them out: "we do not consider religion, caste or family
	// background" says what is not weighed, where "we do not consider
	// applicants over 50" excludes people.
	markAttribute = map[string]bool{"religion": true, "religi": true, "belief": true, "faith": true, "cast": true,
		"communiti": true, "famili": true, "background": true, "age": true, "gender": true, "sex": true, "race": true,
		"ethnic": true, "nation": true, "origin": true, "orient": true, "disabl": true, "colour": true, "color": true,
		"marit": true, "pregnanc": true, "ancestri": true, "descent": true, "appear": true, "name": true, "surnam": true}
	// markEmployer make the word after them the employer itself: "the
	// company's values" are the employer's, "a company that …" is
	// someone else.
	markEmployer = map[string]bool{"the": true, "our": true, "this": true, "my": true}
	// markImperative are verbs that, first in a sentence, address the
	// reader: "Complete a pilot project for one of our clients" asks it of
	// the applicant, whoever else it names.
	markImperative = map[string]bool{"complet": true, "build": true, "design": true, "write": true, "deliv": true,
		"prepar": true, "present": true, "audit": true, "prove": true, "fix": true, "creat": true, "draft": true,
		"produc": true, "spend": true, "shadow": true, "lead": true, "run": true, "own": true, "manag": true,
		"develop": true, "review": true, "analys": true, "analyz": true, "plan": true, "migrat": true, "redesign": true,
		"translat": true, "solv": true, "implement": true, "show": true, "come": true, "work": true, "join": true}
	// markParticipate are the words that make a described practice one
	// the hire must take part in: "… opens every meeting with prayer, and
	// participation is expected".
	markParticipate = map[string]bool{"particip": true, "attend": true, "attende": true, "presenc": true}
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
			cut := t.brk || (t.comma && (clauseWords[t.norm] || t.word == "not" || t.word == "never")) || t.norm == "but" || t.norm == "wherea"
			if !cut {
				continue
			}
		}
		f := clauseFrame(toks[start:i])
		if contrasted(toks, start) {
			// "we hire for skills, not for the year you graduated",
			// "based on the role, not on what you earned": what a
			// decision does not rest on.
			f |= frameDisclaim
		}
		if whole == 0 && f&frameScreen == 0 && openToAny(toks[start:i]) {
			// "This role is open to candidates of any faith or none"
			// says who is not excluded.
			f |= frameDisclaim
		}
		out = append(out, clause{first: start, last: i - 1, frame: whole | f})
		start = i
	}
	if participationRequired(toks, out) {
		// "The leadership team opens every meeting with prayer, and
		// participation is expected": what the sentence describes is
		// asked of the hire.
		for i := range out {
			out[i].frame |= frameRequire | frameApplicant
		}
	}
	return out
}

// participationRequired reports whether a clause of the sentence requires
// taking part in what another clause describes: a participation word in a
// requiring clause that names nothing else to take part in.
func participationRequired(toks []token, cls []clause) bool {
	if len(cls) < 2 {
		return false
	}
	for _, c := range cls {
		if c.frame&frameRequire == 0 || c.frame&(frameDisclaim|frameNegation) != 0 {
			continue
		}
		for _, t := range toks[c.first : c.last+1] {
			if markParticipate[t.norm] {
				return true
			}
		}
	}
	return false
}

// otherAt reports whether token i of toks names someone or something other
// than the applicant and the employer: clients, a programme, the product. "The
// client" of a recruiter's ad is the employer, and so is "our company";
// "a client" and "clients" are someone else.
func otherAt(toks []token, i int) bool {
	t := toks[i]
	if !markOther[t.norm] || i+1 < len(toks) && toks[i+1].hyphen {
		// "client-facing", "customer-led": the word modifies the next
		// one; it names no one.
		return false
	}
	prev := ""
	if i > 0 {
		prev = toks[i-1].norm
	}
	switch {
	case t.word == "client" || t.word == "client's":
		return prev == "a" || prev == "an"
	case t.norm == "compani" && t.word != "companies":
		return !markEmployer[prev]
	}
	return true
}

// clauseFrame reads the markers of one clause.
func clauseFrame(toks []token) frame {
	var f frame
	composition, group, rangeFrom := false, false, false
	neg := -10      // index of the last negation
	applicant := -1 // index of the first word about the applicant
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
		case ownNeed(toks, i):
			// "staff who need time off", "if you need adjustments":
			// someone's own need or wish, which the employer meets.
			f |= frameOffer
		case markRequire[w]:
			f |= frameRequire
		case markPrefer[w] && !(w == "fit" && next == "around") && !(w == "look" && next != "for" && next != "to"):
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
		// "The ideal candidate has never needed medical leave" states the
		// applicant's record; it is not the employer saying what it does
		// not need.
		record := neg >= 0 && toks[neg].norm == "never" && applicant >= 0 && applicant < neg
		switch {
		case near && markExcludeVerb[w] && attributeFollows(toks[i+1:]):
			f |= frameDisclaim // "we do not consider religion, caste or family background"
		case near && markExcludeVerb[w]:
			f |= frameExclude
		}
		// "Must hear clearly without the use of hearing aids": "without"
		// inside a requirement is part of it, not a disclaimer.
		within := neg >= 0 && toks[neg].norm == "without" && f&(frameRequire|framePrefer|frameExclude) != 0
		if near && markDisclaim[w] && !record && !within || neg >= 0 && toks[neg].norm == "no" && (t.word == "needed" || t.word == "required" || t.word == "necessary") {
			f |= frameDisclaim
		}
		if w == "not" && (next == "on" || next == "base") && anyNorm(toks[:i], basisWords) {
			// "offers are based on the role not on what you earned
			// before": what a decision does not rest on.
			f |= frameDisclaim
		}
		if markDisclaim[w] && next == "no" && i > 0 && (toks[i-1].word == "we" || toks[i-1].word == "will") {
			f |= frameDisclaim // "we ask no photo, no date of birth"
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
		if markGroup[w] {
			group = true
		}
		// "from apprentices … to engineers with 35 years": a range of
		// people describes who a group is made of.
		if w == "from" {
			rangeFrom = true
		}
		if w == "to" && rangeFrom {
			composition = true
		}
		if (markOmit[w] || w == "leav" && leftOut(toks[i+1:])) && omitsApplication(toks) {
			f |= frameDisclaim
		}
		// "single-person quarters", "in-person interviews": a person
		// joined to the word before names no one.
		compound := t.hyphen && w == "person"
		if markApplicant[w] && !compound || i == 0 && markImperative[w] {
			f |= frameApplicant
			if applicant < 0 {
				applicant = i
			}
		}
		if otherAt(toks, i) {
			f |= frameOther
		}
		if markStaff[w] {
			f |= frameStaff
		}
		dayOff := w == "off" && i > 0 && (toks[i-1].norm == "birthday" || toks[i-1].norm == "day" || toks[i-1].norm == "time")
		if markOffer[w] || dayOff || w == "we" && employerGives(toks[i+1:]) || w == "on" && next == "request" ||
			givenWords[t.word] && i > 0 && (toks[i-1].word == "is" || toks[i-1].word == "are" || toks[i-1].word == "be") {
			// "we offer", "we will supply … on request", "hoods are
			// provided": what the employer gives.
			f |= frameOffer
		}
	}
	if joinsGroup(toks) {
		// "Employees can join our heritage network": a group staff may
		// join is something the employer offers, not who it wants.
		f = f&^frameStaff | frameOffer
	}
	if composition {
		f &^= frameStaff
		if group && f&frameScreen == 0 {
			// "The team ranges from new graduates to engineers with 25
			// years' experience" describes the team; it asks for no one.
			f |= frameOther
		}
	}
	return f
}

// ownNeed reports whether toks[i] is a need or wish of the reader or of
// staff rather than of the employer: "need" or "want" right after "who"
// or "that" ("anyone who wants a quiet space"), or soon after "if" ("if
// you need adjustments", "if interview times need to fit around school
// runs").
func ownNeed(toks []token, i int) bool {
	switch toks[i].word {
	case "need", "needs", "want", "wants", "wish", "wishes":
	default:
		return false // "adjust yours if needed" is the employer's demand
	}
	if i > 0 && (toks[i-1].word == "who" || toks[i-1].word == "that") {
		return true
	}
	for _, t := range toks[max(0, i-4):i] {
		if t.word == "if" {
			return true
		}
	}
	return false
}

// basisWords say what a decision rests on: "based on", "reflects", "set
// by", "determined by".
var basisWords = map[string]bool{"base": true, "reflect": true, "set": true, "determin": true}

// contrasted reports whether "not" at toks[i], after a comma, sets a
// preposition against the same one earlier in the clause: "for skills,
// not for the college".
func contrasted(toks []token, i int) bool {
	if i+1 >= len(toks) || !toks[i].comma || toks[i].word != "not" && toks[i].word != "never" {
		return false // only after a comma: "…, not for …", "…, never on …"
	}
	p := toks[i+1].word
	if p != "for" && p != "on" && p != "by" && p != "about" {
		return false
	}
	for _, t := range toks[:i] {
		if t.word == p {
			return true
		}
	}
	return false
}

// giveVerbs are what an employer does when it gives ("we supply",
// "we will fund"), by stem; giveAux may stand between "we" and the verb;
// givenWords are the same in the passive ("are provided").
var (
	giveVerbs = map[string]bool{"offer": true, "provid": true, "give": true, "support": true, "suppli": true,
		"issu": true, "fund": true, "lend": true, "cover": true, "reimburs": true, "accommod": true, "arrang": true}
	giveAux    = map[string]bool{"will": true, "can": true, "also": true, "happili": true, "glad": true, "gladli": true, "alway": true, "ll": true}
	givenWords = map[string]bool{"provided": true, "supplied": true, "issued": true, "funded": true, "reimbursed": true}
)

// employerGives reports whether the words after "we" say what the
// employer gives: a giving verb, with at most two auxiliaries before it.
func employerGives(after []token) bool {
	for _, t := range after[:min(len(after), 3)] {
		switch {
		case giveVerbs[t.norm]:
			return true
		case !giveAux[t.norm]:
			return false
		}
	}
	return false
}

// joinGroups are the groups an employer offers to join (employee
// networks, resource groups), and joinMay the words that make joining one
// a choice: "can join", "are welcome to join".
var (
	joinGroups = map[string]bool{"network": true, "group": true, "forum": true, "communiti": true, "council": true,
		"circl": true, "chapter": true, "erg": true, "ergs": true, "societi": true, "club": true, "associ": true}
	joinMay = map[string]bool{"can": true, "may": true, "welcom": true, "free": true, "invit": true, "encourag": true, "option": true}
)

// joinsGroup reports whether a clause offers a group to join: a "join"
// that is a choice, with a group after it.
func joinsGroup(toks []token) bool {
	for i, t := range toks {
		if t.norm != "join" {
			continue
		}
		may := false
		for _, u := range toks[max(0, i-3):i] {
			may = may || joinMay[u.norm]
		}
		for _, u := range toks[i+1 : min(len(toks), i+7)] {
			if may && joinGroups[u.norm] {
				return true
			}
		}
	}
	return false
}

// openToAny reports whether a clause says "any" of a characteristic:
// "of any faith or none", "from any background", "whatever your age" is
// left for questions and requirements to read otherwise.
func openToAny(toks []token) bool {
	for i, t := range toks {
		if markNegation[t.norm] && !(t.norm == "none" && i > 0 && toks[i-1].norm == "or") {
			return false // "not of any faith"; "any faith or none" is no negation
		}
	}
	for i, t := range toks {
		if t.norm != "ani" && t.norm != "whatev" && t.norm != "regardless" {
			continue
		}
		for _, u := range toks[i+1 : min(len(toks), i+3)] {
			if markAttribute[u.norm] {
				return true
			}
		}
	}
	return false
}

// attributeFollows reports whether the words after a negated decision
// verb name a characteristic rather than people: "we do not consider
// religion, caste …", not "we do not consider applicants who …".
func attributeFollows(after []token) bool {
	for _, t := range after[:min(len(after), 3)] {
		switch {
		case markAttribute[t.norm]:
			return true
		case t.norm == "your" || t.norm == "ani" || t.norm == "a" || t.norm == "the" || t.norm == "on" || t.norm == "about":
			continue
		}
		return false
	}
	return false
}

// applicationWords are what an applicant sends or fills in: leaving one
// of them out ("remove your photo from your CV") is the employer asking
// for less, where removing something else ("staff must remove
// headscarves") is a rule about the person.
var applicationWords = map[string]bool{"cv": true, "resum": true, "photo": true, "photograph": true, "pictur": true,
	"headshot": true, "applic": true, "form": true, "letter": true, "portfolio": true, "document": true, "profil": true,
	"date": true, "birth": true, "name": true, "address": true, "detail": true, "inform": true, "data": true, "field": true}

// omitsApplication reports whether a clause that asks to leave something
// out is about what the applicant sends.
func omitsApplication(toks []token) bool {
	for _, t := range toks {
		if applicationWords[t.norm] {
			return true
		}
	}
	return false
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
