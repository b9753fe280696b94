package scorecard

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
)

// Runs reports whether p runs loop l: its owner, or an admin.
func (l Loop) Runs(p Person) bool {
	return p.Admin || (l.Owner != "" && p.User == l.Owner)
}

// May reports whether p may do act with candidate c of loop l. The loop's
// owner and admins may do everything; someone on the panel may read and
// export the debrief once they have submitted their own scorecard; nobody
// else may do anything.
func May(l Loop, p Person, act Act, c Candidate) bool {
	if l.Runs(p) {
		return true
	}
	switch act {
	case ReadDebrief, ExportDebrief:
		return p.User != "" && c.Submitted(p.User)
	}
	return false
}
