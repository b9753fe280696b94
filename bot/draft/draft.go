// Package draft is the job-description domain: what a draft is, the changes
// people make to it, the rules those changes keep, and how a draft reads as
// Markdown or plain text. It knows nothing of Slack or Redis.
package draft

import "time"

// Section is one of the numbered lists of a draft.
type Section string

// The sections of a draft, in the order they are shown.
const (
	Responsibilities Section = "responsibilities"
	Requirements     Section = "requirements"
	NiceToHave       Section = "nice-to-have"
	Benefits         Section = "benefits"
)

// Sections lists every section in display order.
var Sections = canonical(sectionWords)

// Field is one of the single-line (or paragraph) fields of a draft.
type Field string

// The fields of a draft.
const (
	Title    Field = "title"
	Company  Field = "company"
	Location Field = "location"
	Salary   Field = "salary"
	Summary  Field = "summary"
	Team     Field = "team"    // the size of the team the hire leads
	Process  Field = "process" // how the hiring process works
	EEO      Field = "eeo"     // the equal-opportunity and accommodation statement
)

// Fields lists every field in display order.
var Fields = canonical(fieldWords)

// Status is where a draft stands.
type Status string

// The statuses of a draft.
const (
	Open  Status = "draft"
	Final Status = "final"
)

// Item is one numbered line of a section.
type Item struct {
	Text   string    `json:"text"`
	Author string    `json:"author"`
	At     time.Time `json:"at"`
	// Source is the knowledge checklist item the line came from, if any.
	Source string `json:"source,omitempty"`
}

// Draft is one channel's job description in progress.
type Draft struct {
	Role     string             `json:"role"` // knowledge Role id
	Kind     string             `json:"kind,omitempty"`
	Fields   map[Field]string   `json:"fields"`
	Sections map[Section][]Item `json:"sections"`
	Owner    string             `json:"owner"` // user who started it
	Status   Status             `json:"status"`
	Version  int                `json:"version"` // 1 when started, +1 per change
	Created  time.Time          `json:"created"`
	Updated  time.Time          `json:"updated"`
	Ignored  []string           `json:"ignored,omitempty"` // wording-check rule ids ignored for this draft
	Undo     []Undo             `json:"undo,omitempty"`    // most recent last, bounded
}

// Undo records how to revert one change.
type Undo struct {
	Version int      `json:"version"` // the version the change produced
	Summary string   `json:"summary"` // what the change did, in words
	Revert  []Change `json:"revert"`  // changes that restore the earlier state
}

// Op is the kind of a change.
type Op string

// The kinds of change.
const (
	OpAdd      Op = "add"
	OpInsert   Op = "insert" // add at a position (used to revert a remove)
	OpRemove   Op = "remove"
	OpEdit     Op = "edit"
	OpSet      Op = "set"
	OpMove     Op = "move"
	OpReplace  Op = "replace" // the whole content at once (modal save)
	OpFinalize Op = "finalize"
	OpReopen   Op = "reopen"
	OpIgnore   Op = "ignore" // ignore a wording-check rule
	OpUndo     Op = "undo"
	// OpUnignore stops ignoring a wording-check rule (used to revert an ignore).
	OpUnignore Op = "unignore"
	// OpStart names the history entry that begins a draft. It is not a
	// change: drafts are started with New, not Apply.
	OpStart Op = "start"
)

// Change is one edit to a draft, with who made it and when.
type Change struct {
	Op      Op      `json:"op"`
	Section Section `json:"section,omitempty"`
	Index   int     `json:"index,omitempty"` // 1-based
	To      int     `json:"to,omitempty"`    // 1-based, for move
	Field   Field   `json:"field,omitempty"`
	Text    string  `json:"text,omitempty"`
	Item    *Item   `json:"item,omitempty"` // for insert (keeps author and time)
	// Content is the whole new content, for replace.
	Content *Content `json:"content,omitempty"`
	// BaseVersion, for replace, is the version the editor started from; a
	// replace on any other version is refused as a conflict.
	BaseVersion int       `json:"base_version,omitempty"`
	By          string    `json:"by"`
	Admin       bool      `json:"-"` // By is a configured admin
	At          time.Time `json:"at"`
}

// Content is the editable part of a draft.
type Content struct {
	Fields   map[Field]string   `json:"fields"`
	Sections map[Section][]Item `json:"sections"`
}

// Entry is one line of a draft's history.
type Entry struct {
	Version int       `json:"version"` // the version the change produced
	Op      Op        `json:"op"`
	By      string    `json:"by"`
	At      time.Time `json:"at"`
	Summary string    `json:"summary"` // e.g. `added to requirements (#4): "Ten years…"`
}
