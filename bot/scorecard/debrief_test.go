package scorecard

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func card(scorer string, rec Recommendation, ratings ...any) Scorecard {
	s := Scorecard{Scorer: scorer, Ratings: map[string]int{}, Notes: map[string]string{}, Recommendation: rec}
	for i := 0; i+1 < len(ratings); i += 2 {
		comp := ratings[i].(string)
		s.Competencies = append(s.Competencies, comp)
		s.Ratings[comp] = ratings[i+1].(int)
	}
	return s
}

func candidate(cards ...Scorecard) Candidate {
	c := Candidate{Name: "Ada Lovelace", Cards: map[string]Scorecard{}}
	for _, s := range cards {
		c.Cards[s.Scorer] = s
	}
	return c
}

func TestSummarize(t *testing.T) {
	for _, tt := range []struct {
		name      string
		cards     []Scorecard
		spreads   map[string]int
		disagree  []string
		tally     []int // in the order of Recommendations
		firstRows []string
	}{
		{name: "none", tally: []int{0, 0, 0, 0}},
		{name: "one scorer never disagrees",
			cards:   []Scorecard{card("U1", Yes, "vision", 1, "comms", 4)},
			spreads: map[string]int{"vision": 0, "comms": 0}, tally: []int{0, 0, 1, 0}, firstRows: []string{"vision", "comms"}},
		{name: "two apart disagree",
			cards:    []Scorecard{card("U1", StrongYes, "vision", 4, "comms", 3), card("U2", No, "vision", 2, "comms", 2)},
			spreads:  map[string]int{"vision": 2, "comms": 1},
			disagree: []string{"vision"}, tally: []int{0, 1, 0, 1}},
		{name: "three scorers, extremes",
			cards: []Scorecard{card("U1", StrongNo, "vision", 1), card("U2", StrongNo, "vision", 2),
				card("U3", Yes, "vision", 4, "hiring", 3)},
			spreads:  map[string]int{"vision": 3, "hiring": 0},
			disagree: []string{"vision"}, tally: []int{2, 0, 1, 0}, firstRows: []string{"vision", "hiring"}},
		{name: "kit changed between interviews",
			cards:   []Scorecard{card("U2", Yes, "b", 3), card("U1", Yes, "a", 3, "b", 3)},
			spreads: map[string]int{"a": 0, "b": 0}, tally: []int{0, 0, 2, 0}, firstRows: []string{"a", "b"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := Summarize(candidate(tt.cards...))
			for _, r := range d.Rows {
				if want, ok := tt.spreads[r.Competency]; !ok || r.Spread != want {
					t.Errorf("%s spread = %d, want %d (listed %v)", r.Competency, r.Spread, want, ok)
				}
				if !slices.IsSortedFunc(r.Entries, func(a, b Entry) int { return strings.Compare(a.Scorer, b.Scorer) }) {
					t.Errorf("%s entries not by scorer: %v", r.Competency, r.Entries)
				}
			}
			if len(d.Rows) != len(tt.spreads) {
				t.Errorf("%d rows, want %d", len(d.Rows), len(tt.spreads))
			}
			if got := d.Disagreements(); !slices.Equal(got, tt.disagree) {
				t.Errorf("Disagreements = %v, want %v", got, tt.disagree)
			}
			var tally []int
			for i, c := range d.Tally {
				if c.Recommendation != Recommendations[i] {
					t.Errorf("tally %d is %s", i, c.Recommendation)
				}
				tally = append(tally, c.N)
			}
			if !slices.Equal(tally, tt.tally) {
				t.Errorf("tally = %v, want %v", tally, tt.tally)
			}
			for i, comp := range tt.firstRows {
				if d.Rows[i].Competency != comp {
					t.Errorf("row %d = %s, want %s", i, d.Rows[i].Competency, comp)
				}
			}
		})
	}
}

