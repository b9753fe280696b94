package scorecard

import (
	"slices"
	"time"
	"unicode/utf8"
)

// Verdict is the hiring decision on a candidate.
type Verdict string

// The verdicts.
const (
	Hire   Verdict = "hire"
	NoHire Verdict = "no-hire"
	Hold   Verdict = "hold"
)

// Verdicts lists every verdict.
var Verdicts = []Verdict{Hire, NoHire, Hold}

// Label returns how a verdict reads: "No hire".
func (v Verdict) Label() string {
	switch v {
	case Hire:
		return "Hire"
	case NoHire:
		return "No hire"
	case Hold:
		return "Hold"
	}
	return string(v)
}

// VerdictOf returns the verdict a word names: hire, no-hire (nohire,
// no_hire), hold.
func VerdictOf(word string) (Verdict, bool) {
	switch word {
	case "hire":
		return Hire, true
	case "no-hire", "nohire", "no_hire":
		return NoHire, true
	case "hold":
		return Hold, true
	}
	return "", false
}

// Limits of a decision.
const (
	// MaxReason is how long a decision's reason may be, in characters.
	MaxReason = 500
	// MaxDecisions is how many decisions a candidate's history keeps (the
	// newest).
	MaxDecisions = 50
)

// Decision is a hiring decision recorded on a candidate: what, why, who
// and when. A candidate's decisions are kept in order: the newest is the
// one that stands, the others its history.
type Decision struct {
	Verdict Verdict   `json:"verdict"`
	Reason  string    `json:"reason"`
	By      string    `json:"by"`
	At      time.Time `json:"at"`
}

// DecisionProblem is what is wrong with a decision.
type DecisionProblem int

// The decision problems.
const (
	BadVerdict DecisionProblem = iota + 1 // none of Verdicts
	NoReason                              // an empty reason
	LongReason                            // a reason over MaxReason characters
)

// DecisionError says a decision can't be recorded, as data.
type DecisionError struct{ Problem DecisionProblem }

// Error describes e for logs (never the reason).
func (e *DecisionError) Error() string { return "scorecard: invalid decision" }

// Validate checks that d has a verdict and a reason that fits.
func (d Decision) Validate() error {
	switch n := utf8.RuneCountInString(d.Reason); {
	case !slices.Contains(Verdicts, d.Verdict):
		return &DecisionError{Problem: BadVerdict}
	case n == 0:
		return &DecisionError{Problem: NoReason}
	case n > MaxReason:
		return &DecisionError{Problem: LongReason}
	}
	return nil
}

// Decided returns the decision that stands on c, if any: its newest.
func (c Candidate) Decided() (Decision, bool) {
	if len(c.Decisions) == 0 {
		return Decision{}, false
	}
	return c.Decisions[len(c.Decisions)-1], true
}

// Positive reports whether r leans to hiring: yes or strong yes.
func (r Recommendation) Positive() bool { return r == Yes || r == StrongYes }

// Split is a debrief's recommendations disagreeing on the hire: at least
// one yes (or strong yes) against at least one no (or strong no).
type Split struct {
	Yes, No int // how many lean each way
}

// SplitOf returns the split of c's recommendations, and whether there is
// one.
func SplitOf(c Candidate) (Split, bool) {
	var s Split
	for _, card := range c.Cards {
		switch {
		case card.Recommendation.Positive():
			s.Yes++
		case card.Recommendation.Valid():
			s.No++
		}
	}
	return s, s.Yes > 0 && s.No > 0
}
