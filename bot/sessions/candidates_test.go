package sessions

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/hirebot/hirebot/bot/scorecard"
)

// candidateTTL is the candidate TTL of the stores under test: apart from
// the session TTL, so a test can tell which one a key carries.
const candidateTTL = 3 * time.Hour

// TestCandidates runs the candidate contract against a redis-server, the
// embedded store and a cluster (where every script must stay in one slot).
func TestCandidates(t *testing.T) {
	eachBackend(t, Options{CandidateTTL: candidateTTL}, testCandidates, "redis-server", "embedded", "cluster")
}

func testCandidates(t *testing.T, newStore func(t *testing.T) *Store) {
	for _, tc := range []struct {
		name string
		test func(t *testing.T, newStore func(t *testing.T) *Store)
	}{
		{"AddList", testAddCandidates},
		{"Submit", testSubmitScorecards},
		{"ConcurrentScorers", testConcurrentScorers},
		{"Duplicate", testCandidateClaims},
		{"Close", testCloseDebrief},
		{"TTL", testCandidateTTL},
		{"Remove", testRemoveCandidate},
		{"Waiting", testUserWaiting},
		{"Identity", testCandidateIdentity},
		{"DebriefRead", testDebriefRead},
		{"Loop", testLoop},
		{"Panel", testPanel},
		{"Decide", testDecide},
		{"Archive", testArchive},
		{"Carried", testCarried},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.test(t, newStore)
		})
	}
}

func mustAdd(tb testing.TB, s *Store, key hirebot.SessionKey, name string) string {
	tb.Helper()
	err := s.Scope(key, nil, "").AddCandidate(tb.(*testing.T).Context(), scorecard.Candidate{Name: name, AddedBy: "U1", Added: time.Now()}, "")
	if err != nil {
		tb.Fatalf("AddCandidate(%s): %v", name, err)
	}
	return scorecard.ID(name)
}

func rated(scorer string, r int) scorecard.Scorecard {
	return scorecard.Scorecard{Scorer: scorer, Competencies: []string{"vision"}, Ratings: map[string]int{"vision": r},
		Notes: map[string]string{"vision": "note by " + scorer}, Recommendation: scorecard.Yes, At: time.Now().UTC()}
}

