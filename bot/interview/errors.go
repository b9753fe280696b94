package interview

import (
	"fmt"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
)

// ArgsProblem is why /interview's text did not parse.
type ArgsProblem int

// The parse problems.
const (
	// ArgsTooLong: the text is Size characters, over its limit.
	ArgsTooLong ArgsProblem = iota + 1
	// ArgsCount: Size questions were asked for, outside 1–MaxCount.
	ArgsCount
	// ArgsTooManyWords: more words than one name takes.
	ArgsTooManyWords
	// ArgsKitNumber: kit remove with something other than a number.
	ArgsKitNumber
	// ArgsKitRemove: kit remove with no number, or more than one word.
	ArgsKitRemove
	// ArgsKit: kit followed by something that is no kit command.
	ArgsKit
	// ArgsKitAdd: kit add without numbers of the last batch shown.
	ArgsKitAdd
)

// ArgsError is /interview text that did not parse, as data: the handler
// words it with the configured command name. Its kind is Invalid.
type ArgsError struct {
	Problem ArgsProblem
	Size    int
}

// Error describes e for logs.
func (e *ArgsError) Error() string {
	return fmt.Sprintf("interview: parse: problem %d (size %d)", e.Problem, e.Size)
}

// ErrorKind returns Invalid.
func (e *ArgsError) ErrorKind() hirebot.Kind { return hirebot.Invalid }

// word returns err with words for the user, written with the configured
// command name. Errors it has no words for pass unchanged.
func (h *Handler) word(err error) error {
	return bot.Words{
		bot.As(func(e *ArgsError) string { return h.argsMessage(e) }),
		bot.As(func(e *hirebot.FullError) string {
			return fmt.Sprintf("the interview kit is full (%d questions); remove one before adding another", e.Cap)
		}),
		bot.As(func(e *hirebot.RangeError) string {
			if e.Size == 0 {
				return "the interview kit is empty; add questions with the Add to kit button"
			}
			return fmt.Sprintf("there is no question %d in the kit; pick a number from 1 to %d", e.N, e.Size)
		}),
	}.Word(err)
}

// argsMessage words a parse error.
func (h *Handler) argsMessage(e *ArgsError) string {
	switch e.Problem {
	case ArgsTooLong:
		return fmt.Sprintf("That is %d characters; %s takes a role, kind or competency and a count, at most %d characters.", e.Size, h.slash, maxArgs)
	case ArgsCount:
		return fmt.Sprintf("Ask for 1 to %d questions at a time (you asked for %d).", MaxCount, e.Size)
	case ArgsTooManyWords:
		return fmt.Sprintf("Name one role, kind or competency, e.g. %s infrastructure 3 or %s strategic thinking.", h.slash, h.slash)
	case ArgsKitNumber:
		return fmt.Sprintf("Say which kit question to remove by its number, e.g. %s kit remove 2.", h.slash)
	case ArgsKitRemove:
		return fmt.Sprintf("Usage: %s kit remove <number>.", h.slash)
	case ArgsKitAdd:
		return fmt.Sprintf("Say which questions of the last batch you were shown to add, by their numbers (1–%d): %s kit add 2 4 5.", MaxCount, h.slash)
	}
	return fmt.Sprintf("Kit commands: %s kit, %s kit add <n> [n…], %s kit add <competency>: <question>, %s kit remove <n>, %s kit export, %s kit clear.", h.slash, h.slash, h.slash, h.slash, h.slash, h.slash)
}
