package draft

import (
	"strings"
	"unicode"
)

// Label returns the section's heading as people read it, e.g. "Nice to have".
func (s Section) Label() string {
	switch s {
	case Responsibilities:
		return "Responsibilities"
	case Requirements:
		return "Requirements"
	case NiceToHave:
		return "Nice to have"
	case Benefits:
		return "Benefits"
	}
	return string(s)
}

// Label returns the field's name as people read it, e.g. "Salary".
func (f Field) Label() string {
	switch f {
	case Title:
		return "Title"
	case Company:
		return "Company"
	case Location:
		return "Location"
	case Salary:
		return "Salary"
	case Summary:
		return "Summary"
	case Team:
		return "Team size"
	case Process:
		return "How we hire"
	case EEO:
		return "Equal opportunity"
	}
	return string(f)
}

// ParseSection returns the section a person most likely means by s, which
// may be a canonical name or a common alias ("reqs", "must-have",
// "nice to have", "perks"). Case, spaces, hyphens and underscores are
// ignored. It reports false when s names no section.
func ParseSection(s string) (Section, bool) {
	switch squash(s) {
	case "responsibilities", "responsibility", "resp", "resps", "duties", "duty":
		return Responsibilities, true
	case "requirements", "requirement", "reqs", "req", "musthave", "musthaves",
		"must", "required", "qualifications", "qualification":
		return Requirements, true
	case "nicetohave", "nicetohaves", "nice", "bonus", "bonuses", "plus", "pluses",
		"optional", "desirable":
		return NiceToHave, true
	case "benefits", "benefit", "perks", "perk", "offer", "weoffer":
		return Benefits, true
	}
	return "", false
}

// ParseField returns the field a person most likely means by s, which may be
// a canonical name or a common alias ("pay", "where", "about", "org",
// "role-title"). Case, spaces, hyphens and underscores are ignored. It
// reports false when s names no field.
func ParseField(s string) (Field, bool) {
	switch squash(s) {
	case "title", "roletitle", "jobtitle", "name":
		return Title, true
	case "company", "org", "organisation", "organization", "employer":
		return Company, true
	case "location", "where", "place", "office":
		return Location, true
	case "salary", "pay", "compensation", "comp", "wage", "wages":
		return Salary, true
	case "summary", "about", "intro", "introduction", "overview":
		return Summary, true
	case "team", "teamsize", "headcount":
		return Team, true
	case "process", "hiringprocess", "howwehire", "interviewprocess", "hiring":
		return Process, true
	case "eeo", "equalopportunity", "equalopportunities", "eo", "accommodation", "accommodations", "adjustments":
		return EEO, true
	}
	return "", false
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

// sectionNames lists the canonical section names for messages.
func sectionNames() string {
	names := make([]string, len(Sections))
	for i, s := range Sections {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

// fieldNames lists the canonical field names for messages.
func fieldNames() string {
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}
