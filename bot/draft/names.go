package draft

import "github.com/hirebot/hirebot/knowledge/jobad"

// A draft's sections and fields are those of a job ad: their vocabulary —
// names, labels, reference letters and the words people use for them — is
// package jobad's, defined once for the draft, the knowledge pack's
// checklists and the wording check.
type (
	// Section is one of the numbered lists of a draft.
	Section = jobad.Section
	// Field is one of the single-line (or paragraph) fields of a draft.
	Field = jobad.Field
)

// The sections of a draft, in the order they are shown.
const (
	Outcomes         = jobad.Outcomes
	Responsibilities = jobad.Responsibilities
	Requirements     = jobad.Requirements
	NiceToHave       = jobad.NiceToHave
	Benefits         = jobad.Benefits
)

// The fields of a draft.
const (
	Title    = jobad.Title
	Company  = jobad.Company
	Location = jobad.Location
	Salary   = jobad.Salary
	Summary  = jobad.Summary
	Team     = jobad.Team    // the size of the team the hire leads
	Process  = jobad.Process // how the hiring process works
	EEO      = jobad.EEO     // the equal-opportunity and accommodation statement
	// Engagement is how the leader is engaged (a setting; see engagement.go).
	Engagement = jobad.Engagement
	Days       = jobad.Days      // days a week, for a fractional or interim engagement
	Length     = jobad.Length    // how long a fractional or interim engagement runs
	Budget     = jobad.Budget    // the budget the role holds
	ReportsTo  = jobad.ReportsTo // whom the role reports to
	Locale     = jobad.Locale    // the country the ad is written for (a setting; see localize.go)
	// CompanySize is how many employees the company has (a setting), for
	// the employer-size thresholds of pay-transparency laws.
	CompanySize = jobad.CompanySize
)

// Sections lists every section in display order.
var Sections = jobad.Sections

// Fields lists every field in display order.
var Fields = jobad.Fields

// ParseSection returns the section s names, by its name or an alias (see
// jobad.ParseSection).
func ParseSection(s string) (Section, bool) { return jobad.ParseSection(s) }

// ParseField returns the field s names, by its name or an alias (see
// jobad.ParseField).
func ParseField(s string) (Field, bool) { return jobad.ParseField(s) }

// Phrases returns the names and aliases of sections and fields that are
// more than one word (see jobad.Phrases).
func Phrases() []string { return jobad.Phrases() }

// SectionNames returns the canonical section names, in order.
func SectionNames() []string { return jobad.SectionNames() }

// FieldNames returns the canonical field names, in order.
func FieldNames() []string { return jobad.FieldNames() }