func testAddCandidates(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	if got, err := s.Scope(key, nil, "").Candidates(ctx); err != nil || len(got) != 0 {
		t.Fatalf("Candidates of a new channel = %v, %v", got, err)
	}
	_, err := s.Scope(key, nil, "").Candidate(ctx, scorecard.ID("Nobody"))
	if !errors.Is(err, ErrNoCandidate) || hirebot.KindOf(err) != hirebot.NotFound {
		t.Errorf("Candidate of nobody = %v, want ErrNoCandidate", err)
	}
	mustAdd(t, s, key, "Grace Hopper")
	mustAdd(t, s, key, "ada Lovelace")
	err = s.Scope(key, nil, "").AddCandidate(ctx, scorecard.Candidate{Name: "Ada  LOVELACE", AddedBy: "U2"}, "")
	if !errors.Is(err, ErrCandidateExists) {
		t.Errorf("adding a name twice = %v, want ErrCandidateExists", err)
	}
	got, err := newStore(t).Scope(key, nil, "").Candidates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range got {
		names = append(names, c.Name)
	}
	if !slices.Equal(names, []string{"ada Lovelace", "Grace Hopper"}) {
		t.Errorf("Candidates = %v, want [ada Lovelace, Grace Hopper]", names)
	}
	if got[0].AddedBy != "U1" || got[0].Added.IsZero() || got[0].ID != scorecard.ID("Ada Lovelace") {
		t.Errorf("candidate = %+v", got[0])
	}
	other := hirebot.SessionKey{Team: key.Team, Channel: "C0OTHER"}
	if got, _ := s.Scope(other, nil, "").Candidates(ctx); len(got) != 0 {
		t.Errorf("another channel sees %d candidates", len(got))
	}
	for i := len(names); i < CandidateCap; i++ {
		mustAdd(t, s, key, "Person "+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	err = s.Scope(key, nil, "").AddCandidate(ctx, scorecard.Candidate{Name: "One Too Many"}, "")
	var fe *hirebot.FullError
	if !errors.As(err, &fe) || fe.Cap != CandidateCap {
		t.Errorf("adding past the cap = %v, want a FullError of %d", err, CandidateCap)
	}
}

func testSubmitScorecards(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	id := mustAdd(t, s, key, "Ada Lovelace")
	if _, _, err := s.Scope(key, nil, "").SubmitScorecard(ctx, scorecard.ID("Nobody"), "", rated("U1", 3)); !errors.Is(err, ErrNoCandidate) {
		t.Errorf("submit for nobody = %v, want ErrNoCandidate", err)
	}
	if err := s.Scope(key, nil, "U3").ExpectScorer(ctx, id, ""); err != nil {
		t.Fatal(err)
	}
	if _, replaced, err := s.Scope(key, nil, "").SubmitScorecard(ctx, id, "", rated("U1", 3)); err != nil || replaced {
		t.Fatalf("first submit = %v, %v; want false, nil", replaced, err)
	}
	if _, _, err := newStore(t).Scope(key, nil, "").SubmitScorecard(ctx, id, "", rated("U2", 1)); err != nil {
		t.Fatal(err)
	}
	if _, replaced, err := s.Scope(key, nil, "").SubmitScorecard(ctx, id, "", rated("U1", 4)); err != nil || !replaced {
		t.Fatalf("second submit = %v, %v; want true, nil", replaced, err)
	}
	c, err := s.Scope(key, nil, "").Candidate(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Cards["U1"].Ratings["vision"] != 4 || c.Cards["U2"].Ratings["vision"] != 1 || c.Cards["U2"].Notes["vision"] != "note by U2" {
		t.Errorf("cards = %+v", c.Cards)
	}
	if !slices.Equal(c.Expected, []string{"U1", "U2", "U3"}) {
		t.Errorf("Expected = %v, want U1 U2 U3", c.Expected)
	}
	if in, of := c.Progress(); in != 2 || of != 3 {
		t.Errorf("Progress = %d of %d, want 2 of 3", in, of)
	}
}

func testConcurrentScorers(t *testing.T, newStore func(t *testing.T) *Store) {
	replicas := []*Store{newStore(t), newStore(t)}
	ctx, key := t.Context(), newKey()
	id := mustAdd(t, replicas[0], key, "Ada Lovelace")
	const scorers = 24
	var wg sync.WaitGroup
	errs := make(chan error, scorers*2)
	for i := range scorers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := replicas[i%2]
			user := fmt.Sprintf("U%03d", i)
			if err := s.Scope(key, dedup.NewClaim(key.Team, key.Channel, "open:"+user), user).ExpectScorer(ctx, id, ""); err != nil {
				errs <- err
			}
			if _, _, err := s.Scope(key, dedup.NewClaim(key.Team, key.Channel, "submit:"+user), "").SubmitScorecard(ctx, id, "", rated(user, 1+i%4)); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	c, err := replicas[1].Scope(key, nil, "").Candidate(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Cards) != scorers || len(c.Expected) != scorers {
		t.Errorf("%d scorecards and %d expected, want %d of each", len(c.Cards), len(c.Expected), scorers)
	}
	for i := range scorers {
		user := fmt.Sprintf("U%03d", i)
		if c.Cards[user].Ratings["vision"] != 1+i%4 {
			t.Errorf("%s's rating = %d, want %d", user, c.Cards[user].Ratings["vision"], 1+i%4)
		}
	}
}

func testCandidateClaims(t *testing.T, newStore func(t *testing.T) *Store) {
	s, other, ctx, key := newStore(t), newStore(t), t.Context(), newKey()
	add := dedup.NewClaim(key.Team, key.Channel, "envelope:add")
	if err := s.Scope(key, add, "").AddCandidate(ctx, scorecard.Candidate{Name: "Ada Lovelace"}, ""); err != nil || add.Pending() {
		t.Fatalf("AddCandidate = %v, pending %v", err, add.Pending())
	}
	wantDuplicate(t, "a second delivery of add", other.Scope(key, dedup.NewClaim(key.Team, key.Channel, "envelope:add"), "").AddCandidate(ctx, scorecard.Candidate{Name: "Ada Lovelace"}, ""))
	id := scorecard.ID("Ada Lovelace")
	first := dedup.NewClaim(key.Team, key.Channel, "envelope:submit")
	if _, _, err := s.Scope(key, first, "").SubmitScorecard(ctx, id, "", rated("U1", 2)); err != nil {
		t.Fatal(err)
	}
	_, _, err := other.Scope(key, dedup.NewClaim(key.Team, key.Channel, "envelope:submit"), "").SubmitScorecard(ctx, id, "", rated("U1", 4))
	wantDuplicate(t, "a second delivery of a submission", err)
	retry := &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: "envelope:submit", Token: first.Token}
	if _, _, err := other.Scope(key, retry, "").SubmitScorecard(ctx, id, "", rated("U1", 2)); err != nil {
		t.Errorf("the same delivery's retried write = %v, want nil", err)
	}
	if c, _ := s.Scope(key, nil, "").Candidate(ctx, id); c.Cards["U1"].Ratings["vision"] != 2 {
		t.Errorf("rating after a redelivery = %d, want 2 (one effect)", c.Cards["U1"].Ratings["vision"])
	}
	// A resend after a lost reply gets the first result: the add is not
	// "exists already", the first submission not "replaced".
	readd := &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: add.ID, Token: add.Token}
	if err := other.Scope(key, readd, "").AddCandidate(ctx, scorecard.Candidate{Name: "Ada Lovelace"}, ""); err != nil {
		t.Errorf("the same delivery's add resent = %v, want nil (the first result)", err)
	}
	sub := dedup.NewClaim(key.Team, key.Channel, "envelope:submit-u2")
	if _, replaced, err := s.Scope(key, sub, "").SubmitScorecard(ctx, id, "", rated("U2", 3)); err != nil || replaced {
		t.Fatalf("first submission = %v, %v", replaced, err)
	}
	if _, replaced, err := other.Scope(key, &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: sub.ID, Token: sub.Token}, "").SubmitScorecard(ctx, id, "", rated("U2", 3)); err != nil || replaced {
		t.Errorf("the same submission resent = replaced %v, %v; want false, nil (the first result)", replaced, err)
	}
	// A claim fenced after its reply was lost: the late write changes nothing.
	late := dedup.NewClaim(key.Team, key.Channel, "envelope:late")
	late.Sent()
	if settled, err := s.Fence(ctx, late); err != nil || settled != dedup.NotApplied {
		t.Fatalf("Fence = %v, %v", settled, err)
	}
	if _, _, err := other.Scope(key, &dedup.Claim{Team: key.Team, Channel: key.Channel, ID: late.ID, Token: late.Token}, "").SubmitScorecard(ctx, id, "", rated("U3", 1)); !errors.Is(err, dedup.ErrFenced) {
		t.Errorf("a fenced submission = %v, want dedup.ErrFenced", err)
	}
	if c, _ := s.Scope(key, nil, "").Candidate(ctx, id); c.Cards["U3"].Scorer != "" {
		t.Errorf("a fenced submission was stored: %+v", c.Cards["U3"])
	}
	elsewhere := dedup.NewClaim(key.Team, "C0ELSE", "envelope:x")
	if err := s.Scope(key, elsewhere, "U5").ExpectScorer(ctx, id, ""); err != nil || elsewhere.Pending() {
		t.Errorf("a claim on another channel: %v, pending %v; want recorded on its own", err, elsewhere.Pending())
	}
}