// TestNotAssessed: a competency marked not assessed is left out of the
// spread and the median, and listed by who did not assess it; a row
// nobody rated has no spread.
func TestNotAssessed(t *testing.T) {
	skip := func(s Scorecard, comps ...string) Scorecard {
		for _, c := range comps {
			delete(s.Ratings, c)
			s.NotAssessed = append(s.NotAssessed, c)
		}
		return s
	}
	for _, tt := range []struct {
		name     string
		cards    []Scorecard
		comp     string
		spread   int
		median   float64
		skipped  []string
		disagree bool
	}{
		{name: "a guess would have made a spread of 3",
			cards: []Scorecard{card("U1", Yes, "data", 4, "vision", 3), skip(card("U2", Yes, "data", 1, "vision", 3), "data")},
			comp:  "data", spread: 0, median: 4, skipped: []string{"U2"}},
		{name: "median of the rated",
			cards: []Scorecard{card("U1", Yes, "data", 1), card("U2", Yes, "data", 4), card("U3", Yes, "data", 3), skip(card("U4", No, "data", 1), "data")},
			comp:  "data", spread: 3, median: 3, skipped: []string{"U4"}, disagree: true},
		{name: "nobody assessed it",
			cards: []Scorecard{skip(card("U1", Yes, "data", 2), "data"), skip(card("U2", Yes, "data", 2), "data")},
			comp:  "data", spread: 0, median: 0, skipped: []string{"U1", "U2"}},
		{name: "even count", cards: []Scorecard{card("U1", Yes, "data", 2), card("U2", Yes, "data", 3)},
			comp: "data", spread: 1, median: 2.5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := Summarize(candidate(tt.cards...))
			i := slices.IndexFunc(d.Rows, func(r Row) bool { return r.Competency == tt.comp })
			if i < 0 {
				t.Fatalf("no row for %s", tt.comp)
			}
			r := d.Rows[i]
			if r.Spread != tt.spread || r.Median != tt.median || !slices.Equal(r.NotAssessed, tt.skipped) || r.Disagree != tt.disagree {
				t.Errorf("row = spread %d median %v skipped %v disagree %v; want %d %v %v %v", r.Spread, r.Median, r.NotAssessed, r.Disagree, tt.spread, tt.median, tt.skipped, tt.disagree)
			}
			for _, e := range r.Entries {
				if slices.Contains(tt.skipped, e.Scorer) {
					t.Errorf("%s did not assess %s but has a rating entry", e.Scorer, tt.comp)
				}
			}
		})
	}
}

func TestAccessAndProgress(t *testing.T) {
	c := candidate(card("U1", Yes, "vision", 3))
	c.Expected = []string{"U1", "U2", "U3"}
	loop := Loop{Owner: "UOWNER"}
	for _, tt := range []struct {
		user  string
		admin bool
		want  Access
	}{{"U1", false, Full}, {"U2", false, Blind}, {"U9", false, Blind}, {"U9", true, Full}, {"UOWNER", false, Full}, {"", false, Blind}} {
		if got := AccessOf(loop, Person{User: tt.user, Admin: tt.admin}, c); got != tt.want {
			t.Errorf("AccessOf(%s, admin %v) = %v, want %v", tt.user, tt.admin, got, tt.want)
		}
	}
	if in, of := c.Progress(); in != 1 || of != 3 {
		t.Errorf("Progress = %d of %d, want 1 of 3", in, of)
	}
	c.Cards["U7"] = card("U7", No, "vision", 2) // submitted without opening here: still counted
	if in, of := c.Progress(); in != 2 || of != 4 {
		t.Errorf("Progress = %d of %d, want 2 of 4", in, of)
	}
	if !c.Waiting("U2") || c.Waiting("U1") || c.Waiting("U9") {
		t.Error("Waiting: want U2 only among U1, U2, U9")
	}
	c.Closed = true
	if c.Waiting("U2") {
		t.Error("nobody waits on a closed debrief")
	}
}

