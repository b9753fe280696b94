package knowledge

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hirebot/hirebot/knowledge/jobad"
)

// Limits on text, set by what one Slack message can show.
const (
	MaxTitle      = 150  // a card or checklist title (Slack header limit)
	MaxSummary    = 500  // a topic or kind summary
	MaxBody       = 2500 // a topic's paragraphs together
	MaxPoints     = 15   // bullet points of a topic
	MaxPointsText = 2900 // a topic's points together (one Slack section)
	MaxLine       = 500  // one point, checklist item, rubric line and the like
	MaxParagraph  = 2000 // a role definition, one body paragraph, a question
	MaxSource     = 250  // a topic's source line
	maxID         = 64
)

// ChecklistSections are the draft sections a checklist may feed: every
// section of the job ad vocabulary (package jobad), benefits included (their
// checklists hold what employers commonly offer, for the employer to pick).
var ChecklistSections = slices.Clone(jobad.Sections)

// validSection reports whether s names one of ChecklistSections, by its
// canonical name.
func validSection(s string) bool { return slices.Contains(ChecklistSections, jobad.Section(s)) }

// checklistSectionNames lists ChecklistSections for messages.
func checklistSectionNames() string {
	names := make([]string, len(ChecklistSections))
	for i, s := range ChecklistSections {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

// Validate checks p as a whole: ids unique per type (checklist items across
// the pack), required fields present, every cross reference resolving,
// questions complete and text within the limits. The error joins every
// problem found, each prefixed with where it is ("topics: cto-great: …").
func Validate(p *Pack) error {
	v := &validator{p: p}
	v.errs = unique(p)
	v.roles()
	v.kinds()
	v.competencies()
	v.topics()
	v.checklists()
	v.questions()
	v.jobText()
	v.protectedTopics()
	return errors.Join(v.errs...)
}

type validator struct {
	p    *Pack
	errs []error
}

func (v *validator) add(where, id, format string, args ...any) {
	if id == "" {
		id = "(no id)"
	}
	v.errs = append(v.errs, fmt.Errorf("%s: %s: %s", where, id, fmt.Sprintf(format, args...)))
}

// required reports each named field that is blank.
func (v *validator) required(where, id string, fields ...string) {
	for i := 0; i+1 < len(fields); i += 2 {
		if strings.TrimSpace(fields[i+1]) == "" {
			v.add(where, id, "%s is required", fields[i])
		}
	}
}

// text reports a text longer than max characters.
func (v *validator) text(where, id, field, s string, max int) {
	if n := utf8.RuneCountInString(s); n > max {
		v.add(where, id, "%s is %d characters; keep it within %d", field, n, max)
	}
}

// lines reports too few, blank or over-long entries of a list whose
// entries are called one (plural many).
func (v *validator) lines(where, id, one, many string, list []string, min int) {
	if len(list) < min {
		name := many
		if min == 1 {
			name = one
		}
		v.add(where, id, "needs at least %d %s, has %d", min, name, len(list))
	}
	for i, s := range list {
		if strings.TrimSpace(s) == "" {
			v.add(where, id, "%s %d is blank", one, i+1)
		}
		v.text(where, id, fmt.Sprintf("%s %d", one, i+1), s, MaxLine)
	}
}

func (v *validator) roles() {
	for _, r := range v.p.Roles {
		v.required("roles", r.ID, "name", r.Name, "title", r.Title, "definition", r.Definition)
		v.text("roles", r.ID, "title", r.Title, MaxTitle)
		v.text("roles", r.ID, "definition", r.Definition, MaxParagraph)
		for _, id := range r.Kinds {
			if k, ok := v.p.Kind(id); !ok {
				v.add("roles", r.ID, "kind %q is not a kind", id)
			} else if k.Role != r.ID {
				v.add("roles", r.ID, "kind %q belongs to role %q", id, k.Role)
			}
		}
		v.competencyRefs("roles", r.ID, r.ID, r.Competency)
		if _, ok := v.p.TopicByName(r.ID, "overview"); !ok {
			v.add("roles", r.ID, "has no topic named \"overview\" to show for the role")
		}
	}
}

func (v *validator) kinds() {
	for _, k := range v.p.Kinds {
		v.required("kinds", k.ID, "name", k.Name, "summary", k.Summary, "fits_where", k.FitsWhere)
		v.text("kinds", k.ID, "summary", k.Summary, MaxSummary)
		v.text("kinds", k.ID, "fits_where", k.FitsWhere, MaxLine)
		v.roleRef("kinds", k.ID, k.Role)
		v.lines("kinds", k.ID, "does line", "does lines", k.Does, 1)
		v.competencyRefs("kinds", k.ID, k.Role, k.Competencies)
		for _, a := range k.Aliases {
			if other, ok := v.p.KindNamed(a); !ok || other.ID != k.ID {
				v.add("kinds", k.ID, "alias %q names kind %q already", a, other.ID)
			}
		}
	}
}

func (v *validator) competencies() {
	for _, c := range v.p.Competencies {
		v.required("competencies", c.ID, "name", c.Name, "description", c.Description)
		v.text("competencies", c.ID, "description", c.Description, MaxLine)
		if len(c.Roles) == 0 {
			v.add("competencies", c.ID, "roles is required")
		}
		for _, r := range c.Roles {
			v.roleRef("competencies", c.ID, r)
		}
	}
}

func (v *validator) topics() {
	for _, t := range v.p.Topics {
		v.required("topics", t.ID, "name", t.Name, "title", t.Title, "summary", t.Summary)
		v.roleRef("topics", t.ID, t.Role)
		for _, n := range append([]string{t.Name}, t.Aliases...) {
			if n != "" && !validName(n) {
				v.add("topics", t.ID, "name %q must be lowercase letters, digits and hyphens", n)
			}
		}
		v.text("topics", t.ID, "title", t.Title, MaxTitle)
		v.text("topics", t.ID, "summary", t.Summary, MaxSummary)
		v.text("topics", t.ID, "body", strings.Join(t.Body, "\n\n"), MaxBody)
		v.text("topics", t.ID, "points", strings.Join(t.Points, "\n"), MaxPointsText)
		if len(t.Points) > MaxPoints {
			v.add("topics", t.ID, "has %d points; keep it within %d", len(t.Points), MaxPoints)
		}
		v.lines("topics", t.ID, "point", "points", t.Points, 0)
		v.source(t)
		for _, id := range t.Related {
			if _, ok := v.p.Topic(id); !ok {
				v.add("topics", t.ID, "related %q is not a topic", id)
			} else if id == t.ID {
				v.add("topics", t.ID, "is related to itself")
			}
		}
	}
	// A name or alias must pick out one topic of its role.
	named := make(map[[2]string]string)
	for _, t := range v.p.Topics {
		for _, n := range append([]string{t.Name}, t.Aliases...) {
			key := [2]string{t.Role, n}
			if prev, ok := named[key]; ok && prev != t.ID {
				v.add("topics", t.ID, "name %q is already used by %s", n, prev)
				continue
			}
			named[key] = t.ID
		}
	}
}

// source checks that a topic says where its content comes from: a known
// origin and one short line of source.
func (v *validator) source(t Topic) {
	switch {
	case t.Origin == "":
		v.add("topics", t.ID, "origin is required: one of %s", originList())
	case !slices.Contains(Origins, t.Origin):
		v.add("topics", t.ID, "origin %q is not one of %s", t.Origin, originList())
	}
	v.required("topics", t.ID, "source", t.Source)
	v.text("topics", t.ID, "source", t.Source, MaxSource)
	if strings.ContainsAny(t.Source, "\n\r") {
		v.add("topics", t.ID, "source must be one line")
	}
}

func originList() string {
	s := make([]string, len(Origins))
	for i, o := range Origins {
		s[i] = string(o)
	}
	return strings.Join(s, ", ")
}

func (v *validator) checklists() {
	for _, c := range v.p.Checklists {
		v.required("checklists", c.ID, "title", c.Title)
		v.text("checklists", c.ID, "title", c.Title, MaxTitle)
		v.roleRef("checklists", c.ID, c.Role)
		v.kindRef("checklists", c.ID, c.Role, c.Kind)
		if !validSection(c.Section) {
			v.add("checklists", c.ID, "section %q is not one of %s", c.Section, checklistSectionNames())
		}
		if len(c.Items) == 0 {
			v.add("checklists", c.ID, "has no items")
		}
		for i, it := range c.Items {
			where := fmt.Sprintf("item %d", i+1)
			if it.ID != "" {
				where = fmt.Sprintf("item %s", it.ID)
			}
			switch {
			case it.ID == "":
				v.add("checklists", c.ID, "%s: id is required", where)
			case !validID(it.ID):
				v.add("checklists", c.ID, "%s: id must be lowercase letters, digits, '.', '_' and '-'", where)
			}
			if strings.TrimSpace(it.Text) == "" {
				v.add("checklists", c.ID, "%s: text is required", where)
			}
			v.text("checklists", c.ID, where+": text", it.Text, MaxLine)
			// A benefit is what the company offers, not a skill to probe.
			if _, ok := v.p.Competency(it.Competency); !ok && (c.Section != "benefits" || it.Competency != "") {
				v.add("checklists", c.ID, "%s: competency %q is not a competency", where, it.Competency)
			}
		}
	}
}

func (v *validator) questions() {
	for _, q := range v.p.Questions {
		where := "questions"
		if f := v.p.sources[q.ID]; f != "" {
			where = f
		}
		v.required(where, q.ID, "text", q.Text)
		v.text(where, q.ID, "text", q.Text, MaxParagraph)
		if _, ok := v.p.Competency(q.Competency); !ok {
			v.add(where, q.ID, "competency %q is not a competency", q.Competency)
		}
		if len(q.Roles) == 0 {
			v.add(where, q.ID, "roles is required")
		}
		for _, r := range q.Roles {
			v.roleRef(where, q.ID, r)
		}
		for _, k := range q.Kinds {
			if kind, ok := v.p.Kind(k); !ok {
				v.add(where, q.ID, "kind %q is not a kind", k)
			} else if !slices.Contains(q.Roles, kind.Role) {
				v.add(where, q.ID, "kind %q is of role %q, which is not in roles", k, kind.Role)
			}
		}
		v.lines(where, q.ID, "strong answer", "strong answers", q.Strong, 2)
		v.lines(where, q.ID, "red flag", "red flags", q.RedFlags, 1)
		v.lines(where, q.ID, "follow-up", "follow-ups", q.FollowUps, 2)
		v.lines(where, q.ID, "rubric line", "rubric lines", q.Rubric[:], 4)
	}
}

func (v *validator) roleRef(where, id, role string) {
	switch _, ok := v.p.Role(role); {
	case role == "":
		v.add(where, id, "role is required")
	case !ok:
		v.add(where, id, "role %q is not a role", role)
	}
}

func (v *validator) kindRef(where, id, role, kind string) {
	if kind == "" {
		return
	}
	switch k, ok := v.p.Kind(kind); {
	case !ok:
		v.add(where, id, "kind %q is not a kind", kind)
	case k.Role != role:
		v.add(where, id, "kind %q belongs to role %q, not %q", kind, k.Role, role)
	}
}

// competencyRefs reports ids that are not competencies, or not of role.
func (v *validator) competencyRefs(where, id, role string, ids []string) {
	for _, c := range ids {
		comp, ok := v.p.Competency(c)
		switch {
		case !ok:
			v.add(where, id, "competency %q is not a competency", c)
		case role != "" && !slices.Contains(comp.Roles, role):
			v.add(where, id, "competency %q does not apply to role %q", c, role)
		}
	}
}

// unique reports missing, malformed and duplicate ids in p.
func unique(p *Pack) []error {
	var errs []error
	check := func(kind string, ids []string) {
		seen := make(map[string]bool, len(ids))
		for i, id := range ids {
			where := kind
			if f := p.sources[id]; kind == "questions" && f != "" {
				where = f
			}
			switch {
			case id == "":
				errs = append(errs, fmt.Errorf("%s: entry %d: id is required", where, i+1))
			case !validID(id):
				errs = append(errs, fmt.Errorf("%s: %s: id must be lowercase letters, digits, '.', '_' and '-'", where, id))
			case seen[id]:
				errs = append(errs, fmt.Errorf("%s: %s: id is used more than once", where, id))
			}
			seen[id] = true
		}
	}
	check("roles", ids(p.Roles, func(r Role) string { return r.ID }))
	check("kinds", ids(p.Kinds, func(k Kind) string { return k.ID }))
	check("topics", ids(p.Topics, func(t Topic) string { return t.ID }))
	check("checklists", ids(p.Checklists, func(c Checklist) string { return c.ID }))
	check("competencies", ids(p.Competencies, func(c Competency) string { return c.ID }))
	check("questions", ids(p.Questions, func(q Question) string { return q.ID }))

	// Checklist items are unique across the whole pack; blank ones are
	// reported with their checklist.
	seen := make(map[string]string)
	for _, c := range p.Checklists {
		for _, it := range c.Items {
			if it.ID == "" {
				continue
			}
			if prev, ok := seen[it.ID]; ok {
				errs = append(errs, fmt.Errorf("checklists: %s: item %s: id is already used in %s", c.ID, it.ID, prev))
				continue
			}
			seen[it.ID] = c.ID
		}
	}
	return errs
}

func ids[T any](list []T, id func(T) string) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = id(v)
	}
	return out
}

// validID reports whether s is a usable id.
func validID(s string) bool {
	if s == "" || len(s) > maxID || !isLowerAlnum(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isLowerAlnum(c) && c != '-' && c != '_' && c != '.' {
			return false
		}
	}
	return true
}

// validName reports whether s can be typed as a topic name.
func validName(s string) bool {
	if s == "" || len(s) > maxID || !isLowerAlnum(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isLowerAlnum(c) && c != '-' {
			return false
		}
	}
	return true
}

func isLowerAlnum(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }
