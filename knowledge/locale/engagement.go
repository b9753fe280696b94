package locale

import (
	"fmt"
	"slices"
	"strings"
)

// Kind is how a leader is engaged.
type Kind string

// The engagements.
const (
	FullTime   Kind = "full-time"  // an employee, with the locale's benefits
	Fractional Kind = "fractional" // part time, some days a week, under a contract for services
	Interim    Kind = "interim"    // full time for a fixed period, under a contract for services
)

// Kinds lists the engagements in the order help text names them.
func Kinds() []Kind { return []Kind{FullTime, Fractional, Interim} }

// UnknownKindError is returned for an engagement ParseKind does not know.
type UnknownKindError struct {
	Name string // what was given, trimmed
}

func (e UnknownKindError) Error() string {
	return fmt.Sprintf("unknown engagement %q (want full-time, fractional or interim)", e.Name)
}

// Engagement is what a draft for one kind of engagement states.
type Engagement struct {
	Kind    Kind
	Name    string // "Fractional"
	Summary string // one line on what the engagement is
	Terms   []EngagementTerm
	Offer   []string // what the draft lists where an employee draft lists benefits
	// Interview lists the competencies (knowledge pack ids) that matter
	// most in this engagement, in priority order: /interview fractional.
	Interview []string
	words     []string // what people type for it, normalised
}

// Contract reports whether the engagement is a contract for services, so
// that the draft states terms instead of employee benefits.
func (e Engagement) Contract() bool { return e.Kind != FullTime }

// EngagementTerm is something a fractional or interim draft states.
type EngagementTerm struct {
	ID    string // days, length, rate, contract
	Label string // "Days a week"
	text  string
	set   string
	local map[Code]string
}

// Text is what the draft shows for the term in locale c: the team's value
// when it gave one ("2 days a week", "£1,200"), set into the term's
// sentence where it has one; otherwise the term's default sentence.
func (t EngagementTerm) Text(c Code, value string) string {
	value = strings.TrimSpace(value)
	switch {
	case value != "" && t.set != "":
		return strings.ReplaceAll(t.set, "{value}", value)
	case value != "":
		return value
	case t.local[c] != "":
		return t.local[c]
	}
	return t.text
}

// EmployeeOnly is a benefit only an employee gets, which a fractional or
// interim draft must not promise.
type EmployeeOnly struct {
	ID      string
	Label   string // "a pension or retirement plan"
	Phrases []string
}

type engagementFile struct {
	Engagements  []engagementData `yaml:"engagements"`
	EmployeeOnly []struct {
		ID      string   `yaml:"id"`
		Label   string   `yaml:"label"`
		Phrases []string `yaml:"phrases"`
	} `yaml:"employee_only"`
}

type engagementData struct {
	Kind    string   `yaml:"kind"`
	Name    string   `yaml:"name"`
	Summary string   `yaml:"summary"`
	Words   []string `yaml:"words"`
	Terms   []struct {
		ID      string            `yaml:"id"`
		Label   string            `yaml:"label"`
		Text    string            `yaml:"text"`
		Set     string            `yaml:"set"`
		Locales map[string]string `yaml:"locales"`
	} `yaml:"terms"`
	Offer     []string `yaml:"offer"`
	Interview []string `yaml:"interview"`
}

// addEngagements checks and adds the engagements (exactly full-time,
// fractional and interim; the contract ones with the four terms and an
// offer) and the employee-only benefits.
func (d *Data) addEngagements(f engagementFile) []error {
	var errs []error
	seen := map[string]Kind{}
	for _, e := range f.Engagements {
		k := Kind(e.Kind)
		eng := Engagement{Kind: k, Name: e.Name, Summary: e.Summary, Offer: e.Offer, Interview: e.Interview}
		if !slices.Contains(Kinds(), k) || slices.ContainsFunc(d.engagements, func(o Engagement) bool { return o.Kind == k }) {
			errs = append(errs, fmt.Errorf("engagement %q: unknown or listed twice", e.Kind))
			continue
		}
		for _, w := range append([]string{e.Kind}, e.Words...) {
			n := words(w)
			if other, dup := seen[n]; dup && other != k {
				errs = append(errs, fmt.Errorf("engagement %q: word %q also means %q", e.Kind, w, other))
			}
			seen[n] = k
			eng.words = append(eng.words, n)
		}
		for _, t := range e.Terms {
			et := EngagementTerm{ID: t.ID, Label: t.Label, text: t.Text, set: t.Set, local: map[Code]string{}}
			for c, s := range t.Locales {
				et.local[Code(c)] = s
			}
			for _, c := range Codes() {
				if s := et.Text(c, ""); s == "" || strings.Contains(s, "{") {
					errs = append(errs, fmt.Errorf("engagement %q: term %q needs a text for %q without a {value}", e.Kind, t.ID, c))
				}
			}
			if t.Set != "" && !strings.Contains(t.Set, "{value}") {
				errs = append(errs, fmt.Errorf("engagement %q: term %q: set has no {value}", e.Kind, t.ID))
			}
			eng.Terms = append(eng.Terms, et)
		}
		var ids []string
		for _, t := range eng.Terms {
			ids = append(ids, t.ID)
		}
		if eng.Contract() && (!slices.Equal(ids, []string{"days", "length", "rate", "contract"}) || len(eng.Offer) == 0) {
			errs = append(errs, fmt.Errorf("engagement %q: a contract engagement states days, length, rate and contract, in that order, and an offer", e.Kind))
		}
		d.engagements = append(d.engagements, eng)
	}
	for _, k := range Kinds() {
		if _, ok := d.Engagement(k); !ok {
			errs = append(errs, fmt.Errorf("engagement %q is missing", k))
		}
	}
	for _, b := range f.EmployeeOnly {
		if b.ID == "" || b.Label == "" || len(b.Phrases) == 0 {
			errs = append(errs, fmt.Errorf("employee-only benefit %q: needs an id, a label and phrases", b.ID))
		}
		d.employee = append(d.employee, EmployeeOnly{ID: b.ID, Label: b.Label, Phrases: b.Phrases})
	}
	return errs
}

// Engagement returns the engagement of kind k.
func (d *Data) Engagement(k Kind) (Engagement, bool) {
	i := slices.IndexFunc(d.engagements, func(e Engagement) bool { return e.Kind == k })
	if i < 0 {
		return Engagement{}, false
	}
	return d.engagements[i], true
}

// ParseKind reads an engagement as a person types it: "fractional",
// "Part-time", "full time", "interim". It returns an UnknownKindError for
// anything else.
func (d *Data) ParseKind(s string) (Kind, error) {
	n := words(s)
	for _, e := range d.engagements {
		if slices.Contains(e.words, n) {
			return e.Kind, nil
		}
	}
	return "", UnknownKindError{Name: strings.TrimSpace(s)}
}

// EmployeeOnlyBenefits returns the table of benefits only employees get.
func (d *Data) EmployeeOnlyBenefits() []EmployeeOnly { return slices.Clone(d.employee) }

// FindEmployeeOnly finds the employee-only benefits a text promises; each
// hit's ID is the benefit's.
func (d *Data) FindEmployeeOnly(text string) []Hit {
	m := newMatcher()
	for _, b := range d.employee {
		for _, p := range b.Phrases {
			m.add(p, b.ID)
		}
	}
	return m.find(text)
}
