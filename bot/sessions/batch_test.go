package sessions

import (
	"slices"
	"testing"

	"github.com/hirebot/hirebot"
)

// TestKitBatch runs the last batch and the batch add against a
// redis-server, the embedded store and a cluster.
func TestKitBatch(t *testing.T) {
	eachBackend(t, Options{}, func(t *testing.T, newStore func(t *testing.T) *Store) {
		s := newStore(t)
		ctx := t.Context()
		key := hirebot.SessionKey{Team: "T1", Channel: "CBATCH"}
		if err := s.Scope(key, nil, "U1").MarkShown(ctx, "q3", "q1", "q2"); err != nil {
			t.Fatal(err)
		}
		if err := s.Scope(key, nil, "U2").MarkShown(ctx, "q9"); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Scope(key, nil, "U1").LastBatch(ctx); err != nil || !slices.Equal(got, []string{"q3", "q1", "q2"}) {
			t.Errorf("U1's last batch = %v, %v", got, err)
		}
		if asked, _ := s.Scope(key, nil, "").Asked(ctx); len(asked) != 4 {
			t.Errorf("asked = %v, want the four shown", asked)
		}
		if _, err := s.Scope(key, nil, "").AddToKit(ctx, "", "q1"); err != nil {
			t.Fatal(err)
		}
		added, full, err := s.Scope(key, nil, "U1").AddManyToKit(ctx, "", []string{"q3", "q1", "q2"})
		if err != nil || full || !slices.Equal(added, []string{"q3", "q2"}) {
			t.Errorf("AddManyToKit = %v, %v, %v; want q3 q2 added", added, full, err)
		}
		if kit, _ := s.Scope(key, nil, "").Kit(ctx); !slices.Equal(kit, []string{"q1", "q3", "q2"}) {
			t.Errorf("kit = %v", kit)
		}
	}, "redis-server", "embedded", "cluster")
}
