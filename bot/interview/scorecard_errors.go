package interview

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/scorecard"
)

// wordScorecard returns err with words for the user, for the scorecard
// subcommands; name is the candidate's name as typed. Errors it has no
// words for pass to word.
func (h *Handler) wordScorecard(err error, name string) error {
	return h.word(bot.Words{
		bot.Is(errNoCandidates, hirebot.Unavailable, "Scorecards are not set up on this hirebot."),
		bot.As(func(e *ScorecardArgsError) string { return h.scorecardUsage(e) }),
		bot.AsKind(hirebot.Invalid, func(e *scorecard.NameError) string { return h.nameMessage(e) }),
		bot.As(func(e *UnknownCandidateError) string {
			msg := fmt.Sprintf("This channel has no candidate called %s.", name)
			if len(e.Near) > 0 {
				msg += " Did you mean " + strings.Join(e.Near, " or ") + "?"
			}
			return fmt.Sprintf("%s %s candidates lists them; %s candidate add <name> adds one.", msg, h.slash, h.slash)
		}),
		bot.Is(scorecard.ErrNoCandidate, hirebot.NotFound, fmt.Sprintf("That candidate is no longer in this channel (removed, or unused for too long); %s candidates lists who is.", h.slash)),
		bot.As(func(e *CandidateExistsError) string {
			if e.Archived {
				return fmt.Sprintf("%s is an archived candidate of this channel: %s candidate restore %s brings them back with their scorecards; %s candidate erase %s deletes them for good.", e.Name, h.slash, e.Name, h.slash, e.Name)
			}
			if e.LooksAlike {
				return fmt.Sprintf("This channel has a candidate called %s already, and %s looks the same (other letters that read alike), so it would split their scorecards. Did you mean %s? %s candidates lists them.", e.Name, name, e.Name, h.slash)
			}
			return fmt.Sprintf("This channel has a candidate called %s already; %s candidates lists them.", e.Name, h.slash)
		}),
		bot.Is(scorecard.ErrExists, hirebot.Conflict, fmt.Sprintf("This channel has a candidate called %s already; %s candidates lists them.", name, h.slash)),
		bot.Is(scorecard.ErrClosed, hirebot.Invalid, fmt.Sprintf("The debrief is closed: scorecards can no longer be submitted or changed. %s debrief %s shows it.", h.slash, nameOr(name))),
		bot.AsKind(hirebot.Invalid, func(e *hirebot.FullError) string {
			return fmt.Sprintf("This channel has %d candidates, the most it can hold; remove one with %s candidate remove <name> first.", e.Cap, h.slash)
		}),
		func(err error) (error, bool) {
			var e *scorecard.InvalidError
			if !errors.As(err, &e) {
				return nil, false
			}
			return &bot.FieldError{Field: invalidField(e), Form: h.invalidMessage(e) + " Nothing was saved yet.",
				Err: hirebot.Wrap(hirebot.Invalid, err, fmt.Sprintf("%s Nothing was saved: open the scorecard again with %s scorecard %s.", h.invalidMessage(e), h.slash, nameOr(name)))}, true
		},
		bot.As(func(e *NotInKitError) string {
			return fmt.Sprintf("That scorecard rates %s, which this channel's scorecards no longer rate (the interview kit changed since it opened); nothing was saved. Open it again with %s scorecard %s.",
				strings.Join(h.competencyNames(e.Competencies), ", "), h.slash, nameOr(name))
		}),
		bot.Is(errForgedForm, hirebot.Invalid, fmt.Sprintf("That scorecard form carried inputs it did not offer, so nothing was saved. Open it again with %s scorecard %s.", h.slash, nameOr(name))),
		bot.Is(errOldForm, hirebot.Invalid, fmt.Sprintf("That scorecard form is from an older version of hirebot; nothing was saved. Open it again with %s scorecard <name>.", h.slash)),
		bot.As(func(e *DebriefForbiddenError) string {
			if e.Manage {
				switch e.Act {
				case scorecard.CloseDebrief, scorecard.SetPanel, scorecard.ArchiveCandidate, scorecard.RestoreCandidate:
					return fmt.Sprintf("Only %s its coordinators or an admin can %s; starting a job-description draft gives no say over scorecards.", runner(e.Owner), actWords(e.Act))
				case scorecard.RemoveCandidate:
				default:
					return fmt.Sprintf("Only %s or an admin can %s; starting a job-description draft gives no say over scorecards.", runner(e.Owner), actWords(e.Act))
				}
				return fmt.Sprintf("Only %s or an admin can close a debrief or remove a candidate; starting a job-description draft gives no say over scorecards.", runner(e.Owner))
			}
			return fmt.Sprintf("Exporting puts every rating and note in the channel, so only those who submitted a scorecard and, off the panel, %s, its coordinators and admins may do it (someone on the panel submits theirs first).", runner(e.Owner))
		}),
		bot.AsKind(hirebot.Invalid, func(e *scorecard.DecisionError) string {
			switch e.Problem {
			case scorecard.NoReason:
				return fmt.Sprintf("Say why, after the decision: %s decision %s hire strongest on strategy and hiring. The reason is kept with the decision.", h.slash, nameOr(name))
			case scorecard.LongReason:
				return fmt.Sprintf("A decision's reason holds up to %d characters; say it shorter and keep the detail in the debrief's notes.", scorecard.MaxReason)
			}
			return "A decision is hire, no-hire or hold."
		}),
		bot.As(func(e *FocusError) string {
			return fmt.Sprintf("“%s” is not a competency this channel's scorecards rate; a focus is one of: %s.", e.Word, strings.Join(e.Sheet, ", "))
		}),
		bot.As(func(e *LoopForbiddenError) string {
			if e.Owner == "" {
				return fmt.Sprintf("Nobody runs this channel's interview loop yet: it starts with whoever adds the first candidate (%s candidate add <name>); an admin can name someone now.", h.slash)
			}
			if e.Act == scorecard.NameCoordinators {
				return fmt.Sprintf("Only @%s, who runs this channel's interview loop, or an admin can name its coordinators.", e.Owner)
			}
			return fmt.Sprintf("Only @%s, who runs this channel's interview loop, or an admin can hand it over.", e.Owner)
		}),
		func(err error) (error, bool) {
			var gone *hirebot.GoneError
			if !errors.As(err, &gone) || gone.What != "candidate" {
				return nil, false
			}
			return hirebot.Wrap(hirebot.Conflict, err, fmt.Sprintf("That was shown for an earlier %s, who was removed; the %s in the channel now was added again since, and nothing of theirs was touched. Run the command again to act on them.", nameOr(name), nameOr(name))), true
		},
	}.Word(err))
}

