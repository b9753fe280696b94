package scorecard

import "slices"

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
}

// Row is one competency across every scorecard that rated it.
type Row struct {
	Competency string
	Entries    []Entry // by scorer
	Min, Max   int
	// Spread is Max - Min; Disagree is set when it is DisagreeAt or more.
	Spread   int
	Disagree bool
}

// Entry is one scorer's rating and note.
type Entry struct {
	Scorer string
	Rating int
	Note   string
}

// Count is how many scorecards made one recommendation.
type Count struct {
	Recommendation Recommendation
	N              int
}

// Call is one scorer's recommendation.
type Call struct {
	Scorer         string
	Recommendation Recommendation
}

// Summarize builds c's debrief. Competencies come in the order the
// scorecards showed them (first scorer first), so a kit that changed
// between interviews still shows every rating.
func Summarize(c Candidate) Debrief {
	d := Debrief{Candidate: c}
	scorers := c.Scorers()
	var order []string
	for _, u := range scorers {
		for _, comp := range c.Cards[u].Competencies {
			if !slices.Contains(order, comp) {
				order = append(order, comp)
			}
		}
	}
	for _, comp := range order {
		row := Row{Competency: comp}
		for _, u := range scorers {
			card := c.Cards[u]
			r, ok := card.Ratings[comp]
			if !ok {
				continue
			}
			row.Entries = append(row.Entries, Entry{Scorer: u, Rating: r, Note: card.Notes[comp]})
			if len(row.Entries) == 1 || r < row.Min {
				row.Min = r
			}
			row.Max = max(row.Max, r)
		}
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
		d.Calls = append(d.Calls, Call{Scorer: u, Recommendation: card.Recommendation})
		if card.Note != "" {
			d.Notes = append(d.Notes, Entry{Scorer: u, Note: card.Note})
		}
	}
	return d
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

// AccessOf returns what user may see of c's debrief. privileged is true
// for the channel draft's owner and admins, who may see it without
// scoring. Exporting the debrief to the channel needs Full access too.
func AccessOf(c Candidate, user string, privileged bool) Access {
	if privileged || c.Submitted(user) {
		return Full
	}
	return Blind
}
