package scorecard

import "slices"

// Who may do what with a channel's candidates and scorecards belongs to
// the channel's interview loop, not to its job-description draft: the
// loop is recorded with the candidates, and starting, discarding or
// expiring a draft changes nobody's rights over scorecards. May is the one
// place that decides it.

// Loop is a channel's interview loop: who runs it. Its owner is the person
// who added the first candidate, until they or an admin name someone
// else. A loop with no owner (none recorded) is run by the admins alone.
type Loop struct {
	Owner string
	// Coordinators are the people the owner (or an admin) named to help
	// run the loop, sorted: off the panel, they see progress, read,
	// export and close debriefs, archive and restore candidates.
	Coordinators []string
}

// Person is who asks: a Slack user, and whether they are a configured
// admin.
type Person struct {
	User  string
	Admin bool
}

// Act is something a person may or may not do with a candidate's
// scorecards.
type Act int

// The acts May decides.
const (
	// ReadDebrief: see every rating, note and recommendation.
	ReadDebrief Act = iota + 1
	// ExportDebrief: upload the debrief to the channel, for everyone in it.
	ExportDebrief
	// CloseDebrief: freeze the scorecards.
	CloseDebrief
	// RemoveCandidate: delete the candidate and every scorecard.
	RemoveCandidate
	// HandOverLoop: name someone else to run the loop (no candidate).
	HandOverLoop
	// NameCoordinators: name or remove the loop's coordinators (no
	// candidate).
	NameCoordinators
	// SetPanel: say who interviews a candidate.
	SetPanel
	// ArchiveCandidate and RestoreCandidate: put a candidate's record
	// away, kept, and bring it back.
	ArchiveCandidate
	RestoreCandidate
	// EraseCandidate: delete a candidate and every scorecard for good, on
	// an erasure request.
	EraseCandidate
	// Decide: record the hiring decision.
	Decide
)

// Runs reports whether p runs loop l: its owner, or an admin.
func (l Loop) Runs(p Person) bool {
	return p.Admin || (l.Owner != "" && p.User == l.Owner)
}

// Coordinates reports whether p helps run loop l: its owner, an admin or
// a coordinator.
func (l Loop) Coordinates(p Person) bool {
	return l.Runs(p) || (p.User != "" && slices.Contains(l.Coordinators, p.User))
}

// May reports whether p may do act with candidate c of loop l.
//
// Reading is blind for everyone on the panel until they have submitted
// their own scorecard — the loop's owner and admins included — so nobody
// anchors on anyone else's. Off the panel, the loop's owner, admins and
// coordinators read and export the debrief; someone who submitted a
// scorecard reads and exports it too. Closing the debrief, archiving and
// restoring, which show nothing of what anyone wrote, are for the loop's
// owner, admins and coordinators; erasing, handing the loop over, naming
// coordinators and recording the decision for its owner and admins;
// setting the panel for its owner, admins and coordinators.
func May(l Loop, p Person, act Act, c Candidate) bool {
	switch act {
	case ReadDebrief, ExportDebrief:
		if p.User != "" && c.Submitted(p.User) {
			return true
		}
		return !c.OnPanel(p.User) && l.Coordinates(p)
	case CloseDebrief, ArchiveCandidate, RestoreCandidate, SetPanel:
		return l.Coordinates(p)
	case RemoveCandidate, EraseCandidate, HandOverLoop, NameCoordinators, Decide:
		return l.Runs(p)
	}
	return false
}
