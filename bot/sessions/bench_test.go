package sessions

import (
	"strconv"
	"testing"

	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/internal/redistest"
)

// BenchmarkUpdateDraft measures one uncontended change against a real
// redis-server, reporting the round trips it takes (the contract is 2).
func BenchmarkUpdateDraft(b *testing.B) {
	srv := redistest.MustStart(b)
	s := New(MustOpen(b, srv.URL()), Options{})
	key := newKey()
	MustCreate(b, s, key, "U1")
	set := func(i int) func(d *draft.Draft, _ int) (draft.Entry, error) {
		return func(d *draft.Draft, _ int) (draft.Entry, error) {
			d.Fields[draft.Salary] = strconv.Itoa(i)
			d.Version++
			return draft.Entry{Version: d.Version, Op: draft.OpSet, By: "U1", Summary: "set salary"}, nil
		}
	}
	MustUpdate(b, s, key, "U1", set(0)) // loads the script and warms the pool
	var h redistest.RoundTrips
	s.client.AddHook(&h)
	i := 0
	for b.Loop() {
		i++
		if _, _, err := s.Scope(key, nil, "U1").UpdateDraft(b.Context(), set(i)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(h.N())/float64(b.N), "roundtrips/op")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
}

// BenchmarkDraftRead measures reading a draft from a real redis-server.
func BenchmarkDraftRead(b *testing.B) {
	srv := redistest.MustStart(b)
	s := New(MustOpen(b, srv.URL()), Options{})
	key := newKey()
	MustCreate(b, s, key, "U1")
	for i := range 20 {
		MustUpdate(b, s, key, "U1", addItem("U1", "requirement "+strconv.Itoa(i)))
	}
	var h redistest.RoundTrips
	s.client.AddHook(&h)
	for b.Loop() {
		if _, err := s.Scope(key, nil, "").Draft(b.Context()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(h.N())/float64(b.N), "roundtrips/op")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
}
