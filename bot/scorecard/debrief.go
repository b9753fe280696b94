package scorecard

import (
	"maps"
	"slices"
)

// DisagreeAt is the spread at which interviewers disagree on a
// competency: ratings this far apart or more.
const DisagreeAt = 2

// Debrief puts a candidate's scorecards side by side.
type Debrief struct {
	Candidate Candidate
	Rows      []Row
	// Tally counts each recommendation, in the order of Recommendations.
	Tally []Count
	// Calls are each scorer's recommendation, by scorer.
	Calls []Call
	// Notes are the scorecards' general notes, by scorer.
	Notes []Entry
	// Revisions are the scorers whose scorecard was changed, or first
	// submitted, after they read the debrief, sorted.
	Revisions []string
	// Split says the recommendations disagree on the hire (a yes against
	// a no), and how many lean each way.
	Split   Split
	IsSplit bool
	// Texts are the texts of the team's own questions the scorecards
	// noted, by id, when the reader of the debrief filled them in.
	Texts map[string]string
}

// Row is one competency across every scorecard that showed it.
type Row struct {
	Competency string
	Entries    []Entry // the ratings, by scorer
	// NotAssessed are the scorers who marked it not assessed, sorted: they
	// count in no spread or median.
	NotAssessed []string
	// Min, Max and Median are of the ratings given (0 for none).
	Min, Max int
	Median   float64
	// Spread is Max - Min; Disagree is set when it is DisagreeAt or more.
	Spread   int
	Disagree bool
	// Notes are the notes of the scorers who marked it not assessed, and
	// the question notes of everyone, by scorer: entries with no rating.
	Notes []Entry
}

// Entry is one scorer's rating and note. For a scorecard changed after
// its scorer read the debrief, Revision says so and Before is the rating
// they had given then (0 for none).
type Entry struct {
	Scorer   string
	Rating   int
	Note     string
	Revision Revision
	Before   int
	// Questions are the scorer's notes on the competency's kit questions,
	// in the order the scorecard showed them.
	Questions []QuestionNote
	// EarlierKit says the rating was given on an earlier scorecard, made
	// against an earlier kit, and the scorer's latest no longer shows the
	// competency: kept, never dropped.
	EarlierKit bool
}

// QuestionNote is a scorer's note on one kit question.
type QuestionNote struct {
	Question string // the question's id
	Note     string
}

// Count is how many scorecards made one recommendation.
type Count struct {
	Recommendation Recommendation
	N              int
}

// Call is one scorer's recommendation, with Revision and Before as in
// Entry.
type Call struct {
	Scorer         string
	Recommendation Recommendation
	Revision       Revision
	Before         Recommendation
}

// Summarize builds c's debrief. Competencies come in the order the
// scorecards showed them (first scorer first), so a kit that changed
// between interviews still shows every rating.
func Summarize(c Candidate) Debrief {
	d := Debrief{Candidate: c}
	d.Split, d.IsSplit = SplitOf(c)
	scorers := c.Scorers()
	var order []string
	for _, u := range scorers {
		for _, comp := range c.Cards[u].Competencies {
			if !slices.Contains(order, comp) {
				order = append(order, comp)
			}
		}
	}
	for _, u := range scorers {
		for _, comp := range slices.Sorted(maps.Keys(c.Carried[u])) {
			if !slices.Contains(order, comp) {
				order = append(order, comp)
			}
		}
	}
	for _, comp := range order {
		row := Row{Competency: comp}
		var ratings []int
		for _, u := range scorers {
			card := c.Cards[u]
			var qs []QuestionNote
			for _, q := range card.Questions[comp] {
				if n := card.QuestionNotes[q]; n != "" {
					qs = append(qs, QuestionNote{Question: q, Note: n})
				}
			}
			rev, before := c.RevisionOf(u)
			if slices.Contains(card.NotAssessed, comp) {
				row.NotAssessed = append(row.NotAssessed, u)
				if card.Notes[comp] != "" || len(qs) > 0 {
					row.Notes = append(row.Notes, Entry{Scorer: u, Note: card.Notes[comp], Revision: rev, Before: before.Ratings[comp], Questions: qs})
				}
				continue
			}
			r, ok := card.Ratings[comp]
			if !ok {
				kept, carried := c.Carried[u][comp]
				if !carried || kept.Rating < MinRating || kept.Rating > MaxRating || slices.Contains(card.Competencies, comp) {
					continue
				}
				row.Entries = append(row.Entries, Entry{Scorer: u, Rating: kept.Rating, Note: kept.Note, EarlierKit: true})
				r = kept.Rating
			} else {
				row.Entries = append(row.Entries, Entry{Scorer: u, Rating: r, Note: card.Notes[comp], Revision: rev, Before: before.Ratings[comp], Questions: qs})
			}
			ratings = append(ratings, r)
			if len(row.Entries) == 1 || r < row.Min {
				row.Min = r
			}
			row.Max = max(row.Max, r)
		}
		row.Median = Median(ratings)
		row.Spread = row.Max - row.Min
		row.Disagree = len(row.Entries) > 1 && row.Spread >= DisagreeAt
		d.Rows = append(d.Rows, row)
	}
	for _, rec := range Recommendations {
		n := 0
		for _, u := range scorers {
			if c.Cards[u].Recommendation == rec {
				n++
			}
		}
		d.Tally = append(d.Tally, Count{Recommendation: rec, N: n})
	}
	for _, u := range scorers {
		card := c.Cards[u]
		rev, before := c.RevisionOf(u)
		d.Calls = append(d.Calls, Call{Scorer: u, Recommendation: card.Recommendation, Revision: rev, Before: before.Recommendation})
		if rev != Unrevised {
			d.Revisions = append(d.Revisions, u)
		}
		if card.Note != "" {
			d.Notes = append(d.Notes, Entry{Scorer: u, Note: card.Note})
		}
	}
	return d
}

// Median returns the median of ratings, 0 for none.
func Median(ratings []int) float64 {
	if len(ratings) == 0 {
		return 0
	}
	r := slices.Sorted(slices.Values(ratings))
	n := len(r)
	if n%2 == 1 {
		return float64(r[n/2])
	}
	return float64(r[n/2-1]+r[n/2]) / 2
}

// Disagreements returns the competencies interviewers disagree on.
func (d Debrief) Disagreements() []string {
	var out []string
	for _, r := range d.Rows {
		if r.Disagree {
			out = append(out, r.Competency)
		}
	}
	return out
}

// Access is how much of a debrief someone may see.
type Access int

// The levels of access.
const (
	// Blind: who has submitted, nothing of what they wrote. For anyone
	// who has not submitted a scorecard, so nobody anchors on others'.
	Blind Access = iota
	// Full: every rating, note and recommendation.
	Full
)

// AccessOf returns what p may see of c's debrief in loop l (see May).
func AccessOf(l Loop, p Person, c Candidate) Access {
	if May(l, p, ReadDebrief, c) {
		return Full
	}
	return Blind
}
