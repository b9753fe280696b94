package interview

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/internal/inerttest"
)

// press presses button b as user in channel C1.
func press(t *testing.T, h *Handler, user string, b bot.Button) (bot.Reply, string) {
	t.Helper()
	r, err := h.Handle(t.Context(), bot.Request{Source: bot.Press, Team: "T1", Channel: "C1", User: user, Command: "interview",
		Action: strings.TrimPrefix(b.Action, "interview:"), Value: b.Value, At: time.Now()})
	if err != nil && hirebot.MessageOf(err) == "" && r.Card == nil {
		t.Fatalf("press %s: internal error %v", b.Action, err)
	}
	msg := hirebot.MessageOf(err)
	if msg == "" && r.Card != nil {
		msg = r.Card.Intro
	}
	return r, msg
}

// TestLoopRights: the interview loop belongs to whoever added the first
// candidate, or whoever they or an admin name; starting a draft grants
// nothing over scorecards.
func TestLoopRights(t *testing.T) {
	h, store := MustHandler(t)
	key := hirebot.SessionKey{Team: "T1", Channel: "C1"}
	if r, msg := do(t, h, "URECRUITER", "candidate add Ada Lovelace"); msg != "" || !strings.Contains(r.Card.Note, "You run this channel's interview loop") {
		t.Fatalf("first add: %q %+v", msg, r.Card)
	}
	if r, _ := do(t, h, "U2", "candidate add Grace Hopper"); strings.Contains(r.Card.Note, "You run") {
		t.Errorf("a second add claims the loop: %+v", r.Card)
	}
	m, _ := do(t, h, "U2", "scorecard Ada Lovelace")
	if _, msg := submit(t, h, "U2", m.Modal, []int{3}, "yes", "secret note okapi"); msg != "" {
		t.Fatal(msg)
	}
	// Someone starts a draft in the channel: they own the draft, not the
	// loop.
	d, e, err := draft.New(draft.Start{ID: "d1", Role: "cto", Owner: "UDRAFTER", At: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Scope(key, nil, "").CreateDraft(t.Context(), d, e); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"debrief Ada Lovelace", "debrief Ada Lovelace export", "debrief Ada Lovelace close", "candidate remove Ada Lovelace", "owner <@UDRAFTER|drafter>"} {
		r, msg := do(t, h, "UDRAFTER", text)
		if strings.Contains(fmt.Sprint(r.Card), "okapi") || r.File != nil || r.Card != nil && len(r.Card.Buttons) > 0 {
			t.Errorf("the draft's owner got %q: %+v", text, r.Card)
		}
		if !strings.Contains(strings.ToLower(msg), "only") && !strings.Contains(fmt.Sprint(r.Card), "hidden") {
			t.Errorf("%s by the draft's owner: %q", text, msg)
		}
	}
	if r, _ := do(t, h, "URECRUITER", "debrief Ada Lovelace"); !strings.Contains(fmt.Sprint(r.Card), "okapi") {
		t.Error("the loop's owner does not see the debrief")
	}
	if _, msg := do(t, h, "U2", "owner <@U2|me>"); !strings.Contains(msg, "Only @URECRUITER, who runs this channel's interview loop, or an admin can hand it over") {
		t.Errorf("hand-over by a scorer: %q", msg)
	}
	if _, msg := do(t, h, "URECRUITER", "owner @dana"); !strings.Contains(msg, "Mention the person") {
		t.Errorf("hand-over to a bare name: %q", msg)
	}
	if r, msg := do(t, h, "URECRUITER", "owner <@ULEAD|lead>"); msg != "" || !strings.Contains(r.Card.Note, "@ULEAD now runs") {
		t.Fatalf("hand-over: %q %+v", msg, r.Card)
	}
	if r, _ := do(t, h, "URECRUITER", "debrief Ada Lovelace"); strings.Contains(fmt.Sprint(r.Card), "okapi") {
		t.Error("the loop's former owner still sees the debrief without scoring")
	}
	if _, msg := do(t, h, "UADMIN", "owner <@UNEW|new>"); msg != "" {
		t.Errorf("an admin's hand-over: %q", msg)
	}
	if r, _ := do(t, h, "UNEW", "debrief Ada Lovelace"); !strings.Contains(fmt.Sprint(r.Card), "okapi") {
		t.Error("whom an admin named does not see the debrief")
	}
}

// TestThrowawayScorecardShows: a scorecard submitted, the debrief read,
// then the scorecard changed shows as a revision with what it was, to
// everyone who reads the debrief and in its export.
func TestThrowawayScorecardShows(t *testing.T) {
	h, _ := MustHandler(t)
	do(t, h, "UOWNER", "candidate add Ada Lovelace")
	honest, _ := do(t, h, "U1", "scorecard Ada Lovelace")
	if _, msg := submit(t, h, "U1", honest.Modal, []int{4}, "strong-yes", "honest"); msg != "" {
		t.Fatal(msg)
	}
	cheat, _ := do(t, h, "U2", "scorecard Ada Lovelace")
	if _, msg := submit(t, h, "U2", cheat.Modal, []int{1}, "strong-no", "throwaway"); msg != "" {
		t.Fatal(msg)
	}
	if r, _ := do(t, h, "U2", "debrief Ada Lovelace"); !strings.Contains(fmt.Sprint(r.Card), "honest") {
		t.Fatal("U2 cannot read the debrief after submitting")
	}
	again, _ := do(t, h, "U2", "scorecard Ada Lovelace")
	if !strings.Contains(again.Modal.Intro, "kept as a revision") {
		t.Errorf("the scorecard form does not say a change is a revision: %q", again.Modal.Intro)
	}
	r, msg := submit(t, h, "U2", again.Modal, []int{4}, "strong-yes", "now I agree")
	if msg != "" || !strings.Contains(r.Card.Intro, "saved as a revision") {
		t.Fatalf("resubmit: %q %+v", msg, r.Card)
	}
	r, _ = do(t, h, "U1", "debrief Ada Lovelace")
	got := fmt.Sprint(r.Card)
	for _, want := range []string{"@U2: 4 (revised after reading the debrief; was 1)", "@U2: Strong yes (revised after reading the debrief; was Strong no)", "Revised after reading the debrief: @U2"} {
		if !strings.Contains(got, want) {
			t.Errorf("the debrief lacks %q: %s", want, got)
		}
	}
	if r, _ := do(t, h, "U1", "debrief Ada Lovelace export"); r.File == nil || !strings.Contains(r.File.Content, "revised after reading the debrief; was 1") {
		t.Errorf("the export hides the revision: %+v", r.File)
	}
	// The owner, not yet an interviewer, read the debrief, then scored:
	// their scorecard is submitted after reading it, and shows so.
	do(t, h, "UOWNER", "debrief Ada Lovelace")
	own, _ := do(t, h, "UOWNER", "scorecard Ada Lovelace")
	if _, msg := submit(t, h, "UOWNER", own.Modal, []int{3}, "yes", ""); msg != "" {
		t.Fatal(msg)
	}
	if r, _ := do(t, h, "U1", "debrief Ada Lovelace"); !strings.Contains(fmt.Sprint(r.Card), "@UOWNER: 3 (submitted after reading the debrief)") {
		t.Errorf("the owner's late scorecard is not marked: %s", fmt.Sprint(r.Card))
	}
}

// TestCandidateAndKitControlsNameTheirObject: a Remove confirmation and a
// scorecard form shown for a candidate who was removed and added again,
// and Add to kit and Clear the kit shown before the kit was cleared, are
// refused and change nothing.
func TestCandidateAndKitControlsNameTheirObject(t *testing.T) {
	h, store := MustHandler(t)
	key := hirebot.SessionKey{Team: "T1", Channel: "C1"}
	do(t, h, "UOWNER", "candidate add Ada Lovelace")
	form, _ := do(t, h, "U1", "scorecard Ada Lovelace")
	ask, _ := do(t, h, "UOWNER", "candidate erase Ada Lovelace")
	remove := ask.Card.Buttons[0]
	if _, msg := press(t, h, "UOWNER", remove); !strings.Contains(msg, "Erased Ada Lovelace and 0 scorecards") {
		t.Fatalf("erase: %q", msg)
	}
	do(t, h, "UOWNER", "candidate add Ada Lovelace")
	again, _ := do(t, h, "U2", "scorecard Ada Lovelace")
	if _, msg := submit(t, h, "U2", again.Modal, []int{3}, "yes", ""); msg != "" {
		t.Fatal(msg)
	}
	if _, msg := press(t, h, "UOWNER", remove); !strings.Contains(msg, "Not erased: that Erase button was for an earlier candidate") {
		t.Errorf("an earlier candidate's Erase: %q", msg)
	}
	if _, msg := submit(t, h, "U1", form.Modal, []int{1}, "strong-no", "for the first"); !strings.Contains(msg, "That was shown for an earlier Ada Lovelace") {
		t.Errorf("an earlier candidate's scorecard form: %q", msg)
	}
	if cs, _ := store.Scope(key, nil, "").Candidates(t.Context()); len(cs) != 1 || len(cs[0].Cards) != 1 || cs[0].Cards["U2"].Recommendation != "yes" {
		t.Errorf("the candidate added again changed: %+v", cs)
	}
	if _, msg := press(t, h, "UOWNER", bot.Button{Action: "interview:candidate-remove", Value: cs0(t, h).ID + "|1"}); !strings.Contains(msg, "from an older version of hirebot") {
		t.Errorf("a Remove from before identities: %q", msg)
	}

	questions, _ := do(t, h, "U1", "communication 2")
	add := questions.Card.Parts[0].Button
	if _, msg := press(t, h, "U1", *add); !strings.Contains(msg, "Added to the channel's interview kit") {
		t.Fatalf("add to kit: %q", msg)
	}
	clear, _ := do(t, h, "U1", "kit clear")
	if _, msg := press(t, h, "U1", clear.Card.Buttons[0]); !strings.Contains(msg, "Cleared the interview kit") {
		t.Fatalf("clear: %q", msg)
	}
	fresh, _ := do(t, h, "U1", "communication 2")
	if _, msg := press(t, h, "U1", *fresh.Card.Parts[0].Button); msg == "" || strings.Contains(msg, "older") {
		t.Fatalf("add to the new kit: %q", msg)
	}
	if _, msg := press(t, h, "U1", *questions.Card.Parts[1].Button); !strings.Contains(msg, "shown before the interview kit was cleared") {
		t.Errorf("an Add to kit from before the clear: %q", msg)
	}
	if _, msg := press(t, h, "U1", clear.Card.Buttons[0]); !strings.Contains(msg, "changed since you were asked") && !strings.Contains(msg, "cleared since") {
		t.Errorf("a Clear from before the clear: %q", msg)
	}
	if kit, _ := store.Scope(key, nil, "").Kit(t.Context()); len(kit) != 1 {
		t.Errorf("the new kit = %v, want the one question added to it", kit)
	}
	if _, msg := press(t, h, "U1", bot.Button{Action: "interview:add", Value: "q-technology-vision-01"}); !strings.Contains(msg, "from an older version of hirebot") {
		t.Errorf("an Add to kit from before generations: %q", msg)
	}
}

// cs0 returns the first candidate of channel C1.
func cs0(t *testing.T, h *Handler) candidateRef {
	t.Helper()
	cs, err := h.candidates(bot.Request{Team: "T1", Channel: "C1"}).Candidates(t.Context())
	if err != nil || len(cs) == 0 {
		t.Fatalf("candidates: %v %v", cs, err)
	}
	return candidateRef{ID: cs[0].ID}
}

type candidateRef struct{ ID string }

// TestDebriefAndGuideExportsAreInert: notes, a job title and a company
// full of markup and javascript: links export as text in the debrief and
// the interview guide.
func TestDebriefAndGuideExportsAreInert(t *testing.T) {
	h, store := MustHandler(t)
	key := hirebot.SessionKey{Team: "T1", Channel: "C1"}
	const hostile = "<script>alert(1)</script> ![x](javascript:alert(1)) <img src=x onerror=alert(1)> | data:text/html,x www.evil.example"
	do(t, h, "UOWNER", "candidate add Ada Lovelace")
	m, _ := do(t, h, "U1", "scorecard Ada Lovelace")
	if _, msg := submit(t, h, "U1", m.Modal, []int{3}, "yes", hostile); msg != "" {
		t.Fatal(msg)
	}
	r, msg := do(t, h, "U1", "debrief Ada Lovelace export")
	if msg != "" || r.File == nil {
		t.Fatalf("export: %q", msg)
	}
	var rest []string
	for _, line := range strings.Split(r.File.Content, "\n") {
		switch {
		case line == "| Interviewer | Rating | Note |", line == "|---|---|---|":
			continue
		case strings.HasPrefix(line, "| @U1 | 3 | "):
			line = strings.TrimSuffix(strings.TrimPrefix(line, "| @U1 | 3 | "), " |")
		}
		rest = append(rest, debriefStructure.ReplaceAllString(line, ""))
	}
	if p := inerttest.Markdown(strings.Join(rest, "\n")); p != "" || !strings.Contains(r.File.Content, "alert(1)") {
		t.Errorf("the debrief export is not inert (%s):\n%s", p, r.File.Content)
	}

	d, e, err := draft.New(draft.Start{ID: "d1", Role: "cto", Owner: "UOWNER", At: time.Now(), Title: "CTO <b>now</b> javascript:x",
		Template: draft.Content{Fields: map[draft.Field]string{draft.Company: hostile}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Scope(key, nil, "").CreateDraft(t.Context(), d, e); err != nil {
		t.Fatal(err)
	}
	q, _ := do(t, h, "U1", "communication 1")
	press(t, h, "U1", *q.Card.Parts[0].Button)
	r, msg = do(t, h, "U1", "kit export")
	if msg != "" || r.File == nil {
		t.Fatalf("kit export: %q", msg)
	}
	var typed []string
	for _, line := range strings.Split(r.File.Content, "\n") {
		for _, prefix := range []string{"# Interview guide: ", "- **Role:** ", "- **Company:** "} {
			if rest, ok := strings.CutPrefix(line, prefix); ok {
				typed = append(typed, rest)
			}
		}
	}
	if p := inerttest.Markdown(strings.Join(typed, "\n")); p != "" || len(typed) != 3 {
		t.Errorf("the interview guide is not inert (%s): %q", p, typed)
	}
}

// debriefStructure is the markup the debrief export writes itself at the
// start of a line.
var debriefStructure = regexp.MustCompile(`^(# Debrief: |## |- @U[A-Z0-9]+: |- (Strong no|No|Yes|Strong yes): \d+$)`)

// TestLookAlikeNames: a name that looks like a candidate's is that
// candidate; adding it again says so; marks-only and styled names are
// refused with the reason.
func TestLookAlikeNames(t *testing.T) {
	h, store := MustHandler(t)
	do(t, h, "UOWNER", "candidate add Zoe\u0308 Kravitz") // decomposed ë
	for _, typed := range []string{"Zoë Kravitz", "Zоë Kravitz", "ZOË KRAVITZ"} {
		if _, msg := do(t, h, "U2", "candidate add "+typed); !strings.Contains(msg, "has a candidate called Zoë Kravitz already") {
			t.Errorf("adding %q again: %q", typed, msg)
		}
		if r, msg := do(t, h, "U2", "scorecard "+typed); msg != "" || r.Modal == nil || !strings.HasPrefix(r.Modal.Intro, "Zoë Kravitz:") {
			t.Errorf("scorecard %q: %q", typed, msg)
		}
	}
	if _, msg := do(t, h, "U2", "candidate add Zоë Kravitz"); !strings.Contains(msg, "looks the same") {
		t.Errorf("a Cyrillic look-alike: %q", msg)
	}
	if cs, _ := store.Scope(hirebot.SessionKey{Team: "T1", Channel: "C1"}, nil, "").Candidates(t.Context()); len(cs) != 1 || cs[0].Name != "Zoë Kravitz" {
		t.Errorf("candidates = %+v, want one, stored composed", cs)
	}
	for typed, want := range map[string]string{
		"candidate add \u0301\u0301\u0301":            "no letter under them",
		"candidate add Z\u0334\u0321\u0322\u0327algo": "more than 3 on one letter",
		"candidate add 𝐀𝐝𝐚 Lovelace":                  "styled or mathematical letters",
	} {
		if _, msg := do(t, h, "U2", typed); !strings.Contains(msg, want) {
			t.Errorf("%q: %q, want %q", typed, msg, want)
		}
	}
}
