package sessions

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/scorecard"
)

// TestReminders runs the reminders' schedule against a redis-server, the
// embedded store and a cluster.
func TestReminders(t *testing.T) {
	eachBackend(t, Options{CandidateTTL: candidateTTL, RemindAfter: time.Minute}, testReminders, "redis-server", "embedded", "cluster")
}

// testReminders: a panel schedules a reminder per member, due
// RemindAfter later; replicas taking at once each take a reminder once; a
// lease that runs out lets another replica take it (Previous set), and
// the first can no longer mark it; marking schedules the next, or drops
// the last.
func testReminders(t *testing.T, newStore func(t *testing.T) *Store) {
	s := newStore(t)
	ctx := t.Context()
	var want []string
	for ch := range 5 {
		key := hirebot.SessionKey{Team: "T1", Channel: fmt.Sprintf("CREM%d", ch)}
		id := mustAdd(t, s, key, "Ada Lovelace")
		c, _ := s.Scope(key, nil, "").Candidate(ctx, id)
		panel := []scorecard.PanelMember{{User: "U1"}, {User: "U2"}, {User: "U3"}}
		if _, err := s.Scope(key, nil, "UOWNER").SetPanel(ctx, id, c.Inc, panel); err != nil {
			t.Fatal(err)
		}
		// Setting it again schedules nothing twice.
		if _, err := s.Scope(key, nil, "UOWNER").SetPanel(ctx, id, c.Inc, panel); err != nil {
			t.Fatal(err)
		}
		for _, m := range panel {
			want = append(want, key.Channel+"/"+m.User)
		}
	}
	now := time.Now()
	if got, err := s.TakeReminders(ctx, now, time.Second, "early", 100); err != nil || len(got) != 0 {
		t.Fatalf("reminders taken before they are due: %v, %v", got, err)
	}
	if w, _ := s.UserWaiting(ctx, "T1", "U1"); len(w) != 5 || w[0].Due.Before(now.Add(50*time.Second)) {
		t.Errorf("U1's waiting scorecards = %+v, want 5 with a reminder due in a minute", w)
	}
	later := now.Add(2 * time.Minute)
	var mu sync.Mutex
	taken := map[string]int{}
	var all []scorecard.Reminder
	var wg sync.WaitGroup
	for r := range 8 {
		wg.Go(func() {
			got, err := s.TakeReminders(ctx, later, 10*time.Second, fmt.Sprintf("replica-%d", r), 4)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, rem := range got {
				taken[rem.Channel+"/"+rem.User]++
				all = append(all, rem)
			}
		})
	}
	wg.Wait()
	for _, k := range want {
		if taken[k] > 1 {
			t.Errorf("%s taken %d times", k, taken[k])
		}
	}
	if len(all) != min(len(want), 32) {
		t.Errorf("%d reminders taken by 8 replicas of 4, want %d", len(all), min(len(want), 32))
	}
	first := all[0]
	// The lease runs out: another replica takes it, and knows.
	again, err := s.TakeReminders(ctx, later.Add(11*time.Second), 10*time.Second, "rescuer", 100)
	if err != nil {
		t.Fatal(err)
	}
	var rescued *scorecard.Reminder
	for i, r := range again {
		if r.Channel == first.Channel && r.User == first.User {
			rescued = &again[i]
		}
	}
	if rescued == nil || rescued.Previous != first.Token || rescued.Sent != 0 {
		t.Fatalf("the reminder whose lease ran out: %+v", rescued)
	}
	if ok, err := s.ReminderSent(ctx, first, true, later.Add(time.Hour), false); err != nil || ok {
		t.Errorf("the first holder marked it after losing the lease: %v %v", ok, err)
	}
	if ok, err := s.ReminderSent(ctx, *rescued, true, later.Add(time.Hour), false); err != nil || !ok {
		t.Fatalf("mark: %v %v", ok, err)
	}
	next, _ := s.TakeReminders(ctx, later.Add(2*time.Hour), 10*time.Second, "next", 100)
	var n *scorecard.Reminder
	for i, r := range next {
		if r.Channel == first.Channel && r.User == first.User {
			n = &next[i]
		}
	}
	if n == nil || n.Sent != 1 || n.Previous != "" {
		t.Fatalf("the next reminder: %+v", n)
	}
	if ok, _ := s.ReminderSent(ctx, *n, true, time.Time{}, true); !ok {
		t.Fatal("the last could not be marked")
	}
	if rest, _ := s.TakeReminders(ctx, later.Add(100*time.Hour), time.Second, "end", 100); len(rest) != len(want)-1 {
		t.Errorf("%d reminders left after dropping one, want %d", len(rest), len(want)-1)
	}
}
