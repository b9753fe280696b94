package draft

import (
	"fmt"

	"github.com/hirebot/hirebot"
)

// StaleError says a whole-draft save was made on version Base of a draft
// that is now at version Now: the save is refused, never merged. Its kind
// is Conflict.
type StaleError struct {
	Base, Now int
}

// Error describes e for logs.
func (e *StaleError) Error() string {
	return fmt.Sprintf("draft: save made on v%d, the draft is at v%d", e.Base, e.Now)
}

// ErrorKind returns Conflict.
func (e *StaleError) ErrorKind() hirebot.Kind { return hirebot.Conflict }

// Problem is why a draft refused a change; Error carries it with its data.
type Problem int

// The problems. The comment of each names the fields of Error it sets.
const (
	// ProblemFinal: the draft is final; only reopen changes it.
	ProblemFinal Problem = iota + 1
	// ProblemNotFinal: reopen of a draft that is not final.
	ProblemNotFinal
	// ProblemUnknownOp: Given is not an operation a draft knows.
	ProblemUnknownOp
	// ProblemNoSection: Given names no section ("" when none was named).
	ProblemNoSection
	// ProblemNoField: Given names no field ("" when none was named).
	ProblemNoField
	// ProblemEmpty: an item (of Section, when set) has no text; Limit is
	// the most it may have.
	ProblemEmpty
	// ProblemTooLong: an item (of Section, when set), or Field's text, is
	// Size characters, over Limit.
	ProblemTooLong
	// ProblemNoRule: Given ("" when none was given) is not a wording-rule
	// id.
	ProblemNoRule
	// ProblemIndex: Index picks none of the Size items of Section; Limit
	// is the highest it may be (Size+1 where a place after the last item
	// counts).
	ProblemIndex
	// ProblemSamePlace: a move of Section #Index to #To, where it is.
	ProblemSamePlace
	// ProblemFull: Section has Size items; it holds at most Limit.
	ProblemFull
	// ProblemNoText: an insert into Section with no text.
	ProblemNoText
	// ProblemNoContent: a whole-draft save with no content.
	ProblemNoContent
	// ProblemTwice: Section or Field is given twice in one content.
	ProblemTwice
	// ProblemIgnored: the wording rule Given is already ignored.
	ProblemIgnored
	// ProblemNotIgnored: the wording rule Given is not ignored.
	ProblemNotIgnored
	// ProblemNotAllowed: only Owner or an admin may Verb the draft.
	ProblemNotAllowed
	// ProblemNothingToUndo: no change to undo; Limit is how many are kept.
	ProblemNothingToUndo
	// ProblemNoRole: a draft was started without a role.
	ProblemNoRole
	// ProblemNoOwner: a draft was started without an owner (or handed to
	// nobody).
	ProblemNoOwner
	// ProblemNoRef: Given is no item reference of the draft (of Section,
	// when set).
	ProblemNoRef
	// ProblemUnseen: Index, a bare number, is ambiguous: Section changed
	// at version Limit, after version Size, the last the person saw. Ref
	// and Given are the reference and text of the item now at Index.
	ProblemUnseen
	// ProblemDepends: undoing version Index would undo what a later change
	// (version To, by Owner, Given its summary) built on.
	ProblemDepends
	// ProblemNoUndo: version Index has no change that can still be undone
	// (too old, already undone, or not a change to the content).
	ProblemNoUndo
	// ProblemDraftFull: the draft's text would take Size bytes; it holds
	// at most Limit.
	ProblemDraftFull
)

// Error is a change the draft refused, as data for a handler to word. Its
// kind is Forbidden for ProblemNotAllowed and Invalid otherwise.
type Error struct {
	Problem Problem
	Section Section
	Field   Field
	Given   string // what the user gave, cut to a quote's length
	Size    int
	Limit   int
	Index   int
	To      int
	Owner   string
	Verb    string
	Ref     string
}

// Error describes e for logs.
func (e *Error) Error() string {
	return fmt.Sprintf("draft: refused (problem %d): section=%q field=%q given=%q size=%d limit=%d index=%d to=%d owner=%q verb=%q ref=%q",
		e.Problem, e.Section, e.Field, e.Given, e.Size, e.Limit, e.Index, e.To, e.Owner, e.Verb, e.Ref)
}

// ErrorKind returns the kind of e.
func (e *Error) ErrorKind() hirebot.Kind {
	switch e.Problem {
	case ProblemNotAllowed:
		return hirebot.Forbidden
	case ProblemUnseen, ProblemDepends:
		return hirebot.Conflict
	}
	return hirebot.Invalid
}
