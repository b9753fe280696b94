package scorecard

import (
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of a scorecard.
const (
	// MinRating and MaxRating bound a competency's rating: the four levels
	// of the question bank's rubrics.
	MinRating = 1
	MaxRating = 4
	// MaxNote is how long one note may be, in characters.
	MaxNote = 1000
	// MaxCompetencies is how many competencies one scorecard may rate.
	MaxCompetencies = 60
)

// Recommendation is an interviewer's overall call on a candidate.
type Recommendation string

// The recommendations, weakest first.
const (
	StrongNo  Recommendation = "strong-no"
	No        Recommendation = "no"
	Yes       Recommendation = "yes"
	StrongYes Recommendation = "strong-yes"
)

// Recommendations lists every recommendation, weakest first.
var Recommendations = []Recommendation{StrongNo, No, Yes, StrongYes}

// Label returns how a recommendation reads: "Strong no".
func (r Recommendation) Label() string {
	switch r {
	case StrongNo:
		return "Strong no"
	case No:
		return "No"
	case Yes:
		return "Yes"
	case StrongYes:
		return "Strong yes"
	}
	return string(r)
}

// Valid reports whether r is one of Recommendations.
func (r Recommendation) Valid() bool { return slices.Contains(Recommendations, r) }

// Candidate is someone the channel is interviewing: a name, who added
// them, whether their debrief is closed, and who is expected to score
// them.
type Candidate struct {
	ID string // ID(Name)
	// Inc is the candidate's identity: given when they are added, never
	// again, so that a candidate removed and added again under the same
	// name is another candidate, and nothing shown for the first acts on
	// the second.
	Inc     string
	Name    string
	AddedBy string
	Added   time.Time
	Closed  bool
	// Expected are the users who opened a scorecard (or submitted one).
	// With no panel, they are who is expected to submit.
	Expected []string
	// Panel is who interviews the candidate, as the loop set it, sorted
	// by user; with a panel, progress counts it.
	Panel []PanelMember
	// Cards are the submitted scorecards, by scorer.
	Cards map[string]Scorecard
	// Read is when each person first read the whole debrief; Frozen is
	// their scorecard as it stood then (none if they had not submitted
	// one). A scorecard changed or first submitted after its scorer read
	// the debrief is a revision, shown as one (see RevisionOf).
	Read   map[string]time.Time
	Frozen map[string]Scorecard
	// Decisions are the hiring decisions recorded, oldest first: the
	// newest stands (see Decided), the others are its history.
	Decisions []Decision
	// Carried are, by scorer, the ratings their earlier scorecards gave
	// for competencies their latest no longer shows, by competency.
	Carried map[string]map[string]Carried
	// Archived, when set, says the candidate's record was put away: off
	// the candidate list, the debrief closed, kept for the record
	// retention.
	Archived *Archive
}

// Archive says who archived a candidate, and when.
type Archive struct {
	By string
	At time.Time
}

// Revision says how a scorecard stands to its scorer's reading of the
// debrief.
type Revision int

// The revisions.
const (
	// Unrevised: submitted before its scorer read the debrief, or its
	// scorer has not read it, or has not changed it since.
	Unrevised Revision = iota
	// Revised: changed after its scorer read the debrief; the scorecard as
	// it was then is kept.
	Revised
	// AfterReading: first submitted after its scorer read the debrief.
	AfterReading
)

// RevisionOf returns how user's scorecard stands to their reading of the
// debrief and, for Revised, their scorecard as it was when they read it.
func (c Candidate) RevisionOf(user string) (Revision, Scorecard) {
	card, ok := c.Cards[user]
	if !ok {
		return Unrevised, Scorecard{}
	}
	if _, read := c.Read[user]; !read {
		return Unrevised, Scorecard{}
	}
	before, had := c.Frozen[user]
	switch {
	case !had:
		return AfterReading, Scorecard{}
	case sameCard(before, card):
		return Unrevised, Scorecard{}
	}
	return Revised, before
}

// sameCard reports whether a and b are the same submission.
func sameCard(a, b Scorecard) bool {
	if !a.At.Equal(b.At) || a.Recommendation != b.Recommendation || a.Note != b.Note || len(a.Ratings) != len(b.Ratings) ||
		!slices.Equal(a.NotAssessed, b.NotAssessed) || len(a.QuestionNotes) != len(b.QuestionNotes) {
		return false
	}
	for k, v := range a.QuestionNotes {
		if b.QuestionNotes[k] != v {
			return false
		}
	}
	for k, v := range a.Ratings {
		if b.Ratings[k] != v || a.Notes[k] != b.Notes[k] {
			return false
		}
	}
	return true
}

// PanelMember is one interviewer on a candidate's panel, with the
// competencies they focus on (none: all of them).
type PanelMember struct {
	User  string   `json:"user"`
	Focus []string `json:"focus,omitempty"`
}

// MaxPanel is how many people one panel may hold.
const MaxPanel = 20

// expected returns who is expected to submit: the panel, or with none,
// everyone who opened a scorecard.
func (c Candidate) expected() []string {
	if len(c.Panel) == 0 {
		return c.Expected
	}
	out := make([]string, len(c.Panel))
	for i, m := range c.Panel {
		out[i] = m.User
	}
	return out
}

// OnPanel reports whether user interviews the candidate: on the panel,
// or, with no panel, someone who opened or submitted a scorecard.
func (c Candidate) OnPanel(user string) bool {
	return user != "" && (slices.Contains(c.expected(), user) || c.Submitted(user))
}

// Member returns user's place on the panel, if they have one.
func (c Candidate) Member(user string) (PanelMember, bool) {
	i := slices.IndexFunc(c.Panel, func(m PanelMember) bool { return m.User == user })
	if i < 0 {
		return PanelMember{}, false
	}
	return c.Panel[i], true
}

// Progress returns how many scorecards are in and how many are expected:
// the panel (or, with none, everyone who opened a scorecard), and anyone
// else who submitted one.
func (c Candidate) Progress() (in, of int) {
	exp := c.expected()
	of = len(exp)
	for u := range c.Cards {
		if !slices.Contains(exp, u) {
			of++
		}
	}
	return len(c.Cards), of
}

// Submitted reports whether user has submitted a scorecard.
func (c Candidate) Submitted(user string) bool {
	_, ok := c.Cards[user]
	return ok
}

// Waiting reports whether user is expected to score (on the panel, or
// with none, opened a scorecard) and has not submitted, while the debrief
// is open.
func (c Candidate) Waiting(user string) bool {
	return !c.Closed && slices.Contains(c.expected(), user) && !c.Submitted(user)
}

// Scorers returns who submitted, sorted.
func (c Candidate) Scorers() []string {
	out := make([]string, 0, len(c.Cards))
	for u := range c.Cards {
		out = append(out, u)
	}
	slices.Sort(out)
	return out
}

// Waiting is a candidate waiting for a user's scorecard: they opened one
// and have not submitted it, and the debrief is open.
type Waiting struct {
	Channel string
	Name    string
	// Due is when the next reminder to submit it is due (zero for none).
	Due time.Time
}

// Scorecard is one interviewer's assessment of one candidate.
type Scorecard struct {
	Scorer string `json:"scorer"`
	// Competencies are the competency ids the scorecard covered, in the
	// order it showed them.
	Competencies []string          `json:"competencies"`
	Ratings      map[string]int    `json:"ratings"`         // competency id → 1–4
	Notes        map[string]string `json:"notes,omitempty"` // competency id → note
	// NotAssessed are the competencies the scorer did not assess: they have
	// no rating, and are left out of the spread and the medians.
	NotAssessed []string `json:"not_assessed,omitempty"`
	// Questions are the kit questions the scorecard showed for each
	// competency (competency id → question ids, in kit order), and
	// QuestionNotes the scorer's note on each (question id → note).
	Questions     map[string][]string `json:"questions,omitempty"`
	QuestionNotes map[string]string   `json:"question_notes,omitempty"`
	// Note is a general note, for a scorecard too long for a note per
	// competency.
	Note           string         `json:"note,omitempty"`
	Recommendation Recommendation `json:"recommendation"`
	At             time.Time      `json:"at"`
	// Kit is the version of the kit the scorecard was made against (see
	// KitVersion).
	Kit string `json:"kit,omitempty"`
}

// Carried is a rating a scorer gave on an earlier scorecard for a
// competency their latest no longer shows (the kit changed between the
// two): kept, and shown as scored against the earlier kit.
type Carried struct {
	Rating int       `json:"rating"`
	Note   string    `json:"note,omitempty"`
	Kit    string    `json:"kit,omitempty"`
	At     time.Time `json:"-"`
}

// Problem is what is wrong with a scorecard.
type Problem int

// The scorecard problems.
const (
	MissingRating         Problem = iota + 1 // a competency has no rating and is not marked not assessed
	BadRating                                // a rating outside 1–4
	MissingRecommendation                    // no or an unknown recommendation
	LongNote                                 // a note over MaxNote characters
	NoCompetencies                           // nothing to rate, or too much
)

// InvalidError says a scorecard can't be stored, and why, as data: the
// handler words it. It names competencies, never the notes.
type InvalidError struct {
	Problem      Problem
	Competencies []string // the competencies at fault
}

// Error describes e for logs.
func (e *InvalidError) Error() string {
	return fmt.Sprintf("scorecard: invalid: problem %d for %d competencies", e.Problem, len(e.Competencies))
}

// Validate checks that s rates every one of its competencies 1–4 or
// marks it not assessed (not both), has a recommendation, and notes that
// fit.
func (s Scorecard) Validate() error {
	if len(s.Competencies) == 0 || len(s.Competencies) > MaxCompetencies {
		return &InvalidError{Problem: NoCompetencies}
	}
	var missing, bad, long []string
	for _, c := range s.Competencies {
		r, ok := s.Ratings[c]
		skipped := slices.Contains(s.NotAssessed, c)
		switch {
		case !ok && !skipped:
			missing = append(missing, c)
		case ok && (skipped || r < MinRating || r > MaxRating):
			bad = append(bad, c)
		}
		if utf8.RuneCountInString(s.Notes[c]) > MaxNote {
			long = append(long, c)
		}
		for _, q := range s.Questions[c] {
			if utf8.RuneCountInString(s.QuestionNotes[q]) > MaxNote && !slices.Contains(long, c) {
				long = append(long, c)
			}
		}
	}
	for _, c := range s.NotAssessed {
		if !slices.Contains(s.Competencies, c) {
			bad = append(bad, c)
		}
	}
	switch {
	case len(missing) > 0:
		return &InvalidError{Problem: MissingRating, Competencies: missing}
	case len(bad) > 0:
		return &InvalidError{Problem: BadRating, Competencies: bad}
	case !s.Recommendation.Valid():
		return &InvalidError{Problem: MissingRecommendation}
	case len(long) > 0:
		return &InvalidError{Problem: LongNote, Competencies: long}
	case utf8.RuneCountInString(s.Note) > MaxNote:
		return &InvalidError{Problem: LongNote}
	}
	return nil
}

// Assessed reports whether s rates competency (it showed it, and the
// scorer did not mark it not assessed).
func (s Scorecard) Assessed(competency string) bool {
	_, ok := s.Ratings[competency]
	return ok && !slices.Contains(s.NotAssessed, competency)
}

// The errors of candidate operations, for errors.Is: stores wrap them with
// a kind. They never hold a candidate's name.
var (
	// ErrNoCandidate: the channel has no such candidate.
	ErrNoCandidate = errors.New("scorecard: no such candidate")
	// ErrExists: the channel has a candidate of that name already.
	ErrExists = errors.New("scorecard: the candidate exists already")
	// ErrClosed: the debrief is closed; scorecards are frozen.
	ErrClosed = errors.New("scorecard: the debrief is closed")
)

// Reminder is one reminder owed to a panel member who has not submitted
// their scorecard, as a replica holds it: Sent are the reminders sent
// before it, Token the lease this replica holds it under, and Previous,
// when set, the lease of a replica that took it before and did not mark
// it sent.
type Reminder struct {
	Team, Channel, Candidate, User string
	Sent                           int
	Token, Previous                string
}

// KitVersion names a version of the kit a scorecard rates: the
// competencies and kit questions it showed, in order (as the form lists
// them), in 8 hex digits.
func KitVersion(sheet string) string {
	h := fnv.New32a()
	h.Write([]byte(sheet))
	return fmt.Sprintf("%08x", h.Sum32())
}

// TeamQuestion is a team's own interview question, added to a kit under a
// competency (whose rubric it is rated against). Its ID starts with
// TeamPrefix.
type TeamQuestion struct {
	ID         string `json:"-"`
	Competency string `json:"competency"`
	Text       string `json:"text"`
	By         string `json:"by"`
}

// TeamPrefix starts the id of every team question.
const TeamPrefix = "team-"

// TeamQuestionID returns the id of a team's question on competency: the
// same for the same words.
func TeamQuestionID(competency, text string) string {
	h := fnv.New64a()
	h.Write([]byte(competency + "\n" + strings.Join(strings.Fields(strings.ToLower(text)), " ")))
	return fmt.Sprintf("%s%016x", TeamPrefix, h.Sum64())
}