func testCloseDebrief(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	id := mustAdd(t, s, key, "Ada Lovelace")
	if _, _, err := s.Scope(key, nil, "").SubmitScorecard(ctx, id, "", rated("U1", 3)); err != nil {
		t.Fatal(err)
	}
	if already, err := s.Scope(key, nil, "U1").CloseDebrief(ctx, id, ""); err != nil || already {
		t.Fatalf("CloseDebrief = %v, %v", already, err)
	}
	if already, err := s.Scope(key, nil, "U1").CloseDebrief(ctx, id, ""); err != nil || !already {
		t.Errorf("CloseDebrief again = %v, %v; want true, nil", already, err)
	}
	if _, _, err := s.Scope(key, nil, "").SubmitScorecard(ctx, id, "", rated("U1", 1)); !errors.Is(err, ErrDebriefClosed) {
		t.Errorf("submit after close = %v, want ErrDebriefClosed", err)
	}
	if err := s.Scope(key, nil, "U2").ExpectScorer(ctx, id, ""); !errors.Is(err, ErrDebriefClosed) {
		t.Errorf("open after close = %v, want ErrDebriefClosed", err)
	}
	c, _ := s.Scope(key, nil, "").Candidate(ctx, id)
	if !c.Closed || c.Cards["U1"].Ratings["vision"] != 3 {
		t.Errorf("after close: closed %v, rating %d", c.Closed, c.Cards["U1"].Ratings["vision"])
	}
	if _, err := s.Scope(key, nil, "U1").CloseDebrief(ctx, scorecard.ID("Nobody"), ""); !errors.Is(err, ErrNoCandidate) {
		t.Errorf("close nobody = %v", err)
	}
}

