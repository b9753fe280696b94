// Package jobad is the vocabulary of a job ad: its sections and fields,
// how people read them and the words they type for them. It is defined
// once, here, for every part that speaks of a job ad: the draft domain
// (bot/draft, whose sections and fields these are), its parsers and help,
// the knowledge pack's checklists (which feed the sections) and the
// wording check's document model. It depends on nothing.
package jobad

import (
	"strings"
	"unicode"
)

// Section is one of the numbered lists of a job ad.
type Section string

// The sections of a job ad, in the order they are shown.
const (
	Outcomes         Section = "outcomes" // what success looks like after the first year
	Responsibilities Section = "responsibilities"
	Requirements     Section = "requirements"
	NiceToHave       Section = "nice-to-have"
	Benefits         Section = "benefits"
)

// Field is one of the single-line (or paragraph) fields of a job ad.
type Field string

// The fields of a job ad.
const (
	Title    Field = "title"
	Company  Field = "company"
	Location Field = "location"
	Salary   Field = "salary"
	Summary  Field = "summary"
	Team     Field = "team"    // the size of the team the hire leads
	Process  Field = "process" // how the hiring process works
	EEO      Field = "eeo"     // the equal-opportunity and accommodation statement
	// Engagement is how the leader is engaged: full-time (an employee),
	// fractional or interim (a contract for services). It is a setting.
	Engagement Field = "engagement"
	Days       Field = "days"   // days a week, for a fractional or interim engagement
	Length     Field = "length" // how long a fractional or interim engagement runs
	// The scope of the role, with the team size: the budget it holds and
	// whom it reports to.
	Budget    Field = "budget"
	ReportsTo Field = "reports-to"
	// Locale is the country the ad is written for (us, uk, eu, ca): its
	// benefits, equal-opportunity statement, spelling and currency. A
	// setting.
	Locale Field = "locale"
	// CompanySize is how many employees the company has, so that
	// pay-transparency laws with an employer-size threshold apply. A
	// setting.
	CompanySize Field = "company-size"
)

// The vocabulary: every section and field with its label, its reference
// letter (sections) and the words people use for it. Help, parsing,
// validation and the wording check's document model all derive from these
// tables.
var (
	sectionWords = []names[Section]{
		{Outcomes, "After your first year", 'O', []string{"outcome", "first year", "first-year outcomes", "year one", "success", "goals", "goal", "objectives"}},
		{Responsibilities, "Responsibilities", 'D', []string{"responsibility", "resp", "resps", "duties", "duty"}},
		{Requirements, "Requirements", 'R', []string{"requirement", "reqs", "req", "must have", "must haves",
			"must", "required", "qualifications", "qualification"}},
		{NiceToHave, "Nice to have", 'N', []string{"nice to have", "nice to haves", "nice", "bonus", "bonuses", "plus", "pluses",
			"optional", "desirable"}},
		{Benefits, "Benefits", 'B', []string{"benefit", "perks", "perk", "offer", "we offer"}},
	}
	fieldWords = []names[Field]{
		{Title, "Title", 0, []string{"role title", "job title", "name"}},
		{Company, "Company", 0, []string{"org", "organisation", "organization", "employer"}},
		{Location, "Location", 0, []string{"where", "place", "office"}},
		{Salary, "Salary", 0, []string{"pay", "compensation", "comp", "wage", "wages", "rate", "day rate", "retainer"}},
		{Team, "Team size", 0, []string{"team size", "headcount"}},
		{Budget, "Budget", 0, []string{"budget size", "spend"}},
		{ReportsTo, "Reports to", 0, []string{"reports to", "reporting to", "reporting line", "manager", "boss"}},
		{Engagement, "Engagement", 0, []string{"engagement type", "contract type", "employment type"}},
		{Locale, "Locale", 0, []string{"country", "market"}},
		{CompanySize, "Company size", 0, []string{"company size", "employees", "employer size", "staff count", "number of employees"}},
		{Days, "Days a week", 0, []string{"days a week", "days per week", "time commitment"}},
		{Length, "Length", 0, []string{"duration", "contract length", "engagement length"}},
		{Summary, "Summary", 0, []string{"about", "intro", "introduction", "overview"}},
		{Process, "How we hire", 0, []string{"hiring process", "how we hire", "interview process", "hiring"}},
		{EEO, "Equal opportunity", 0, []string{"equal opportunity", "equal opportunities", "eo",
			"accommodation", "accommodations", "adjustments"}},
	}
	sectionIndex = index(sectionWords)
	fieldIndex   = index(fieldWords)
)

