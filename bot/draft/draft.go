// Package draft is the job-description domain: what a draft is, the changes
// people make to it, the rules those changes keep, and how a draft reads as
// Markdown or plain text. It knows nothing of Slack or Redis.
package draft

import "time"

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
	// Ref is the item's stable reference, e.g. "R7" (see refs.go): it
	// never changes and is never reused while the draft lives.
	Ref string `json:"ref,omitempty"`
}

// Draft is one channel's job description in progress.
type Draft struct {
	// ID is the draft's identity (see identity.go): given when it is
	// started, never shared with another draft of the channel.
	ID       string             `json:"id,omitempty"`
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
	// Last is the highest reference number used so far in each section;
	// new items take the next one, so no reference is ever reused.
	Last map[Section]int `json:"last,omitempty"`
	// Changed is, per section, the version of the last change that
	// removed, inserted, edited or moved its items (appending to the end
	// renumbers nothing and does not count): a bare item number typed by
	// someone who last saw the draft before it is ambiguous.
	Changed map[Section]int `json:"changed,omitempty"`
	// Edited is the version of the last change to the content, the kind or
	// the ignored rules (what an approval is of).
	Edited int `json:"edited,omitempty"`
	// Approvals are who approved which version, one per person, oldest
	// first.
	Approvals []Approval `json:"approvals,omitempty"`
	// Home is the locale the draft was started in (HIREBOT_LOCALE): what it
	// is written for when no locale is set and the location says none
	// clearly (see LocaleCode).
	Home string `json:"home,omitempty"`
}

// Approval records that By approved the draft as it was at Version.
type Approval struct {
	By      string    `json:"by"`
	Version int       `json:"version"`
	At      time.Time `json:"at"`
}

// Undo records how to revert one change: only what it changed (the
// inverse operations), never the whole draft.
type Undo struct {
	Version int      `json:"version"` // the version the change produced
	By      string   `json:"by"`      // who made the change
	Summary string   `json:"summary"` // what the change did, in words
	Revert  []Change `json:"revert"`  // changes that restore the earlier state
	// Touch names what the change touched (see touches): a later change
	// touching any of it depends on this one.
	Touch []string `json:"touch,omitempty"`
	// Gone marks what is left of records dropped for room: what they
	// touched, so that an earlier change they built on is not undone
	// under them. It cannot be undone itself; consecutive ones merge.
	Gone bool `json:"gone,omitempty"`
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
	// OpKind changes the kind of the draft (Text is the kind id).
	OpKind Op = "kind"
	// OpOwner hands the draft to another user (Text is the user id).
	OpOwner Op = "owner"
	// OpApprove records that By approves the current version.
	OpApprove Op = "approve"
	// OpStart names the history entry that begins a draft. It is not a
	// change: drafts are started with New, not Apply.
	OpStart Op = "start"
)

// Change is one edit to a draft, with who made it and when.
type Change struct {
	Op      Op      `json:"op"`
	Section Section `json:"section,omitempty"`
	Index   int     `json:"index,omitempty"` // 1-based
	// Ref names the item by its reference ("R7") instead of Index; the
	// section may then be left out.
	Ref string `json:"ref,omitempty"`
	// After, for an insert that reverts a remove, is the reference of the
	// item to insert after ("^" for the start).
	After string `json:"after,omitempty"`
	// Loose marks a change that reverts another: positions that no longer
	// exist are clamped instead of refused, and owner-only rules were
	// checked when the change was made.
	Loose bool `json:"loose,omitempty"`
	// Partial, for replace, sets only the fields and sections Content
	// holds (a section held with no items is emptied).
	Partial bool `json:"partial,omitempty"`
	// Reason is why a wording rule is ignored, kept in the history.
	Reason string `json:"reason,omitempty"`
	// Undoes, for undo, names the version whose change to revert; 0 means
	// the caller's own newest change still in effect.
	Undoes int `json:"-"`
	// Bare says Index is a bare number the person typed; Seen is the
	// version they last saw. A bare number in a section that changed
	// after Seen is refused (ProblemUnseen) rather than guessed.
	Bare  bool   `json:"-"`
	Seen  int    `json:"-"`
	To    int    `json:"to,omitempty"` // 1-based, for move
	Field Field  `json:"field,omitempty"`
	Text  string `json:"text,omitempty"`
	Item  *Item  `json:"item,omitempty"` // for insert (keeps author and time)
	// Content is the whole new content, for replace.
	Content *Content `json:"content,omitempty"`
	// BaseVersion, for replace, is the version the editor started from; a
	// replace on any other version is refused as a conflict. For finalize
	// (a confirmation) it is the version the person was asked at, when set.
	BaseVersion int `json:"base_version,omitempty"`
	// Draft, when set, is the identity of the draft the change was asked
	// for (by a button, a confirmation or a form): on any other draft it is
	// refused with an *OtherDraftError.
	Draft string    `json:"-"`
	By    string    `json:"by"`
	Admin bool      `json:"-"` // By is a configured admin
	At    time.Time `json:"at"`
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
	Summary string    `json:"summary"` // e.g. `added to requirements as R4 (#4): "Ten years…"`
	// Undoable says the change left an undo record.
	Undoable bool `json:"undoable,omitempty"`
}