func testCandidateTTL(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	id := mustAdd(t, s, key, "Ada Lovelace")
	cand, index, _, _ := candidateKeys(key, id)
	home, _ := scoringKey(key.Team, "U1")
	if err := s.Scope(key, nil, "U1").ExpectScorer(ctx, id, ""); err != nil {
		t.Fatal(err)
	}
	// Shorten them, then check that activity refreshes them.
	for _, k := range []string{cand, index} {
		s.client.PExpire(ctx, k, time.Minute)
	}
	if _, _, err := s.Scope(key, nil, "").SubmitScorecard(ctx, id, "", rated("U1", 3)); err != nil {
		t.Fatal(err)
	}
	for i, d := range ttls(t, s, cand, index, home) {
		if d <= candidateTTL-time.Minute || d > candidateTTL {
			t.Errorf("key %d TTL = %v, want the candidate TTL %v", i, d, candidateTTL)
		}
	}
}

func testRemoveCandidate(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	id := mustAdd(t, s, key, "Ada Lovelace")
	keep := mustAdd(t, s, key, "Grace Hopper")
	for _, u := range []string{"U1", "U2"} {
		if err := s.Scope(key, nil, u).ExpectScorer(ctx, id, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.Scope(key, nil, "").SubmitScorecard(ctx, id, "", rated("U1", 3)); err != nil {
		t.Fatal(err)
	}
	if err := s.Scope(key, nil, "").RemoveCandidate(ctx, id, ""); err != nil {
		t.Fatal(err)
	}
	cand, index, _, _ := candidateKeys(key, id)
	if n := s.client.Exists(ctx, cand).Val(); n != 0 {
		t.Error("the candidate's hash survived removal")
	}
	if s.client.SIsMember(ctx, index, id).Val() || !s.client.SIsMember(ctx, index, keep).Val() {
		t.Error("the index still lists the removed candidate, or lost the other")
	}
	for _, u := range []string{"U1", "U2"} {
		hk, _ := scoringKey(key.Team, u)
		if n := s.client.Exists(ctx, hk).Val(); n != 0 {
			t.Errorf("%s's App Home index survived removal", u)
		}
	}
	if err := s.Scope(key, nil, "").RemoveCandidate(ctx, id, ""); !errors.Is(err, ErrNoCandidate) {
		t.Errorf("removing twice = %v, want ErrNoCandidate", err)
	}
	if err := s.Scope(key, nil, "").RemoveCandidate(ctx, keep, ""); err != nil {
		t.Fatal(err)
	}
	if n := s.client.Exists(ctx, index).Val(); n != 0 {
		t.Error("the empty index survived removing the last candidate")
	}
}

func testUserWaiting(t *testing.T, newStore func(t *testing.T) *Store) {
	s, ctx, key := newStore(t), t.Context(), newKey()
	other := hirebot.SessionKey{Team: key.Team, Channel: "C0002"}
	a := mustAdd(t, s, key, "Ada Lovelace")
	g := mustAdd(t, s, other, "Grace Hopper")
	b := mustAdd(t, s, key, "Barbara Liskov")
	for _, tt := range []struct {
		key hirebot.SessionKey
		id  string
	}{{key, a}, {other, g}, {key, b}} {
		if err := s.Scope(tt.key, nil, "U1").ExpectScorer(ctx, tt.id, ""); err != nil {
			t.Fatal(err)
		}
	}
	want := []scorecard.Waiting{{Channel: "C0001", Name: "Ada Lovelace"}, {Channel: "C0001", Name: "Barbara Liskov"}, {Channel: "C0002", Name: "Grace Hopper"}}
	if got, err := s.UserWaiting(ctx, key.Team, "U1"); err != nil || !slices.Equal(got, want) {
		t.Errorf("UserWaiting = %v, %v; want %v", got, err, want)
	}
	if _, _, err := s.Scope(key, nil, "").SubmitScorecard(ctx, a, "", rated("U1", 2)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Scope(other, nil, "U9").CloseDebrief(ctx, g, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.UserWaiting(ctx, key.Team, "U1"); !slices.Equal(got, want[1:2]) {
		t.Errorf("UserWaiting after a submit and a close = %v, want %v", got, want[1:2])
	}
	if got, _ := s.UserWaiting(ctx, key.Team, "U2"); len(got) != 0 {
		t.Errorf("UserWaiting of someone who opened nothing = %v", got)
	}
}

// testPanel: a panel replaces the one before, lists the candidate in each
// member's App Home until they submit, and coordinators are kept with the
// loop.
func testPanel(t *testing.T, newStore func(t *testing.T) *Store) {
	s := newStore(t)
	ctx := t.Context()
	key := hirebot.SessionKey{Team: "T1", Channel: "CPANEL"}
	id := mustAdd(t, s, key, "Ada Lovelace")
	c, err := s.Scope(key, nil, "").Candidate(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	sc := s.Scope(key, nil, "UOWNER")
	if _, err := sc.SetPanel(ctx, id, c.Inc, []scorecard.PanelMember{{User: "U1", Focus: []string{"vision"}}, {User: "U2"}}); err != nil {
		t.Fatal(err)
	}
	got, err := sc.SetPanel(ctx, id, c.Inc, []scorecard.PanelMember{{User: "U3"}, {User: "U1", Focus: []string{"vision", "comms"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := []scorecard.PanelMember{{User: "U1", Focus: []string{"vision", "comms"}}, {User: "U3"}}
	if fmt.Sprint(got.Panel) != fmt.Sprint(want) {
		t.Errorf("panel = %+v, want %+v", got.Panel, want)
	}
	if w, err := s.UserWaiting(ctx, "T1", "U3"); err != nil || len(w) != 1 {
		t.Errorf("U3's waiting = %v, %v; want the candidate", w, err)
	}
	if w, _ := s.UserWaiting(ctx, "T1", "U2"); len(w) != 0 {
		t.Errorf("U2, off the panel now, still waits: %v", w)
	}
	if _, err := sc.SetPanel(ctx, id, "another", nil); !errors.As(err, new(*hirebot.GoneError)) {
		t.Errorf("a panel for another candidate of the name: %v", err)
	}
	for _, step := range []struct {
		user    string
		add     bool
		changed bool
	}{{"UREC", true, true}, {"UREC", true, false}, {"UHR", true, true}, {"UREC", false, true}, {"UREC", false, false}} {
		if changed, err := sc.SetCoordinator(ctx, step.user, step.add); err != nil || changed != step.changed {
			t.Errorf("SetCoordinator(%s, %v) = %v, %v; want %v", step.user, step.add, changed, err, step.changed)
		}
	}
	if l, err := sc.Loop(ctx); err != nil || !slices.Equal(l.Coordinators, []string{"UHR"}) {
		t.Errorf("Loop = %+v, %v; want coordinator UHR", l, err)
	}
}

// testDecide: decisions are kept in order, the newest MaxDecisions, with
// who and when.
func testDecide(t *testing.T, newStore func(t *testing.T) *Store) {
	s := newStore(t)
	ctx := t.Context()
	key := hirebot.SessionKey{Team: "T1", Channel: "CDECIDE"}
	id := mustAdd(t, s, key, "Ada Lovelace")
	c, _ := s.Scope(key, nil, "").Candidate(ctx, id)
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for i := range scorecard.MaxDecisions + 2 {
		d := scorecard.Decision{Verdict: scorecard.Hold, Reason: fmt.Sprintf("reason %d", i), By: "UOWNER", At: at.Add(time.Duration(i) * time.Hour)}
		got, err := s.Scope(key, nil, "UOWNER").Decide(ctx, id, c.Inc, d)
		if err != nil {
			t.Fatal(err)
		}
		if last, ok := got.Decided(); !ok || last.Reason != d.Reason || !last.At.Equal(d.At) || last.By != "UOWNER" {
			t.Fatalf("Decided = %+v, want %+v", last, d)
		}
	}
	c, _ = s.Scope(key, nil, "").Candidate(ctx, id)
	if len(c.Decisions) != scorecard.MaxDecisions || c.Decisions[0].Reason != "reason 2" {
		t.Errorf("%d decisions kept, the oldest %q; want %d from reason 2", len(c.Decisions), c.Decisions[0].Reason, scorecard.MaxDecisions)
	}
	if _, err := s.Scope(key, nil, "").Decide(ctx, id, "another", scorecard.Decision{Verdict: scorecard.Hire, Reason: "x"}); !errors.As(err, new(*hirebot.GoneError)) {
		t.Errorf("a decision on another candidate of the name: %v", err)
	}
}

// testArchive: archiving takes a candidate off the list into the
// archived one with every scorecard, closes the debrief, keeps the record
// (and the loop) for the record retention, which later writes do not
// shorten; restoring brings them back with the candidate TTL; erasing
// deletes an archived candidate and its index entry.
func testArchive(t *testing.T, newStore func(t *testing.T) *Store) {
	s := newStore(t)
	ctx := t.Context()
	key := hirebot.SessionKey{Team: "T1", Channel: "CARCHIVE"}
	if err := s.Scope(key, nil, "").AddCandidate(ctx, scorecard.Candidate{Name: "Ada Lovelace", AddedBy: "U1", Added: time.Now()}, "U1"); err != nil {
		t.Fatal(err)
	}
	id := scorecard.ID("Ada Lovelace")
	c, _ := s.Scope(key, nil, "").Candidate(ctx, id)
	if _, _, err := s.Scope(key, nil, "").SubmitScorecard(ctx, id, c.Inc, rated("U2", 3)); err != nil {
		t.Fatal(err)
	}
	sc := s.Scope(key, nil, "U1")
	if already, err := sc.ArchiveCandidate(ctx, id, c.Inc, time.Now()); err != nil || already {
		t.Fatalf("archive: %v %v", already, err)
	}
	if already, _ := sc.ArchiveCandidate(ctx, id, c.Inc, time.Now()); !already {
		t.Error("archiving twice")
	}
	if cs, _ := sc.Candidates(ctx); len(cs) != 0 {
		t.Errorf("listed after archiving: %v", cs)
	}
	arch, err := sc.Archived(ctx)
	if err != nil || len(arch) != 1 || arch[0].Archived == nil || arch[0].Archived.By != "U1" || !arch[0].Closed || len(arch[0].Cards) != 1 {
		t.Fatalf("archived = %+v, %v", arch, err)
	}
	sl, _ := sessionSlot(key)
	for _, k := range []string{sl.candidate(id), sl.loop(), sl.archived()} {
		if d := s.client.PTTL(ctx, k).Val(); d <= candidateTTL {
			t.Errorf("%s expires in %v, want the record retention", k, d)
		}
	}
	if _, err := sc.Decide(ctx, id, c.Inc, scorecard.Decision{Verdict: scorecard.NoHire, Reason: "x", By: "U1", At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if d := s.client.PTTL(ctx, sl.candidate(id)).Val(); d <= candidateTTL {
		t.Errorf("a decision on an archived candidate shortened its retention to %v", d)
	}
	if _, _, err := sc.SubmitScorecard(ctx, id, c.Inc, rated("U3", 2)); !errors.Is(err, ErrDebriefClosed) {
		t.Errorf("a scorecard for an archived candidate: %v", err)
	}
	if active, err := sc.RestoreCandidate(ctx, id, c.Inc); err != nil || active {
		t.Fatalf("restore: %v %v", active, err)
	}
	got, _ := sc.Candidate(ctx, id)
	if got.Archived != nil || got.Closed || len(got.Cards) != 1 || len(got.Decisions) != 1 {
		t.Errorf("restored = %+v", got)
	}
	if d := s.client.PTTL(ctx, sl.candidate(id)).Val(); d > candidateTTL {
		t.Errorf("restored candidate expires in %v, want the candidate TTL", d)
	}
	if active, _ := sc.RestoreCandidate(ctx, id, c.Inc); !active {
		t.Error("restoring an active candidate")
	}
	if _, err := sc.ArchiveCandidate(ctx, id, c.Inc, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := sc.RemoveCandidate(ctx, id, c.Inc); err != nil {
		t.Fatal(err)
	}
	if n := s.client.Exists(ctx, sl.candidate(id)).Val() + s.client.SCard(ctx, sl.archived()).Val(); n != 0 {
		t.Errorf("erasing an archived candidate left %d keys or entries", n)
	}
}

// testCarried: a scorecard that no longer shows a competency its scorer's
// earlier one rated (the kit changed) keeps that rating apart; showing it
// again drops the kept one.
func testCarried(t *testing.T, newStore func(t *testing.T) *Store) {
	s := newStore(t)
	ctx := t.Context()
	key := hirebot.SessionKey{Team: "T1", Channel: "CCARRY"}
	id := mustAdd(t, s, key, "Ada Lovelace")
	c, _ := s.Scope(key, nil, "").Candidate(ctx, id)
	card := func(ratings map[string]int, kit string) scorecard.Scorecard {
		sc := scorecard.Scorecard{Scorer: "U1", Ratings: ratings, Notes: map[string]string{"data": "asked about GDPR"}, Recommendation: scorecard.Yes, Kit: kit, At: time.Now()}
		for comp := range ratings {
			sc.Competencies = append(sc.Competencies, comp)
		}
		slices.Sort(sc.Competencies)
		return sc
	}
	submit := func(sc scorecard.Scorecard) scorecard.Candidate {
		got, _, err := s.Scope(key, nil, "U1").SubmitScorecard(ctx, id, c.Inc, sc)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	submit(card(map[string]int{"vision": 3, "data": 2}, "k1"))
	got := submit(card(map[string]int{"vision": 4}, "k2"))
	if kept := got.Carried["U1"]["data"]; kept.Rating != 2 || kept.Kit != "k1" || kept.Note != "asked about GDPR" {
		t.Errorf("the rating the new kit dropped: %+v", got.Carried)
	}
	got = submit(card(map[string]int{"vision": 2}, "k2"))
	if kept := got.Carried["U1"]["data"]; kept.Rating != 2 {
		t.Errorf("a second submission lost the kept rating: %+v", got.Carried)
	}
	got = submit(card(map[string]int{"vision": 2, "data": 4}, "k3"))
	if len(got.Carried["U1"]) != 0 {
		t.Errorf("a competency shown again is still kept apart: %+v", got.Carried)
	}
}