// scorecardUsage words a scorecard parse error.
func (h *Handler) scorecardUsage(e *ScorecardArgsError) string {
	s := h.slash
	switch {
	case e.Problem == NeedUser && e.Sub == subPanel:
		return fmt.Sprintf("Mention each interviewer, picking them from the list that opens as you type @ (so that Slack says who they are), each followed by the competencies they focus on if any: %s panel Ada Lovelace @dana communication @lee.", s)
	case e.Problem == NeedUser && e.Sub == subCoordinator:
		return fmt.Sprintf("Mention one person, picking them from the list that opens as you type @: %s coordinator @dana names them, %s coordinator remove @dana removes them.", s, s)
	case e.Problem == NeedUser:
		return fmt.Sprintf("Mention the person to hand the interview loop to, picking them from the list that opens as you type @ (so that Slack says who they are), e.g. %s owner @dana.", s)
	case e.Problem == NeedVerdict:
		return fmt.Sprintf("Say the decision after the name — hire, no-hire or hold — then why: %s decision Ada Lovelace hire strongest on strategy and hiring.", s)
	case e.Problem == TakesNothing:
		return fmt.Sprintf("%s candidates takes nothing after it; to add one, %s candidate add <name>.", s, s)
	case e.Problem == CandidateVerb:
		return fmt.Sprintf("Candidate commands: %s candidate add <name>, %s candidate remove <name> (archives), %s candidate restore <name>, %s candidate erase <name>, %s candidates [archived].", s, s, s, s, s)
	case e.Sub == subCandidateAdd:
		return fmt.Sprintf("Say who to add, e.g. %s candidate add Ada Lovelace.", s)
	case e.Sub == subCandidateRemove:
		return fmt.Sprintf("Say who to remove, e.g. %s candidate remove Ada Lovelace.", s)
	case e.Sub == subCandidateRestore:
		return fmt.Sprintf("Say who to restore, e.g. %s candidate restore Ada Lovelace; %s candidates archived lists them.", s, s)
	case e.Sub == subCandidateErase:
		return fmt.Sprintf("Say who to erase, e.g. %s candidate erase Ada Lovelace.", s)
	case e.Sub == subScorecard:
		return fmt.Sprintf("Say who you are scoring, e.g. %s scorecard Ada Lovelace.", s)
	case e.Sub == subDecision:
		return fmt.Sprintf("Say whose decision, e.g. %s decision Ada Lovelace hire strongest on strategy and hiring.", s)
	case e.Sub == subPanel:
		return fmt.Sprintf("Say whose panel, e.g. %s panel Ada Lovelace to see it, or %s panel Ada Lovelace @dana @lee to set it.", s, s)
	}
	return fmt.Sprintf("Say whose debrief, e.g. %s debrief Ada Lovelace [close|export].", s)
}