func TestValidate(t *testing.T) {
	ok := card("U1", Yes, "vision", 3, "comms", 1)
	for _, tt := range []struct {
		name  string
		edit  func(s *Scorecard)
		want  Problem
		comps []string
	}{
		{"valid", func(*Scorecard) {}, 0, nil},
		{"missing rating", func(s *Scorecard) { delete(s.Ratings, "comms") }, MissingRating, []string{"comms"}},
		{"zero", func(s *Scorecard) { s.Ratings["vision"] = 0 }, BadRating, []string{"vision"}},
		{"five", func(s *Scorecard) { s.Ratings["comms"] = 5 }, BadRating, []string{"comms"}},
		{"no recommendation", func(s *Scorecard) { s.Recommendation = "" }, MissingRecommendation, nil},
		{"odd recommendation", func(s *Scorecard) { s.Recommendation = "maybe" }, MissingRecommendation, nil},
		{"long note", func(s *Scorecard) { s.Notes["vision"] = strings.Repeat("n", MaxNote+1) }, LongNote, []string{"vision"}},
		{"long general note", func(s *Scorecard) { s.Note = strings.Repeat("n", MaxNote+1) }, LongNote, nil},
		{"nothing to rate", func(s *Scorecard) { s.Competencies = nil }, NoCompetencies, nil},
		{"not assessed", func(s *Scorecard) { delete(s.Ratings, "comms"); s.NotAssessed = []string{"comms"} }, 0, nil},
		{"nothing assessed", func(s *Scorecard) { s.Ratings = map[string]int{}; s.NotAssessed = []string{"vision", "comms"} }, 0, nil},
		{"rated and not assessed", func(s *Scorecard) { s.NotAssessed = []string{"comms"} }, BadRating, []string{"comms"}},
		{"not assessed, not shown", func(s *Scorecard) { s.NotAssessed = []string{"hiring"} }, BadRating, []string{"hiring"}},
		{"long question note", func(s *Scorecard) {
			s.Questions = map[string][]string{"vision": {"q1", "q2"}}
			s.QuestionNotes = map[string]string{"q2": strings.Repeat("n", MaxNote+1)}
		}, LongNote, []string{"vision"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := ok
			s.Ratings = map[string]int{"vision": 3, "comms": 1}
			s.Notes = map[string]string{}
			tt.edit(&s)
			err := s.Validate()
			var ie *InvalidError
			switch {
			case tt.want == 0 && err != nil:
				t.Errorf("Validate = %v, want nil", err)
			case tt.want != 0 && (!errors.As(err, &ie) || ie.Problem != tt.want || !reflect.DeepEqual(ie.Competencies, tt.comps)):
				t.Errorf("Validate = %#v, want problem %d for %v", err, tt.want, tt.comps)
			}
		})
	}
}

// TestMay is the table of who may do what: the loop's owner and admins
// everything, a scorer on the panel reading and exporting once they have
// submitted, nobody else anything; the draft has no say.
func TestMay(t *testing.T) {
	c := candidate(card("USCORED", Yes, "vision", 3))
	c.Expected = []string{"USCORED", "UPANEL"}
	c.AddedBy = "UADDER"
	loop := Loop{Owner: "UOWNER"}
	acts := []Act{ReadDebrief, ExportDebrief, CloseDebrief, RemoveCandidate, HandOverLoop}
	for _, tt := range []struct {
		who  Person
		loop Loop
		want []bool // in the order of acts
	}{
		{Person{User: "UOWNER"}, loop, []bool{true, true, true, true, true}},
		{Person{User: "UADMIN", Admin: true}, loop, []bool{true, true, true, true, true}},
		{Person{User: "UADMIN", Admin: true}, Loop{}, []bool{true, true, true, true, true}},
		{Person{User: "USCORED"}, loop, []bool{true, true, false, false, false}},
		{Person{User: "UPANEL"}, loop, []bool{false, false, false, false, false}},
		{Person{User: "UADDER"}, loop, []bool{false, false, false, false, false}},
		{Person{User: "UDRAFTOWNER"}, loop, []bool{false, false, false, false, false}},
		{Person{User: ""}, Loop{}, []bool{false, false, false, false, false}},
	} {
		for i, act := range acts {
			if got := May(tt.loop, tt.who, act, c); got != tt.want[i] {
				t.Errorf("May(%+v, %+v, act %d) = %v, want %v", tt.loop, tt.who, act, got, tt.want[i])
			}
		}
	}
}

