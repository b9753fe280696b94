package interview

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/scorecard"
)

// The scorecard subcommands, as Args.Sub.
const (
	subCandidateAdd     = "candidate-add"
	subCandidateRemove  = "candidate-remove"
	subCandidateRestore = "candidate-restore"
	subCandidateErase   = "candidate-erase"
	subArchived         = "candidates-archived"
	subCandidates       = "candidates"
	subScorecard        = "scorecard"
	subDebrief          = "debrief"
	subDebriefClose     = "debrief-close"
	subDebriefExport    = "debrief-export"
	subOwner            = "owner"
	subPanel            = "panel"
	subCoordinator      = "coordinator"
	subDecision         = "decision"
	subCompare          = "compare"
)

// isScorecardSub reports whether sub is one of the scorecard subcommands.
func isScorecardSub(sub string) bool {
	switch sub {
	case subCandidateAdd, subCandidateRemove, subCandidateRestore, subCandidateErase, subArchived, subCandidates, subScorecard, subDebrief, subDebriefClose, subDebriefExport, subOwner,
		subPanel, subCoordinator, subDecision, subCompare:
		return true
	}
	return false
}

// ScorecardArgsProblem is why a scorecard subcommand did not parse.
type ScorecardArgsProblem int

// The scorecard parse problems.
const (
	// NeedName: the subcommand (Sub) takes a candidate's name and got none.
	NeedName ScorecardArgsProblem = iota + 1
	// CandidateVerb: "candidate" followed by something other than add or
	// remove.
	CandidateVerb
	// TakesNothing: "candidates" followed by more words.
	TakesNothing
	// NeedUser: owner without exactly one person, or with a word that
	// names nobody (a bare "@dana": see bot.UserOf).
	NeedUser
	// NeedVerdict: decision without hire, no-hire or hold after the name.
	NeedVerdict
)

// ScorecardArgsError is a scorecard subcommand that did not parse, as
// data. It never holds what was typed (it may be a name). Its kind is
// Invalid.
type ScorecardArgsError struct {
	Problem ScorecardArgsProblem
	Sub     string
}

// Error describes e for logs.
func (e *ScorecardArgsError) Error() string {
	return fmt.Sprintf("interview: parse %s: problem %d", e.Sub, e.Problem)
}

// ErrorKind returns Invalid.
func (e *ScorecardArgsError) ErrorKind() hirebot.Kind { return hirebot.Invalid }

