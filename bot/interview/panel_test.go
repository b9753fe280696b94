package interview

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/bot/blockkit"
	"github.com/hirebot/hirebot/internal/golden"
)

// TestPanel: a panel counts in progress, focuses a member's scorecard,
// and keeps the debrief blind for everyone on it until they submit —
// the loop's owner included — while a coordinator off it reads it.
func TestPanel(t *testing.T) {
	h, _ := MustHandler(t)
	do(t, h, "UOWNER", "candidate add Ada Lovelace")
	if _, msg := do(t, h, "U1", "panel Ada Lovelace <@U1> <@U2>"); !strings.Contains(msg, "Only @UOWNER, who runs the channel's interview loop, its coordinators or an admin can set a candidate's panel") {
		t.Errorf("a panel set by an interviewer: %q", msg)
	}
	if _, msg := do(t, h, "UOWNER", "panel Ada Lovelace <@U1> nonsense-skill"); !strings.Contains(msg, "“nonsense-skill” is not a competency") {
		t.Errorf("an unknown focus: %q", msg)
	}
	r, msg := do(t, h, "UOWNER", "panel Ada Lovelace <@UOWNER> <@U1> communication <@U2>")
	if msg != "" || !strings.Contains(r.Card.Intro, "Ada Lovelace: 0 of 3 scorecards in") {
		t.Fatalf("set the panel: %q %+v", msg, r.Card)
	}
	golden.MatchJSON(t, filepath.Join("testdata", "golden", "card-panel.json"), blockkit.Card(r.Card))
	m, _ := do(t, h, "U1", "scorecard Ada Lovelace")
	for _, in := range m.Modal.Inputs {
		if strings.HasPrefix(in.ID, "r:") && (in.ID == "r:communication") == (in.Value == notAssessed) {
			t.Errorf("U1 focuses on communication; %s starts as %q", in.ID, in.Value)
		}
	}
	if _, msg := submit(t, h, "U1", m.Modal, []int{3}, "yes", "focus note ibex"); msg != "" {
		t.Fatal(msg)
	}
	r, _ = do(t, h, "UOWNER", "panel Ada Lovelace")
	if got := fmt.Sprint(r.Card); !strings.Contains(got, "@U1 (focus: Communication) — submitted") || !strings.Contains(got, "@U2 — waiting") || !strings.Contains(got, "1 of 3") {
		t.Errorf("the panel shown: %s", got)
	}
	// The owner is on the panel: blind until they submit, export refused.
	if r, _ := do(t, h, "UOWNER", "debrief Ada Lovelace"); strings.Contains(fmt.Sprint(r.Card), "ibex") {
		t.Error("the owner on the panel reads the debrief before scoring")
	}
	if _, msg := do(t, h, "UOWNER", "debrief Ada Lovelace export"); !strings.Contains(msg, "off the panel") {
		t.Errorf("export by the owner on the panel: %q", msg)
	}
	// A coordinator off the panel reads and closes; only the owner names one.
	if _, msg := do(t, h, "U1", "coordinator <@UREC|rec>"); !strings.Contains(msg, "can name its coordinators") {
		t.Errorf("a coordinator named by an interviewer: %q", msg)
	}
	if r, msg := do(t, h, "UOWNER", "coordinator <@UREC|rec>"); msg != "" || !strings.Contains(r.Card.Intro, "@UREC now coordinates") {
		t.Fatalf("name a coordinator: %q %+v", msg, r.Card)
	}
	if r, _ := do(t, h, "UREC", "debrief Ada Lovelace"); !strings.Contains(fmt.Sprint(r.Card), "ibex") {
		t.Error("a coordinator off the panel does not read the debrief")
	}
	if r, _ := do(t, h, "UREC", "debrief Ada Lovelace export"); r.File == nil {
		t.Error("a coordinator off the panel cannot export")
	}
	if r, msg := do(t, h, "UOWNER", "coordinator remove <@UREC|rec>"); msg != "" || !strings.Contains(r.Card.Intro, "no longer") {
		t.Fatalf("remove a coordinator: %q", msg)
	}
	if r, _ := do(t, h, "UREC", "debrief Ada Lovelace"); strings.Contains(fmt.Sprint(r.Card), "ibex") {
		t.Error("a former coordinator still reads the debrief")
	}
	// An admin on the panel is blind too.
	do(t, h, "UOWNER", "panel Ada Lovelace <@UOWNER> <@U1> communication <@U2> <@UADMIN>")
	if r, _ := do(t, h, "UADMIN", "debrief Ada Lovelace"); strings.Contains(fmt.Sprint(r.Card), "ibex") {
		t.Error("an admin on the panel reads the debrief before scoring")
	}
}