// TestMayWithPanel: reading is blind for everyone on the panel until
// they submit — the loop's owner and admins included; off the panel, the
// owner, admins and coordinators read, export, close, archive and restore;
// erasing and deciding are the owner's and admins' alone.
func TestMayWithPanel(t *testing.T) {
	c := candidate(card("USCORED", Yes, "vision", 3))
	c.Panel = []PanelMember{{User: "UOWNER"}, {User: "UADMIN"}, {User: "USCORED"}, {User: "UIV"}}
	loop := Loop{Owner: "UOWNER", Coordinators: []string{"UCOORD", "UIV"}}
	acts := []Act{ReadDebrief, ExportDebrief, CloseDebrief, ArchiveCandidate, RestoreCandidate, SetPanel, EraseCandidate, Decide, NameCoordinators}
	for _, tt := range []struct {
		who  Person
		want []bool // in the order of acts
	}{
		{Person{User: "UOWNER"}, []bool{false, false, true, true, true, true, true, true, true}},
		{Person{User: "UADMIN", Admin: true}, []bool{false, false, true, true, true, true, true, true, true}},
		{Person{User: "UADMIN2", Admin: true}, []bool{true, true, true, true, true, true, true, true, true}},
		{Person{User: "UCOORD"}, []bool{true, true, true, true, true, true, false, false, false}},
		{Person{User: "UIV"}, []bool{false, false, true, true, true, true, false, false, false}},
		{Person{User: "USCORED"}, []bool{true, true, false, false, false, false, false, false, false}},
		{Person{User: "UELSE"}, []bool{false, false, false, false, false, false, false, false, false}},
	} {
		for i, act := range acts {
			if got := May(loop, tt.who, act, c); got != tt.want[i] {
				t.Errorf("May(%+v, act %d) = %v, want %v", tt.who, act, got, tt.want[i])
			}
		}
	}
	// The owner submits: now they read it.
	c.Cards["UOWNER"] = card("UOWNER", No, "vision", 1)
	if !May(loop, Person{User: "UOWNER"}, ReadDebrief, c) {
		t.Error("the owner on the panel cannot read after submitting")
	}
	if in, of := c.Progress(); in != 2 || of != 4 {
		t.Errorf("Progress = %d of %d, want 2 of 4 (the panel)", in, of)
	}
	c.Cards["UGUEST"] = card("UGUEST", No, "vision", 1)
	if in, of := c.Progress(); in != 3 || of != 5 {
		t.Errorf("Progress = %d of %d, want 3 of 5 (the panel and a scorer off it)", in, of)
	}
	if !c.Waiting("UIV") || c.Waiting("UCOORD") || c.Waiting("UOWNER") {
		t.Error("Waiting: want UIV only among UIV, UCOORD, UOWNER")
	}
}

// TestRevisions: a scorecard changed after its scorer read the debrief
// shows as a revision with the rating and call it had; one first
// submitted after reading shows so too; reading without changing anything
// is no revision.
func TestRevisions(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	first := card("U1", StrongNo, "vision", 1)
	first.At = at
	second := card("U1", StrongYes, "vision", 4)
	second.At = at.Add(time.Hour)
	plain := card("U2", Yes, "vision", 3)
	plain.At = at
	late := card("U3", Yes, "vision", 3)
	late.At = at.Add(2 * time.Hour)
	c := candidate(second, plain, late)
	c.Read = map[string]time.Time{"U1": at.Add(time.Minute), "U2": at.Add(time.Minute), "U3": at.Add(time.Minute)}
	c.Frozen = map[string]Scorecard{"U1": first, "U2": plain}
	d := Summarize(c)
	if !slices.Equal(d.Revisions, []string{"U1", "U3"}) {
		t.Errorf("Revisions = %v, want [U1 U3]", d.Revisions)
	}
	want := map[string]Entry{"U1": {Scorer: "U1", Rating: 4, Revision: Revised, Before: 1}, "U2": {Scorer: "U2", Rating: 3}, "U3": {Scorer: "U3", Rating: 3, Revision: AfterReading}}
	for _, e := range d.Rows[0].Entries {
		if !reflect.DeepEqual(e, want[e.Scorer]) {
			t.Errorf("entry %+v, want %+v", e, want[e.Scorer])
		}
	}
	if call := d.Calls[0]; call.Revision != Revised || call.Before != StrongNo || call.Recommendation != StrongYes {
		t.Errorf("U1's call = %+v, want strong yes, revised from strong no", call)
	}
}

// TestCarriedRatings: a rating kept from a scorecard made against an
// earlier kit shows in its competency's row, marked, and counts.
func TestCarriedRatings(t *testing.T) {
	c := candidate(card("U1", Yes, "vision", 3), card("U2", No, "vision", 2, "data", 1))
	c.Carried = map[string]map[string]Carried{"U1": {"data": {Rating: 4, Kit: "k1"}, "vision": {Rating: 1}}}
	d := Summarize(c)
	var data *Row
	for i := range d.Rows {
		if d.Rows[i].Competency == "data" {
			data = &d.Rows[i]
		}
	}
	if data == nil || len(data.Entries) != 2 || !data.Entries[0].EarlierKit || data.Entries[0].Rating != 4 || data.Spread != 3 || !data.Disagree {
		t.Fatalf("the data row = %+v", data)
	}
	for _, e := range d.Rows[0].Entries {
		if e.EarlierKit {
			t.Errorf("a competency the latest scorecard shows uses a kept rating: %+v", e)
		}
	}
}