// nameMessage words a refused candidate name.
func (h *Handler) nameMessage(e *scorecard.NameError) string {
	const only = "hirebot keeps a candidate's name only, no contact details or other personal data"
	switch e.Problem {
	case scorecard.NameEmpty, scorecard.NameTooShort:
		return fmt.Sprintf("Give the candidate's name, at least %d letters, e.g. Ada Lovelace.", scorecard.MinNameLen)
	case scorecard.NameTooLong:
		return fmt.Sprintf("That name is %d characters; use at most %d.", e.Size, scorecard.MaxNameLen)
	case scorecard.NameTooManyWords:
		return fmt.Sprintf("That name has %d words; use at most %d.", e.Size, scorecard.MaxNameWords)
	case scorecard.NameEmail:
		return "That looks like an e-mail address: " + only + "."
	case scorecard.NameURL:
		return "That looks like a web address: " + only + "."
	case scorecard.NamePhone:
		return "That looks like a phone number: " + only + "."
	case scorecard.NameDigits:
		return "A name has no digits: " + only + "."
	case scorecard.NameMarks:
		return fmt.Sprintf("That name has accents or marks with no letter under them, or more than %d on one letter; type the name as it is written.", scorecard.MaxMarks)
	case scorecard.NameStyled:
		return fmt.Sprintf("That name is written in styled or mathematical letters (%q); type it in plain letters, as it is written.", string(e.Char))
	}
	return fmt.Sprintf("A name holds letters, spaces, hyphens, apostrophes and dots, not %q.", string(e.Char))
}

// invalidMessage words a scorecard that can't be stored.
func (h *Handler) invalidMessage(e *scorecard.InvalidError) string {
	names := strings.Join(h.competencyNames(e.Competencies), ", ")
	switch e.Problem {
	case scorecard.MissingRating:
		return "Rate every competency 1–4, or pick “Not assessed”; missing: " + names + "."
	case scorecard.BadRating:
		return "Ratings go from 1 to 4, or “Not assessed”; not so for: " + names + "."
	case scorecard.MissingRecommendation:
		return "Pick an overall recommendation (strong no, no, yes or strong yes)."
	case scorecard.LongNote:
		if names == "" {
			return fmt.Sprintf("Keep the notes to %d characters.", scorecard.MaxNote)
		}
		return fmt.Sprintf("Keep each note to %d characters; too long: %s.", scorecard.MaxNote, names)
	}
	return "The scorecard has nothing to rate; add questions to the kit first."
}

// nameOr returns the candidate's name for a usage line, or a placeholder.
func nameOr(name string) string {
	if name == "" {
		return "<name>"
	}
	return name
}

// invalidField names the scorecard form's input an invalid scorecard is
// about: the first competency's rating or note, the recommendation, or the
// general note.
func invalidField(ie *scorecard.InvalidError) string {
	switch {
	case ie.Problem == scorecard.MissingRecommendation:
		return "rec"
	case len(ie.Competencies) == 0:
		return "note"
	case ie.Problem == scorecard.LongNote:
		return "n:" + ie.Competencies[0]
	}
	return "r:" + ie.Competencies[0]
}

// runner names whoever runs the interview loop, for a sentence.
func runner(owner string) string {
	if owner == "" {
		return "whoever runs the channel's interview loop"
	}
	return "@" + owner + ", who runs the channel's interview loop,"
}

// actWords says what an act does, for a refusal: "set a panel".
func actWords(a scorecard.Act) string {
	switch a {
	case scorecard.CloseDebrief:
		return "close a debrief"
	case scorecard.SetPanel:
		return "set a candidate's panel"
	case scorecard.ArchiveCandidate:
		return "archive a candidate"
	case scorecard.RestoreCandidate:
		return "restore a candidate"
	case scorecard.EraseCandidate:
		return "erase a candidate"
	case scorecard.Decide:
		return "record a decision"
	}
	return "do that"
}
