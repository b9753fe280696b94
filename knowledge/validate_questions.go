package knowledge

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// The question counts a pack that serves the bot must keep.
const (
	// MinQuestions is the fewest questions the whole pack holds.
	MinQuestions = 120
	// MinPerRole is the fewest questions that suit each role, so that
	// /interview has a full bank for every role the pack drafts for.
	MinPerRole = 20
	// MinPerCompetency is the fewest questions each competency a job
	// description of a role (or of one kind of it) calls for must have, so
	// that a channel can interview several candidates without running dry.
	MinPerCompetency = 5
)

// protectedTopic is a subject an interview must not ask about: a protected
// characteristic, or a question that invites a candidate to disclose one.
type protectedTopic struct {
	name  string
	words *regexp.Regexp
}

// protectedTopics lists what interview questions and follow-ups may not
// touch. Each pattern matches whole words, in any case.
var protectedTopics = []protectedTopic{
	{"age", regexp.MustCompile(`(?i)\b(your age|how old|age group|year of birth|date of birth|birthday|born in|your retirement|plan to retire|too young|too old)\b`)},
	{"health or disability", regexp.MustCompile(`(?i)\b((your|own|mental|physical) health|health (condition|issue|problem)s?|illness(es)?|sick|sickness|medical|medication|disabilit(y|ies)|disabled|look(ed)? after yourself|take care of yourself|took care of yourself|self-care|(your|own) well-?being|burn(ed|t)? out|therapy)\b`)},
	{"family or caring duties", regexp.MustCompile(`(?i)\b((your|a) famil(y|ies)|family (life|plans|commitments)|start a family|your (children|child|kids)|have (children|kids)|married|marital|marriage|spouse|husband|wife|partner at home|childcare|caring (duties|responsibilities)|dependants|maternity|paternity|parental leave)\b`)},
	{"pregnancy", regexp.MustCompile(`(?i)\bpregnan(t|cy|cies)\b`)},
	{"religion or belief", regexp.MustCompile(`(?i)\b(religion|religious|church|mosque|synagogue|your faith|pray(er|ing)?|holy days?)\b`)},
	{"nationality or ethnicity", regexp.MustCompile(`(?i)\b(nationality|citizenship|are you a citizen|where are you from|where you are from|country of origin|native (country|language|speaker)|mother tongue|ethnic(ity)?|your race|racial|your accent)\b`)},
	{"sex, gender or sexual orientation", regexp.MustCompile(`(?i)\b(your gender|gender identity|sexual(ity)?|sexual orientation|girlfriend|boyfriend)\b`)},
	{"politics or union membership", regexp.MustCompile(`(?i)\b(political (party|views)|how you vote|voted for|trade union|union member(ship)?)\b`)},
}

// protectedTopics reports questions whose text or follow-ups touch a
// protected characteristic: asking about them, or inviting a candidate to
// talk about them, has no place in a structured interview.
func (v *validator) protectedTopics() {
	for _, q := range v.p.Questions {
		where := "questions"
		if f := v.p.sources[q.ID]; f != "" {
			where = f
		}
		asked := append([]string{q.Text}, q.FollowUps...)
		for i, s := range asked {
			part := "text"
			if i > 0 {
				part = fmt.Sprintf("follow-up %d", i)
			}
			if topic, word, ok := ProtectedTopic(s); ok {
				v.add(where, q.ID, "%s touches %s (%q); interview questions must not ask about protected characteristics or invite candidates to disclose them", part, topic, word)
			}
		}
	}
}

// ProtectedTopic reports whether s touches a protected characteristic, and
// which one and the words that did.
func ProtectedTopic(s string) (topic, words string, ok bool) {
	for _, t := range protectedTopics {
		if m := t.words.FindString(s); m != "" {
			return t.name, m, true
		}
	}
	return "", "", false
}

// jobText checks the candidate-facing text of roles and kinds that fresh
// job descriptions are made from.
func (v *validator) jobText() {
	for _, r := range v.p.Roles {
		v.text("roles", r.ID, "pitch", r.Pitch, MaxParagraph)
		v.text("roles", r.ID, "hiring_process", r.HiringProcess, MaxParagraph)
		v.text("roles", r.ID, "equal_opportunity", r.EqualOpportunity, MaxParagraph)
	}
	for _, k := range v.p.Kinds {
		v.text("kinds", k.ID, "pitch", k.Pitch, MaxSummary)
	}
	for _, c := range v.p.Competencies {
		for _, w := range c.Keywords {
			if strings.TrimSpace(w) == "" {
				v.add("competencies", c.ID, "has an empty keyword")
			}
		}
	}
}

// Coverage checks that p holds enough questions to serve interviews: at
// least MinQuestions in all, MinPerRole that suit each role, and at least
// MinPerCompetency for every
// competency a job description of each role and kind calls for (the
// competencies of the role's and kind's checklists and the kind's own), that
// suit that role and kind. Load and Overlay do not call it, so that small
// packs load for tests; Embedded does, and so must whoever serves an
// overlaid pack (hirebot serve and hirebot knowledge validate).
func Coverage(p *Pack) error {
	var errs []string
	if n := len(p.Questions); n < MinQuestions {
		errs = append(errs, fmt.Sprintf("questions: the pack has %d questions; it needs at least %d", n, MinQuestions))
	}
	for _, r := range p.Roles {
		if n := RoleQuestions(p, r.ID); n < MinPerRole {
			errs = append(errs, fmt.Sprintf("questions: role %s has %d questions; it needs at least %d", r.ID, n, MinPerRole))
		}
		kinds := append([]string{""}, r.Kinds...)
		for _, kind := range kinds {
			for _, c := range CalledFor(p, r.ID, kind) {
				n := CountQuestions(p, r.ID, kind, c)
				if n >= MinPerCompetency {
					continue
				}
				who := r.ID
				if kind != "" {
					who += " " + kind
				}
				errs = append(errs, fmt.Sprintf("questions: competency %s has %d questions for a %s job description; it needs at least %d",
					c, n, who, MinPerCompetency))
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("not enough interview questions:\n%s", strings.Join(errs, "\n"))
}

// CalledFor lists the competencies a job description of role (and kind,
// when not "") calls for: those of the kind, then those of the checklist
// items of the role and kind, each once.
func CalledFor(p *Pack, role, kind string) []string {
	var out []string
	if k, ok := p.Kind(kind); ok {
		out = append(out, k.Competencies...)
	}
	for _, l := range p.ChecklistsFor(role, kind) {
		for _, it := range l.Items {
			if it.Competency != "" && !slices.Contains(out, it.Competency) {
				out = append(out, it.Competency)
			}
		}
	}
	return out
}

// RoleQuestions counts the questions that suit role.
func RoleQuestions(p *Pack, role string) int {
	n := 0
	for _, q := range p.Questions {
		if slices.Contains(q.Roles, role) {
			n++
		}
	}
	return n
}

// CountQuestions counts the questions on competency that suit role and kind
// (a question with no kinds suits every kind).
func CountQuestions(p *Pack, role, kind, competency string) int {
	n := 0
	for _, q := range p.Questions {
		if q.Competency != competency || !slices.Contains(q.Roles, role) {
			continue
		}
		if kind != "" && len(q.Kinds) > 0 && !slices.Contains(q.Kinds, kind) {
			continue
		}
		n++
	}
	return n
}