// parseScorecard reads the scorecard subcommands, keeping the case of
// names:
//
//	candidate add <name>   candidate remove <name>   candidates
//	scorecard <name>       debrief <name> [close|export]
//
// It reports false when text is none of them.
func parseScorecard(text string) (Args, bool, error) {
	f := strings.Fields(text)
	if len(f) == 0 {
		return Args{}, false, nil
	}
	rest := f[1:]
	switch strings.ToLower(f[0]) {
	case "candidates":
		if len(rest) == 1 && strings.EqualFold(rest[0], "archived") {
			return Args{Sub: subArchived}, true, nil
		}
		if len(rest) > 0 {
			return Args{}, true, &ScorecardArgsError{Problem: TakesNothing, Sub: subCandidates}
		}
		return Args{Sub: subCandidates}, true, nil
	case "candidate":
		if len(rest) == 0 {
			return Args{}, true, &ScorecardArgsError{Problem: CandidateVerb, Sub: subCandidateAdd}
		}
		sub := ""
		switch strings.ToLower(rest[0]) {
		case "add", "new":
			sub = subCandidateAdd
		case "remove", "rm", "delete", "archive":
			sub = subCandidateRemove
		case "restore", "unarchive":
			sub = subCandidateRestore
		case "erase":
			sub = subCandidateErase
		default:
			return Args{}, true, &ScorecardArgsError{Problem: CandidateVerb, Sub: subCandidateAdd}
		}
		return named(sub, rest[1:])
	case "scorecard", "score":
		return named(subScorecard, rest)
	case "owner":
		if len(rest) != 1 {
			return Args{}, true, &ScorecardArgsError{Problem: NeedUser, Sub: subOwner}
		}
		id, ok := bot.UserOf(rest[0])
		if !ok {
			return Args{}, true, &ScorecardArgsError{Problem: NeedUser, Sub: subOwner}
		}
		return Args{Sub: subOwner, User: id}, true, nil
	case "panel":
		return parsePanel(rest)
	case "compare":
		return Args{Sub: subCompare, Name: strings.Join(rest, " ")}, true, nil
	case "decision", "decide":
		i := slices.IndexFunc(rest, func(w string) bool { _, ok := scorecard.VerdictOf(strings.ToLower(w)); return ok })
		if i < 0 {
			if len(rest) == 0 {
				return Args{}, true, &ScorecardArgsError{Problem: NeedName, Sub: subDecision}
			}
			return Args{}, true, &ScorecardArgsError{Problem: NeedVerdict, Sub: subDecision}
		}
		a, ok, err := named(subDecision, rest[:i])
		if err != nil {
			return a, ok, err
		}
		a.Verdict, _ = scorecard.VerdictOf(strings.ToLower(rest[i]))
		a.Reason = strings.Join(rest[i+1:], " ")
		return a, true, nil
	case "coordinator", "coordinators":
		remove := len(rest) > 0 && strings.EqualFold(rest[0], "remove")
		if remove {
			rest = rest[1:]
		}
		if len(rest) != 1 {
			return Args{}, true, &ScorecardArgsError{Problem: NeedUser, Sub: subCoordinator}
		}
		id, ok := bot.UserOf(rest[0])
		if !ok {
			return Args{}, true, &ScorecardArgsError{Problem: NeedUser, Sub: subCoordinator}
		}
		return Args{Sub: subCoordinator, User: id, Remove: remove}, true, nil
	case "debrief":
		if n := len(rest); n > 1 {
			switch strings.ToLower(rest[n-1]) {
			case "close":
				a, ok, err := named(subDebriefClose, rest[:n-1])
				a.Whole = strings.Join(rest, " ")
				return a, ok, err
			case "export":
				a, ok, err := named(subDebriefExport, rest[:n-1])
				a.Whole = strings.Join(rest, " ")
				return a, ok, err
			}
		}
		return named(subDebrief, rest)
	}
	return Args{}, false, nil
}

// named returns the Args of sub for the name in words.
func named(sub string, words []string) (Args, bool, error) {
	if len(words) == 0 {
		return Args{}, true, &ScorecardArgsError{Problem: NeedName, Sub: sub}
	}
	return Args{Sub: sub, Name: strings.Join(words, " ")}, true, nil
}

// parsePanel reads "panel <name> [@a [focus…] @b …]": the words before the
// first mention are the name; each mention starts a panel member, and the
// words after it (split at commas too) are the competencies they focus
// on. With no mention it asks to show the panel.
func parsePanel(words []string) (Args, bool, error) {
	first := slices.IndexFunc(words, func(w string) bool { _, ok := bot.UserOf(w); return ok })
	if first < 0 {
		if slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, "@") }) {
			return Args{}, true, &ScorecardArgsError{Problem: NeedUser, Sub: subPanel}
		}
		return named(subPanel, words)
	}
	a, ok, err := named(subPanel, words[:first])
	if err != nil {
		return a, ok, err
	}
	for _, w := range words[first:] {
		if id, isUser := bot.UserOf(w); isUser {
			if slices.ContainsFunc(a.Panel, func(m PanelWords) bool { return m.User == id }) {
				continue
			}
			a.Panel = append(a.Panel, PanelWords{User: id})
			continue
		}
		if strings.HasPrefix(w, "@") || strings.HasPrefix(w, "<") {
			return Args{}, true, &ScorecardArgsError{Problem: NeedUser, Sub: subPanel}
		}
		last := &a.Panel[len(a.Panel)-1]
		for _, f := range strings.Split(w, ",") {
			if f = strings.TrimSpace(f); f != "" {
				last.Focus = append(last.Focus, strings.ToLower(f))
			}
		}
	}
	return a, true, nil
}

// PanelWords is one panel member as typed: a user and the words naming
// the competencies they focus on.
type PanelWords struct {
	User  string
	Focus []string
}
