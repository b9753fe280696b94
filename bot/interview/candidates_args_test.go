package interview

import (
	"errors"
	"reflect"
	"testing"

	"github.com/hirebot/hirebot/bot/scorecard"
)

func TestParseScorecard(t *testing.T) {
	for _, tt := range []struct {
		in      string
		want    Args
		problem ScorecardArgsProblem
	}{
		{"candidates", Args{Sub: subCandidates}, 0},
		{"Candidates", Args{Sub: subCandidates}, 0},
		{"candidates now", Args{}, TakesNothing},
		{"candidate add Ada Lovelace", Args{Sub: subCandidateAdd, Name: "Ada Lovelace"}, 0},
		{"candidate ADD  ada  de la Cruz ", Args{Sub: subCandidateAdd, Name: "ada de la Cruz"}, 0},
		{"candidate new Bo", Args{Sub: subCandidateAdd, Name: "Bo"}, 0},
		{"candidate add", Args{}, NeedName},
		{"candidate", Args{}, CandidateVerb},
		{"candidate hire Ada", Args{}, CandidateVerb},
		{"candidate remove Ada Lovelace", Args{Sub: subCandidateRemove, Name: "Ada Lovelace"}, 0},
		{"candidate rm Ada", Args{Sub: subCandidateRemove, Name: "Ada"}, 0},
		{"candidate delete", Args{}, NeedName},
		{"scorecard Ada Lovelace", Args{Sub: subScorecard, Name: "Ada Lovelace"}, 0},
		{"score Ada", Args{Sub: subScorecard, Name: "Ada"}, 0},
		{"scorecard", Args{}, NeedName},
		{"debrief Ada Lovelace", Args{Sub: subDebrief, Name: "Ada Lovelace"}, 0},
		{"debrief Ada Lovelace close", Args{Sub: subDebriefClose, Name: "Ada Lovelace", Whole: "Ada Lovelace close"}, 0},
		{"debrief Ada EXPORT", Args{Sub: subDebriefExport, Name: "Ada", Whole: "Ada EXPORT"}, 0},
		{"debrief close", Args{Sub: subDebrief, Name: "close"}, 0},
		{"debrief", Args{}, NeedName},
		{"panel Ada Lovelace", Args{Sub: subPanel, Name: "Ada Lovelace"}, 0},
		{"panel Ada Lovelace <@U1|dana> <@U2|lee> communication, Technology-Vision <@U3> <@U1>", Args{Sub: subPanel, Name: "Ada Lovelace",
			Panel: []PanelWords{{User: "U1"}, {User: "U2", Focus: []string{"communication", "technology-vision"}}, {User: "U3"}}}, 0},
		{"panel <@U1>", Args{}, NeedName},
		{"panel Ada @dana", Args{}, NeedUser},
		{"panel Ada <@U1> @lee", Args{}, NeedUser},
		{"panel", Args{}, NeedName},
		{"coordinator <@U9|kim>", Args{Sub: subCoordinator, User: "U9"}, 0},
		{"coordinator remove <@U9|kim>", Args{Sub: subCoordinator, User: "U9", Remove: true}, 0},
		{"coordinator kim", Args{}, NeedUser},
		{"coordinator", Args{}, NeedUser},
		{"decision Ada Lovelace hire Strongest on strategy", Args{Sub: subDecision, Name: "Ada Lovelace", Verdict: scorecard.Hire, Reason: "Strongest on strategy"}, 0},
		{"decision Ada NO-HIRE", Args{Sub: subDecision, Name: "Ada", Verdict: scorecard.NoHire}, 0},
		{"decision Ada Lovelace maybe", Args{}, NeedVerdict},
		{"decision hold because", Args{}, NeedName},
		{"decision", Args{}, NeedName},
	} {
		got, err := Parse(tt.in)
		var ae *ScorecardArgsError
		switch {
		case tt.problem != 0 && (!errors.As(err, &ae) || ae.Problem != tt.problem):
			t.Errorf("Parse(%q) error = %v, want problem %d", tt.in, err, tt.problem)
		case tt.problem == 0 && (err != nil || !reflect.DeepEqual(got, tt.want)):
			t.Errorf("Parse(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseSubmission(t *testing.T) {
	id := scorecard.ID("Ada Lovelace")
	meta := "cand." + id + ".k3x|g7|vision,comms"
	full := map[string]string{"r:vision": "3", "r:comms": "1", "rec": "yes", "n:vision": "  clear plan  "}
	with := func(k, v string) map[string]string {
		m := map[string]string{}
		for a, b := range full {
			m[a] = b
		}
		if v == "" {
			delete(m, k)
		} else {
			m[k] = v
		}
		return m
	}
	for _, tt := range []struct {
		name    string
		meta    string
		values  map[string]string
		problem int // 0 valid, -1 old form, -2 forged, else scorecard.Problem
	}{
		{"valid", meta, full, 0},
		{"no state", meta, nil, 1},
		{"empty state", meta, map[string]string{}, 1},
		{"missing rating", meta, with("r:comms", ""), 1},
		{"rating out of range", meta, with("r:comms", "7"), 2},
		{"rating not a number", meta, with("r:vision", "great"), 2},
		{"no recommendation", meta, with("rec", ""), 3},
		{"odd recommendation", meta, with("rec", "maybe"), 3},
		{"no metadata", "", full, -1},
		{"metadata without competencies", "cand." + id + ".k3x|g7|", full, -1},
		{"metadata from before identities", id + "|vision,comms", full, -1},
		{"a forged id", "cand.x:{y}.k3x|g7|vision,comms", full, -1},
		{"a competency twice", "cand." + id + ".k3x|g7|vision,vision", full, -1},
		{"a rating the form did not offer", meta, with("r:budget", "4"), -2},
		{"a note the form did not offer", meta, with("n:budget", "sneaky"), -2},
		{"a general note the form did not offer", meta, with("note", "sneaky"), -2},
		{"an input the form has not", meta, with("title", "x"), -2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := parseSubmission("U1", tt.meta, tt.values)
			card := s.card
			switch {
			case tt.problem == 0:
				if err != nil || s.id != id || s.inc != "k3x" || s.gen != "g7" || card.Ratings["vision"] != 3 || card.Notes["vision"] != "clear plan" || card.Scorer != "U1" {
					t.Errorf("parseSubmission = %+v, %v", s, err)
				}
			case tt.problem == -1:
				if !errors.Is(err, errOldForm) {
					t.Errorf("error = %v, want errOldForm", err)
				}
			case tt.problem == -2:
				if !errors.Is(err, errForgedForm) {
					t.Errorf("error = %v, want errForgedForm", err)
				}
			default:
				var ie interface{ Error() string }
				if err == nil {
					t.Fatalf("no error, want problem %d", tt.problem)
				}
				ie = err
				if got := problemOf(err); got != tt.problem {
					t.Errorf("problem = %d (%v), want %d", got, ie, tt.problem)
				}
			}
		})
	}
}
