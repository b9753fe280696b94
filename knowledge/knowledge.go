// Package knowledge is what hirebot knows about technical leadership roles:
// definitions, the kinds of CTO, skill checklists, topics to look up,
// competencies and interview questions. It is pure data plus search; it
// knows nothing of Slack or Redis.
package knowledge

// Pack is a whole, validated body of knowledge. Load returns one; it is
// read-only after that and safe for concurrent use.
type Pack struct {
	Roles        []Role
	Kinds        []Kind
	Topics       []Topic
	Checklists   []Checklist
	Competencies []Competency
	Questions    []Question

	sources map[string]string // question id → the file it came from, for error messages
	index   *index            // built by Load
	// model decides which topic a free-text question is about: the
	// embedded one for the embedded pack and packs laid over it, none for
	// a pack loaded on its own (which answers by search and
	// MinConfidence).
	model *topicModel
}

// Role is a leadership role such as "cto" or "cio".
type Role struct {
	ID         string   `yaml:"id"`         // "cto"
	Name       string   `yaml:"name"`       // "CTO"
	Title      string   `yaml:"title"`      // "Chief Technology Officer"
	AltTitles  []string `yaml:"alt_titles"` // other titles used for the job
	Definition string   `yaml:"definition"` // one paragraph
	// Pitch, HiringProcess and EqualOpportunity are written to candidates;
	// a fresh job description takes them as they are.
	Pitch            string `yaml:"pitch"`             // what the job is, in the second person
	HiringProcess    string `yaml:"hiring_process"`    // how the hiring process works
	EqualOpportunity string `yaml:"equal_opportunity"` // equal-opportunity and accommodation statement
	// ReportsTo is whom the role usually reports to ("the CEO"): a fresh
	// draft's scope states it until the team sets its own.
	ReportsTo  string   `yaml:"reports_to"`
	Kinds      []string `yaml:"kinds"`        // Kind ids, may be empty
	Competency []string `yaml:"competencies"` // Competency ids a general interview covers
}

// Kind is one of the ways a role is practised, such as the
// "infrastructure" kind of CTO.
type Kind struct {
	ID           string   `yaml:"id"`           // "infrastructure"
	Role         string   `yaml:"role"`         // "cto"
	Name         string   `yaml:"name"`         // "Infrastructure commander"
	Aliases      []string `yaml:"aliases"`      // other words for it: "infra"
	Summary      string   `yaml:"summary"`      // one paragraph
	Does         []string `yaml:"does"`         // what this kind spends time on
	FitsWhere    string   `yaml:"fits_where"`   // which companies look for it
	Pitch        string   `yaml:"pitch"`        // what this kind of job is, to candidates
	Competencies []string `yaml:"competencies"` // Competency ids this kind leans on
}

// Topic is one card /cto-role can show, such as "cio responsibilities".
type Topic struct {
	ID       string   `yaml:"id"`       // unique, e.g. "cio-responsibilities"
	Role     string   `yaml:"role"`     // Role id the topic is about
	Name     string   `yaml:"name"`     // the word users type: "responsibilities"
	Title    string   `yaml:"title"`    // card title
	Summary  string   `yaml:"summary"`  // one or two sentences
	Body     []string `yaml:"body"`     // paragraphs
	Points   []string `yaml:"points"`   // bullet points
	Related  []string `yaml:"related"`  // Topic ids shown as buttons
	Keywords []string `yaml:"keywords"` // extra words search should match
	Aliases  []string `yaml:"aliases"`  // other words that name the topic: "duties", "types"
	// Origin says whose knowledge the topic is: one of Origins.
	Origin Origin `yaml:"origin"`
	// Source is one short line naming where the topic's facts come from
	// and which part is hirebot's own advice; cards show it as small print.
	Source string `yaml:"source"`
}

// Origin says where a topic's content comes from.
type Origin string

// The origins a topic may have.
const (
	FromGuide   Origin = "guide"             // the role guide the pack was written from
	FromHirebot Origin = "hirebot"           // hirebot's own advice
	FromBoth    Origin = "guide-and-hirebot" // the guide's facts with hirebot's advice added
	FromTeam    Origin = "team"              // a custom pack's own notes
)

// Origins lists the valid origins, for validation and messages.
var Origins = []Origin{FromGuide, FromHirebot, FromBoth, FromTeam}

// Checklist is a list of things a role (or one kind of it) does or needs.
// Its items seed job-description drafts and name the competencies an
// interview for such a draft should probe.
type Checklist struct {
	ID      string          `yaml:"id"`      // "cto-leadership-qualities"
	Role    string          `yaml:"role"`    // Role id
	Kind    string          `yaml:"kind"`    // Kind id, or "" for every kind of the role
	Title   string          `yaml:"title"`   // "Leadership qualities"
	Section string          `yaml:"section"` // the draft section it feeds: responsibilities, requirements, nice-to-have or benefits
	Items   []ChecklistItem `yaml:"items"`
}

// ChecklistItem is one line of a checklist, written so it can stand in a
// job description as it is.
type ChecklistItem struct {
	ID         string `yaml:"id"`         // unique across the pack
	Text       string `yaml:"text"`       // the line
	Competency string `yaml:"competency"` // Competency id; "" for a benefit
}

// Competency is a skill or quality an interview can probe.
type Competency struct {
	ID          string   `yaml:"id"`          // "strategic-thinking"
	Name        string   `yaml:"name"`        // "Strategic thinking"
	Roles       []string `yaml:"roles"`       // Role ids it applies to
	Description string   `yaml:"description"` // one sentence
	// Keywords are other words people use for it ("hiring", "budget"),
	// for matching what they type.
	Keywords []string `yaml:"keywords"`
}

// Question is a structured interview question with its rubric.
type Question struct {
	ID         string    `yaml:"id"`         // unique, e.g. "q-strategy-01"
	Competency string    `yaml:"competency"` // Competency id
	Roles      []string  `yaml:"roles"`      // Role ids it suits
	Kinds      []string  `yaml:"kinds"`      // Kind ids it suits; empty means every kind
	Text       string    `yaml:"text"`       // the question
	Strong     []string  `yaml:"strong"`     // what a strong answer shows (≥ 2)
	RedFlags   []string  `yaml:"red_flags"`  // (≥ 1)
	FollowUps  []string  `yaml:"follow_ups"` // (≥ 2)
	Rubric     [4]string `yaml:"rubric"`     // levels 1 (weak) to 4 (strong)
}
