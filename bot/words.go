package bot

import (
	"errors"

	"github.com/hirebot/hirebot"
)

// Words are how a handler turns the typed errors of its parsers, its
// domain and its store into words for users: a table of rules, one per
// kind of error, each matching an error in err's chain and saying what to
// tell the user about it. Word applies the first rule that matches. A
// handler keeps its words in one table, so that the wording of every
// refusal it makes is in one place, and no handler writes the switch
// again.
type Words []Wording

// Wording is one rule of Words: it reports whether it words err and, if
// so, err with its words (usually a *hirebot.Error wrapping err).
type Wording func(err error) (error, bool)

// Word returns err with words for the user: err itself when it has words
// already (hirebot.MessageOf) or when no rule matches (the router words
// the kinds every command shares), else what the first rule that matches
// says.
func (w Words) Word(err error) error {
	if err == nil || hirebot.MessageOf(err) != "" {
		return err
	}
	for _, rule := range w {
		if worded, ok := rule(err); ok {
			return worded
		}
	}
	return err
}

// As words an error of type E in err's chain with say's message, and the
// kind the error carries (hirebot.KindOf: Internal for an error with
// none, so give those a kind with AsKind).
func As[E error](say func(e E) string) Wording {
	return func(err error) (error, bool) {
		var e E
		if !errors.As(err, &e) {
			return nil, false
		}
		return hirebot.Wrap(hirebot.KindOf(e), err, say(e)), true
	}
}

// AsKind is As with the kind of the reply given: for an error type that
// carries no kind, or one to be told as another kind.
func AsKind[E error](kind hirebot.Kind, say func(e E) string) Wording {
	return func(err error) (error, bool) {
		var e E
		if !errors.As(err, &e) {
			return nil, false
		}
		return hirebot.Wrap(kind, err, say(e)), true
	}
}

// Is words err when target is in its chain, as kind, with message.
func Is(target error, kind hirebot.Kind, message string) Wording {
	return func(err error) (error, bool) {
		if !errors.Is(err, target) {
			return nil, false
		}
		return hirebot.Wrap(kind, err, message), true
	}
}

// OfKind words any error of kind k (hirebot.KindOf) with message.
func OfKind(k hirebot.Kind, message string) Wording {
	return func(err error) (error, bool) {
		if hirebot.KindOf(err) != k {
			return nil, false
		}
		return hirebot.Wrap(k, err, message), true
	}
}
