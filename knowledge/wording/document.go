package wording

import (
	"strconv"
	"strings"
	"time"

	"github.com/hirebot/hirebot/knowledge/jobad"
)

// Document is a job description as the check sees it: a few single fields
// and named sections of items. A draft maps onto it one to one;
// ParseMarkdown builds one from a Markdown or plain-text file.
type Document struct {
	Title    string
	Company  string
	Location string
	Salary   string
	Summary  string
	Sections []Section
	// Draft marks an unfinished draft, not yet final: the facts only the
	// hiring team can give (pay, location) are reported as still to do, at
	// info, instead of as warnings, unless a law where the job is based
	// asks for them. A final draft, or any other ad, is held to the rules'
	// own severity. ParseMarkdown sets it when the file ends with hirebot's
	// "Draft, not final (version N)" line.
	Draft bool
	// Engagement is how the leader is engaged, as package locale names it:
	// "fractional" and "interim" are contracts for services, whose ad must
	// not promise employee-only benefits; "" or "full-time" is an employee.
	Engagement string
	// Locale is the country the ad is written for, as package locale
	// names it (us, uk, eu, ca): another country's terms, spellings and
	// currency are flagged. "" holds the ad to none.
	Locale string
	// CompanySize is how many employees the company has (0: not known):
	// pay-transparency laws with a threshold apply only at or above it.
	// AsOf is the day those laws are judged on (the zero time: today).
	CompanySize int
	AsOf        time.Time
}

// Section is a named list of items. Drafts use the names below; sections
// parsed from Markdown may carry other names ("about us").
type Section struct {
	Name  string
	Items []string
	// Refs, when given, are the items' stable references ("R7"), one per
	// item: a finding then names an item by its reference instead of its
	// position ("requirements #3"). A draft's items have them.
	Refs []string
}

// The section names of a draft, from the job ad vocabulary (package jobad).
// ParseMarkdown maps common headings onto them.
const (
	Outcomes         = string(jobad.Outcomes)
	Responsibilities = string(jobad.Responsibilities)
	Requirements     = string(jobad.Requirements)
	NiceToHave       = string(jobad.NiceToHave)
	Benefits         = string(jobad.Benefits)
)

// placeKind says what a place of a document is, which decides the checks run
// on it.
type placeKind int

const (
	placeText   placeKind = iota // title, summary, items: every pattern rule
	placeSalary                  // the salary field: pay rules only
	placeField                   // company, location: no pattern rules
)

// A place is one piece of text of a document and where it stands.
type place struct {
	where   string // "title", "requirements #3", or an item's reference ("R3")
	section string // the section an item is in, by its label; "" for the fixed places
	order   int    // position in the document, for sorting
	kind    placeKind
	text    string
	toks    []token
	title   []token // the tokens of the document's title: the job the ad is for
}

// The fixed places every document has, at the start of places' result.
const (
	atTitle = iota
	atCompany
	atLocation
	atSalary
	atSummary
)

// places lists the text of doc in reading order, tokenized: the fixed
// places first (see atTitle…atSummary), then each section's items.
func places(doc Document) []place {
	ps := []place{
		{where: string(jobad.Title), kind: placeText, text: doc.Title},
		{where: string(jobad.Company), kind: placeField, text: doc.Company},
		{where: string(jobad.Location), kind: placeField, text: doc.Location},
		{where: string(jobad.Salary), kind: placeSalary, text: doc.Salary},
		{where: string(jobad.Summary), kind: placeText, text: doc.Summary},
	}
	for _, s := range doc.Sections {
		name := sectionLabel(s.Name)
		for i, item := range s.Items {
			where := name + " #" + strconv.Itoa(i+1)
			if i < len(s.Refs) && s.Refs[i] != "" {
				where = s.Refs[i]
			}
			ps = append(ps, place{where: where, section: name, kind: placeText, text: item})
		}
	}
	for i := range ps {
		ps[i].order = i
		ps[i].toks = tokenize(ps[i].text)
		if ps[i].kind == placeText {
			normalise(ps[i].toks)
		}
	}
	for i := range ps {
		ps[i].title = ps[atTitle].toks
	}
	return ps
}

// sectionLabel is how a section is named in a finding's Where.
func sectionLabel(name string) string {
	name = strings.Join(strings.Fields(strings.ToLower(name)), " ")
	if name == "" {
		return "section"
	}
	return name
}
