package draft

import (
	"strings"
	"unicode"
)

// The vocabulary of a draft: every section and field with its label and
// the words people use for it. Help, parsing, validation and the wording
// check's document model all derive from these tables.
var (
	sectionWords = []names[Section]{
		{Responsibilities, "Responsibilities", []string{"responsibility", "resp", "resps", "duties", "duty"}},
		{Requirements, "Requirements", []string{"requirement", "reqs", "req", "must have", "must haves",
			"must", "required", "qualifications", "qualification"}},
		{NiceToHave, "Nice to have", []string{"nice to have", "nice to haves", "nice", "bonus", "bonuses", "plus", "pluses",
			"optional", "desirable"}},
		{Benefits, "Benefits", []string{"benefit", "perks", "perk", "offer", "we offer"}},
	}
	fieldWords = []names[Field]{
		{Title, "Title", []string{"role title", "job title", "name"}},
		{Company, "Company", []string{"org", "organisation", "organization", "employer"}},
		{Location, "Location", []string{"where", "place", "office"}},
		{Salary, "Salary", []string{"pay", "compensation", "comp", "wage", "wages"}},
		{Team, "Team size", []string{"team size", "headcount"}},
		{Summary, "Summary", []string{"about", "intro", "introduction", "overview"}},
		{Process, "How we hire", []string{"hiring process", "how we hire", "interview process", "hiring"}},
		{EEO, "Equal opportunity", []string{"equal opportunity", "equal opportunities", "eo",
			"accommodation", "accommodations", "adjustments"}},
	}
	sectionIndex = index(sectionWords)
	fieldIndex   = index(fieldWords)
)

// names is one section or field: its canonical name, its label and its
// aliases, written as people type them ("nice to have").
type names[T ~string] struct {
	name    T
	label   string
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

// label returns the label of name in words, or name itself.
func label[T ~string](words []names[T], name T) string {
	for _, w := range words {
		if w.name == name {
			return w.label
		}
	}
	return string(name)
}

// Label returns the section's heading as people read it, e.g. "Nice to have".
func (s Section) Label() string { return label(sectionWords, s) }

// Label returns the field's name as people read it, e.g. "Salary".
func (f Field) Label() string { return label(fieldWords, f) }

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
func SectionNames() []string {
	names := make([]string, len(Sections))
	for i, s := range Sections {
		names[i] = string(s)
	}
	return names
}

// FieldNames returns the canonical field names, in order, for help and
// messages.
func FieldNames() []string {
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = string(f)
	}
	return names
}