// Sections lists every section in display order.
var Sections = canonical(sectionWords)

// Fields lists every field in display order.
var Fields = canonical(fieldWords)

// names is one section or field: its canonical name, its label, its
// reference letter (0 for a field) and its aliases, written as people
// type them ("nice to have").
type names[T ~string] struct {
	name    T
	label   string
	letter  byte
	aliases []string
}

// index maps every squashed name and alias to its section or field.
func index[T ~string](words []names[T]) map[string]T {
	m := map[string]T{}
	for _, w := range words {
		m[squash(string(w.name))] = w.name
		for _, a := range w.aliases {
			m[squash(a)] = w.name
		}
	}
	return m
}

// canonical returns the canonical names of words, in order.
func canonical[T ~string](words []names[T]) []T {
	out := make([]T, len(words))
	for i, w := range words {
		out[i] = w.name
	}
	return out
}

// lookup returns the entry of name in words, or one that names it alone.
func lookup[T ~string](words []names[T], name T) names[T] {
	for _, w := range words {
		if w.name == name {
			return w
		}
	}
	return names[T]{name: name, label: string(name)}
}

// Label returns the section's heading as people read it, e.g. "Nice to have".
func (s Section) Label() string { return lookup(sectionWords, s).label }

// Letter returns the letter of the section's item references: D for
// responsibilities (duties), R, N, B; "" for no section.
func (s Section) Letter() string {
	if l := lookup(sectionWords, s).letter; l != 0 {
		return string(l)
	}
	return ""
}

// SectionOfLetter returns the section whose item references start with
// letter (in either case).
func SectionOfLetter(letter byte) (Section, bool) {
	letter = byte(unicode.ToUpper(rune(letter)))
	for _, w := range sectionWords {
		if w.letter == letter {
			return w.name, true
		}
	}
	return "", false
}

// Label returns the field's name as people read it, e.g. "Salary".
func (f Field) Label() string { return lookup(fieldWords, f).label }

// Setting reports whether the field is a setting of the draft (how the
// leader is engaged, the locale, the company's size) rather than text of
// the ad: it is set by name and checked, not typed into the editor.
func (f Field) Setting() bool { return f == Engagement || f == Locale || f == CompanySize }

// Paragraph reports whether the field holds prose that may run over several
// lines (the summary, the hiring process and the equal-opportunity
// statement) rather than one line.
func (f Field) Paragraph() bool {
	return f == Summary || f == Process || f == EEO
}

// ParseSection returns the section a person most likely means by s, which
// may be a canonical name or a common alias ("reqs", "must-have",
// "nice to have", "perks"). Case, spaces, hyphens and underscores are
// ignored. It reports false when s names no section.
func ParseSection(s string) (Section, bool) {
	sec, ok := sectionIndex[squash(s)]
	return sec, ok
}

// ParseField returns the field a person most likely means by s, which may be
// a canonical name or a common alias ("pay", "where", "about", "org",
// "role-title"). Case, spaces, hyphens and underscores are ignored. It
// reports false when s names no field.
func ParseField(s string) (Field, bool) {
	f, ok := fieldIndex[squash(s)]
	return f, ok
}

// Phrases returns the names and aliases of sections and fields that are
// more than one word ("nice to have", "job title"), for parsers that read
// a name word by word. The slice is shared: do not change it.
func Phrases() []string { return phrases }

// phrases is what Phrases returns.
var phrases = multiWord(sectionWords, fieldWords)

// multiWord returns the aliases of sections and fields that hold a space.
func multiWord(sections []names[Section], fields []names[Field]) []string {
	var out []string
	add := func(aliases []string) {
		for _, a := range aliases {
			if strings.Contains(a, " ") {
				out = append(out, a)
			}
		}
	}
	for _, w := range sections {
		add(w.aliases)
	}
	for _, w := range fields {
		add(w.aliases)
	}
	return out
}

// squash lower-cases s and drops spaces, hyphens, underscores and a trailing
// colon, so that "Nice to-have:" and "nicetohave" compare equal.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSuffix(strings.TrimSpace(s), ":") {
		if r == '-' || r == '_' || unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// SectionNames returns the canonical section names, in order, for help
// and messages.
func SectionNames() []string { return strs(Sections) }

// FieldNames returns the canonical field names, in order, for help and
// messages.
func FieldNames() []string { return strs(Fields) }

// strs returns names as strings.
func strs[T ~string](names []T) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = string(n)
	}
	return out
}
